import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startsWithHostName } from '../../../src/core/links/schemelessAddress';

describe('startsWithHostName', () => {
  it('takes a dotted name whose last label is letters for a host', () => {
    for (const path of ['github.com/whoisryosuke/clawdio', 'jamstack.org', 'amp.dev/', 'youtu.be/abc', 'www.example.co.uk', 'npmjs.com/package/x', 'docs.rs/serde', 'bun.sh/docs', 'www.example.zip', 'пример.рф', 'example.xn--p1ai']) {
      assert.equal(startsWithHostName(path), true, path);
    }
  });

  it('does not take a file name, a version folder or a relative path for one', () => {
    for (const path of ['image.png', 'post.md', 'index.html', 'feed.xml', 'styles.css', 'Photo.JPG', 'notes.zip', 'install.sh', 'v1.2/notes/', '1.2.3', 'my_file.name/x', './github.com', '../github.com/x', 'github', '-bad.com', 'bad-.com/x', '.com', 'a..com', 'github.c']) {
      assert.equal(startsWithHostName(path), false, path);
    }
  });
});
