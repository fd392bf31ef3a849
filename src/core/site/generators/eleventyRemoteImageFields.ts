import type { SiteFileSystem } from '../../host/fileSystem';
import { readText } from '../../host/textFiles';
import { escapeRegExp } from '../../text/regExp';
import { joinPath } from '../../text/paths';

const maxTemplates = 300;
const maxTemplateBytes = 256 * 1024;
/** Tags that only test a value: a field named there shows nothing. */
const testingTags = new Set(['if', 'elif', 'elsif', 'else', 'unless']);

/**
 * The frontmatter image fields (of `fields`) that the site's layouts and includes use only as arguments of `remote` shortcodes,
 * which write an address on another host (see eleventyShortcodes.ts `shortcodesOfRemoteImages`), beyond testing them in an
 * `{% if %}`: sia.codes' `featuredImage`, shown as `{% src post.data.featuredImage, 300 %}` and `{% seoImages featuredImage %}`,
 * Cloudinary addresses (Eleventy 0.12.1 and 3.1.8 builds). No page asks the site for the file such a field names. A field
 * written anywhere else (`{{ featuredImage }}`, another tag, a script) counts as shown.
 */
export async function remoteOnlyImageFields(fs: SiteFileSystem, folders: readonly string[], remote: ReadonlySet<string>, fields: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (remote.size === 0) return found;
  const templates = await templateTexts(fs, folders);
  if (!templates) return found;
  for (const field of fields) {
    if (field.includes('.')) continue;
    const uses = templates.flatMap((text) => [...text.matchAll(new RegExp(`(?<![\\w$-])${escapeRegExp(field)}(?![\\w$-])`, 'g'))].map((match) => enclosingTag(text, match.index)));
    if (uses.some((tag) => tag !== undefined && remote.has(tag)) && uses.every((tag) => tag !== undefined && (remote.has(tag) || testingTags.has(tag)))) found.add(field);
  }
  return found;
}

/** The name of the `{% … %}` tag around `offset`; '' inside `{{ … }}`; undefined outside both. */
function enclosingTag(text: string, offset: number): string | undefined {
  const tag = text.lastIndexOf('{%', offset);
  const output = text.lastIndexOf('{{', offset);
  const open = Math.max(tag, output);
  if (open === -1) return undefined;
  const close = text.indexOf(open === tag ? '%}' : '}}', open);
  if (close !== -1 && close < offset) return undefined;
  return open === tag ? (/^\{%-?\s*([\w-]+)/.exec(text.slice(open, open + 80))?.[1] ?? '') : '';
}

/** The text of every file below `folders`; undefined where there are more than `maxTemplates`, or one is too large to read. */
async function templateTexts(fs: SiteFileSystem, folders: readonly string[]): Promise<string[] | undefined> {
  const texts: string[] = [];
  const pending = [...folders];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of await fs.readDirectory(folder).catch(() => [])) {
      const path = joinPath(folder, entry.name);
      if (entry.type === 'directory') pending.push(path);
      else if (entry.type === 'file') {
        const text = await readText(fs, path);
        if (text === undefined || text.length > maxTemplateBytes || texts.length >= maxTemplates) return undefined;
        texts.push(text);
      }
    }
  }
  return texts;
}
