// One run of `check --cache` sees one state of the disk (src/core/cache/runFileSystem.ts), and the CLI stats
// a replay's files in one go (statManyBlocking): both must answer as the file system they stand for.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { blockingNodeFileSystem, statManyBlocking } from '../../src/node/blockingNodeFileSystem';
import { runFileSystem } from '../../src/core/cache/runFileSystem';
import type { SiteFileSystem } from '../../src/core/host/fileSystem';
import { InMemoryFileSystem } from '../../src/core/host/inMemoryFileSystem';
import { toSitePath } from '../../src/core/text/paths';

describe('statManyBlocking', () => {
  let root: string;
  before(() => {
    root = toSitePath(mkdtempSync(join(tmpdir(), 'postcraft-stat-many-')));
    mkdirSync(join(root, 'folder'));
    for (let i = 0; i < 5; i++) writeFileSync(join(root, 'folder', `file-${i}.md`), 'x'.repeat(i));
    symlinkSync(join(root, 'folder'), join(root, 'linked'));
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('answers as blockingNodeFileSystem.stat, path by path and in order', async () => {
    const paths = [`${root}/folder`, `${root}/linked`, `${root}/dangling`, `${root}/missing`, `${root}/folder/file-3.md/below`, ...Array.from({ length: 5 }, (_, i) => `${root}/folder/file-${i}.md`), `${root}/linked/file-2.md`];
    assert.deepEqual(await statManyBlocking(paths), await Promise.all(paths.map((path) => blockingNodeFileSystem.stat(path))));
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
