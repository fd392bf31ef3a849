// Finds where a template tag of a post starts and ends: Hugo shortcodes, Liquid (Jekyll, Eleventy) and
// MDX components and expressions. Generators run these before (or instead of) Markdown, so the preview
// shows them as labelled placeholders rather than as text.

/** The template languages a post may contain: MDX files speak JSX, every other post Hugo or Liquid. */
export type TemplateDialect = 'shortcodes-and-liquid' | 'mdx';

export type TemplateTagKind =
  | 'shortcode' // {{< name … >}} and {{% name … %}}
  | 'escaped-shortcode' // {{</* name */>}}: Hugo prints the shortcode itself
  | 'liquid-tag' // {% name … %}
  | 'liquid-output' // {{ expression }}
  | 'jsx' // <Component …>, </Component>, <Component … />
  | 'mdx-expression' // {expression}
  | 'mdx-comment'; // {/* … */}

export interface TemplateTag {
  readonly kind: TemplateTagKind;
  /** Offsets in the scanned text, half-open. */
  readonly start: number;
  readonly end: number;
  /** The text between the delimiters, trimmed (for an escaped shortcode, the shortcode as Hugo prints it). */
  readonly inner: string;
  /** The shortcode, tag or component name; `/name` for a closing shortcode or component. Empty for expressions. */
  readonly name: string;
}

/** Shortcode parameters or JSX props never run this long; a missing closer must not scan the whole post. */
const maxTagLength = 4000;

/** The template tag starting at `pos`, or `undefined` when none starts there. */
export function scanTemplateTag(src: string, pos: number, max: number, dialect: TemplateDialect): TemplateTag | undefined {
  const end = Math.min(max, pos + maxTagLength);
  const char = src.charCodeAt(pos);
  if (dialect === 'mdx') {
    if (char === 0x3c /* < */) return scanJsxTag(src, pos, end);
    if (char === 0x7b /* { */) return scanMdxExpression(src, pos, end);
    return undefined;
  }
  const next = src.charCodeAt(pos + 1);
  if (char !== 0x7b || (next !== 0x7b && next !== 0x25 /* % */)) return undefined;
  if (src.startsWith('{{</*', pos) || src.startsWith('{{%/*', pos)) return scanEscapedShortcode(src, pos, end);
  if (src.startsWith('{{<', pos) || src.startsWith('{{%', pos)) return delimited(src, pos, end, 'shortcode', 3, src[pos + 2] === '<' ? '>}}' : '%}}');
  if (src.startsWith('{%', pos)) return delimited(src, pos, end, 'liquid-tag', 2, '%}');
  return delimited(src, pos, end, 'liquid-output', 2, '}}');
}

function delimited(src: string, pos: number, max: number, kind: TemplateTagKind, openLength: number, closer: string): TemplateTag | undefined {
  const close = indexBefore(src, closer, pos + openLength, max);
  if (close < 0) return undefined;
  // Liquid's whitespace control ({%- … -%}) is not part of the tag's text.
  const inner = src.slice(pos + openLength, close).replace(/^-|-$/g, '').trim();
  if (inner === '') return undefined;
  const name = kind === 'liquid-output' ? '' : (/^\/?\s*[\w./-]+/.exec(inner)?.[0].replace(/\s+/g, '') ?? '');
  return { kind, start: pos, end: close + closer.length, inner, name };
}

/**
 * Where `closer` starts between `from` and `max` (it must end by `max`), else -1. Bounded: a post full
 * of unclosed `{%` must not search to its end from each one (quadratic: 4.5 s on 200 KB).
 */
function indexBefore(src: string, closer: string, from: number, max: number): number {
  const at = src.slice(from, max).indexOf(closer);
  return at < 0 ? -1 : from + at;
}

function scanEscapedShortcode(src: string, pos: number, max: number): TemplateTag | undefined {
  const angle = src[pos + 2] === '<';
  const closer = angle ? '*/>}}' : '*/%}}';
  const close = indexBefore(src, closer, pos + 5, max);
  if (close < 0) return undefined;
  const body = src.slice(pos + 5, close);
  return { kind: 'escaped-shortcode', start: pos, end: close + closer.length, inner: angle ? `{{<${body}>}}` : `{{%${body}%}}`, name: '' };
}

const jsxHead = /<(\/?)([A-Z][\w.]*)/y;

/** `<Name …>`, `</Name>` or `<Name … />` with a capitalised (component) name; props may hold `{…}` and strings. */
function scanJsxTag(src: string, pos: number, max: number): TemplateTag | undefined {
  jsxHead.lastIndex = pos;
  const head = jsxHead.exec(src);
  if (!head) return undefined;
  let depth = 0;
  for (let i = pos + head[0].length; i < max; i++) {
    const char = src[i];
    if (char === '"' || char === "'" || char === '`') {
      i = src.indexOf(char, i + 1); // past the string: braces and `>` in it do not count
      if (i < 0) return undefined;
    } else if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (char === '>' && depth === 0) {
      return { kind: 'jsx', start: pos, end: i + 1, inner: src.slice(pos + 1, i).replace(/\/$/, '').trim(), name: head[1]! + head[2]! };
    }
  }
  return undefined;
}

/** `{…}` with balanced braces (strings skipped); `{/* … *\/}` is a comment. */
function scanMdxExpression(src: string, pos: number, max: number): TemplateTag | undefined {
  let depth = 0;
  for (let i = pos; i < max; i++) {
    const char = src[i];
    if (char === '"' || char === "'" || char === '`') {
      i = src.indexOf(char, i + 1); // past the string: braces and `>` in it do not count
      if (i < 0) return undefined;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) {
      const inner = src.slice(pos + 1, i).trim();
      if (inner === '') return undefined;
      const kind = inner.startsWith('/*') && inner.endsWith('*/') ? 'mdx-comment' : 'mdx-expression';
      return { kind, start: pos, end: i + 1, inner, name: '' };
    }
  }
  return undefined;
}

/** Named parameters of a shortcode or Liquid tag: `src="a.png" caption='x' width=300`. */
export function tagParameters(inner: string): ReadonlyMap<string, string> {
  const parameters = new Map<string, string>();
  for (const match of inner.matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+))/g)) {
    parameters.set(match[1]!.toLowerCase(), match[2]?.replace(/\\(.)/g, '$1') ?? match[3] ?? match[4] ?? match[5] ?? '');
  }
  return parameters;
}
