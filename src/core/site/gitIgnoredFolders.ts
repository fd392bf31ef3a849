import type { SiteFileSystem } from '../host/fileSystem';
import { isInside, joinPath } from '../text/paths';
import { readText } from './configFiles';

/**
 * The folders below `folder` that the site's `.gitignore` lists: a build step writes them before the
 * generator runs (buildpacks.io's `content/docs/…/cli/pack*`, written by its Makefile from the pack CLI;
 * sass-lang.com's typedoc output), so the checkout holds none of their pages. Only patterns anchored at
 * the root count (a leading or inner `/`); a pattern with a wildcard stands for the folder it names
 * before the wildcard's segment, which is what a link into the written pages is known to reach.
 */
export async function gitIgnoredFolders(fs: SiteFileSystem, root: string, folder: string): Promise<string[]> {
  const text = await readText(fs, joinPath(root, '.gitignore'));
  if (text === undefined) return [];
  const folders = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/\/+$/, '');
    // Comments, negations and escapes; a pattern without an inner slash matches at any depth.
    if (line === '' || /^[#!\\]/.test(line) || !line.slice(0, -1).includes('/')) continue;
    const segments = line.replace(/^\/+/, '').split('/');
    const wild = segments.findIndex((segment) => /[*?[]/.test(segment));
    const path = joinPath(root, ...(wild === -1 ? segments : segments.slice(0, wild)));
    if (isInside(folder, path) && path !== folder) folders.add(path);
  }
  return [...folders];
}
