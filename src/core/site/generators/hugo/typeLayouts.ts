import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';
import { withoutTemplateComments } from './templateText';

/**
 * The content types (a page's `type`, else its section) whose own layouts (`layouts/<type>/*.html`, the
 * project's and the themes') write IDs Postcraft cannot list, with the names of those layouts: an ID the template
 * computes (`<h2 id={{ .x | urlize }}>`, fluxcd.io's adopters list) or other files' text it renders
 * (`readFile "content/manual/x.md" | markdownify`, coredns.io's manual, whose every page carries every chapter's
 * headings). A page of such a type laid out by one of them has anchors Postcraft cannot list (`laysOutIds`). The
 * site-wide layouts (`_default`, partials, shortcodes, hooks) are left out: they lay out every page, and a computed
 * ID there would silence every fragment of the site.
 */
export async function readTypesWritingIds(fs: SiteFileSystem, layoutDirs: readonly string[]): Promise<ReadonlyMap<string, ReadonlySet<string>>> {
  const types = new Map<string, Set<string>>();
  for (const layouts of layoutDirs) {
    for (const folder of await fs.readDirectory(layouts).catch(() => [])) {
      if (folder.type !== 'directory' || siteWide.has(folder.name)) continue;
      for (const entry of (await fs.readDirectory(joinPath(layouts, folder.name)).catch(() => [])).slice(0, maxFilesPerType)) {
        const name = /^([^.]+)(?:\.[^.]+)*\.html$/.exec(entry.name)?.[1];
        if (entry.type !== 'file' || name === undefined) continue;
        const text = await readText(fs, joinPath(layouts, folder.name, entry.name));
        if (text === undefined || !writesUnlistedIds(text)) continue;
        const names = types.get(folder.name) ?? new Set<string>();
        types.set(folder.name, names.add(name));
      }
    }
  }
  return types;
}

/**
 * Whether one of the type's layouts `writing` IDs lays the page out: its `baseof`, else the page's `layout`, else
 * the default one for its kind (`single`; `list` or `section` for a section's `_index`). keptn.sh's docs pages use
 * layouts/docs/single.html; only those that ask for `layout: faq` get faq.html, which writes computed IDs.
 */
export function laysOutIds(writing: ReadonlySet<string>, layout: unknown, isSection: boolean): boolean {
  if (writing.has('baseof')) return true;
  if (typeof layout === 'string' && layout !== '') return writing.has(layout);
  return isSection ? writing.has('list') || writing.has('section') : writing.has('single');
}

/** Whether a layout's code (comments left out) computes an ID or renders another file's text. */
export function writesUnlistedIds(template: string): boolean {
  return /\bid\s*=\s*["']?[^"'\s>]*\{\{|\breadFile\b/.test(withoutTemplateComments(template));
}

const siteWide = new Set(['_default', 'partials', '_partials', 'shortcodes', '_shortcodes', '_markup']);
const maxFilesPerType = 50;
