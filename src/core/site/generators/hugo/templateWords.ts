import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';
import { withoutTemplateComments } from './templateText';

/**
 * Every word of the site's templates (the project's and its themes' layouts, partials and shortcodes included), lower
 * case: a frontmatter key no template names is data no page shows (spf13.com's `Thumbnail:` values, left from a
 * WordPress export, name images the site never had and never shows). Undefined where the templates cannot all be
 * read (`complete` false: a theme or module not on disk; too many files; none at all), or where one reads params by a
 * computed name (`index .Params $key`, `range .Params`), so any key may be read.
 */
export async function readTemplateWords(fs: SiteFileSystem, layoutDirs: readonly string[], complete: boolean): Promise<TemplateWords | undefined> {
  if (!complete) return undefined;
  const words = new Set<string>();
  let resizesImages = false;
  let files = 0;
  const visit = async (dir: string, depth: number): Promise<boolean> => {
    for (const entry of await fs.readDirectory(dir).catch(() => [])) {
      const path = joinPath(dir, entry.name);
      if (entry.type === 'directory') {
        if (depth >= maxDepth || !(await visit(path, depth + 1))) return false;
        continue;
      }
      if (entry.type !== 'file') continue;
      if (++files > maxFiles) return false;
      const text = await readText(fs, path);
      if (text === undefined) continue;
      const code = withoutTemplateComments(text);
      if (readsParamsByComputedName.test(code)) return false;
      for (const word of code.matchAll(/[A-Za-z_][\w-]*/g)) words.add(word[0].toLowerCase());
      resizesImages ||= imageProcessing.test(code);
    }
    return true;
  };
  for (const dir of layoutDirs) if (!(await visit(dir, 0))) return undefined;
  // No template at all: the site's layouts come from somewhere Postcraft does not see.
  return files === 0 ? undefined : { words, resizesImages };
}

/** The templates' words, and whether one processes an image (which may show a page resource only resized). */
export interface TemplateWords {
  readonly words: ReadonlySet<string>;
  readonly resizesImages: boolean;
}

// Hugo's image processing methods and filters, called (an SVG's `fill=` or a CSS `filter:` is no call).
const imageProcessing = /\.(?:Resize|Fill|Fit|Crop|Process)\b|\bimages\.(?:Filter|Process)\b/;

const maxFiles = 5000;
const maxDepth = 8;
// A param read by a name the template computes, or every param at once.
const readsParamsByComputedName = /\bindex\s+(?:\$?\.(?:Page\.)?)?Params\s+\$|\brange\s+(?:\$\w+\s*,\s*\$\w+\s*:=\s*)?(?:\$?\.(?:Page\.)?)?Params\s*-?\}\}|\.Param\s+\$/;
