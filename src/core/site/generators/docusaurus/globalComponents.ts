import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';
import { isOwnModule } from '../../../post/ownModules';
import { withoutComments } from '../jsConfig';

/**
 * The site's own components its MDX pages use without importing them: those a swizzled `src/theme/MDXComponents` imports from
 * the site's modules and hands to every page (cavo789's `Image`, whose `alt={alt || title}` docusaurus 3.10.2 writes).
 */
export async function globalComponents(fs: SiteFileSystem, siteDir: string): Promise<ReadonlySet<string>> {
  const names = new Set<string>();
  for (const extension of ['js', 'jsx', 'ts', 'tsx']) {
    const text = await readText(fs, joinPath(siteDir, 'src', 'theme', `MDXComponents.${extension}`));
    if (text === undefined) continue;
    for (const match of withoutComments(text).matchAll(/\bimport\s+([^'";]*?)\s+from\s*(['"])([^'"]+)\2/g)) {
      if (!isOwnModule(match[3]!)) continue;
      for (const name of match[1]!.matchAll(/(?<![\w$])(?:[\w$]+\s+as\s+)?([A-Z][\w$]*)/g)) names.add(name[1]!);
    }
  }
  return names;
}
