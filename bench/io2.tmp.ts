import { readFileSync, readdirSync } from 'node:fs';
import { nodeFileSystem } from '../src/core/host/nodeFileSystem';
import { walkFiles } from '../src/core/site/walk';
import { noCancellation } from '../src/core/host/cancellation';
const root = process.argv[2]!;
(async () => {
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    const { files } = await walkFiles(nodeFileSystem, root, { token: noCancellation });
    const walkMs = performance.now() - t;
    const posts = files.filter((f) => f.endsWith('.md'));
    t = performance.now(); let bytes = 0;
    for (const p of posts) bytes += readFileSync(p).length;
    const syncMs = performance.now() - t;
    t = performance.now();
    const entries = readdirSync(root, { recursive: true, withFileTypes: true });
    const syncWalk = performance.now() - t;
    console.log('walk async', walkMs.toFixed(0), 'walk sync recursive', syncWalk.toFixed(0), entries.length, 'read sync', syncMs.toFixed(0), bytes);
  }
})();
