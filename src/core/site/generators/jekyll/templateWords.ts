import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';

/**
 * Every word of a Jekyll site's layouts (`dirs[0]`), includes and own plugins, lower case, where they are all on disk (no
 * `theme` or `remote_theme` gem, a layouts folder of its own): a guessed image in a frontmatter key no template names is data no page shows (erlang-org's news
 * `attachment:` values, which no layout reads; jekyll 4.3.1 writes none of them). Undefined where a theme's templates are
 * elsewhere, where a template reads page data by a computed key (`page[key]`), or where there is no template at all.
 */
export async function readJekyllTemplateWords(fs: SiteFileSystem, data: Readonly<Record<string, unknown>>, dirs: readonly string[]): Promise<ReadonlySet<string> | undefined> {
  // A theme gem's layouts, or GitHub Pages' default theme where the site has no layouts of its own, are not on disk.
  if (data['theme'] !== undefined || data['remote_theme'] !== undefined || dirs[0] === undefined || (await fs.readDirectory(dirs[0]).catch(() => [])).length === 0) return undefined;
  const words = new Set<string>();
  let files = 0;
  let computed = false;
  const visit = async (dir: string, depth: number): Promise<void> => {
    for (const entry of await fs.readDirectory(dir).catch(() => [])) {
      if (computed || files > maxFiles) return;
      if (entry.type === 'directory' && depth < maxDepth) await visit(joinPath(dir, entry.name), depth + 1);
      if (entry.type !== 'file' || !template.test(entry.name)) continue;
      files++;
      const text = await readText(fs, joinPath(dir, entry.name));
      if (text === undefined) continue;
      if (computedKey.test(text)) computed = true;
      for (const word of text.matchAll(/[A-Za-z_][\w-]*/g)) words.add(word[0].toLowerCase());
    }
  };
  for (const dir of dirs) await visit(dir, 0);
  return computed || files === 0 || files > maxFiles ? undefined : words;
}

// Templates and plugins; an include may have any name (Minimal Mistakes' `figure`).
const template = /\.(?:html?|liquid|md|markdown|xml|json|rb|txt)$|^[^.]+$/i;
// `page[field]`, `page.data[key]`, `include[name]`: a key the template computes.
const computedKey = /\b(?:page|post|include|layout)(?:\.data)?\s*\[\s*(?!['"])/;
const maxFiles = 3000;
const maxDepth = 6;
