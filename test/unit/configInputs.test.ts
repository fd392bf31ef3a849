import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService, type FileChange, type PostcraftService } from '../../src/core/index';
import { inMemorySite, type InMemoryFileSystem } from '../../src/core/host/inMemoryFileSystem';

/**
 * A change to a file the generator's config was read from (or a file created where the loader looks)
 * leaves the model stale: `fileChanged` says 'site', `needsReopen` says yes, and the fronts reopen.
 */
async function open(files: Record<string, string>) {
  const fs = inMemorySite(files);
  const service = createPostcraftService({ fs });
  await service.openWorkspace(['/site']);
  return { fs, service };
}

/** What both fronts do with a file event (src/vscode/siteSession.ts, src/server/session.ts). */
async function fileEvent(service: PostcraftService, fs: InMemoryFileSystem, relative: string, text: string | undefined, change: FileChange): Promise<{ scope: string; reopened: boolean }> {
  const path = `/site/${relative}`;
  if (text === undefined) fs.delete(relative);
  else fs.write(relative, text);
  const scope = await service.fileChanged(path, change);
  const reopened = scope !== 'none' && service.needsReopen(path, change);
  if (reopened) await service.openWorkspace(['/site']);
  return { scope, reopened };
}

const post = '---\ntitle: A\ntags: [garden]\n---\nText\n';

describe('config inputs: a change re-opens the site', () => {
  it('Hugo: creating or changing the link render hook changes how links resolve', async () => {
    const hook = '{{ with $.Page.GetPage .Destination }}<a href="{{ .RelPermalink }}">{{ end }}';
    const { fs, service } = await open({ 'hugo.toml': 'baseURL = "https://example.org/"\n', 'content/blog/a.md': post, 'content/blog/b.md': '---\ntitle: B\n---\n[a](blog/a)\n' });
    const broken = async () => (await service.checkFile('/site/content/blog/b.md')).filter((finding) => finding.code === 'broken-link').length;
    assert.equal(await broken(), 1);
    assert.deepEqual(await fileEvent(service, fs, 'layouts/_markup/render-link.html', hook, 'created'), { scope: 'site', reopened: true });
    assert.equal(await broken(), 0);
    assert.deepEqual(await fileEvent(service, fs, 'layouts/_markup/render-link.html', '<a href="{{ .Destination }}">', 'changed'), { scope: 'site', reopened: true });
    assert.equal(await broken(), 1);
  });

  it('Astro: creating src/content.config.ts with a glob loader makes its folder hold posts', async () => {
    const { fs, service } = await open({ 'astro.config.mjs': 'export default {}', 'src/posts/a.md': post });
    assert.equal(service.pageInfo('/site/src/posts/a.md'), undefined);
    const contentConfig = "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nconst blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/posts' }) });\nexport const collections = { blog };\n";
    assert.deepEqual(await fileEvent(service, fs, 'src/content.config.ts', contentConfig, 'created'), { scope: 'site', reopened: true });
    assert.equal(service.pageInfo('/site/src/posts/a.md')?.title, 'A');
    // Deleting it again: the posts are gone from the model.
    assert.deepEqual(await fileEvent(service, fs, 'src/content.config.ts', undefined, 'deleted'), { scope: 'site', reopened: true });
    assert.equal(service.pageInfo('/site/src/posts/a.md'), undefined);
  });

  it('Astro: src/content/config.ts (legacy) is an input too, but a new post in src/pages is not', async () => {
    const { fs, service } = await open({ 'astro.config.mjs': 'export default {}', 'src/content/config.ts': 'export const collections = {};\n', 'src/pages/index.astro': '---\n---\n' });
    assert.equal(service.needsReopen('/site/src/content/config.ts'), true);
    assert.deepEqual(await fileEvent(service, fs, 'src/pages/new.md', post, 'created'), { scope: 'site', reopened: false });
    assert.equal(service.pageInfo('/site/src/pages/new.md')?.title, 'A');
    assert.deepEqual(await fileEvent(service, fs, 'src/pages/about.astro', '---\n---\n', 'created'), { scope: 'site', reopened: true });
  });

  it('Docusaurus: a new or edited blog/tags.yml changes the tag registry', async () => {
    const config = "export default { presets: [['classic', { blog: { tags: 'tags.yml' } }]] };\n";
    const { fs, service } = await open({ 'docusaurus.config.js': config, 'blog/2024-01-01-a.md': post });
    const registered = () => [...new Set((service.openSites[0]!.config as unknown as { tagRegistries: { tags: Set<string> }[] }).tagRegistries.flatMap((registry) => [...registry.tags]))];
    assert.deepEqual(registered(), []);
    assert.deepEqual(await fileEvent(service, fs, 'blog/tags.yml', 'garden:\n  label: Garden\n', 'created'), { scope: 'site', reopened: true });
    assert.deepEqual(registered(), ['garden']);
    assert.deepEqual(await fileEvent(service, fs, 'blog/tags.yml', 'garden:\n  label: Garden\nsoil:\n  label: Soil\n', 'changed'), { scope: 'site', reopened: true });
    assert.deepEqual(registered(), ['garden', 'soil']);
  });

  it('Hugo: a file created in config/_default/ is merged into the config', async () => {
    const { fs, service } = await open({ 'hugo.toml': "title = 'x'\n", 'content/posts/a.md': post, 'writing/b.md': post });
    assert.equal(service.pageInfo('/site/writing/b.md'), undefined);
    assert.deepEqual(await fileEvent(service, fs, 'config/_default/hugo.toml', "contentDir = 'writing'\n", 'created'), { scope: 'site', reopened: true });
    assert.equal(service.pageInfo('/site/writing/b.md')?.title, 'A');
    assert.equal(service.pageInfo('/site/content/posts/a.md'), undefined);
  });

  it('Eleventy: a directory data file with a permalink changes the posts\' URLs', async () => {
    const { fs, service } = await open({ 'eleventy.config.js': 'export default function () {}', 'blog/a.md': post });
    const url = () => service.openSites[0]!.posts.get('/site/blog/a.md')?.route?.url;
    assert.equal(url(), '/blog/a/');
    assert.deepEqual(await fileEvent(service, fs, 'blog/blog.11tydata.json', '{ "permalink": "/notes/{{ page.fileSlug }}/" }', 'created'), { scope: 'site', reopened: true });
    assert.equal(url(), '/notes/a/');
    assert.deepEqual(await fileEvent(service, fs, 'blog/blog.11tydata.json', '{ "permalink": "/garden/{{ page.fileSlug }}/" }', 'changed'), { scope: 'site', reopened: true });
    assert.equal(url(), '/garden/a/');
  });

  it('Jekyll: _config.yml and the Gemfile are inputs; a post is not', async () => {
    const { fs, service } = await open({ '_config.yml': 'title: x\n', '_posts/2024-01-01-a.md': post });
    const url = () => service.openSites[0]!.posts.get('/site/_posts/2024-01-01-a.md')?.route?.url;
    const before = url();
    assert.deepEqual(await fileEvent(service, fs, '_config.yml', 'title: x\npermalink: /:title/\n', 'changed'), { scope: 'site', reopened: true });
    assert.notEqual(url(), before);
    assert.equal(url(), '/a/');
    assert.equal(service.needsReopen('/site/Gemfile'), true);
    assert.deepEqual(await fileEvent(service, fs, '_posts/2024-01-01-a.md', '---\ntitle: B\n---\n', 'changed'), { scope: 'post', reopened: false });
  });
});
