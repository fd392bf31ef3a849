import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CheckScheduler, createPostcraftService, keptFindings, readEditorSettings, type FindingsUpdate, type SiteFileSystem } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';

const files = {
  'hugo.toml': "title = 'x'\n",
  'content/posts/a.md': '---\ntitle: A\n---\nText\n',
  'content/posts/b.md': '---\ntitle: B\n---\nSee [A](/posts/a/#soil).\n',
  'content/posts/c.md': '---\ntitle: C\n---\n![x](/missing.png)\n',
};

/** What the last start checked with (keptCache's): findings kept for another version or other options are not shown. */
const run = { options: {}, version: 'test' };

/** The in-memory site with an mtime long before now, as files saved a while ago have. */
function siteOnDisk() {
  const memory = inMemorySite(files);
  const fs: SiteFileSystem = { ...memory, readFile: (path) => memory.readFile(path), readDirectory: (path) => memory.readDirectory(path), stat: async (path) => {
    const stat = await memory.stat(path);
    return stat && { ...stat, mtime: stat.type === 'file' ? 1_000 : 0 };
  } };
  return { memory, fs };
}

async function keptCache(fs: SiteFileSystem) {
  const service = createPostcraftService({ fs, checksAfterOpening: () => true });
  await service.openWorkspace(['/site'], undefined, { previous: undefined, options: {}, version: 'test' });
  const expected = await service.checkWorkspace({});
  return { cache: service.checkCache!, expected };
}

describe('Findings kept for a warm start', () => {
  it('are those of the last start for each post with findings whose size and mtime are unchanged, and none for a post changed since', async () => {
    const { memory, fs } = siteOnDisk();
    const { cache, expected } = await keptCache(fs);
    const kept = await keptFindings(fs, cache, run);
    assert.deepEqual([...kept.keys()].sort(), ['/site/content/posts/b.md', '/site/content/posts/c.md']);
    for (const path of ['/site/content/posts/b.md', '/site/content/posts/c.md']) {
      assert.ok(kept.get(path)!.length > 0, path);
      assert.deepEqual(kept.get(path), expected.get(path));
    }
    memory.write('content/posts/b.md', '---\ntitle: B, longer now\n---\nSee [A](/posts/a/#soil).\n');
    assert.deepEqual([...(await keptFindings(fs, cache, run)).keys()], ['/site/content/posts/c.md']);
    memory.delete('content/posts/c.md');
    assert.equal((await keptFindings(fs, cache, run)).size, 0);
  });

  it('are not trusted for a file modified just before the start that recorded them, nor without mtimes', async () => {
    const { memory, fs } = siteOnDisk();
    const { cache } = await keptCache(fs);
    const recent = { ...fs, stat: async (path: string) => ({ ...(await memory.stat(path))!, mtime: Date.now() }) };
    const recorded = await keptCache(recent);
    assert.equal((await keptFindings(recent, recorded.cache, run)).size, 0);
    assert.equal((await keptFindings(memory, cache, run)).size, 0); // mtime 0: the file system keeps none
  });

  it('are none for a site whose dated post went live since: its findings may have changed', async () => {
    const { fs } = siteOnDisk();
    const { cache } = await keptCache(fs);
    assert.equal((await keptFindings(fs, cache, run)).size, 2);
    const live = { ...cache, sites: Object.fromEntries(Object.entries(cache.sites).map(([root, site]) => [root, { ...site, validUntil: Date.now() - 1 }])) };
    assert.equal((await keptFindings(fs, live, run)).size, 0);
    const later = { ...cache, sites: Object.fromEntries(Object.entries(cache.sites).map(([root, site]) => [root, { ...site, validUntil: Date.now() + 60_000 }])) };
    assert.equal((await keptFindings(fs, later, run)).size, 2);
  });

  it('are none when the version or the check options differ from those the cache was made with', async () => {
    const { fs } = siteOnDisk();
    const { cache } = await keptCache(fs);
    assert.equal((await keptFindings(fs, cache, run)).size, 2);
    assert.equal((await keptFindings(fs, cache, { ...run, version: 'next' })).size, 0);
    assert.equal((await keptFindings(fs, cache, { ...run, options: { severities: { 'broken-image': 'warning' } } })).size, 0);
    assert.equal((await keptFindings(fs, cache, { ...run, options: { reportUnusedDisable: true } })).size, 0);
  });

  it('are shown for files not open until the first whole check, and never over it', async () => {
    const { fs } = siteOnDisk();
    const { cache } = await keptCache(fs);
    const service = createPostcraftService({ fs, checksAfterOpening: () => true });
    await service.openWorkspace(['/site'], undefined, { previous: cache, options: {}, version: 'test' });
    const published: FindingsUpdate[] = [];
    const settings = { ...readEditorSettings(() => undefined), validateWorkspace: true };
    const open = '/site/content/posts/b.md';
    const scheduler = new CheckScheduler({ service, ready: () => Promise.resolve(), settings: () => settings, openDocuments: () => [{ key: `file://${open}`, path: open, text: () => '---\ntitle: B\n---\n' }], publish: (updates) => published.push(...updates), clear: () => undefined });
    const kept = await keptFindings(fs, cache, run);
    await scheduler.showKept(kept);
    assert.deepEqual(published.map((update) => update.path), ['/site/content/posts/c.md']);
    await scheduler.indexed();
    published.length = 0;
    await scheduler.showKept(kept);
    assert.equal(published.length, 0);
    scheduler.dispose();
  });
});
