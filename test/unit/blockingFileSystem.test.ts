// The CLI's blocking file system must answer exactly as the extension's asynchronous one.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { blockingNodeFileSystem } from '../../src/node/blockingNodeFileSystem';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { toSitePath } from '../../src/core/text/paths';

describe('the blocking file system of the CLI', () => {
  let root: string;
  before(() => {
    root = toSitePath(mkdtempSync(join(tmpdir(), 'postcraft-blocking-')));
    mkdirSync(join(root, 'posts'));
    writeFileSync(join(root, 'posts', 'a.md'), '---\ntitle: A\n---\n');
    writeFileSync(join(root, 'big.md'), 'x'.repeat(10_000));
    writeFileSync(join(root, 'empty.md'), '');
    symlinkSync(join(root, 'posts', 'a.md'), join(root, 'link.md'));
    symlinkSync(join(root, 'posts'), join(root, 'linked-posts'));
    symlinkSync('/dev/zero', join(root, 'zero.md'));
    execFileSync('mkfifo', [join(root, 'pipe.md')]);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads, refuses and lists exactly as the asynchronous one: files, limits, links, pipes, devices', async () => {
    const paths = ['posts/a.md', 'big.md', 'empty.md', 'missing.md', 'link.md', 'linked-posts/a.md', 'zero.md', 'pipe.md', 'posts'].map((path) => `${root}/${path}`);
    for (const path of paths) {
      for (const maxBytes of [undefined, 100]) {
        assert.deepEqual(await blockingNodeFileSystem.readFile(path, maxBytes), await nodeFileSystem.readFile(path, maxBytes), `readFile ${path} ${maxBytes}`);
      }
      const [blocking, asynchronous] = [await blockingNodeFileSystem.stat(path), await nodeFileSystem.stat(path)];
      assert.deepEqual(blocking && { ...blocking, mtime: 0 }, asynchronous && { ...asynchronous, mtime: 0 }, `stat ${path}`);
      assert.equal(await blockingNodeFileSystem.realPath!(path), await nodeFileSystem.realPath!(path), `realPath ${path}`);
    }
    const sorted = (entries: { name: string }[]) => [...entries].sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(sorted(await blockingNodeFileSystem.readDirectory(root)), sorted(await nodeFileSystem.readDirectory(root)));
    assert.deepEqual(await blockingNodeFileSystem.readDirectory(`${root}/missing`), []);
    assert.equal(new TextDecoder().decode(await blockingNodeFileSystem.readFile(`${root}/posts/a.md`)), '---\ntitle: A\n---\n');
    assert.equal(await blockingNodeFileSystem.readFile(`${root}/big.md`, 100), undefined, 'over the limit: not read');
    assert.equal(await blockingNodeFileSystem.readFile(`${root}/link.md`), undefined, 'a link in the file name is not followed');
    assert.equal(await blockingNodeFileSystem.readFile(`${root}/pipe.md`), undefined, 'a named pipe neither blocks nor reads');
  });

  it('knows the real path of a listed folder from its parent, and never of a linked one', async () => {
    mkdirSync(join(root, 'nested', 'deeper'), { recursive: true });
    mkdirSync(join(root, 'posts', 'sub'));
    symlinkSync(join(root, 'posts'), join(root, 'nested', 'link'));
    // Listed through a linked folder: the child's real path is under the link's target.
    for (const folder of [`${root}/nested`, `${root}/nested/link`, `${root}/nested/link/..`]) {
      await blockingNodeFileSystem.realPath!(folder);
      await blockingNodeFileSystem.readDirectory(folder);
    }
    for (const path of [`${root}/nested/deeper`, `${root}/nested/link`, `${root}/nested/link/sub`, `${root}/nested/link/../posts`, `${root}/nested/nested`]) {
      assert.equal(await blockingNodeFileSystem.realPath!(path), await nodeFileSystem.realPath!(path), path);
    }
  });

  it('knows the real path of a listed file from its folder, the folder listed before any real path was asked', async () => {
    mkdirSync(join(root, 'first', 'inner'), { recursive: true });
    writeFileSync(join(root, 'first', 'inner', 'image.png'), '');
    symlinkSync(join(root, 'posts'), join(root, 'first', 'posts-link'));
    for (const folder of ['first', 'first/inner', 'first/posts-link']) await blockingNodeFileSystem.readDirectory(`${root}/${folder}`);
    for (const path of ['first/inner', 'first/inner/image.png', 'first/posts-link', 'first/posts-link/a.md', 'first/posts-link/sub']) {
      assert.equal(await blockingNodeFileSystem.realPath!(`${root}/${path}`), await nodeFileSystem.realPath!(`${root}/${path}`), path);
    }
  });
});
