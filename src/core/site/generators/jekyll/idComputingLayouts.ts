import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';

/**
 * The site's layouts (by name, `_layouts/categories.html` is `categories`) that write IDs they compute
 * (`<section id="{{ category[0] | slugify | downcase }}">` in a loop over `site.categories`, Minimal Mistakes' and Chirpy's
 * archive pages), one per item of a loop: the anchors of a page laid out by one are not all in its text. Only a page's own
 * layout counts: a base layout's computed ID (`<body id="{{ page.layout }}">`) leaves a page's headings as they are.
 */
export async function readIdComputingLayouts(fs: SiteFileSystem, dir: string): Promise<ReadonlySet<string>> {
  const names = new Set<string>();
  const entries = await fs.readDirectory(dir).catch(() => []);
  for (const entry of entries.slice(0, maxLayouts)) {
    if (entry.type !== 'file' || !/\.html?$/i.test(entry.name)) continue;
    const template = await readText(fs, joinPath(dir, entry.name));
    if (template !== undefined && computesIdsInLoop(template)) names.add(entry.name.replace(/\.[^.]+$/, ''));
  }
  return names;
}

/**
 * Whether the template writes an ID it computes inside a `{% for %}` loop (one per category, tag, year…). A single computed ID
 * (CocoaPods' post layout wraps each post in `<div id="{{ page.post_title_id }}">`) leaves the page's headings as they are.
 */
function computesIdsInLoop(template: string): boolean {
  for (const match of template.matchAll(/\bid\s*=\s*["']?\{[{%]/g)) {
    const before = template.slice(0, match.index);
    if ((before.match(/\{%-?\s*for\s/g)?.length ?? 0) > (before.match(/\{%-?\s*endfor\b/g)?.length ?? 0)) return true;
  }
  return false;
}

const maxLayouts = 500;
