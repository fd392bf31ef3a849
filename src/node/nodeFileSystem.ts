import { constants, promises as fs, stat as statCallback } from 'node:fs';
import { toSitePath } from '../core/text/paths';
import type { DirectoryEntry, FileStat, SiteFileSystem } from '../core/host/fileSystem';

/**
 * How both Node file systems open a file: non-blocking, so that a named pipe does not wait forever for a
 * writer, and without following a link in its own name (see SiteFileSystem). Where the system has no
 * `O_NOFOLLOW` (Windows), `canRefuseLinks` is false and the readers ask `lstat` first.
 */
export const readFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
export const canRefuseLinks = constants.O_NOFOLLOW !== undefined;

/** The real disk, for the CLI and the extension host (which runs where the files are). */
export const nodeFileSystem: SiteFileSystem = {
  async readFileStart(path, bytes) {
    let handle: fs.FileHandle | undefined;
    try {
      if (!canRefuseLinks && (await fs.lstat(path)).isSymbolicLink()) return undefined;
      handle = await fs.open(path, readFlags);
      if (!(await handle.stat()).isFile()) return undefined;
      const start = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(start, 0, bytes, 0);
      return start.subarray(0, bytesRead);
    } catch {
      return undefined;
    } finally {
      await handle?.close().catch(() => undefined);
    }
  },
  async readFile(path, maxBytes) {
    let handle: fs.FileHandle | undefined;
    try {
      // See readFlags; then regular files only: a device or a pipe is no post, config or data.
      if (!canRefuseLinks && (await fs.lstat(path)).isSymbolicLink()) return undefined;
      handle = await fs.open(path, readFlags);
      const stat = await handle.stat();
      if (!stat.isFile() || (maxBytes !== undefined && stat.size > maxBytes)) return undefined;
      // The size just read: no second stat, no read past the end. Not zero-filled: every byte is read over
      // (a short read returns the filled part only).
      const bytes = Buffer.allocUnsafe(stat.size);
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === bytes.length ? bytes : bytes.subarray(0, filled);
    } catch {
      return undefined; // missing or unreadable: the caller reports it as a finding
    } finally {
      await handle?.close().catch(() => undefined);
    }
  },
  // Node's callback API: a site's load stats every post and image (tens of thousands), and `fs.promises.stat`
  // costs the extension host's thread about twice as much per call.
  stat(path): Promise<FileStat | undefined> {
    return new Promise((resolve) => {
      statCallback(path, (error, stat) => resolve(error ? undefined : { type: stat.isDirectory() ? 'directory' : 'file', size: stat.size, mtime: stat.mtimeMs }));
    });
  },
  async readDirectory(path): Promise<DirectoryEntry[]> {
    try {
      const entries = await fs.readdir(path, { withFileTypes: true });
      return entries.map((entry) => ({
        name: entry.name,
        type: entry.isDirectory() ? 'directory' : entry.isSymbolicLink() ? 'symlink' : 'file',
      }));
    } catch {
      return [];
    }
  },
  realPath: rememberedRealPath,
};

/**
 * The path with every link resolved. A file that is no link is its folder's real path plus its name, and
 * real paths found are remembered for two seconds (absences are not, so a file just created is seen at
 * once): resolving each file from the disk root was quadratic in the depth of a folder tree, and one
 * `lstat` per read a fifth of the time of checking a site.
 */
function rememberedRealPath(path: string): Promise<string | undefined> {
  const known = realPaths.get(path);
  if (known && Date.now() - known.at < 2000) return known.real;
  if (realPaths.size > 10_000) realPaths.clear();
  const real = resolveRealPath(path);
  const entry = { real, at: Date.now() };
  realPaths.set(path, entry);
  void real.then((found) => {
    if (found === undefined && realPaths.get(path) === entry) realPaths.delete(path);
  });
  return real;
}

const realPaths = new Map<string, { readonly real: Promise<string | undefined>; readonly at: number }>();

async function resolveRealPath(path: string): Promise<string | undefined> {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  if (slash <= 0 || name === '' || name === '.' || name === '..') return resolveLinks(path);
  const [folder, stat] = await Promise.all([rememberedRealPath(path.slice(0, slash)), fs.lstat(path).catch(() => undefined)]);
  if (folder === undefined || stat === undefined) return undefined;
  return stat.isSymbolicLink() ? resolveLinks(path) : `${folder === '/' ? '' : folder}/${name}`;
}

async function resolveLinks(path: string): Promise<string | undefined> {
  try {
    return toSitePath(await fs.realpath(path));
  } catch {
    return undefined; // missing, or a loop of links
  }
}
