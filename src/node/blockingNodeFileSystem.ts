import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, normalizePath, toSitePath } from '../core/text/paths';
import type { DirectoryEntry, FileStat, SiteFileSystem } from '../core/host/fileSystem';
import { canRefuseLinks, readFlags } from './nodeFileSystem';

/**
 * The real disk through blocking calls, for one-shot runs where nothing else waits on the thread (the
 * CLI). A site's files are small and mostly cached: a blocking read costs a few microseconds, the
 * asynchronous round trip through the thread pool tens (a 10,000-post site: 0.2 s against 0.8 s). The
 * rules are nodeFileSystem's: regular files only, no link followed in a file's own name, no blocking
 * on a named pipe. Real paths are remembered for the run (see `realPathOf`).
 */
export const blockingNodeFileSystem: SiteFileSystem = {
  readFile: async (path, maxBytes) => readBlocking(path, maxBytes),
  async readFileStart(path, bytes) {
    let fd: number | undefined;
    try {
      if (!canRefuseLinks && lstatSync(path).isSymbolicLink()) return undefined;
      fd = openSync(path, readFlags);
      if (!fstatSync(fd).isFile()) return undefined;
      const start = Buffer.alloc(bytes);
      return start.subarray(0, readSync(fd, start, 0, bytes, 0));
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  },
  stat: async (path) => statBlocking(path),
  async readDirectory(path): Promise<DirectoryEntry[]> {
    try {
      // Only for a path as the walk writes it (`a/link/..` lists the link target's parent).
      const entries: DirectoryEntry[] = readdirSync(path, { withFileTypes: true }).map((entry) => ({ name: entry.name, type: entry.isDirectory() ? 'directory' : entry.isSymbolicLink() ? 'symlink' : 'file' }));
      if (path === normalizePath(path)) listed.set(path, entries);
      return entries;
    } catch {
      return [];
    }
  },
  realPath: async (path) => realPathOf(path),
};

const realPaths = new Map<string, string | undefined>();
/** Folders listed (their path as the walk writes it), until the real paths of their entries are set down. */
const listed = new Map<string, readonly DirectoryEntry[]>();

/**
 * Remembered for the run. An entry listed that is no link needs no lookup of its own: the first real path
 * asked in a listed folder sets down those of all its entries that are no links, its own plus their names
 * (its own derived the same way, up to a folder not listed). A site's 45,000 files cost as many lookups
 * as its folders that were not listed, where each `realpath` reads every part of the path again.
 */
function realPathOf(path: string): string | undefined {
  if (realPaths.has(path)) return realPaths.get(path);
  const folder = dirname(path);
  const entries = listed.get(folder);
  if (entries) {
    listed.delete(folder);
    const realFolder = realPathOf(folder);
    const prefix = folder === '/' ? '/' : `${folder}/`;
    const realPrefix = realFolder === '/' ? '/' : `${realFolder}/`;
    for (const entry of entries) {
      if (entry.type === 'symlink') continue;
      const child = prefix + entry.name;
      // Under a folder that is its own real path (no link on the way, the usual case) that is the child itself, kept once.
      if (!realPaths.has(child)) realPaths.set(child, realFolder === undefined ? undefined : realFolder === folder ? child : realPrefix + entry.name);
    }
    if (realPaths.has(path)) return realPaths.get(path);
  }
  let real: string | undefined;
  try {
    real = toSitePath(realpathSync.native(path));
  } catch {
    real = undefined; // missing, or a loop of links
  }
  realPaths.set(path, real);
  return real;
}

/**
 * Many stats at once, in order, with no promise each: the run snapshot's replay stats tens of thousands of
 * files (src/core/cache/runFileSystem.ts). A second thread was tried for them and paid nothing here: a
 * worker's start and its answers cost what it saved (docs/performance.md).
 */
export const statManyBlocking = async (paths: readonly string[]): Promise<(FileStat | undefined)[]> => paths.map(statBlocking);

export function statBlocking(path: string): FileStat | undefined {
  try {
    const stat = statSync(path);
    return { type: stat.isDirectory() ? 'directory' : 'file', size: stat.size, mtime: stat.mtimeMs };
  } catch {
    return undefined; // missing, a file where a folder should be, a loop of links
  }
}

function readBlocking(path: string, maxBytes: number | undefined): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    if (!canRefuseLinks && lstatSync(path).isSymbolicLink()) return undefined;
    fd = openSync(path, readFlags);
    const stat = fstatSync(fd);
    if (!stat.isFile() || (maxBytes !== undefined && stat.size > maxBytes)) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size); // as nodeFileSystem's
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } catch {
    return undefined; // missing or unreadable: the caller reports it as a finding
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
