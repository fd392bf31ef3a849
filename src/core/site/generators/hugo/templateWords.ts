import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';
import { withoutTemplateComments } from './templateText';
import { noRemoteImages, remoteImageTemplates, type RemoteImageTemplates, type TemplateCode } from './remoteImages';

/**
 * Every word of the site's templates (the project's and its themes' layouts, partials and shortcodes included), lower
 * case: a frontmatter key no template names is data no page shows (spf13.com's `Thumbnail:` values, left from a
 * WordPress export, name images the site never had and never shows). `words` is undefined where the templates cannot
 * all be read (`complete` false: a theme or module not on disk; too many files; none at all), or where one reads params
 * by a computed name (`index .Params $key`, `range .Params`), so any key may be read. What is on disk is read all the
 * same for the images the templates serve from another host (`remoteImageParams`, see remoteImages.ts).
 */
export async function readTemplateWords(fs: SiteFileSystem, layoutDirs: readonly string[], complete: boolean, remoteImageParams: readonly string[]): Promise<TemplateWords> {
  if (!complete && remoteImageParams.length === 0) return { remoteImages: noRemoteImages };
  const words = new Set<string>();
  const naming: TemplateCode[] = [];
  let allRead = complete;
  let resizesImages = false;
  let files = 0;
  const visit = async (dir: string, name: string, depth: number): Promise<void> => {
    for (const entry of await fs.readDirectory(dir).catch(() => [])) {
      const path = joinPath(dir, entry.name);
      if (entry.type === 'directory') {
        if (depth >= maxDepth) allRead = false;
        else await visit(path, `${name}${entry.name}/`, depth + 1);
        continue;
      }
      if (entry.type !== 'file') continue;
      if (++files > maxFiles) {
        allRead = false;
        return;
      }
      const text = await readText(fs, path);
      if (text === undefined) continue;
      const code = withoutTemplateComments(text);
      if (readsParamsByComputedName.test(code)) allRead = false;
      if (allRead) for (const word of code.matchAll(/[A-Za-z_][\w-]*/g)) words.add(word[0].toLowerCase());
      resizesImages ||= imageProcessing.test(code);
      // Only what may write or call a writer of remote images is kept (most templates name no param).
      if (remoteImageParams.length > 0 && /Params|partial/.test(code)) naming.push({ name: `${name}${entry.name}`, code });
    }
  };
  for (const dir of layoutDirs) await visit(dir, '', 0);
  // No template at all: the site's layouts come from somewhere Postcraft does not see.
  return { ...(allRead && files > 0 ? { words, resizesImages } : {}), remoteImages: remoteImageTemplates(naming, remoteImageParams) };
}

/** The templates' words and whether one processes an image (which may show a page resource only resized), where all are read; the images they serve from another host. */
export interface TemplateWords {
  readonly words?: ReadonlySet<string>;
  readonly resizesImages?: boolean;
  readonly remoteImages: RemoteImageTemplates;
}

// Hugo's image processing methods and filters, called (an SVG's `fill=` or a CSS `filter:` is no call).
const imageProcessing = /\.(?:Resize|Fill|Fit|Crop|Process)\b|\bimages\.(?:Filter|Process)\b/;

const maxFiles = 5000;
const maxDepth = 8;
// A param read by a name the template computes, or every param at once.
const readsParamsByComputedName = /\bindex\s+(?:\$?\.(?:Page\.)?)?Params\s+\$|\brange\s+(?:\$\w+\s*,\s*\$\w+\s*:=\s*)?(?:\$?\.(?:Page\.)?)?Params\s*-?\}\}|\.Param\s+\$/;
