import type { SiteFileSystem } from '../host/fileSystem';
import { isInside, joinPath } from '../text/paths';
import { readText } from './configFiles';

/**
 * The folders below `folder` that the site's `.gitignore`, or the folder's own, lists: a build step writes them
 * before the generator runs (sass-lang.com's typedoc output), so the checkout holds none of their pages. Only
 * patterns anchored where their file is count (a leading or inner `/`), and a wildcard only as the end of the last
 * name: `content/docs/…/cli/pack*` (buildpacks.io's Makefile writes the pack CLI's pages there) stands for every
 * path that starts so, written `…/cli/pack*`. A pattern for a kind of file (`content/blog/*.html`, blogdown's
 * output beside its sources) names no folder of pages and is left out. A page file named whole stands for its
 * page's folder, the path without its extension: spiffe.io's build pulls `docs/latest/deploying/spire_server.md`
 * from another repository and writes its name into content/.gitignore.
 */
export async function gitIgnoredFolders(fs: SiteFileSystem, root: string, folder: string): Promise<string[]> {
  const folders = new Set<string>();
  for (const base of new Set([root, folder])) {
    const text = await readText(fs, joinPath(base, '.gitignore'));
    if (text === undefined) continue;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim().replace(/\/+$/, '');
      // Comments, negations and escapes; a pattern without an inner slash matches at any depth.
      if (line === '' || /^[#!\\]/.test(line) || !line.slice(0, -1).includes('/')) continue;
      const path = joinPath(base, line.replace(/^\/+/, '')).replace(pageFileExtension, '');
      const stem = path.endsWith('*') ? path.slice(0, -1) : path;
      if (/[*?[]/.test(stem) || stem.endsWith('/') || !isInside(folder, stem) || stem === folder) continue;
      folders.add(path);
    }
  }
  return [...folders];
}

const pageFileExtension = /\.(?:md|markdown|mdx|html?)$/i;

/** Whether `path` is at or below the git-ignored `folder` of `gitIgnoredFolders` (a name prefix where it ends in `*`). */
export function isInsideIgnored(folder: string, path: string): boolean {
  return folder.endsWith('*') ? path.startsWith(folder.slice(0, -1)) : isInside(folder, path);
}
