// Resource limits and paths that leave the site, on the real disk in a temporary folder: what a hostile
// repository can hold must give a clear finding or a skipped-file notice in bounded time, and nothing
// outside the site is ever read.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createPostcraftService, formatMessage, toSitePath, type SiteFileSystem } from '../../src/core/index';
import { planNewPost } from '../../src/core/features/newPost';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { walkFiles } from '../../src/core/site/walk';
import { noCancellation } from '../../src/core/host/cancellation';
import { isInside } from '../../src/core/text/paths';

const temp = mkdtempSync(join(tmpdir(), 'postcraft-limits-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** Writes `files` below a new folder of the temp dir and returns the folder as a site path. */
function site(name: string, files: Record<string, string | Uint8Array>): string {
  const root = join(temp, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return toSitePath(realpathSync(root));
}

/** The real disk, remembering every file whose content it hands out. */
function recordingDisk(): { fs: SiteFileSystem; reads: string[] } {
  const reads: string[] = [];
  const readFile = async (path: string, maxBytes?: number) => {
    const bytes = await nodeFileSystem.readFile(path, maxBytes);
    if (bytes) reads.push(path);
    return bytes;
  };
  return { reads, fs: { ...nodeFileSystem, readFile } };
}

/**
 * These tests guard against hangs and blow-ups (alias bombs, runaway regexes, walks that never end), not
 * speed: speed is measured in bench/. The bound is far above any normal run on a loaded machine and far
 * below what a blow-up takes.
 */
const hangBoundMs = 60_000;

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

const hugoConfig = 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\nauthor = "authors"\n';

describe('files a repository should not hold', () => {
  it('skips a 50 MB post with a notice, judging it by its size without reading it', async () => {
    const root = site('huge', { 'hugo.toml': hugoConfig, 'content/posts/small.md': '---\ntitle: Small\n---\n' });
    writeFileSync(join(temp, 'huge/content/posts/huge.md'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    const { fs, reads } = recordingDisk();
    const service = createPostcraftService({ fs });
    const { ms, result: findings } = await timed(async () => {
      await service.openWorkspace([root]);
      return service.checkFile(`${root}/content/posts/huge.md`);
    });
    assert.deepEqual(findings.map((finding) => [finding.code, finding.range.start.line]), [['unreadable-file', 0]]);
    assert.match(findings[0]!.message, /50\.0 MB, over Postcraft's 5 MB limit/);
    assert.ok(!reads.includes(`${root}/content/posts/huge.md`), 'the huge file was read');
    assert.ok(ms < hangBoundMs, `took ${ms} ms`);
  });

  it('skips a binary file with a .md name and a file that is not UTF-8, each with a notice saying why', async () => {
    const root = site('binary', {
      'hugo.toml': hugoConfig,
      'content/posts/photo.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'content/posts/latin1.md': new Uint8Array([...Buffer.from('---\ntitle: Caf'), 0xe9, ...Buffer.from('\n---\n')]),
    });
    const service = createPostcraftService({ fs: nodeFileSystem });
    await service.openWorkspace([root]);
    const binary = await service.checkFile(`${root}/content/posts/photo.md`);
    const latin1 = await service.checkFile(`${root}/content/posts/latin1.md`);
    assert.deepEqual(binary.map((finding) => finding.code), ['unreadable-file']);
    assert.match(binary[0]!.message, /binary data/);
    assert.deepEqual(latin1.map((finding) => finding.code), ['unreadable-file']);
    assert.match(latin1[0]!.message, /not valid UTF-8/);
  });

  it('reads a post with a stray NUL byte pasted into it as the text it is, and checks it', async () => {
    const text = `---\ntitle: Notes\n---\n${'Some prose. '.repeat(200)}\u0000\n![chart](missing.png)\n`;
    const root = site('stray-nul', { 'hugo.toml': hugoConfig, 'content/posts/notes.md': text });
    const service = createPostcraftService({ fs: nodeFileSystem });
    await service.openWorkspace([root]);
    assert.deepEqual((await service.checkFile(`${root}/content/posts/notes.md`)).map((finding) => finding.code), ['broken-image']);
  });

  it('reads a UTF-16 post with a byte-order mark like a UTF-8 one', async () => {
    const text = '---\ntitle: Wide\ntags: [kubernetes]\n---\n![x](missing.png)\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((ch) => ch.charCodeAt(0))).buffer)]);
    const root = site('utf16', { 'hugo.toml': hugoConfig, 'content/posts/wide.md': utf16, 'content/posts/narrow.md': text });
    const service = createPostcraftService({ fs: nodeFileSystem });
    await service.openWorkspace([root]);
    const wide = await service.checkFile(`${root}/content/posts/wide.md`);
    const narrow = await service.checkFile(`${root}/content/posts/narrow.md`);
    assert.deepEqual(wide.map((finding) => [finding.code, finding.range]), narrow.map((finding) => [finding.code, finding.range]));
    assert.ok(wide.some((finding) => finding.code === 'broken-image'));
  });

  it('stops a YAML alias bomb in a post and in an author data file with a clear error', async () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const root = site('aliases', { 'hugo.toml': hugoConfig, 'data/authors.yaml': `${bomb.join('\n')}\n`, 'content/posts/bomb.md': `---\ntitle: Bomb\n${bomb.join('\n')}\n---\n` });
    const service = createPostcraftService({ fs: nodeFileSystem });
    const { ms, result: findings } = await timed(async () => {
      const [opened] = await service.openWorkspace([root]);
      assert.equal(opened?.authors.size, 0, 'an alias bomb is no author registry');
      return service.checkFile(`${root}/content/posts/bomb.md`);
    });
    assert.ok(findings.some((finding) => finding.code === 'yaml-syntax' && /alias/i.test(finding.message)), JSON.stringify(findings.map((finding) => finding.message)));
    assert.ok(ms < hangBoundMs, `took ${ms} ms`);
  });

  it('does not parse frontmatter nested thousands of levels deep, and says so instead of overflowing the stack', async () => {
    const root = site('nesting', { 'hugo.toml': hugoConfig, 'data/authors.json': `{"a": ${'['.repeat(50_000)}${']'.repeat(50_000)}}` });
    const service = createPostcraftService({ fs: nodeFileSystem });
    await service.openWorkspace([root]);
    for (const text of [`---\na: ${'['.repeat(100_000)}\n---\n`, `+++\na = ${'['.repeat(100_000)}\n+++\n`, `{"a": ${'['.repeat(50_000)}${']'.repeat(50_000)}}\n`, `---\n${'- '.repeat(20_000)}x\n---\n`, `---\n${'? '.repeat(2_000)}x\n---\n`, `---\ntags: [a, ${'x: '.repeat(20_000)}]\n---\n`, `---\ntitle:${'x: '.repeat(20_000)}\n---\n`]) {
      const { ms, result: findings } = await timed(async () => service.checkText(`${root}/content/posts/deep.md`, text));
      assert.ok(findings.some((finding) => /nested deeper than 100 levels/.test(finding.message)), `${text.slice(0, 12)}: ${JSON.stringify(findings.map((finding) => finding.message))}`);
      assert.ok(ms < hangBoundMs, `${text.slice(0, 12)} took ${ms} ms`);
    }
  });

  it("opens an Astro site whose package.json and tsconfig.json nest thousands of levels deep, reading neither", async () => {
    const deep = '['.repeat(200_000);
    const files = { 'astro.config.mjs': 'export default defineConfig({});\n', 'package.json': deep, 'tsconfig.json': deep, 'src/content/blog/a.md': '---\ntitle: A\n---\n' };
    const service = createPostcraftService({ fs: inMemorySite(files) });
    const sites = await service.openWorkspace(['/site']);
    assert.deepEqual(sites.map((opened) => [opened.profile.displayName, opened.posts.size]), [['Astro', 1]]);
  });

  it('does not parse frontmatter over 128 KB, and says so', async () => {
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': hugoConfig }) });
    await service.openWorkspace(['/site']);
    const text = `---\n${Array.from({ length: 20_000 }, (_, i) => `key${i}: value`).join('\n')}\n---\nBody`;
    const { ms, result: findings } = await timed(async () => service.checkText('/site/content/posts/big.md', text));
    assert.deepEqual(findings.map((finding) => [finding.code, finding.range.start.line]), [['yaml-syntax', 1]]);
    assert.match(findings[0]!.message, /over Postcraft's 128 KB limit/);
    assert.ok(ms < hangBoundMs, `took ${ms} ms`);
  });

  it('refuses YAML keys that are themselves lists or mappings, which the YAML library takes seconds to turn into text', async () => {
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': hugoConfig }) });
    await service.openWorkspace(['/site']);
    const text = `---\n${Array.from({ length: 200 }, (_, i) => `${'? '.repeat(90)}x${i}\n: v`).join('\n')}\n---\n`;
    const { ms, result: findings } = await timed(async () => service.checkText('/site/content/posts/keys.md', text));
    assert.ok(findings.some((finding) => finding.code === 'yaml-syntax' && /a key is itself a list or mapping/.test(finding.message)), JSON.stringify(findings.map((finding) => finding.message)));
    assert.ok(ms < hangBoundMs, `took ${ms} ms`);
  });

  it('does not wait on a named pipe in the content folder', { skip: process.platform === 'win32' }, async () => {
    const root = site('fifo', { 'hugo.toml': hugoConfig, 'content/posts/ok.md': '---\ntitle: OK\n---\n' });
    execFileSync('mkfifo', [join(temp, 'fifo/content/posts/pipe.md')]);
    const service = createPostcraftService({ fs: nodeFileSystem });
    const { ms, result: findings } = await timed(async () => {
      await service.openWorkspace([root]);
      return service.checkFile(`${root}/content/posts/pipe.md`);
    });
    assert.deepEqual(findings, []);
    assert.ok(ms < hangBoundMs, `took ${ms} ms`);
  });
});

describe('folders a repository should not hold', () => {
  it('indexes a site with symlink loops of files and folders without following them', async () => {
    const root = site('loops', { 'hugo.toml': hugoConfig, 'content/posts/a.md': '---\ntitle: A\ntags: [go]\n---\n' });
    symlinkSync('..', join(temp, 'loops/content/posts/up'));
    symlinkSync('.', join(temp, 'loops/content/self'));
    symlinkSync('b.md', join(temp, 'loops/content/posts/c.md'));
    symlinkSync('c.md', join(temp, 'loops/content/posts/b.md'));
    const service = createPostcraftService({ fs: nodeFileSystem });
    const { ms, result: sites } = await timed(() => service.openWorkspace([root]));
    assert.deepEqual([...sites[0]!.posts.keys()], [`${root}/content/posts/a.md`]);
    assert.deepEqual(await service.checkFile(`${root}/content/posts/b.md`), []);
    assert.ok(ms < hangBoundMs, `took ${ms} ms`);
  });

  it('walks a folder tree 400 levels deep and finds the post at the bottom', async () => {
    const deep = `content/${Array(400).fill('d').join('/')}/post.md`;
    const root = site('deep', { 'hugo.toml': hugoConfig, [deep]: '---\ntitle: Deep\n---\n' });
    const service = createPostcraftService({ fs: nodeFileSystem });
    const { ms, result: sites } = await timed(() => service.openWorkspace([root]));
    assert.ok(sites[0]!.posts.has(`${root}/${deep}`));
    assert.ok(ms < hangBoundMs, `took ${ms} ms`);
  });

  it('indexes a site of 2,000 posts in bounded time', async () => {
    const files: Record<string, string> = { 'hugo.toml': hugoConfig };
    for (let i = 0; i < 2000; i++) files[`content/posts/${i % 30}/post-${i}.md`] = `---\ntitle: Post ${i}\ntags: [tag${i % 50}, shared]\n---\n![x](missing-${i}.png)\n`;
    const root = site('many', files);
    const service = createPostcraftService({ fs: nodeFileSystem });
    const { ms, result: sites } = await timed(() => service.openWorkspace([root]));
    assert.equal(sites[0]!.posts.size, 2000);
    assert.ok(ms < hangBoundMs, `took ${ms} ms`);
  });

  it('stops listing files at the walk cap and says the list is truncated', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2500; i++) files[`content/${i % 10}/${i}.md`] = '';
    const result = await walkFiles(inMemorySite(files), '/site', { maxFiles: 1000, token: noCancellation });
    assert.equal(result.files.length, 1000);
    assert.equal(result.truncated, true);
  });

  it('opens a site of more files than the walk lists (200,000), says so, and checks the posts it has', async () => {
    const files: Record<string, string> = { 'hugo.toml': hugoConfig };
    for (let i = 0; i < 1000; i++) files[`content/posts/${i % 10}/post-${i}.md`] = `---\ntitle: Post ${i}\n---\n![x](/images/${i}.png)\n`;
    for (let i = 0; i < 205_000; i++) files[`static/images/${i}.png`] = '';
    const service = createPostcraftService({ fs: inMemorySite(files) });
    const { ms, result: sites } = await timed(() => service.openWorkspace(['/site']));
    const [opened] = sites;
    assert.ok(opened?.truncated);
    assert.deepEqual(opened.configProblems.map((problem) => formatMessage(problem)), ['only the first 200000 files were listed; posts and images after them are not checked']);
    assert.ok(ms < hangBoundMs, `took ${ms} ms`);
    // Which files the parallel walk lists first is not fixed; whatever posts it has are checked, and an
    // image it did not list is not called missing.
    const findings = await service.checkSite(opened);
    assert.deepEqual(findings.filter((finding) => finding.code === 'broken-image'), []);
  });
});

describe('configs a repository should not hold', () => {
  const posts = (prefix: string, count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}/${i % 20}/post-${i}.md`, `---\ntitle: Post ${i}\n---\n`]));

  it('indexes in bounded time whatever the config lists: ignore globs full of ** and *, a 50,000-line .gitignore, unclosed calls', async () => {
    const cases: Record<string, Record<string, string>> = {
      globs: { 'hugo.toml': hugoConfig, 'postcraft.config.json': JSON.stringify({ ignore: ['**/'.repeat(12) + 'x', '*a'.repeat(12) + 'b', ...Array.from({ length: 500 }, (_, i) => `drafts/${i}/**`)] }), ...posts('content/posts', 500) },
      gitignore: { 'eleventy.config.js': 'export default {};\n', '.gitignore': Array.from({ length: 50_000 }, (_, i) => `ignored-${i}`).join('\n'), ...posts('posts', 500) },
      astroCalls: { 'astro.config.mjs': 'export default {};\n', 'src/content.config.ts': 'const a = defineCollection('.repeat(20_000), ...posts('src/content/blog', 50) },
      docusaurusPlugins: { 'docusaurus.config.js': `module.exports = { plugins: [${"['content-blog', { path: 'blog', x: [".repeat(5_000)}] };\n`, ...posts('blog', 50) },
      eleventyScripts: { 'eleventy.config.js': 'export default {};\n', 'package.json': JSON.stringify({ scripts: { build: 'eleventy '.repeat(100_000) } }), ...posts('posts', 50) },
      jekyllErrors: { '_config.yml': `exclude: ["x"${'&a [*a,*a]'.repeat(5_000)}]\n`, ...posts('_posts', 50) },
    };
    for (const [name, files] of Object.entries(cases)) {
      const service = createPostcraftService({ fs: inMemorySite(files) });
      const { ms, result: sites } = await timed(() => service.openWorkspace(['/site']));
      assert.equal(sites.length, 1, name);
      assert.ok(ms < hangBoundMs, `${name} took ${ms} ms`);
    }
  });

  it('reports a settings file with more than 100 ignore globs and uses the first 100', async () => {
    const ignore = Array.from({ length: 150 }, (_, i) => `content/posts/${i}/**`);
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': hugoConfig, 'postcraft.config.json': JSON.stringify({ ignore }), ...posts('content/posts', 200) }) });
    const [opened] = await service.openWorkspace(['/site']);
    assert.deepEqual(opened?.configProblems.map((problem) => formatMessage(problem)), ['postcraft.config.json: ignore: only the first 100 globs are used']);
    assert.equal(opened?.posts.size, 0, 'the 20 post folders are all among the first 100 globs');
  });
});

describe('paths that leave the site', () => {
  let root: string;
  let outside: string;
  before(() => {
    outside = toSitePath(realpathSync(site('outside', { 'secret.md': '---\ntitle: Secret\ntags: [leakedtag]\n---\n', 'authors.yaml': 'leaked:\n  name: Leaked Author\n', 'photo.png': 'png', 'archetype.md': '---\ntitle: "SECRET ARCHETYPE"\n---\n', 'posts/inner.md': '---\ntags: [leakedtag]\n---\n' })));
    root = site('escape', {
      'hugo.toml': hugoConfig,
      'content/authors/jane/_index.md': '---\ntitle: Jane\n---\n',
      'content/posts/a.md': '---\ntitle: A\ntags: [go]\nauthors: [jane]\n---\n',
      'static/img/logo.png': 'png',
    });
    symlinkSync(`${outside}/secret.md`, join(temp, 'escape/content/posts/leak.md'));
    symlinkSync(`${outside}/posts`, join(temp, 'escape/content/linked'));
    mkdirSync(join(temp, 'escape/data'));
    symlinkSync(`${outside}/authors.yaml`, join(temp, 'escape/data/authors.yaml'));
    symlinkSync(`${outside}/photo.png`, join(temp, 'escape/static/img/leak.png'));
    mkdirSync(join(temp, 'escape/archetypes'));
    symlinkSync(`${outside}/archetype.md`, join(temp, 'escape/archetypes/default.md'));
  });

  it('never reads through symlinks that lead outside the site: posts, folders, author data, images, archetypes', async () => {
    const { fs, reads } = recordingDisk();
    const service = createPostcraftService({ fs });
    const [opened] = await service.openWorkspace([root]);
    assert.ok(opened);
    await service.fileChanged(`${root}/content/posts/leak.md`, 'created');
    await service.fileChanged(`${root}/content/linked/inner.md`, 'created');
    const findings = await service.checkFile(`${root}/content/posts/leak.md`);
    const plan = await planNewPost(fs, opened, { title: 'New' });
    const text = '---\ntitle: T\nauthors: [leaked]\n---\n![x](/img/leak.png)\n';
    const checked = service.checkText(`${root}/content/posts/t.md`, text);
    assert.deepEqual(findings, [], 'a post linked from outside is skipped');
    assert.equal(opened.tags.count('leakedtag'), 0);
    assert.equal(opened.authors.has('leaked'), false);
    assert.doesNotMatch(plan.content, /SECRET/);
    assert.deepEqual(checked.map((finding) => finding.code).sort(), ['broken-image', 'unknown-author']);
    const escaped = reads.filter((path) => !isInside(root, toSitePath(existsSync(path) ? realpathSync(path) : path)));
    assert.deepEqual(escaped, []);
  });

  it('reports image paths that climb out, name a drive or a share as outside the site, skips file: and protocol-relative URLs, and reads none of them', async () => {
    const { fs, reads } = recordingDisk();
    const service = createPostcraftService({ fs });
    await service.openWorkspace([root]);
    const references = ['../../../../../../../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', 'c:/windows/win.ini', 'file:///etc/passwd', '\\\\server\\share\\a.png', '//server/share/a.png', `${outside}/photo.png`, '%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd'];
    const text = `---\ntitle: Paths\nimage: "../../../../../../secret.png"\n---\n${references.map((reference) => `![x](${reference})`).join('\n')}\n`;
    const readsBefore = reads.length;
    const findings = service.checkText(`${root}/content/posts/paths.md`, text);
    const links = service.documentLinks(`${root}/content/posts/paths.md`, text);
    const codeOf = (reference: string) => findings.find((finding) => finding.range.start.line === 4 + references.indexOf(reference))?.code;
    assert.equal(reads.length, readsBefore, 'checking read files');
    assert.deepEqual(links, []);
    assert.equal(findings.find((finding) => finding.range.start.line === 2)?.code, 'image-outside-site');
    assert.equal(codeOf('../../../../../../../../etc/passwd'), 'image-outside-site');
    assert.equal(codeOf('%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd'), 'image-outside-site');
    assert.equal(codeOf('\\\\server\\share\\a.png'), 'image-outside-site');
    assert.equal(codeOf('C:\\Windows\\win.ini'), 'image-outside-site');
    assert.equal(codeOf('c:/windows/win.ini'), 'image-outside-site');
    assert.equal(codeOf('/etc/passwd'), 'broken-image', 'a site-root path is looked up in static/, not on the disk root');
    assert.equal(codeOf(`${outside}/photo.png`), 'broken-image');
    for (const external of ['file:///etc/passwd', '//server/share/a.png']) assert.equal(codeOf(external), undefined, external);
  });

  it('never reads author registries and configs that are links to files outside the site (Jekyll, Docusaurus)', async () => {
    const jekyll = site('jekyll-links', { '_posts/2024-01-01-a.md': '---\ntitle: A\nauthor: leaked\n---\n' });
    symlinkSync(`${outside}/authors.yaml`, join(temp, 'jekyll-links/_config.yml'));
    mkdirSync(join(temp, 'jekyll-links/_data'));
    symlinkSync(`${outside}/authors.yaml`, join(temp, 'jekyll-links/_data/authors.yml'));
    const docusaurus = site('docusaurus-links', { 'docusaurus.config.js': 'module.exports = { presets: [["classic", { blog: { authorsMapPath: "../../outside/authors.yaml" } }]] };\n', 'blog/2024-01-01-a.md': '---\ntitle: A\nauthors: [leaked]\n---\n' });
    const { fs, reads } = recordingDisk();
    const service = createPostcraftService({ fs });
    const sites = await service.openWorkspace([jekyll, docusaurus]);
    assert.deepEqual(sites.map((opened) => [opened.config.generator, opened.authors.size]), [['jekyll', 0], ['docusaurus', 0]]);
    assert.deepEqual(reads.filter((path) => ![jekyll, docusaurus].some((root) => isInside(root, toSitePath(existsSync(path) ? realpathSync(path) : path)))), []);
  });

  it('never offers to create an author page outside the site, whatever the author is called', async () => {
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': hugoConfig, 'content/authors/jane/_index.md': '---\ntitle: Jane\n---\n' }) });
    await service.openWorkspace(['/site']);
    const created = (name: string) => service.checkText('/site/content/posts/p.md', `---\ntitle: P\nauthors: [${JSON.stringify(name)}]\n---\n`).flatMap((finding) => finding.fixes.flatMap((fix) => (fix.createFile ? [fix.createFile.path] : [])));
    assert.deepEqual(created('../../../../etc/cron.d/x'), []);
    assert.deepEqual(created('..'), []);
    assert.deepEqual(created('Bob Smith'), ['/site/content/authors/bob-smith/_index.md']);
  });

  it('reads JavaScript configs as text and never runs them', async () => {
    const marker = join(temp, 'executed.txt');
    const config = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { presets: [['classic', { blog: { path: 'blog' } }]] };\n`;
    const root = site('js-config', { 'docusaurus.config.js': config, 'astro.config.mjs': config, 'blog/2024-01-01-a.md': '---\ntitle: A\n---\n' });
    const service = createPostcraftService({ fs: nodeFileSystem });
    const [opened] = await service.openWorkspace([root]);
    assert.equal(opened?.config.generator, 'docusaurus');
    assert.ok(opened.posts.has(`${root}/blog/2024-01-01-a.md`), 'the literal settings were read');
    assert.equal(existsSync(marker), false);
  });

  // Found by the fuzz suite (seed -1029979796): with `contentDir = ".."` the "Create author" fix wrote above the site.
  it('offers no "Create author" fix whose file would lie outside the site (a content folder above it)', async () => {
    const registry = { 'data/authors.yaml': 'john:\n  name: John\n' };
    const service = createPostcraftService({ fs: inMemorySite({ ...registry, 'hugo.toml': 'baseURL = "https://x.org/"\ncontentDir = ".."\n', 'content/posts/a.md': '---\ntitle: A\nauthors: [jane]\n---\n' }) });
    await service.openWorkspace(['/site']);
    const findings = service.checkText('/site/content/posts/a.md', '---\ntitle: A\nauthors: [jane]\n---\n');
    assert.deepEqual(findings.map((finding) => finding.code), ['unknown-author']);
    const created = findings.flatMap((finding) => finding.fixes.flatMap((fix) => (fix.createFile ? [fix.createFile.path] : [])));
    assert.deepEqual(created.filter((path) => !isInside('/site', path)), []);
    const inside = createPostcraftService({ fs: inMemorySite({ ...registry, 'hugo.toml': 'baseURL = "https://x.org/"\n', 'content/posts/a.md': '---\ntitle: A\nauthors: [jane]\n---\n' }) });
    await inside.openWorkspace(['/site']);
    const offered = inside.checkText('/site/content/posts/a.md', '---\ntitle: A\nauthors: [jane]\n---\n').flatMap((finding) => finding.fixes.flatMap((fix) => (fix.createFile ? [fix.createFile.path] : [])));
    assert.deepEqual(offered, ['/site/content/authors/jane/_index.md']);
  });
});

describe('repository text shown in the editor', () => {
  it('shows tags, author names and bios in hovers and completions as text: no remote image, link or HTML gets through', async () => {
    const bio = 'Hi ![pixel](https://tracker.example/p.png) <img src="https://tracker.example/q.png"> [click](command:workbench.action.terminal.new)';
    const service = createPostcraftService({
      fs: inMemorySite({
        'hugo.toml': hugoConfig,
        'data/authors.yaml': `mallory:\n  name: "**Mallory** ![x](https://tracker.example/n.png)"\n  bio: ${JSON.stringify(bio)}\n`,
        'content/posts/a.md': '---\ntitle: "![t](https://tracker.example/t.png)"\ntags: ["a`b ![y](https://tracker.example/y.png)"]\n---\n',
      }),
    });
    await service.openWorkspace(['/site']);
    const text = '---\nauthors: [mallory]\ntags: ["a`b ![y](https://tracker.example/y.png)"]\n---\n';
    const author = service.hover('/site/content/posts/b.md', text, text.indexOf('mallory') + 2)?.markdown ?? '';
    const tag = service.hover('/site/content/posts/b.md', text, text.indexOf('a`b') + 1)?.markdown ?? '';
    const completion = service.completions('/site/content/posts/b.md', '---\nauthors: [\n---\n', 14).find((entry) => entry.label === 'mallory')?.documentation ?? '';
    const tagOutsideCode = tag.replace('``a`b ![y](https://tracker.example/y.png)``', '');
    for (const markdown of [author, tagOutsideCode, completion]) {
      assert.doesNotMatch(markdown, /(?<!\\)!(?<!\\)\[[^\]]*(?<!\\)\]\(https/, markdown);
      assert.doesNotMatch(markdown, /(?<!\\)<img/, markdown);
      assert.doesNotMatch(markdown, /(?<!\\)\]\(command:/, markdown);
    }
    assert.match(author, /Hi \\!\\\[pixel\\\]/, 'the bio is shown, escaped');
    assert.match(tag, /\*\*Tag ``a`b !\[y\]\(https:\/\/tracker\.example\/y\.png\)``\*\*/, 'the tag is a code span');
  });
});
