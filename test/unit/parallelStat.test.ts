// The CLI stats a re-run's files on two threads (src/node/parallelStat.ts) and keeps one run's stats and
// listings (src/core/cache/runFileSystem.ts): both must answer as the file system they stand for.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { blockingNodeFileSystem } from '../../src/node/blockingNodeFileSystem';
import { parallelStat } from '../../src/node/parallelStat';
import { runFileSystem } from '../../src/core/cache/runFileSystem';
import type { SiteFileSystem } from '../../src/core/host/fileSystem';
import { InMemoryFileSystem } from '../../src/core/host/inMemoryFileSystem';
import { toSitePath } from '../../src/core/text/paths';

describe('parallelStat', () => {
  let root: string;
  let paths: string[];
  before(() => {
    root = toSitePath(mkdtempSync(join(tmpdir(), 'postcraft-parallel-stat-')));
    mkdirSync(join(root, 'folder'));
    for (let i = 0; i < 40; i++) writeFileSync(join(root, 'folder', `file-${i}.md`), 'x'.repeat(i));
    symlinkSync(join(root, 'folder'), join(root, 'linked'));
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    paths = [`${root}/folder`, `${root}/linked`, `${root}/dangling`, `${root}/missing`, `${root}/folder/file-3.md/below`, ...Array.from({ length: 40 }, (_, i) => `${root}/folder/file-${i}.md`)];
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const oneByOne = (list: readonly string[]) => Promise.all(list.map((path) => blockingNodeFileSystem.stat(path)));

  it('answers as blockingNodeFileSystem.stat, path by path and in order, on two threads', async () => {
    const twoThreads = parallelStat({ cores: 2, minPaths: 0 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...paths), { maxLength: 2000 }), async (list) => {
        assert.deepEqual(await twoThreads(list), await oneByOne(list));
      }),
      { numRuns: 30 },
    );
  });

  it("answers as blockingNodeFileSystem.stat from the worker's statting alone", async () => {
    const inWorker = parallelStat({ cores: 2, minPaths: 0, mainThreadTakes: false });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...paths), { maxLength: 2000 }), async (list) => {
        assert.deepEqual(await inWorker(list), await oneByOne(list));
      }),
      { numRuns: 10 },
    );
  });

  it('answers as blockingNodeFileSystem.stat on one core, and below its minimum of paths', async () => {
    assert.deepEqual(await parallelStat({ cores: 1, minPaths: 0 })(paths), await oneByOne(paths));
    assert.deepEqual(await parallelStat({ cores: 2, minPaths: 1000 })(paths), await oneByOne(paths));
  });
});

describe('runFileSystem', () => {
  /** An in-memory site whose stats and listings are counted. */
  function counted(): { fs: InMemoryFileSystem; inner: SiteFileSystem; calls: { stat: number; readDirectory: number } } {
    const fs = new InMemoryFileSystem('/site');
    fs.write('a.md', 'a');
    fs.write('images/b.png', 'bb');
    const calls = { stat: 0, readDirectory: 0 };
    const inner: SiteFileSystem = {
      readFile: (path) => fs.readFile(path),
      stat: (path) => (calls.stat++, fs.stat(path)),
      readDirectory: (path) => (calls.readDirectory++, fs.readDirectory(path)),
    };
    return { fs, inner, calls };
  }

  it('lists each folder and stats each path once in a run, and answers as the file system did then', async () => {
    const { fs, inner, calls } = counted();
    const disk = runFileSystem(inner);
    const [listing, stat] = [await disk.readDirectory('/site'), await disk.stat('/site/a.md')];
    fs.write('a.md', 'a longer text');
    fs.write('c.md', 'c');
    assert.deepEqual(await disk.readDirectory('/site'), listing);
    assert.deepEqual(await disk.stat('/site/a.md'), stat);
    assert.deepEqual(calls, { stat: 1, readDirectory: 1 });
    (await disk.readDirectory('/site')).pop();
    assert.deepEqual(await disk.readDirectory('/site'), listing, 'a caller changing its copy changes no other');
    assert.equal(new TextDecoder().decode(await disk.readFile('/site/a.md')), 'a longer text', 'reads are not kept');
  });

  it('stats many paths at once through the given function, the ones it knows not again', async () => {
    const { inner, calls } = counted();
    const asked: string[][] = [];
    const disk = runFileSystem(inner, async (paths) => (asked.push([...paths]), Promise.all(paths.map((path) => inner.stat(path)))));
    await disk.stat('/site/a.md');
    const stats = await disk.statMany(['/site/images/b.png', '/site/a.md', '/site/missing', '/site/images/b.png']);
    assert.deepEqual(asked, [['/site/images/b.png', '/site/missing', '/site/images/b.png']]);
    assert.deepEqual(stats.map((stat) => stat?.size), [2, 1, undefined, 2]);
    assert.equal((await disk.stat('/site/images/b.png'))?.size, 2);
    assert.equal(calls.stat, 4, 'the stat made before, the three asked at once, and none after');
  });
});
