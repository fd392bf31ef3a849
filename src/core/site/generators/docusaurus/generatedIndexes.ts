import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';
import { parseDataText } from '../../configFiles';

/**
 * The slugs sidebar categories give their generated index pages (`link: { type: 'generated-index', slug: '/commands/sync' }`
 * in sidebars.ts, or `"link": { "type": "generated-index", "slug": "/all-guides" }` in a `_category_.json`): Docusaurus builds
 * each at that path below the docs' route (moonrepo's /docs/commands/sync, docusaurus 3.10.2), not at `/category/<label>`.
 * Each slug as `/a/b`, from the site's sidebars files (and versioned ones) and the category files of the docs folders.
 */
export async function generatedIndexSlugs(fs: SiteFileSystem, siteDir: string, docsDirs: readonly string[]): Promise<string[]> {
  const slugs = new Set<string>();
  const add = (slug: unknown) => {
    if (typeof slug === 'string' && slug.trim() !== '') slugs.add(`/${slug.trim().replace(/^\/+|\/+$/g, '')}`);
  };
  const sidebars = [
    ...(await fs.readDirectory(siteDir).catch(() => [])).filter((entry) => entry.type === 'file' && /^sidebars?\.(?:[cm]?[jt]s|json)$/.test(entry.name)).map((entry) => joinPath(siteDir, entry.name)),
    ...(await fs.readDirectory(joinPath(siteDir, 'versioned_sidebars')).catch(() => [])).filter((entry) => entry.type === 'file' && entry.name.endsWith('.json')).map((entry) => joinPath(siteDir, 'versioned_sidebars', entry.name)),
  ];
  for (const file of sidebars) {
    const text = (await readText(fs, file)) ?? '';
    // The `link` object of a category: no braces inside it (its `keywords` are a list).
    for (const link of text.matchAll(/\{[^{}]*['"]generated-index['"][^{}]*\}/g)) add(/["']?slug["']?\s*:\s*(["'`])([^"'`]*)\1/.exec(link[0])?.[2]);
  }
  let seen = 0;
  const visit = async (dir: string, depth: number): Promise<void> => {
    for (const entry of await fs.readDirectory(dir).catch(() => [])) {
      if (++seen > maxEntries) return;
      if (entry.type === 'directory' && depth < maxDepth && !entry.name.startsWith('.') && entry.name !== 'node_modules') await visit(joinPath(dir, entry.name), depth + 1);
      else if (entry.type === 'file' && /^_category_\.(?:json|ya?ml)$/.test(entry.name)) {
        const text = await readText(fs, joinPath(dir, entry.name));
        const link = text === undefined ? undefined : (parseDataText(text, entry.name.slice(entry.name.lastIndexOf('.'))).data as Record<string, unknown>)['link'];
        if (typeof link === 'object' && link !== null && (link as Record<string, unknown>)['type'] === 'generated-index') add((link as Record<string, unknown>)['slug']);
      }
    }
  };
  for (const dir of docsDirs) await visit(dir, 0);
  return [...slugs];
}

const maxEntries = 20_000;
const maxDepth = 8;
