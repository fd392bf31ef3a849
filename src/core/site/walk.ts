import type { SiteFileSystem } from '../host/fileSystem';
import { throwIfCancelled, type CancellationToken } from '../host/cancellation';
import { childPath, isInsideAny, joinPath } from '../text/paths';

/** Folders no generator reads sources from; skipping them keeps indexing of real sites fast. */
export const alwaysIgnored = new Set(['.git', 'node_modules', '.hg', '.svn', '.vscode-test', '.cache', '.astro', '.docusaurus', '.jekyll-cache', '.sass-cache']);

/** Whether a folder of `relativePath` (below a site's root; its last part is the file) is always ignored. */
export function inAlwaysIgnoredFolder(relativePath: string): boolean {
  let start = relativePath.startsWith('/') ? 1 : 0;
  for (let end = relativePath.indexOf('/', start); end !== -1; start = end + 1, end = relativePath.indexOf('/', start)) {
    if (alwaysIgnored.has(relativePath.slice(start, end))) return true;
  }
  return false;
}

export interface WalkOptions {
  /** Absolute folders to skip (build output). */
  readonly ignoredDirs?: readonly string[];
  /** Stop after this many files; a 100k-file repository is not a blog. */
  readonly maxFiles?: number;
  readonly token: CancellationToken;
}

export interface WalkResult {
  readonly files: string[];
  readonly truncated: boolean;
}

/**
 * Lists every file below `root`, folders read in parallel; symlinked folders are not followed. The order
 * is the folders' own, each folder's files before its subfolders', whichever listing comes back first:
 * what is built from the list (the author registry, where the first of two pages wins) and the warm
 * start's cache (which hashes it) must not change from one start to the next.
 */
export async function walkFiles(fs: SiteFileSystem, root: string, options: WalkOptions): Promise<WalkResult> {
  let count = 0;
  const maxFiles = options.maxFiles ?? 200_000;
  let truncated = false;
  const ignoredDirs = new Set(options.ignoredDirs ?? []);
  /** The folder's files, then its subfolders' lists, in the order they were listed. */
  const visit = async (dir: string): Promise<string[][]> => {
    if (truncated) return [];
    const entries = await fs.readDirectory(dir);
    throwIfCancelled(options.token);
    const files: string[] = [];
    const subdirs: string[] = [];
    for (const entry of entries) {
      // The folders below the root are joined paths, normal: their files' paths need no normalising.
      const path = dir === root ? joinPath(dir, entry.name) : childPath(dir, entry.name);
      if (entry.type === 'directory') {
        if (alwaysIgnored.has(entry.name) || isInsideAny(ignoredDirs, path)) continue;
        subdirs.push(path);
      } else if (entry.type === 'file') {
        if (count >= maxFiles) {
          truncated = true;
          return [files];
        }
        files.push(path);
        count++;
      }
    }
    const below = await Promise.all(subdirs.map(visit));
    return [files, ...below.flat()];
  };
  const lists = await visit(root);
  return { files: lists.flat(), truncated };
}
