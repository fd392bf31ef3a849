import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { listingOnce } from '../../src/core/host/listingOnce';
import { noCancellation } from '../../src/core/host/cancellation';
import { hugo } from '../../src/core/site/generators/hugo';
import { Site } from '../../src/core/site/site';

describe('listingOnce: each folder listed, and each file but a page read, once per load', () => {
  it('lists a folder once and gives each caller its own copy', async () => {
    const fs = inMemorySite({ 'content/a.md': 'A', 'content/b.md': 'B' });
    let listed = 0;
    const counting = { ...fs, readFile: fs.readFile.bind(fs), stat: fs.stat.bind(fs), readDirectory: (path: string) => (listed++, fs.readDirectory(path)) };
    const once = listingOnce(counting);
    const first = await once.readDirectory('/site/content');
    first.length = 0;
    assert.deepEqual((await once.readDirectory('/site/content')).map((entry) => entry.name).sort(), ['a.md', 'b.md']);
    assert.equal(listed, 1);
    once.release();
    await once.readDirectory('/site/content');
    assert.equal(listed, 2, 'released, it lists from the disk again');
  });

  it("a Hugo site's load lists its content folders once, config and walk alike", async () => {
    const fs = inMemorySite({ 'hugo.toml': 'title = "x"\n', 'content/posts/a.md': '---\ntitle: A\n---\n', 'content/posts/b/index.md': '---\ntitle: B\n---\n' });
    const counts = new Map<string, number>();
    const counting = { ...fs, readFile: fs.readFile.bind(fs), stat: fs.stat.bind(fs), readFileStart: fs.readFileStart.bind(fs), readDirectory: (path: string) => (counts.set(path, (counts.get(path) ?? 0) + 1), fs.readDirectory(path)) };
    const site = await Site.load(counting, '/site', hugo, '/site/hugo.toml', noCancellation);
    assert.deepEqual([...site.posts.keys()].sort(), ['/site/content/posts/a.md', '/site/content/posts/b/index.md']);
    assert.equal(counts.get('/site/content/posts'), 1);
    assert.equal(counts.get('/site/content/posts/b'), 1);
  });

  // Hugo's loaders each read the shortcodes and partials they need (ids, images, every template's words), and the
  // templates' IDs every layout: once each. Pages are not kept (a cascade's _index.md is read as it is).
  it("a Hugo site's load reads each layout file once", async () => {
    const fs = inMemorySite({
      'hugo.toml': 'title = "x"\n',
      'layouts/shortcodes/note.html': '{{ partial "box.html" . }}',
      'layouts/partials/box.html': '<div>{{ .Inner }}</div>',
      'layouts/_default/single.html': '{{ .Content }}',
      'content/posts/a.md': '---\ntitle: A\n---\n',
    });
    const counts = new Map<string, number>();
    const counting = { ...fs, readFile: (path: string) => (counts.set(path, (counts.get(path) ?? 0) + 1), fs.readFile(path)), stat: fs.stat.bind(fs), readFileStart: fs.readFileStart.bind(fs), readDirectory: fs.readDirectory.bind(fs) };
    await Site.load(counting, '/site', hugo, '/site/hugo.toml', noCancellation);
    assert.deepEqual(['layouts/shortcodes/note.html', 'layouts/partials/box.html', 'layouts/_default/single.html'].map((file) => counts.get(`/site/${file}`)), [1, 1, 1]);
  });
});
