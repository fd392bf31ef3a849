import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';

/**
 * Whether the site's own plugins (the `.rb` files Jekyll requires from `plugins_dir`, default `_plugins`, at any
 * depth) add pages to the site: a generator's `site.pages << PageWithoutAFile.new(…)` (swift.org writes a page
 * per package category at `/packages/<slug>.html`). Such a page may have any URL, so no rule on paths knows them.
 * `safe: true`, which GitHub Pages' own build sets, loads no such plugin.
 */
export async function pluginsAddPages(fs: SiteFileSystem, pluginDirs: readonly string[]): Promise<boolean> {
  let read = 0;
  const visit = async (folder: string, depth: number): Promise<boolean> => {
    for (const entry of await fs.readDirectory(folder).catch(() => [])) {
      const path = joinPath(folder, entry.name);
      if (entry.type === 'directory' && depth < maxDepth && (await visit(path, depth + 1))) return true;
      if (entry.type !== 'file' || !entry.name.endsWith('.rb') || ++read > maxFiles) continue;
      if (addsPages.test((await readText(fs, path)) ?? '')) return true;
    }
    return false;
  };
  for (const dir of pluginDirs) if (await visit(dir, 0)) return true;
  return false;
}

const addsPages = /\bsite\.pages\s*(?:<<|\.push\b|\.concat\b|\+=)|\bPageWithoutAFile\.new\b/;
const maxDepth = 3;
const maxFiles = 200;
