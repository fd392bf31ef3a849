import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileSet } from '../../src/core/site/fileSet';

describe('file set', () => {
  it('finds a file written in other letter case, also one added or deleted after the first lookup', () => {
    const files = new FileSet(['/site/static/Logo.png', '/site/content/post.md']);
    assert.equal(files.caseVariant('/site/static/logo.png'), '/site/static/Logo.png');
    assert.equal(files.caseVariant('/site/static/Logo.png'), undefined, 'the exact path is no variant of itself');
    files.add('/site/static/Photo.JPG');
    assert.equal(files.caseVariant('/site/static/photo.jpg'), '/site/static/Photo.JPG');
    files.add('/site/static/LOGO.png');
    files.delete('/site/static/Logo.png');
    assert.equal(files.caseVariant('/site/static/logo.png'), '/site/static/LOGO.png', 'the file left in other case is still found');
    files.delete('/site/static/LOGO.png');
    assert.equal(files.caseVariant('/site/static/logo.png'), undefined);
  });

  it('lists images by file name in any folder, whatever the letter case, and forgets deleted ones', () => {
    const files = new FileSet(['/site/assets/a/Hero.png', '/site/static/hero.png', '/site/content/hero.md']);
    assert.deepEqual(files.imagesNamed('HERO.PNG').sort(), ['/site/assets/a/Hero.png', '/site/static/hero.png']);
    files.add('/site/content/post/hero.png');
    files.delete('/site/static/hero.png');
    assert.deepEqual(files.imagesNamed('hero.png').sort(), ['/site/assets/a/Hero.png', '/site/content/post/hero.png']);
    assert.equal(files.size, 3);
  });
});
