import type { SiteFileSystem } from '../host/fileSystem';
import { readText } from '../host/textFiles';
import { isInside, joinPath, normalizePath } from '../text/paths';
import type { FileSet } from './fileSet';

/**
 * The folders the site's .gitmodules declares that hold no file: submodules the checkout lacks (a clone without
 * `--recurse-submodules`, a CI checkout without `submodules: true`). made-mistakes-jekyll keeps its 3,900 images in
 * one (`assets/images`): what the site names in them is there when it is built, so it is unknown, not missing.
 */
export async function absentSubmoduleFolders(fs: SiteFileSystem, root: string, files: FileSet): Promise<string[]> {
  const text = await readText(fs, joinPath(root, '.gitmodules'));
  if (text === undefined) return [];
  const declared = [...text.matchAll(/^\s*path\s*=\s*(.+?)\s*$/gm)].map((match) => normalizePath(joinPath(root, match[1]!.replace(/^["']|["']$/g, ''))));
  const folders = declared.filter((folder) => folder !== root && isInside(root, folder));
  if (folders.length === 0) return [];
  const held = new Set<string>();
  for (const file of files.all()) for (const folder of folders) if (isInside(folder, file)) held.add(folder);
  return folders.filter((folder) => !held.has(folder));
}

/** Whether a file lies in a submodule the checkout lacks (see absentSubmoduleFolders). */
export function inAbsentSubmodule(folders: readonly string[] | undefined, file: string): boolean {
  return folders?.some((folder) => isInside(folder, file)) ?? false;
}
