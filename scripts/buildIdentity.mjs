// What a build's findings were made with, beyond its version number: a digest of the sources and the locked
// dependencies. Caches key on it (`--cache`, the editor's warm start), so that a build of changed checks never
// answers from findings an older build of the same version made.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** 16 hex digits of a digest over every file below `root`/src and `root`/package-lock.json, by relative path. */
export function buildIdentity(root) {
  const files = [...filesBelow(join(root, 'src')), join(root, 'package-lock.json')].map((file) => relative(root, file).split('\\').join('/')).sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function* filesBelow(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* filesBelow(path);
    else if (entry.isFile()) yield path;
  }
}
