import type { SiteFileSystem } from '../host/fileSystem';
import { extname } from '../text/paths';
import type { FileList } from './model';

/**
 * IDs the site's templates put on every page they lay out (`<section id="comments">` in a layout, an
 * include or a theme component): a `#comments` link reaches one though no heading of the post has it.
 * Only literal `id="…"` values are read; an ID a template computes is not known.
 */
export async function loadTemplateIds(fs: SiteFileSystem, files: FileList): Promise<ReadonlySet<string>> {
  const ids = new Set<string>();
  let read = 0;
  for (const path of files.all()) {
    if (!isTemplateFile(path)) continue;
    if (++read > maxFiles) break;
    const bytes = await fs.readFile(path, maxBytes);
    if (!bytes) continue;
    for (const match of new TextDecoder().decode(bytes).matchAll(literalId)) ids.add(match[1] ?? match[2]!);
  }
  return ids;
}

/** Whether `path` is a template whose IDs `loadTemplateIds` reads (its change may change them). */
export function isTemplateFile(path: string): boolean {
  return templateFolder.test(path) && templateExtensions.has(extname(path));
}

const maxFiles = 5000;
const maxBytes = 256 * 1024;
// Layouts, includes, partials and components of every generator and theme: Hugo `layouts/` (also in
// themes), Jekyll and Eleventy `_layouts/`, `_includes/`, Astro and Docusaurus `src/components/`,
// `src/layouts/`, Docusaurus `src/theme/`.
const templateFolder = /\/(?:layouts|_layouts|_includes|includes|partials|_partials|components|theme)\//;
const templateExtensions = new Set(['.html', '.htm', '.njk', '.liquid', '.astro', '.jsx', '.tsx', '.vue', '.svelte', '.hbs', '.webc', '.js']);
// `id="x"` or `id='x'` with a literal value (no template syntax in it).
const literalId = /\bid\s*=\s*(?:"([A-Za-z][\w:.-]*)"|'([A-Za-z][\w:.-]*)')/g;
