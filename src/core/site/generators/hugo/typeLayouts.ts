import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';
import { withoutTemplateComments } from './templateText';

/**
 * The content types (a page's `type`, else its section) whose own layouts (`layouts/<type>/*.html`, the
 * project's and the themes') write IDs Postcraft cannot list: an ID the template computes (`<h2 id={{ .x | urlize }}>`,
 * fluxcd.io's adopters list) or other files' text it renders (`readFile "content/manual/x.md" | markdownify`,
 * coredns.io's manual, whose every page carries every chapter's headings). A page of such a type has anchors
 * Postcraft cannot list. The site-wide layouts (`_default`, partials, shortcodes, hooks) are left out: they lay
 * out every page, and a computed ID there would silence every fragment of the site.
 */
export async function readTypesWritingIds(fs: SiteFileSystem, layoutDirs: readonly string[]): Promise<ReadonlySet<string>> {
  const types = new Set<string>();
  for (const layouts of layoutDirs) {
    for (const folder of await fs.readDirectory(layouts).catch(() => [])) {
      if (folder.type !== 'directory' || siteWide.has(folder.name) || types.has(folder.name)) continue;
      for (const entry of (await fs.readDirectory(joinPath(layouts, folder.name)).catch(() => [])).slice(0, maxFilesPerType)) {
        if (entry.type !== 'file' || !entry.name.endsWith('.html')) continue;
        const text = await readText(fs, joinPath(layouts, folder.name, entry.name));
        if (text !== undefined && writesUnlistedIds(text)) {
          types.add(folder.name);
          break;
        }
      }
    }
  }
  return types;
}

/** Whether a layout's code (comments left out) computes an ID or renders another file's text. */
export function writesUnlistedIds(template: string): boolean {
  return /\bid\s*=\s*["']?[^"'\s>]*\{\{|\breadFile\b/.test(withoutTemplateComments(template));
}

const siteWide = new Set(['_default', 'partials', '_partials', 'shortcodes', '_shortcodes', '_markup']);
const maxFilesPerType = 50;
