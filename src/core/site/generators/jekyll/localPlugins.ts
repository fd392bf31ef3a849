import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';

/**
 * The folders where the site's own plugins (the `.rb` files Jekyll requires from `plugins_dir`, default `_plugins`,
 * at any depth) make pages, where the code names the folder as it stands: a page class's `new(site, base, "packages",
 * name)` (swift.org's generator writes a page per package category at `/packages/<slug>.html`). No rule on paths
 * knows those pages' names. A folder the code computes is not known, nor are the pages made there.
 */
export async function pluginPageFolders(fs: SiteFileSystem, pluginDirs: readonly string[]): Promise<string[]> {
  const folders = new Set<string>();
  let read = 0;
  const visit = async (folder: string, depth: number): Promise<void> => {
    for (const entry of await fs.readDirectory(folder).catch(() => [])) {
      const path = joinPath(folder, entry.name);
      if (entry.type === 'directory' && depth < maxDepth) await visit(path, depth + 1);
      if (entry.type !== 'file' || !entry.name.endsWith('.rb') || ++read > maxFiles) continue;
      for (const match of ((await readText(fs, path)) ?? '').matchAll(pageInFolder)) {
        const name = match[2]!.replace(/^\/+|\/+$/g, '');
        if (name !== '' && !name.split('/').includes('..')) folders.add(name);
      }
    }
  };
  for (const dir of pluginDirs) await visit(dir, 0);
  return [...folders];
}

// `PageWithoutAFile.new(site, site.source, "packages", …)`, `IcalPage.new(site, site.source, 'feed/eo-events/', …)`.
const pageInFolder = /\b\w*Page\w*\.new\(\s*site\s*,\s*[^,()]+,\s*(["'])([^"'#{}\s]*)\1/g;
const maxDepth = 3;
const maxFiles = 200;
