import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

async function check(files: Record<string, string | Uint8Array>, post: string, text: string) {
  const service = createPostcraftService({ fs: inMemorySite(files) });
  await service.openWorkspace(['/site']);
  return service.checkText(`/site/${post}`, text, { severities: { 'missing-alt': 'off' } }).map((finding) => `${finding.severity} ${finding.code}`);
}

describe('frontmatter image fields, as the generator or its theme reads them', () => {
  // drivet/website-11ty writes `photo:\n  - >-\n    https://media…jpg`: the value is the URL, as YAML reads it (Eleventy 3.1.2 writes
  // `<img src="https://media…jpg">`), not `>-` and the line after it.
  it('reads a block scalar of one line as its value, the range on it', async () => {
    const hugo = { 'hugo.toml': 'baseURL = "https://example.org/"\n', 'static/img/a.jpg': png };
    assert.deepEqual(await check(hugo, 'content/posts/a.md', '---\ntitle: A\nimage: >-\n  /img/a.jpg\ncover: |-\n  /img/a.jpg\nphoto:\n  - >-\n    https://media.example.com/0_49bb1129.jpg\n---\n'), []);
    const service = createPostcraftService({ fs: inMemorySite(hugo) });
    await service.openWorkspace(['/site']);
    const text = '---\ntitle: A\nimage: >-\n  /img/gone.jpg\n---\n';
    const findings = service.checkText('/site/content/posts/a.md', text, { severities: { 'missing-alt': 'off' } });
    assert.deepEqual(findings.map((finding) => [finding.code, finding.message.includes('"/img/gone.jpg"'), finding.range.start.line, finding.range.start.character, finding.range.end.character]), [['broken-image', true, 3, 2, 15]]);
  });

  const eleventy = { 'eleventy.config.js': 'export default function () {}', 'src/assets/images/featured/buildless.jpg': png };

  it('takes a bare name that a site folder ends with for a layout that prefixes its own folder (Eleventy featuredImage)', async () => {
    assert.deepEqual(await check(eleventy, 'src/posts/a.md', '---\ntitle: A\nfeaturedImage: buildless.jpg\n---\n'), []);
  });

  it('reports a missing one as a warning where only layouts read the field (Hugo, Jekyll, Eleventy)', async () => {
    assert.deepEqual(await check(eleventy, 'src/posts/a.md', '---\ntitle: A\nfeaturedImage: nowhere.jpg\n---\n'), ['warning broken-image']);
    const hugo = { 'hugo.toml': 'baseURL = "https://example.org/"\n' };
    assert.deepEqual(await check(hugo, 'content/posts/a.md', '---\ntitle: A\nimages: [/img/nowhere.png]\n---\n'), ['warning broken-image']);
    assert.deepEqual(await check(hugo, 'content/posts/a.md', '---\ntitle: A\n---\n![](/img/nowhere.png)\n'), ['error broken-image']);
  });

  // spf13.com's posts keep `Thumbnail: /images/….png-200x200.png` from a WordPress export; no layout of the site names the
  // key, so no page shows those images (Hugo reads a param by its name, `.Params.thumbnail`).
  it('leaves a guessed image alone where every template of a Hugo site is on disk and none names its key', async () => {
    const post = '---\ntitle: A\nThumbnail: /images/nowhere.png\n---\n';
    const hugo = { 'hugo.toml': 'baseURL = "https://example.org/"\n', 'layouts/_default/single.html': '<h1>{{ .Title }}</h1>{{ .Content }}\n' };
    assert.deepEqual(await check(hugo, 'content/posts/a.md', post), []);
    assert.deepEqual(await check({ ...hugo, 'layouts/partials/card.html': '<img src="{{ .Params.thumbnail }}">' }, 'content/posts/a.md', post), ['warning broken-image']);
    // A theme not on disk, or a template that reads params by a computed name, may read any key.
    assert.deepEqual(await check({ ...hugo, 'hugo.toml': 'baseURL = "https://example.org/"\ntheme = "gone"\n' }, 'content/posts/a.md', post), ['warning broken-image']);
    assert.deepEqual(await check({ ...hugo, 'layouts/partials/meta.html': '{{ range $key, $value := .Params }}<meta name="{{ $key }}" content="{{ $value }}">{{ end }}' }, 'content/posts/a.md', post), ['warning broken-image']);
  });

  it('keeps a missing one an error where the generator resolves it (Docusaurus image)', async () => {
    const docusaurus = { 'docusaurus.config.js': 'module.exports = {};' };
    assert.deepEqual(await check(docusaurus, 'blog/2024-01-01-a.md', '---\ntitle: A\nimage: ./nowhere.png\n---\n'), ['error broken-image']);
  });
});
