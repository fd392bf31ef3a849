import { promises as fs } from 'node:fs';
import { nodeFileSystem } from '../src/core/host/nodeFileSystem';
import { confinedFileSystem } from '../src/core/host/confinedFileSystem';
import { walkFiles } from '../src/core/site/walk';
import { noCancellation } from '../src/core/host/cancellation';
import { readPostText } from '../src/core/post/decodeText';
const root = process.argv[2]!;
async function pool(paths: string[], fn: (p: string) => Promise<unknown>) { let next = 0; await Promise.all(Array.from({ length: 64 }, async () => { while (next < paths.length) await fn(paths[next++]!); })); }
(async () => {
  const { files } = await walkFiles(nodeFileSystem, root, { token: noCancellation });
  const posts = files.filter((f) => f.endsWith('.md'));
  const confined = confinedFileSystem(nodeFileSystem, root);
  for (let round = 0; round < 2; round++) {
    for (const [name, fn] of [
      ['fs.readFile', (p: string) => fs.readFile(p)],
      ['node fs', (p: string) => nodeFileSystem.readFile(p)],
      ['confined', (p: string) => confined.readFile(p)],
      ['readPostText', (p: string) => readPostText(confined, p)],
    ] as const) {
      const t = performance.now(); await pool(posts, fn); console.log(name, (performance.now() - t).toFixed(0));
    }
  }
})();
