import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { hugoUrlize } from '../../src/core/site/generators/hugo';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

async function check(files: Record<string, string | Uint8Array>, post: string, text: string) {
  const fs = inMemorySite(files);
  const service = createPostcraftService({ fs });
  await service.openWorkspace(['/site']);
  return service.checkText(`/site/${post}`, text).map((finding) => ({ code: finding.code, line: finding.range.start.line, message: finding.message }));
}

const config = 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\nauthor = "authors"\n';

describe('Hugo rules', () => {
  it('urlizes taxonomy terms the way Hugo does', () => {
    assert.equal(hugoUrlize('Jane Doe'), 'jane-doe');
    assert.equal(hugoUrlize('edith_puclla'), 'edith_puclla');
    assert.equal(hugoUrlize('C++ & Go!'), 'c++--go');
  });

  it('checks the posts of a site kept below a folder named like one it skips (.cache), but not those inside such a folder', async () => {
    const fs = inMemorySite({ 'hugo.toml': config, 'content/posts/a.md': '---\ntitle: A\n---\n', 'content/node_modules/b.md': '---\ntitle: B\n---\n' }, '/home/me/.cache/blog');
    const service = createPostcraftService({ fs });
    const [site] = await service.openWorkspace(['/home/me/.cache/blog']);
    assert.deepEqual([...site!.posts.keys()], ['/home/me/.cache/blog/content/posts/a.md']);
  });

  it('matches an author written as a display name to its term folder', async () => {
    const files = { 'hugo.toml': config, 'content/authors/jane-doe/_index.md': '---\ntitle: Jane Doe\n---\n' };
    assert.deepEqual(await check(files, 'content/posts/a.md', '---\ntitle: A\nauthors: [Jane Doe]\n---\n'), []);
  });

  it('reports an author missing from the authors section, suggesting the closest', async () => {
    const files = { 'hugo.toml': config, 'content/authors/jane-doe/_index.md': '---\ntitle: Jane Doe\n---\n' };
    const findings = await check(files, 'content/posts/a.md', '---\ntitle: A\nauthors: [jane-do]\n---\n');
    assert.deepEqual(findings.map((finding) => finding.code), ['unknown-author']);
    assert.match(findings[0]!.message, /Did you mean "jane-doe"/);
  });

  it('leaves authors alone when the site has no registry', async () => {
    assert.deepEqual(await check({ 'hugo.toml': 'title = "x"' }, 'content/posts/a.md', '---\ntitle: A\nauthors: [Anyone]\n---\n'), []);
  });

  it('resolves images from the page bundle, assets/ and static/', async () => {
    const files = { 'hugo.toml': config, 'assets/a.png': png, 'static/img/b.png': png, 'content/posts/bundle/c.png': png };
    const text = '---\ntitle: A\nimages: [a.png]\n---\n![](a.png) ![](/img/b.png) ![](c.png) ![](img/b.png)\n';
    assert.deepEqual(await check(files, 'content/posts/bundle/index.md', text), []);
  });

  it('strips the baseURL sub-path from site-root image paths', async () => {
    const files = { 'hugo.toml': 'baseURL = "https://example.org/blog/"', 'static/img/b.png': png };
    assert.deepEqual(await check(files, 'content/a.md', '---\ntitle: A\n---\n![](/blog/img/b.png)\n'), []);
  });

  it('reports a letter-case mismatch as its own error with the real path', async () => {
    const findings = await check({ 'hugo.toml': config, 'assets/Photo.PNG': png }, 'content/a.md', '---\ntitle: A\n---\n![](photo.png)\n');
    assert.deepEqual(findings.map((finding) => finding.code), ['image-case']);
    assert.match(findings[0]!.message, /assets\/Photo\.PNG/);
  });

  it('reports image paths that leave the site without reading them', async () => {
    const findings = await check({ 'hugo.toml': config }, 'content/a.md', '---\ntitle: A\n---\n![](../../../../etc/passwd.png)\n');
    assert.deepEqual(findings.map((finding) => finding.code), ['image-outside-site']);
  });

  it('honours module mounts for static and assets', async () => {
    const mounts = '[module]\n[[module.mounts]]\nsource = "images"\ntarget = "static/images"\n[[module.mounts]]\nsource = "content"\ntarget = "content"\n';
    const findings = await check({ 'hugo.toml': mounts, 'images/a.png': png }, 'content/a.md', '---\ntitle: A\n---\n![](/a.png)\n');
    assert.deepEqual(findings, []);
  });

  it('reads taxonomies from config/_default/', async () => {
    const files = { 'config/_default/hugo.toml': 'title = "x"', 'config/_default/taxonomies.toml': 'tag = "tags"\nwriter = "writers"', 'content/writers/ann/_index.md': '---\ntitle: Ann\n---\n', 'content/a.md': '' };
    const fs = inMemorySite(files);
    const service = createPostcraftService({ fs });
    const [site] = await service.openWorkspace(['/site']);
    assert.deepEqual(site?.config.tagKeys, ['tags', 'writers']);
  });

  it('flags a rarely used tag one edit from a common one, and not distinct short tags', async () => {
    const files: Record<string, string> = { 'hugo.toml': config };
    for (let i = 0; i < 3; i++) files[`content/p${i}.md`] = '---\ntitle: P\ntags: [kubernetes, go]\n---\n';
    const findings = await check(files, 'content/new.md', '---\ntitle: N\ntags: [kuberentes, gi]\n---\n');
    assert.deepEqual(findings.map((finding) => finding.code), ['tag-typo']);
    assert.match(findings[0]!.message, /"kuberentes" \(1 post\) looks like a misspelling of "kubernetes" \(3 posts\)/);
  });

  it('requires a readable date and offers an ISO fix', async () => {
    const fs = inMemorySite({ 'hugo.toml': config });
    const service = createPostcraftService({ fs });
    await service.openWorkspace(['/site']);
    const [finding] = service.checkText('/site/content/a.md', '---\ntitle: A\ndate: "June 5th, 2024"\n---\n');
    assert.equal(finding?.code, 'schema');
    assert.equal(finding?.severity, 'error');
    assert.equal(finding?.fixes[0]?.edits[0]?.newText, '2024-06-05');
  });

  it('needs no title on list and term pages, in any language (Hugo titles them), but does on a regular page', async () => {
    const untitled = '---\ndate: 2024-01-02\n---\nText\n';
    for (const page of ['content/posts/_index.md', 'content/posts/_index.es.md', 'content/tags/go/_index.pt-br.md']) {
      assert.deepEqual(await check({ 'hugo.toml': config }, page, untitled), [], page);
    }
    const regular = await check({ 'hugo.toml': config }, 'content/posts/index.es.md', untitled);
    assert.deepEqual(regular.map((finding) => finding.message), ['Missing "title".']);
  });
});
