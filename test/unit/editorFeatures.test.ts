import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createPostcraftService, type PostcraftService } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { atCursor } from './support/cursor';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const post = '/site/content/blog/new.md';

async function sampleService(): Promise<PostcraftService> {
  const fs = inMemorySite({
    'hugo.toml': '[taxonomies]\ntag = "tags"\nauthor = "authors"\n',
    'content/authors/jane-doe/_index.md': '---\ntitle: Jane Doe\nbio: Writes about operators.\navatar: /img/jane.png\n---\n',
    'content/authors/sam/_index.md': '---\ntitle: Sam Rivera\n---\n',
    'content/blog/a.md': '---\ntitle: A\ntags: [kubernetes, go]\n---\n',
    'content/blog/b.md': '---\ntitle: B\ntags: [kubernetes, "open source"]\n---\n',
    'content/blog/c.md': '---\ntitle: C\ntags: [kubernetes]\n---\n',
    'assets/blog/2024/cover.png': png,
    'assets/blog/2024/notes.txt': 'not an image',
    'assets/logo.svg': '<svg/>',
    'static/img/jane.png': png,
  });
  const service = createPostcraftService({ fs });
  await service.openWorkspace(['/site']);
  return service;
}

function complete(service: PostcraftService, source: string) {
  const { text, offset } = atCursor(source);
  return service.completions(post, text, offset);
}

describe('completion', () => {
  let service: PostcraftService;
  before(async () => (service = await sampleService()));

  it('offers the site tags in a flow list, most used first, with counts, minus those already there', () => {
    const items = complete(service, '---\ntitle: N\ntags: [go, $$CURSOR$$]\n---\n');
    assert.deepEqual(items.map((item) => [item.label, item.detail]), [['kubernetes', '3 posts'], ['open source', '1 post']]);
    assert.equal(items[1]!.insertText, 'open source', 'a plain YAML scalar may hold spaces, even in a flow list');
  });

  it('offers tags in a block list item and keeps a typed prefix as the range to replace', () => {
    const [first] = complete(service, '---\ntags:\n  - kub$$CURSOR$$\n---\n');
    assert.equal(first?.label, 'kubernetes');
    assert.deepEqual(first?.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } });
  });

  it('offers no tag that only the post being typed has (the prefix itself, `kub`)', () => {
    const items = complete(service, '---\ntags:\n  - kub$$CURSOR$$\n---\n');
    assert.deepEqual(items.map((item) => item.label).filter((label) => label === 'kub'), []);
    assert.equal(items.find((item) => item.label === 'kubernetes')?.detail, '3 posts');
  });

  it('inserts bare text inside a quote the writer opened', () => {
    const items = complete(service, '---\ntags: ["$$CURSOR$$"]\n---\n');
    assert.equal(items.find((item) => item.label === 'open source')?.insertText, 'open source');
  });

  it('quotes YAML values that would otherwise read as another type or break the list', () => {
    const fs = inMemorySite({ 'hugo.toml': '', 'content/a.md': '---\ntags: ["yes", "a, b", "2024", "#x"]\n---\n' });
    const other = createPostcraftService({ fs });
    return other.openWorkspace(['/site']).then(() => {
      const { text, offset } = atCursor('---\ntags: [$$CURSOR$$]\n---\n');
      assert.deepEqual(other.completions('/site/content/b.md', text, offset).map((item) => item.insertText).sort(), ['"#x"', '"2024"', '"a, b"', '"yes"']);
    });
  });

  it('quotes every value in TOML frontmatter', () => {
    const items = complete(service, '+++\ntags = [$$CURSOR$$]\n+++\n');
    assert.equal(items[0]?.insertText, '"kubernetes"');
  });

  it('offers author ids with their display names for a single value or a list', () => {
    assert.deepEqual(complete(service, '---\nauthors: [$$CURSOR$$]\n---\n').map((item) => [item.label, item.detail]), [['jane-doe', 'Jane Doe'], ['sam', 'Sam Rivera']]);
    assert.deepEqual(complete(service, '---\nauthors:\n- $$CURSOR$$\n---\n').map((item) => item.label), ['jane-doe', 'sam']);
  });

  it('offers keys not yet present, as snippets', () => {
    const items = complete(service, '---\ntitle: x\n$$CURSOR$$\n---\n');
    assert.ok(!items.some((item) => item.label === 'title'));
    assert.equal(items.find((item) => item.label === 'tags')?.insertText, 'tags: [$1]');
    assert.equal(items.find((item) => item.label === 'draft')?.insertText, 'draft: ${1|true,false|}');
  });

  it('completes image paths where the site resolves them, images before folders, no other files', () => {
    assert.deepEqual(complete(service, '---\nimages:\n  - $$CURSOR$$\n---\n').map((item) => item.label), ['logo.svg', 'blog/', 'img/']);
    const nested = complete(service, '---\nimage: blog/2024/co$$CURSOR$$\n---\n');
    assert.deepEqual(nested.map((item) => item.label), ['cover.png']);
    assert.deepEqual(nested[0]?.range, { start: { line: 1, character: 17 }, end: { line: 1, character: 19 } });
  });

  it('completes image paths under keys named like images that the site does not list (thumbnail, hero, og_image)', () => {
    for (const key of ['thumbnail', 'hero', 'og_image']) {
      assert.deepEqual(complete(service, `---\n${key}: blog/2024/co$$CURSOR$$\n---\n`).map((item) => item.label), ['cover.png'], key);
    }
    assert.deepEqual(complete(service, '---\nsummary: blog/2024/co$$CURSOR$$\n---\n'), []);
  });

  it('completes Markdown image paths in the body', () => {
    assert.deepEqual(complete(service, '---\ntitle: x\n---\n![Cover](blog/2024/$$CURSOR$$)').map((item) => item.label), ['cover.png']);
  });

  it('offers nothing in plain body text', () => {
    assert.deepEqual(complete(service, '---\ntitle: x\n---\nSome words $$CURSOR$$'), []);
  });
});

describe('hover and links', () => {
  let service: PostcraftService;
  before(async () => (service = await sampleService()));

  it('shows a tag usage count and the posts that use it', () => {
    const { text, offset } = atCursor('---\ntags: [kube$$CURSOR$$rnetes]\n---\n');
    const hover = service.hover(post, text, offset);
    assert.match(hover?.markdown ?? '', /used in 4 posts/);
    assert.match(hover?.markdown ?? '', /- A/);
  });

  it('shows an author card with name, bio and avatar from the registry', () => {
    const { text, offset } = atCursor('---\nauthors: [jane$$CURSOR$$-doe]\n---\n');
    const hover = service.hover(post, text, offset);
    assert.match(hover?.markdown ?? '', /\*\*Jane Doe\*\*/);
    assert.match(hover?.markdown ?? '', /Writes about operators/);
    assert.deepEqual(hover?.images, ['/site/static/img/jane.png']);
  });

  it('links image paths and authors to their files', () => {
    const text = '---\nauthors: ["sam"]\nimages: [blog/2024/cover.png]\n---\n![x](/img/jane.png) ![y](missing.png)';
    const links = service.documentLinks(post, text).map((link) => [text.split('\n')[link.range.start.line]!.slice(link.range.start.character, link.range.end.character), link.target]);
    assert.deepEqual(links, [
      ['blog/2024/cover.png', '/site/assets/blog/2024/cover.png'],
      ['/img/jane.png', '/site/static/img/jane.png'],
      ['sam', '/site/content/authors/sam/_index.md'],
    ]);
  });
});
