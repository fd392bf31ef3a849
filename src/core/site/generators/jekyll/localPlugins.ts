import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';

/** What the site's own plugins (the `.rb` files Jekyll requires from `plugins_dir`, default `_plugins`, at any depth) do that Postcraft's rules must know. */
export interface LocalPlugins {
  /**
   * The folders where they make pages, where the code names the folder as it stands: a page class's `new(site, base,
   * "packages", name)` (swift.org's generator writes a page per package category at `/packages/<slug>.html`). No rule on
   * paths knows those pages' names. A folder the code computes is not known, nor are the pages made there.
   */
  readonly pageFolders: readonly string[];
  /**
   * Whether one rewrites the rendered page's links to `.md` files in a render hook, as jekyll-relative-links does
   * (lynkos/blog's fix-anchor-links.rb turns `[x](2025-03-13-post.md)` into the post's URL after rendering).
   */
  readonly rewritesFileLinks: boolean;
}

export async function readLocalPlugins(fs: SiteFileSystem, pluginDirs: readonly string[]): Promise<LocalPlugins> {
  const folders = new Set<string>();
  let rewritesFileLinks = false;
  let read = 0;
  const visit = async (folder: string, depth: number): Promise<void> => {
    for (const entry of await fs.readDirectory(folder).catch(() => [])) {
      const path = joinPath(folder, entry.name);
      if (entry.type === 'directory' && depth < maxDepth) await visit(path, depth + 1);
      if (entry.type !== 'file' || !entry.name.endsWith('.rb') || ++read > maxFiles) continue;
      const code = (await readText(fs, path)) ?? '';
      for (const match of code.matchAll(pageInFolder)) {
        const name = match[2]!.replace(/^\/+|\/+$/g, '');
        if (name !== '' && !name.split('/').includes('..')) folders.add(name);
      }
      rewritesFileLinks ||= renderHook.test(code) && markdownHrefPattern.test(code);
    }
  };
  for (const dir of pluginDirs) await visit(dir, 0);
  return { pageFolders: [...folders], rewritesFileLinks };
}

// `PageWithoutAFile.new(site, site.source, "packages", …)`, `IcalPage.new(site, site.source, 'feed/eo-events/', …)`.
const pageInFolder = /\b\w*Page\w*\.new\(\s*site\s*,\s*[^,()]+,\s*(["'])([^"'#{}\s]*)\1/g;
// `Jekyll::Hooks.register [:posts, :pages], :post_render do |doc|`, and a pattern for an `href` to a `.md` file in its code.
const renderHook = /\bHooks\.register\b[^\n]*:(?:post|pre)_render\b/;
const markdownHrefPattern = /href[^\n]*\\\.md\b/;
const maxDepth = 3;
const maxFiles = 200;
