import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { childPath, normalizePath, toSitePath } from '../core/text/paths';
import type { DirectoryEntry, FileStat, SiteFileSystem } from '../core/host/fileSystem';
import { canRefuseLinks, readFlags } from './nodeFileSystem';

/**
 * The real disk through blocking calls, for one-shot runs where nothing else waits on the thread (the
 * CLI). A site's files are small and mostly cached: a blocking read costs a few microseconds, the
 * asynchronous round trip through the thread pool tens (a 10,000-post site: 0.2 s against 0.8 s). The
 * rules are nodeFileSystem's: regular files only, no link followed in a file's own name, no blocking
 * on a named pipe. Real paths are remembered for the run, and a folder listed (not a link) inside a
 * folder whose real path is known needs no lookup of its own: thousands of realpath calls saved.
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
  async stat(path): Promise<FileStat | undefined> {
    try {
      const stat = statSync(path);
      return { type: stat.isDirectory() ? 'directory' : 'file', size: stat.size, mtime: stat.mtimeMs };
    } catch {
      return undefined; // missing, a file where a folder should be, a loop of links
    }
  },
  async readDirectory(path): Promise<DirectoryEntry[]> {
    try {
      // Only for a path as the walk writes it (`a/link/..` lists the link target's parent) and never over a
      // real path already looked up.
      const realFolder = path === normalizePath(path) ? realPaths.get(path) : undefined;
      return readdirSync(path, { withFileTypes: true }).map((entry) => {
        const type = entry.isDirectory() ? 'directory' : entry.isSymbolicLink() ? 'symlink' : 'file';
        // A listed file that is no link is its folder's real path plus its name: no realpath per image weighed.
        if (type !== 'symlink' && realFolder !== undefined) {
          const child = childPath(path, entry.name); // both folders are normal: checked above, and real paths are
          // Under a folder that is its own real path (no link on the way, the usual case) that is the child itself, kept once.
          if (!realPaths.has(child)) realPaths.set(child, realFolder === path ? child : childPath(realFolder, entry.name));
        }
        return { name: entry.name, type };
      });
    } catch {
      return [];
    }
  },
  async realPath(path) {
    if (!realPaths.has(path)) {
      let real: string | undefined;
      try {
        real = toSitePath(realpathSync.native(path));
      } catch {
        real = undefined; // missing, or a loop of links
      }
      realPaths.set(path, real);
    }
    return realPaths.get(path);
  },
};

const realPaths = new Map<string, string | undefined>();

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
