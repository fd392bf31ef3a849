import { dirname, isInside, normalizePath } from '../text/paths';
import type { SiteFileSystem } from './fileSystem';

const views = new WeakMap<SiteFileSystem, Map<string, SiteFileSystem>>();
const rootOfView = new WeakMap<SiteFileSystem, string>();

/**
 * `fs` as seen from inside `root`: a path outside it, by its text (`../`, another absolute path) or
 * through a symbolic link that leads out, reads as missing. Every read the core makes for a site goes
 * through such a view, so no config value, data path, link or reference in a repository can make
 * Postcraft read a file elsewhere on the machine.
 */
export function confinedFileSystem(fs: SiteFileSystem, root: string): SiteFileSystem {
  if (rootOfView.get(fs) === root) return fs;
  let byRoot = views.get(fs);
  if (!byRoot) views.set(fs, (byRoot = new Map()));
  let view = byRoot.get(root);
  if (!view) {
    byRoot.set(root, (view = createView(fs, root)));
    rootOfView.set(view, root);
  }
  return view;
}

function createView(fs: SiteFileSystem, root: string): SiteFileSystem {
  let realRoot: Promise<string | undefined> | undefined;
  const allowed = async (path: string): Promise<boolean> => {
    if (!isInside(root, normalizePath(path))) return false;
    if (!fs.realPath) return true;
    realRoot ??= fs.realPath(root);
    const [base, real] = await Promise.all([realRoot, fs.realPath(path)]);
    if (base === undefined) realRoot = undefined; // the root may appear later; do not remember its absence
    return base !== undefined && real !== undefined && isInside(base, real);
  };
  // `readFile` never follows a link in the file's own name (see SiteFileSystem), so its folder's real
  // path is all there is to check: one lookup per folder, which the file system may remember.
  // The normalised path is both checked and read: the system resolves `link/..` from the link's
  // target, so reading the path as written could leave the folder that was checked.
  const readInFolder = async (path: string, maxBytes: number | undefined) => {
    const normalized = normalizePath(path);
    return isInside(root, normalized) && (await allowed(dirname(normalized))) ? fs.readFile(normalized, maxBytes) : undefined;
  };
  const readStart = fs.readFileStart?.bind(fs);
  return {
    readFile: readInFolder,
    ...(readStart ? { readFileStart: async (path: string, bytes: number) => {
      const normalized = normalizePath(path);
      return isInside(root, normalized) && (await allowed(dirname(normalized))) ? readStart(normalized, bytes) : undefined;
    } } : {}),
    stat: async (path) => ((await allowed(path)) ? fs.stat(path) : undefined),
    readDirectory: async (path) => ((await allowed(path)) ? fs.readDirectory(path) : []),
    realPath: async (path) => ((await allowed(path)) ? ((await fs.realPath?.(path)) ?? normalizePath(path)) : undefined),
  };
}
