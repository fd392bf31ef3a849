// `postcraft check --cache` must find exactly what a run without it finds, after any sequence of changes.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { checkSites, reportOf } from '../../src/cli/checkSite';
import { checkWithCache, createPostcraftService, readCheckCache, type CheckCache, type CheckOptions } from '../../src/core/index';
import { InMemoryFileSystem } from '../../src/core/host/inMemoryFileSystem';
import { fixtureFiles, fixtureSites } from './support/fixtureSites';
import { ClockedFileSystem } from './support/clockedFileSystem';
import { generateSite } from '../../bench/generateSite';
import { cacheFile, checkSitesWithCache, loadCache, saveCache } from '../../src/cli/cache';
import { parseArguments } from '../../src/cli/args';
import { blockingNodeFileSystem } from '../../src/node/index';
import { existsSync, mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';

const version = 'test';

/** Cold findings (the CLI without a cache) and cached ones, which must be equal; the cache for the next step. */
/** The one site of a cache. */
function next(cache: CheckCache) {
  return Object.values(cache.sites)[0]!;
}

async function compare(fs: InMemoryFileSystem, cache: CheckCache | undefined, options: CheckOptions = {}) {
  const cold = await checkSites(fs, fs.root, options);
  const cached = await checkWithCache(fs, fs.root, options, cache, version);
  assert.deepEqual(reportOf(fs.root, cached.sites, cached.findings, undefined), cold);
  // What the CLI writes and reads back.
  const next = readCheckCache(JSON.parse(JSON.stringify(cached.cache)));
  assert.ok(next);
  return { cold, cached, next };
}

function filesIn(root: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else files[relative(root, path)] = new Uint8Array(readFileSync(path));
    }
  };
  visit(root);
  return files;
}

describe('the check cache', () => {
  for (const { name, root } of fixtureSites()) {
    it(`gives the fixture site ${name} the findings of a run without it, and reuses every post when nothing changed`, async () => {
      const fs = new ClockedFileSystem('/site', fixtureFiles(root));
      const first = await compare(fs, undefined);
      assert.equal(first.cached.reused, 0);
      const second = await compare(fs, first.next);
      assert.equal(second.cached.checked, 0);
      assert.equal(second.cached.cache, first.next, 'nothing changed: the cache given back as it is, nothing to write');
      assert.equal(second.cached.reused, Object.keys(first.next.sites).reduce((sum, site) => sum + Object.keys(first.next.sites[site]!.posts).length, 0));
    });
  }

  it('follows a generated site through edits, creations, deletions, renames and config changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postcraft-cache-'));
    try {
      generateSite(dir, 120, { seed: 7 });
      const fs = new ClockedFileSystem('/site', filesIn(dir));
      const posts = Object.keys(filesIn(dir)).filter((path) => path.startsWith('content/blog/') && path.endsWith('.md')).sort();
      assert.ok(posts.length >= 100);
      const text = (path: string) => fs.text(path);
      const [a, b, c, d, e] = posts;
      const withTags = (path: string, tags: string) => text(path).replace(/^tags:.*$/m, `tags: [${tags}]`);
      const steps: [string, () => void, (result: Awaited<ReturnType<typeof checkWithCache>>) => void][] = [
        ['nothing changed', () => {}, (result) => assert.equal(result.checked, 0)],
        ['a paragraph added to a body', () => fs.write(a!, `${text(a!)}\nOne more paragraph.\n`), (result) => assert.ok(result.checked < 10, `${result.checked} checked`)],
        ['an edit that keeps size and mtime', () => fs.writeKeepingStat(b!, text(b!).replace(/^title: "(.)/m, 'title: "X')), () => {}],
        ['a tag typo planted', () => fs.write(c!, withTags(c!, 'kubernetse')), () => {}],
        ['the typo fixed', () => fs.write(c!, withTags(c!, 'kubernetes')), () => {}],
        // Counts kept, posts changed: the tag part of the model holds counts only; which posts use a tag is in `pages`.
        ['a tag used once', () => fs.write(c!, withTags(c!, 'kubernetes, moved-tag')), () => {}],
        ['the tag moved from one post to another', () => {
          fs.write(c!, withTags(c!, 'kubernetes'));
          fs.write(d!, withTags(d!, 'moved-tag'));
        }, () => {}],
        ['a heading renamed (an anchor links reach)', () => fs.write(d!, text(d!).replace(/^## (.*)$/m, '## Renamed heading')), () => {}],
        ['a post created', () => fs.write('content/blog/new-post.md', `---\ntitle: New\ntags: [kubernetes, kuberntes]\nauthors: [author-1, nobody]\n---\n![x](missing.png) [a](/posts/nowhere/)\n`), () => {}],
        ['a post deleted', () => fs.delete(e!), () => {}],
        ['a post renamed', () => {
          fs.write(a!.replace(/\.md$/, '-moved.md'), text(a!));
          fs.delete(a!);
        }, () => {}],
        // Posts whose checks read one part of the site model each, and changes elsewhere that change their findings.
        ['posts that each read one part of the model created', () => {
          fs.write('content/blog/image-only.md', '---\ntitle: Image only\n---\n![x](pictured.png)\n');
          fs.write('content/blog/author-only.md', '---\ntitle: Author only\nauthors: [someone-new]\n---\nText.\n');
          fs.write('content/blog/tag-only.md', '---\ntitle: Tag only\ntags: [observabilty]\n---\nText.\n');
          fs.write('content/blog/target.md', '---\ntitle: Target\n---\n## Target heading\n');
          fs.write('content/blog/link-only.md', '---\ntitle: Link only\n---\n[see](/blog/target/#target-heading) [and](/blog/target/#other-heading)\n');
        }, () => {}],
        ['the image it misses added', () => fs.write('content/blog/pictured.png', new Uint8Array(64)), () => {}],
        ['the author it names added', () => fs.write('content/authors/someone-new/_index.md', '---\ntitle: Someone\n---\n'), () => {}],
        ['the tag it misspells used once more', () => fs.write('content/blog/observed.md', '---\ntitle: Observed\ntags: [observability]\n---\nText.\n'), () => {}],
        ['the heading it links to renamed', () => fs.write('content/blog/target.md', '---\ntitle: Target\n---\n## Other heading\n'), () => {}],
        ['the title of the page it links to changed', () => fs.write('content/blog/target.md', '---\ntitle: Goal\n---\n## Other heading\n'), () => {}],
        ['the image it misses added', () => fs.write('content/blog/missing.png', new Uint8Array(64)), () => {}],
        ['an image removed', () => fs.delete(Object.keys(filesIn(dir)).find((path) => path.endsWith('.png'))!), () => {}],
        ['an author removed', () => fs.delete('content/authors/author-1/_index.md'), () => {}],
        ['an author added', () => fs.write('content/authors/nobody/_index.md', '---\ntitle: Nobody\n---\n'), () => {}],
        ['the config changed', () => fs.write('hugo.toml', `${text('hugo.toml')}\ntitle = "Renamed"\n`), (result) => assert.equal(result.reused, 0)],
        ['site settings changed', () => fs.write('postcraft.config.json', JSON.stringify({ checks: { 'tag-typo': 'error' } })), (result) => assert.equal(result.reused, 0)],
        ['nothing changed again', () => {}, (result) => assert.equal(result.checked, 0)],
      ];
      let cache: CheckCache | undefined = (await compare(fs, undefined)).next;
      for (const [step, change, expect] of steps) {
        change();
        const { cached, next }: Awaited<ReturnType<typeof compare>> = await compare(fs, cache).catch((error: Error) => {
          throw new Error(`after "${step}": ${error.message}`);
        });
        expect(cached);
        cache = next;
      }
      // Other options: the cache of the last ones is not used.
      const severities: CheckOptions = { severities: { 'tag-typo': 'off' } };
      assert.equal((await compare(fs, cache, severities)).cached.reused, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('re-checks the posts showing an image whose weight changed under the same name (heavy-image)', async () => {
    const fs = new ClockedFileSystem('/site', {
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'postcraft.config.json': JSON.stringify({ heavyImageKB: 1 }),
      'content/posts/a.md': '---\ntitle: A\n---\n![A photo](/images/photo.png)\n',
      'content/posts/b.md': '---\ntitle: B\n---\nNo image.\n',
      'content/posts/c/index.md': '---\ntitle: C\n---\n![In the bundle](shot.png) ![Again](/images/photo.png)\n',
      'content/posts/c/shot.png': new Uint8Array(500),
      'static/images/photo.png': new Uint8Array(2_000),
    });
    const heavy = (findings: readonly { code: string; file: string; message: string }[]) => findings.filter((finding) => finding.code === 'heavy-image').map((finding) => `${finding.file.slice('/site/content/posts/'.length)}: ${finding.message.slice(0, finding.message.indexOf(':'))}`);
    let { next: cache, cold, cached } = await compare(fs, undefined);
    assert.deepEqual(heavy(cold.findings), ['a.md: Image "/images/photo.png" is 2 KB', 'c/index.md: Image "/images/photo.png" is 2 KB']);
    // The bundle's image is kept by its path from the post's folder, the other by its full path.
    assert.deepEqual(next(cache).posts['/site/content/posts/c/index.md']?.images, ['shot.png', '/site/static/images/photo.png']);
    ({ next: cache, cached } = await compare(fs, cache));
    assert.equal(cached.checked, 0, 'nothing changed: every post reused');
    fs.write('static/images/photo.png', new Uint8Array(3_000));
    ({ next: cache, cold, cached } = await compare(fs, cache));
    assert.deepEqual(heavy(cold.findings), ['a.md: Image "/images/photo.png" is 3 KB', 'c/index.md: Image "/images/photo.png" is 3 KB']);
    assert.equal(cached.checked, 2, 'the two posts showing it');
    fs.write('content/posts/c/shot.png', new Uint8Array(4_000));
    ({ next: cache, cold, cached } = await compare(fs, cache));
    assert.deepEqual(heavy(cold.findings), ['a.md: Image "/images/photo.png" is 3 KB', 'c/index.md: Image "shot.png" is 4 KB', 'c/index.md: Image "/images/photo.png" is 3 KB']);
    assert.equal(cached.checked, 1);
    fs.write('static/images/photo.png', new Uint8Array(500));
    ({ cold } = await compare(fs, cache));
    assert.deepEqual(heavy(cold.findings), ['c/index.md: Image "shot.png" is 4 KB']);
  });

  it('re-checks every post when the folders a build script re-encodes change (heavy-image)', async () => {
    const fs = new ClockedFileSystem('/site', {
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'postcraft.config.json': JSON.stringify({ heavyImageKB: 1 }),
      'package.json': JSON.stringify({ scripts: { prebuild: 'node scripts/images.js' } }),
      'scripts/images.js': 'require("sharp"); const dir = "static/images";\n',
      'content/posts/a.md': '---\ntitle: A\n---\n![A photo](/images/photo.png)\n',
      'static/images/photo.png': new Uint8Array(2_000),
    });
    const heavy = (findings: readonly { code: string }[]) => findings.filter((finding) => finding.code === 'heavy-image').length;
    let { next: cache, cold } = await compare(fs, undefined);
    assert.equal(heavy(cold.findings), 0);
    fs.write('scripts/images.js', 'const dir = "static/images";\n');
    ({ next: cache, cold } = await compare(fs, cache));
    assert.equal(heavy(cold.findings), 1);
  });

  it('lists each folder of a Hugo site once (its cascades and bundles, then its files)', async () => {
    const fs = new ClockedFileSystem('/site', fixtureFiles(fixtureSites().find((site) => site.name === 'hugo-blog')!.root));
    const listed: string[] = [];
    const readDirectory = fs.readDirectory.bind(fs);
    fs.readDirectory = async (path: string) => {
      listed.push(path);
      return readDirectory(path);
    };
    await checkWithCache(fs, fs.root, {}, undefined, version);
    assert.ok(listed.some((path) => path.startsWith('/site/content/')));
    // The site's root is listed once more when sites are looked for in the folder.
    assert.deepEqual(listed.filter((path, index) => path !== '/site' && listed.indexOf(path) !== index), []);
  });

  it('keeps findings apart for runs with and without --report-unused-disable', async () => {
    const fs = new ClockedFileSystem('/site', {
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'content/posts/a.md': '---\ntitle: A\n---\n<!-- postcraft-disable-next-line broken-image -->\nNo image here.\n',
    });
    const { next: cache } = await compare(fs, undefined);
    const { cold } = await compare(fs, cache, { reportUnusedDisable: true });
    assert.deepEqual(cold.findings.map((finding) => finding.code), ['unused-disable']);
  });

  it('re-checks a page when another page comes to build to its URL (duplicate-url), though it holds no tag, link or image', async () => {
    const fs = new ClockedFileSystem('/site', {
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'content/posts/first.md': '---\ntitle: First\nslug: launch\n---\nPlain text.\n',
      'content/posts/other.md': '---\ntitle: Other\n---\nPlain text.\n',
    });
    let { next: cache, cold } = await compare(fs, undefined);
    assert.deepEqual(cold.findings, []);
    fs.write('content/posts/second.md', '---\ntitle: Second\nslug: launch\n---\nPlain text.\n');
    ({ next: cache, cold } = await compare(fs, cache));
    assert.deepEqual(cold.findings.map((finding) => [finding.file, finding.code]), [['/site/content/posts/first.md', 'duplicate-url'], ['/site/content/posts/second.md', 'duplicate-url']]);
    fs.delete('content/posts/second.md');
    ({ next: cache, cold } = await compare(fs, cache));
    assert.deepEqual(cold.findings, []);
    // Back, then expired (Hugo builds it no more): the page it collided with is checked again.
    fs.write('content/posts/second.md', '---\ntitle: Second\nslug: launch\n---\nPlain text.\n');
    ({ next: cache, cold } = await compare(fs, cache));
    assert.equal(cold.findings.length, 2);
    fs.write('content/posts/second.md', '---\ntitle: Second\nslug: launch\nexpiryDate: 2001-01-01\n---\nPlain text.\n');
    ({ cold } = await compare(fs, cache));
    assert.deepEqual(cold.findings, []);
  });

  it('takes nothing from a file that is no cache of this version', () => {
    assert.equal(readCheckCache(null), undefined);
    assert.equal(readCheckCache({ format: 'eslint' }), undefined);
    assert.equal(readCheckCache({ format: 'postcraft-check-cache', version: 0, sites: {} }), undefined);
    assert.equal(readCheckCache({ format: 'postcraft-check-cache', version: 1, sites: {} }), undefined, 'posts without their page hash');
    assert.equal(readCheckCache({ format: 'postcraft-check-cache', version: 2, sites: {} }), undefined, 'posts without their URL tie');
    assert.equal(readCheckCache({ format: 'postcraft-check-cache', version: 3, sites: {} }), undefined, 'image weights in the file list, not with each post');
    assert.equal(readCheckCache({ format: 'postcraft-check-cache', version: 4, sites: {} }), undefined, 'no end to findings that a dated post going live changes');
    assert.equal(readCheckCache({ format: 'postcraft-check-cache', version: 5, sites: {} }), undefined, 'no record of the options its findings were made with');
    assert.equal(readCheckCache({ format: 'postcraft-check-cache', version: 6, sites: {} }), undefined, 'routes without their expiry date');
    assert.equal(readCheckCache({ format: 'postcraft-check-cache', version: 7, sites: {} }), undefined, 'page summaries with ids by the older rules');
    assert.equal(readCheckCache({ format: 'postcraft-check-cache', version: 8, sites: { '/site': { key: 'k', startedAt: 0, parts: {}, posts: { '/site/a.md': { size: 1 } } } } }), undefined);
    const post = { size: 1, mtime: 1, hash: 'h', page: 'p', summary: { path: '/site/a.md', tags: [], authors: [] }, imports: [], uses: ['images'], images: ['/site/a.png'], weights: 'w', findings: [] };
    const site = (posts: Record<string, unknown>) => ({ format: 'postcraft-check-cache', version: 8, sites: { '/site': { key: 'k', startedAt: 0, parts: {}, posts } } });
    assert.ok(readCheckCache(site({ '/site/a.md': post })));
    assert.equal(readCheckCache(site({ '/site/a.md': { ...post, uses: ['telepathy'] } })), undefined);
    assert.equal(readCheckCache(site({ '/site/a.md': { ...post, weights: undefined } })), undefined);
    assert.ok(readCheckCache({ format: 'postcraft-check-cache', version: 8, sites: {} }));
  });

  it('is kept where --cache-location says, else in node_modules/.cache/postcraft of the checked folder', () => {
    assert.deepEqual(parseArguments(['check', 'blog', '--cache']), { command: 'check', folder: 'blog', format: 'text', maxWarnings: undefined, severities: {}, cache: { location: undefined } });
    assert.equal(parseArguments(['--cache-location', 'x.json']).command === 'check' && 'cache' in parseArguments(['--cache-location', 'x.json']), false);
    assert.equal(cacheFile('/blog', undefined), join('/blog', 'node_modules', '.cache', 'postcraft', 'check-cache.json'));
    assert.equal(cacheFile('/blog', '/tmp/elsewhere/'), join('/tmp/elsewhere', 'check-cache.json'));
    assert.equal(cacheFile('/blog', '/tmp/my-cache.json'), '/tmp/my-cache.json');
  });

  it('on disk: a corrupt or foreign file is said and rebuilt, and a written cache is read back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postcraft-cache-file-'));
    try {
      const site = join(dir, 'site');
      mkdirSync(join(site, 'content', 'posts'), { recursive: true });
      writeFileSync(join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
      writeFileSync(join(site, 'content', 'posts', 'a.md'), '---\ntitle: A\n---\n![x](missing.png)\n');
      const file = join(dir, 'cache', 'check-cache.json');
      for (const corrupt of ['{"format": "postcraft-check-cache", "version": 1, "sites": {', '{"cache": "eslint"}']) {
        mkdirSync(join(dir, 'cache'), { recursive: true });
        writeFileSync(file, corrupt);
        const warnings: string[] = [];
        assert.equal(loadCache(file, (message) => warnings.push(message)), undefined);
        assert.equal(warnings.length, 1);
        const report = await checkSitesWithCache(blockingNodeFileSystem, site, {}, file, version, (message) => warnings.push(message));
        assert.deepEqual(report, await checkSites(blockingNodeFileSystem, site, {}));
        assert.equal(report.findings.length, 1);
        assert.ok(loadCache(file, (message) => warnings.push(message)), 'rebuilt');
        assert.equal(warnings.length, 2, warnings.join('\n'));
      }
      // A re-run that changes nothing leaves the file as it is (dated back, so that a rewrite would show).
      const kept = readFileSync(file, 'utf8');
      utimesSync(file, 1_000_000, 1_000_000);
      assert.deepEqual(await checkSitesWithCache(blockingNodeFileSystem, site, {}, file, version, assert.fail), await checkSites(blockingNodeFileSystem, site, {}));
      assert.equal(readFileSync(file, 'utf8'), kept);
      assert.equal(statSync(file).mtimeMs, 1_000_000_000);
      writeFileSync(join(site, 'content', 'posts', 'b.md'), '---\ntitle: B\n---\nText.\n');
      await checkSitesWithCache(blockingNodeFileSystem, site, {}, file, version, assert.fail);
      assert.notEqual(readFileSync(file, 'utf8'), kept, 'a new post: written anew');
      // Written whole or not at all: no temporary file is left beside it.
      saveCache(file, { format: 'postcraft-check-cache', version: 1, sites: {} }, assert.fail);
      assert.deepEqual(readdirSync(join(dir, 'cache')), ['check-cache.json']);
      assert.equal(existsSync(file), true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives the editor's warm start the findings of a cold start, reading only the posts that changed", async () => {
    const files = fixtureFiles(fixtureSites().find((site) => site.name === 'hugo-blog')!.root);
    const fs = new ClockedFileSystem('/site', files);
    const options: CheckOptions = { severities: { 'tag-typo': 'error' } };
    const coldStart = async () => {
      const service = createPostcraftService({ fs, checksAfterOpening: () => true });
      await service.openWorkspace(['/site']);
      return service.checkWorkspace(options);
    };
    const reads: string[] = [];
    const readFile = fs.readFile.bind(fs);
    fs.readFile = async (path: string) => {
      reads.push(path);
      return readFile(path);
    };
    const warmStart = async (previous: CheckCache | undefined) => {
      reads.length = 0;
      const service = createPostcraftService({ fs, checksAfterOpening: () => true });
      await service.openWorkspace(['/site'], undefined, { previous, options, version });
      const findings = await service.checkWorkspace(options);
      // Section pages (`_index.md`) are read for the config's cascades and the author registry anyway.
      // Nothing changed: the cache it started from comes back as it was, which the editor need not write again.
      const handedBack = previous !== undefined && service.checkCache === previous;
      return { findings, handedBack, cache: readCheckCache(JSON.parse(JSON.stringify(service.checkCache))), readPosts: reads.filter((path) => path.endsWith('.md') && !path.endsWith('/_index.md')) };
    };
    const first = await warmStart(undefined);
    assert.deepEqual(first.findings, await coldStart());
    const second = await warmStart(first.cache);
    assert.deepEqual(second.findings, await coldStart());
    assert.deepEqual(second.readPosts, []);
    assert.equal(second.handedBack, true);
    assert.ok(first.readPosts.length > 3);
    const [post] = Object.keys(files).filter((path) => path.startsWith('content/') && path.endsWith('.md') && !path.endsWith('/_index.md'));
    fs.write(post!, `${fs.text(post!)}\n![new](nowhere.png)\n`);
    const third = await warmStart(second.cache);
    assert.deepEqual(third.findings, await coldStart());
    assert.deepEqual(third.readPosts, [`/site/${post}`, `/site/${post}`]); // hashed, then parsed
    assert.equal(third.handedBack, false);
    // Other options than the cache's: nothing of it is used, and the findings are still right.
    const other = createPostcraftService({ fs, checksAfterOpening: () => true });
    await other.openWorkspace(['/site'], undefined, { previous: third.cache, options, version });
    const cold = createPostcraftService({ fs });
    await cold.openWorkspace(['/site']);
    assert.deepEqual(await other.checkWorkspace({}), await cold.checkWorkspace({}));
  });
});
