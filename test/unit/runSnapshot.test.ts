// `postcraft check --cache` answers a re-run where nothing changed from the last run's snapshot, and
// only then: anything the last run read that changed sends it back to the per-post cache.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import fc from 'fast-check';
import { hashText, textHasher } from '../../src/core/cache/hash';
import { checkSites } from '../../src/cli/checkSite';
import { checkSitesWithCache } from '../../src/cli/cache';
import { checkWithCache, readRunSnapshot, reportFromSnapshot, type CheckOptions, type RunSnapshot } from '../../src/core/index';
import type { SiteFileSystem } from '../../src/core/host/fileSystem';
import { InMemoryFileSystem } from '../../src/core/host/inMemoryFileSystem';
import { blockingNodeFileSystem } from '../../src/node/index';
import { ClockedFileSystem } from './support/clockedFileSystem';
import { fixtureFiles, fixtureSites } from './support/fixtureSites';

const version = 'test';

/** `fs` with its file reads counted: a run answered from the snapshot reads none. */
function counted(fs: SiteFileSystem): { fs: SiteFileSystem; reads: () => number } {
  let reads = 0;
  return {
    fs: {
      readFile: (path, maxBytes) => (reads++, fs.readFile(path, maxBytes)),
      stat: (path) => fs.stat(path),
      readDirectory: (path) => fs.readDirectory(path),
      readFileStart: (path, bytes) => (reads++, fs.readFileStart!(path, bytes)),
    },
    reads: () => reads,
  };
}

describe('the run snapshot of --cache', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'postcraft-run-snapshot-'));
    file = join(dir, 'check-cache.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const snapshotOnDisk = (): RunSnapshot | undefined => readRunSnapshot(JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!));

  /** A cached run: its report (which must be the run's without a cache) and whether the snapshot answered it. */
  async function cachedRun(fs: InMemoryFileSystem, options: CheckOptions & { maxWarnings?: number } = {}, runVersion = version) {
    const reading = counted(fs);
    const report = await checkSitesWithCache(reading.fs, fs.root, options, file, runVersion, assert.fail);
    assert.deepEqual(report, await checkSites(fs, fs.root, options));
    return { report, fromSnapshot: reading.reads() === 0 };
  }

  for (const name of ['hugo-links', 'jekyll-blog', 'docusaurus-blog', 'eleventy-blog', 'astro-blog']) {
    it(`answers a re-run that changes nothing from the snapshot, and reads no file (${name})`, async () => {
      const fs = new ClockedFileSystem('/site', fixtureFiles(fixtureSites().find((site) => site.name === name)!.root));
      assert.equal((await cachedRun(fs)).fromSnapshot, false);
      assert.ok(snapshotOnDisk(), 'a snapshot is kept');
      const again = await cachedRun(fs);
      assert.equal(again.fromSnapshot, true);
      assert.ok(again.report.findings.length > 0, 'the fixture has findings to keep');
    });
  }

  it('runs again, with the findings of a run without the cache, after any change to what the last run read', async () => {
    const fs = new ClockedFileSystem('/site', fixtureFiles(fixtureSites().find((site) => site.name === 'hugo-links')!.root));
    const changes: [string, () => void][] = [
      ['a post edited', () => fs.write('content/posts/second.md', `${fs.text('content/posts/second.md')}\n[gone](/nowhere/)\n`)],
      ['a post of the same size rewritten (a new mtime)', () => fs.write('content/posts/second.md', fs.text('content/posts/second.md').replace('gone', 'lost'))],
      ['a post added', () => fs.write('content/posts/third.md', '---\ntitle: Third\ntags: [hugo]\n---\n[second](/blog/posts/second/)\n')],
      ['a post in a new folder', () => fs.write('content/new/deep/post.md', '---\ntitle: Deep\n---\n![missing](missing.png)\n')],
      ['an image added where a post looks for it', () => fs.write('content/new/deep/missing.png', new Uint8Array([137, 80, 78, 71]))],
      ['a heavy image', () => fs.write('content/new/deep/missing.png', new Uint8Array(600_000))],
      ['a post deleted', () => fs.delete('content/posts/third.md')],
      ['the config changed', () => fs.write('hugo.toml', `${fs.text('hugo.toml')}\nuglyURLs = true\n`)],
      ['postcraft.config.json added', () => fs.write('postcraft.config.json', '{ "severities": { "broken-link": "error" } }')],
    ];
    await cachedRun(fs);
    for (const [what, change] of changes) {
      change();
      assert.equal((await cachedRun(fs)).fromSnapshot, false, `${what}: checked again`);
      assert.equal((await cachedRun(fs)).fromSnapshot, true, `${what}: then answered from the new snapshot`);
    }
  });

  it('replays the stat of the files the run looked at only: a file it saw listed counts by its name', async () => {
    const fs = new ClockedFileSystem('/site', { ...fixtureFiles(fixtureSites().find((site) => site.name === 'hugo-links')!.root), 'static/unused.png': new Uint8Array([137, 80, 78, 71]) });
    await cachedRun(fs);
    const inputs = snapshotOnDisk()!.inputs;
    const staticFolder = inputs.folders.indexOf('/site/static');
    assert.ok(staticFolder >= 0, 'the folder is listed');
    assert.deepEqual(inputs.looked[staticFolder], [], 'and no file in it looked at');
    fs.write('static/unused.png', new Uint8Array(600_000));
    assert.equal((await cachedRun(fs)).fromSnapshot, true, 'a heavier copy of an image no post shows changes no finding');
    fs.delete('static/unused.png');
    assert.equal((await cachedRun(fs)).fromSnapshot, false, 'a file removed shows in its folder');
    fs.write('static/shown.png', new Uint8Array(600_000));
    fs.write('content/posts/shows.md', '---\ntitle: Shows\n---\n![big](/shown.png)\n');
    assert.equal((await cachedRun(fs)).fromSnapshot, false);
    const shownIn = snapshotOnDisk()!.inputs.looked[snapshotOnDisk()!.inputs.folders.indexOf('/site/static')];
    assert.ok(shownIn === null || shownIn!.includes('shown.png'), 'an image a post shows is weighed');
    fs.write('static/shown.png', new Uint8Array(700_000));
    const heavier = await cachedRun(fs);
    assert.equal(heavier.fromSnapshot, false, 'its new weight is checked');
  });

  it('runs again when the options or the version differ, and decides the exit code anew', async () => {
    const fs = new ClockedFileSystem('/site', fixtureFiles(fixtureSites().find((site) => site.name === 'hugo-blog')!.root));
    await cachedRun(fs);
    const warnings: CheckOptions = { severities: { 'broken-image': 'warning', 'unknown-author': 'warning', schema: 'warning', 'image-case': 'warning' } };
    assert.equal((await cachedRun(fs, warnings)).fromSnapshot, false);
    assert.equal((await cachedRun(fs, warnings, 'next')).fromSnapshot, false);
    const lenient = await cachedRun(fs, warnings, 'next');
    assert.equal(lenient.fromSnapshot, true);
    assert.deepEqual([lenient.report.errors, lenient.report.warnings, lenient.report.exitCode], [0, 6, 0]);
    const strict = await cachedRun(fs, { ...warnings, maxWarnings: 5 }, 'next');
    assert.equal(strict.fromSnapshot, true, '--max-warnings decides the exit code only');
    assert.equal(strict.report.exitCode, 1);
  });

  it('lasts until a post dated later goes live: a link to it is reported until then', async () => {
    const fs = new ClockedFileSystem('/site', {
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'content/posts/soon.md': '---\ntitle: Soon\ndate: 2999-01-02T00:00:00Z\n---\nSoon.\n',
      'content/posts/now.md': '---\ntitle: Now\ndate: 2020-01-01\n---\n[soon](/posts/soon/)\n',
    });
    const { report } = await cachedRun(fs);
    assert.deepEqual(report.findings.map((finding) => finding.code), ['broken-link']);
    const snapshot = snapshotOnDisk()!;
    assert.equal(snapshot.validUntil, Date.parse('2999-01-02T00:00:00Z'));
    const key = snapshot.key; // the run's own: only the clock differs below
    assert.ok((await reportFromSnapshot(fs, snapshot, key, snapshot.validUntil! - 1)).report);
    assert.equal((await reportFromSnapshot(fs, snapshot, key, snapshot.validUntil!)).report, undefined);
  });

  it('lasts until a Hugo page expires: a link to it is broken from then on', async () => {
    const fs = new ClockedFileSystem('/site', {
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'content/posts/offer.md': '---\ntitle: Offer\ndate: 2020-01-01\nexpiryDate: 2999-03-04T00:00:00Z\n---\nOffer.\n',
      'content/posts/now.md': '---\ntitle: Now\ndate: 2020-01-01\n---\n[offer](/posts/offer/)\n',
    });
    const { report } = await cachedRun(fs);
    assert.deepEqual(report.findings, []);
    assert.equal(snapshotOnDisk()!.validUntil, Date.parse('2999-03-04T00:00:00Z'));
    assert.equal((await checkWithCache(fs, '/site', {}, undefined, version)).cache.sites['/site']!.validUntil, Date.parse('2999-03-04T00:00:00Z'));
  });

  it('has the per-post cache check every post again once a dated post went live', async () => {
    const fs = new ClockedFileSystem('/site', {
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'content/posts/soon.md': '---\ntitle: Soon\ndate: 2999-01-02T00:00:00Z\n---\nSoon.\n',
      'content/posts/now.md': '---\ntitle: Now\ndate: 2020-01-01\n---\n[soon](/posts/soon/)\n',
    });
    const first = await checkWithCache(fs, '/site', {}, undefined, version);
    const site = first.cache.sites['/site']!;
    assert.equal(site.validUntil, Date.parse('2999-01-02T00:00:00Z'));
    assert.equal((await checkWithCache(fs, '/site', {}, first.cache, version)).reused, 2);
    // As the next run after 2999-01-02 would find it:
    const wentLive = { ...first.cache, sites: { '/site': { ...site, validUntil: Date.now() - 1 } } };
    assert.equal((await checkWithCache(fs, '/site', {}, wentLive, version)).reused, 0);
  });

  it('is never trusted for a Jekyll site whose URLs come from the build time', async () => {
    const fs = new ClockedFileSystem('/site', {
      '_config.yml': 'collections:\n  recipes:\n    output: true\n    permalink: /:collection/:year/:title/\n',
      '_recipes/soup.md': '---\ntitle: Soup\n---\nSoup.\n',
      '_posts/2020-01-01-dated.md': '---\ntitle: Dated\n---\nDated.\n',
    });
    const before = Date.now();
    const result = await checkWithCache(fs, '/site', {}, undefined, version);
    assert.ok(result.validUntil >= before && result.validUntil <= Date.now(), 'the clock read at the run');
    fs.write('_recipes/soup.md', '---\ntitle: Soup\ndate: 2020-02-02\n---\nSoup.\n');
    assert.equal((await checkWithCache(fs, '/site', {}, undefined, version)).validUntil, Infinity, 'dated, the URL no longer moves');
  });

  it('keeps no snapshot of a run that read a file modified just before it (its mtime may not tell a change)', async () => {
    // On disk, as the CLI runs: files written a moment ago.
    const site = join(dir, 'site');
    mkdirSync(join(site, 'content', 'posts'), { recursive: true });
    writeFileSync(join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    writeFileSync(join(site, 'content', 'posts', 'a.md'), '---\ntitle: A\n---\n![x](missing.png)\n');
    const report = await checkSitesWithCache(blockingNodeFileSystem, site, {}, file, version, assert.fail);
    assert.deepEqual(report, await checkSites(blockingNodeFileSystem, site, {}));
    assert.equal(snapshotOnDisk(), undefined);
    assert.equal(readFileSync(file, 'utf8').split('\n')[0], 'null');
  });

  it('keeps no snapshot on a file system that keeps no mtimes (a same-size edit would go unseen)', async () => {
    const fs = new InMemoryFileSystem('/site', fixtureFiles(fixtureSites().find((site) => site.name === 'hugo-blog')!.root));
    await cachedRun(fs);
    assert.equal(readFileSync(file, 'utf8').split('\n')[0], 'null');
    assert.equal((await cachedRun(fs)).fromSnapshot, false);
  });

  it('ignores a snapshot line that is not one, and writes a good one', async () => {
    const fs = new ClockedFileSystem('/site', fixtureFiles(fixtureSites().find((site) => site.name === 'hugo-blog')!.root));
    await cachedRun(fs);
    const [, cache] = readFileSync(file, 'utf8').split('\n');
    for (const broken of ['{"format": "postcraft-run-snapshot", "version": 1, "key": ', '{"format":"postcraft-run-snapshot","version":1,"key":"k","digest":"d","validUntil":null,"inputs":{"folders":[1]},"sites":[],"findings":[]}']) {
      writeFileSync(file, `${broken}\n${cache}\n`);
      assert.equal((await cachedRun(fs)).fromSnapshot, false);
      assert.ok(snapshotOnDisk());
    }
  });
});

describe('textHasher', () => {
  it('hashes texts given one after another as hashText hashes them joined', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), (texts) => {
        const hasher = textHasher();
        for (const text of texts) hasher.update(text);
        assert.equal(hasher.digest(), hashText(texts.join('')));
      }),
    );
  });
});
