import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';

/**
 * The site's own shortcodes whose templates can show no file: no `<img>` or other element with a source,
 * no link, no resource or file lookup, no partial or template they hand their arguments to. An argument
 * of such a shortcode that ends in an image extension is data, not an image: hugoDocs'
 * `{{< code-toggle config=imaging.avif />}}` names a key of its data files. The project's templates
 * (`layouts/_shortcodes/`, Hugo ≥ 0.146, or `layouts/shortcodes/`) come before a theme's, as Hugo looks them up.
 */
export async function imagelessShortcodes(fs: SiteFileSystem, layoutDirs: readonly string[]): Promise<ReadonlySet<string>> {
  const seen = new Set<string>();
  const imageless = new Set<string>();
  for (const layouts of layoutDirs) {
    for (const dir of [joinPath(layouts, '_shortcodes'), joinPath(layouts, 'shortcodes')]) {
      for (const entry of await fs.readDirectory(dir).catch(() => [])) {
        const name = /^([^.]+)\.html$/.exec(entry.name)?.[1];
        if (entry.type !== 'file' || name === undefined || seen.has(name)) continue;
        seen.add(name);
        const text = await readText(fs, joinPath(dir, entry.name));
        if (text !== undefined && showsNoFile(text)) imageless.add(name);
      }
    }
  }
  return imageless;
}

/** Whether a template's code (its comments left out) can neither show nor look up a file. */
export function showsNoFile(template: string): boolean {
  const code = template.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, '');
  return !fileUse.test(code);
}

// An element that loads a file, an attribute filled in by the template (`href="#icon"` as written loads
// nothing of the arguments), and every function that looks a file, page or URL up or hands the arguments on.
const fileUse = /<(?:img|picture|source|video|audio|object|embed|iframe|script)\b|\b(?:src|srcset|href|poster|data)\s*=\s*["']?[^"'\s>]*\{\{|url\(|\b(?:partial|partialCached|template)\b|Resources|resources\.|images\.|readFile|ReadFile|fileExists|os\.|urls\.|absURL|relURL|absLangURL|relLangURL|Permalink|GetPage|getJSON|getCSV/i;
