import type { ParsedPost } from '../post/parsedPost';

/** Where the cursor stands inside the frontmatter, in terms a completion can act on. */
export type FrontmatterCursor =
  | { readonly kind: 'key'; readonly prefix: string; readonly replaceStart: number; readonly replaceEnd: number }
  | {
      readonly kind: 'value';
      readonly key: string;
      /** What the writer has typed of the current item, without its opening quote. */
      readonly prefix: string;
      /** The quote the writer opened, if any: the completion must not add another. */
      readonly openQuote: '"' | "'" | undefined;
      /** Inside `[ … ]` or a `- ` item: one value of a list. */
      readonly inList: boolean;
      readonly replaceStart: number;
      readonly replaceEnd: number;
    };

const keyValueLine = /^(\s*)"?([A-Za-z_][\w.-]*)"?\s*[:=]\s?(.*)$/;
const blockItemLine = /^(\s*)-\s*(.*)$/;
const bareKeyLine = /^([A-Za-z_][\w-]*)$/;

/** The frontmatter context at `offset`, or `undefined` outside the frontmatter or where nothing fits. */
export function frontmatterCursorAt(post: ParsedPost, offset: number): FrontmatterCursor | undefined {
  const frontmatter = post.frontmatter;
  if (!frontmatter || offset < frontmatter.contentRange.start || offset > frontmatter.contentRange.end) return undefined;
  const { line } = post.lines.positionAt(offset);
  const lineStart = post.lines.lineStart(line);
  const before = post.text.slice(lineStart, offset);
  const after = /^[^\s,\]"'}]*/.exec(post.text.slice(offset, offset + 200))?.[0] ?? '';
  const replaceEnd = offset + after.length;

  if (frontmatter.format !== 'json' && (before === '' || bareKeyLine.test(before))) {
    return { kind: 'key', prefix: before, replaceStart: lineStart, replaceEnd };
  }
  const keyValue = keyValueLine.exec(before);
  if (keyValue) {
    const indent = keyValue[1]!.length;
    // Nested YAML keys (`cover:` then `  image: …`) are named `cover.image`, as in the settings.
    const parent = frontmatter.format === 'yaml' && indent > 0 ? parentKey(post, line, indent, false) : undefined;
    return valueCursor(parent ? `${parent}.${keyValue[2]}` : keyValue[2]!, keyValue[3]!, offset, replaceEnd);
  }
  const item = blockItemLine.exec(before);
  if (item && frontmatter.format === 'yaml') {
    const key = parentKey(post, line, item[1]!.length, true);
    if (key) {
      const cursor = valueCursor(key, item[2]!, offset, replaceEnd);
      return cursor.kind === 'value' ? { ...cursor, inList: true } : cursor;
    }
  }
  // A multi-line array: `tags = [` (TOML) or `"tags": [` (JSON) on a line above, still open.
  const open = openArrayKey(post, line);
  if (open) {
    const cursor = valueCursor(open, `[${before}`, offset, replaceEnd);
    return cursor;
  }
  return undefined;
}

function valueCursor(key: string, typed: string, offset: number, replaceEnd: number): FrontmatterCursor {
  const inList = typed.trimStart().startsWith('[');
  const lastSeparator = Math.max(typed.lastIndexOf('['), typed.lastIndexOf(','));
  let item = inList ? typed.slice(lastSeparator + 1) : typed;
  item = item.trimStart();
  const quote = item[0] === '"' || item[0] === "'" ? (item[0] as '"' | "'") : undefined;
  const prefix = quote ? item.slice(1) : item;
  return { kind: 'value', key, prefix, openQuote: quote, inList, replaceStart: offset - prefix.length, replaceEnd };
}

/**
 * The `key:` that opens the block holding `line`: the nearest line above indented less than
 * `indent` (or equally, for `- ` items, which YAML allows at their key's indentation).
 */
function parentKey(post: ParsedPost, line: number, indent: number, allowSameIndent: boolean): string | undefined {
  for (let current = line - 1; current >= 0; current--) {
    const text = post.text.slice(post.lines.lineStart(current), post.lines.lineStart(current + 1)).replace(/\r?\n$/, '');
    if (text.trim() === '') continue;
    const lineIndent = /^\s*/.exec(text)![0].length;
    const opener = /^\s*([A-Za-z_][\w.-]*):\s*$/.exec(text);
    if (lineIndent < indent || (allowSameIndent && lineIndent === indent && opener)) return opener?.[1];
  }
  return undefined;
}

function openArrayKey(post: ParsedPost, line: number): string | undefined {
  for (let current = line - 1, seen = 0; current >= 0 && seen < 200; current--, seen++) {
    const text = post.text.slice(post.lines.lineStart(current), post.lines.lineStart(current + 1));
    if (text.includes(']')) return undefined;
    const match = /^\s*"?([A-Za-z_][\w.-]*)"?\s*[:=]\s*\[/.exec(text);
    if (match) return match[1];
  }
  return undefined;
}
