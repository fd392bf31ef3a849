import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type Token } from 'markdown-it';
import type { Anchor } from '../model';
import type { ScannedHeading } from './headingScan';
import { eleventySlugify, sindresorhusSlugify } from '../../text/slugify';

// Heading IDs by markdown-it-anchor 8 and 9 (Eleventy sites add it with setLibrary/amendLibrary) with its
// default options: the heading's inline children of type `text` and `code_inline` joined (link text
// counts; images, raw HTML and line breaks do not), then `encodeURIComponent(s.trim().toLowerCase()
// .replace(/\s+/g, '-'))`. A slug already given in the page gets `-1`, `-2`, … (uniqueSlugStartIndex 1),
// explicit IDs counted as well. markdown-it-attrs (used before it) gives a heading's `{#id}` (any
// attribute list at the end of its text, blanks inside allowed), which markdown-it-anchor keeps.
// The anchor's id is the slug decoded: a link's fragment is compared decoded, and a browser finds
// `id="caf%C3%A9"` from `#café` as from `#caf%C3%A9`.

/** What the site's markdown-it does to heading text before the slug, as its Eleventy config sets it. */
export interface MarkdownItAnchorIds {
  /**
   * Who gives headings IDs: markdown-it-anchor (its slug, `-1`, `-2` for repeats) or Eleventy 3's
   * IdAttributePlugin (Eleventy's slugify of the heading's text, `-2`, `-3` for repeats), both from the text
   * markdown-it renders.
   */
  readonly plugin: 'markdown-it-anchor' | 'id-attribute';
  /** markdown-it-attrs is used: `## Text {#id}` gets `id`, and `{…}` at a line's end is no text. */
  readonly attrs: boolean;
  /** markdown-it's `typographer` (quotes and dashes as the slug reads them). */
  readonly typographer: boolean;
  /** markdown-it's `html` (off: a tag in a heading is text). */
  readonly html: boolean;
  /** The heading levels that get IDs (the plugin's `level` option); all when undefined. */
  readonly levels?: readonly number[];
  /**
   * markdown-it-anchor's `slugify` option when it is @sindresorhus/slugify (sass-lang.com's `s => slugify(s)`) or
   * Eleventy's `slugify` filter, which is that with `decamelize` off; undefined: the plugin's own slug.
   */
  readonly slugify?: { readonly decamelize: boolean };
}

export const markdownItAnchorDefaults: MarkdownItAnchorIds = { plugin: 'markdown-it-anchor', attrs: false, typographer: false, html: true };

const parsers = new Map<string, MarkdownItInstance>();

function parserFor(ids: MarkdownItAnchorIds): MarkdownItInstance {
  const key = `${ids.typographer}:${ids.html}`;
  let parser = parsers.get(key);
  if (!parser) parsers.set(key, (parser = new MarkdownIt({ html: ids.html, typographer: ids.typographer })));
  return parser;
}

// markdown-it-attrs' attribute list at the end of a block's text: `{#id}`, `{ .c #id }`, `{key=value}`.
const trailingAttributes = /[ \t]*\{[ \t]*((?:[#.][^\s{}]+|[^\s{}=]+(?:=(?:"[^"]*"|'[^']*'|[^\s{}]*))?)(?:[ \t]+(?:[#.][^\s{}]+|[^\s{}=]+(?:=(?:"[^"]*"|'[^']*'|[^\s{}]*))?))*)[ \t]*\}$/;

/** The id an attribute list gives (`#id` or `id=value`, the last one), if any. */
export function attributesId(list: string): string | undefined {
  let id: string | undefined;
  for (const match of list.matchAll(/(?:^|\s)(?:#([^\s{}]+)|id=(?:"([^"]*)"|'([^']*)'|([^\s{}]+)))/g)) id = match[1] ?? match[2] ?? match[3] ?? match[4];
  return id;
}

export function markdownItAnchorAnchors(body: string, headings: readonly ScannedHeading[], ids: MarkdownItAnchorIds): Anchor[] {
  const slugs = new Set<string>();
  const anchors: Anchor[] = [];
  const firstRepeat = ids.plugin === 'id-attribute' ? 2 : 1;
  const unique = (slug: string) => {
    let candidate = slug;
    for (let index = firstRepeat; slugs.has(candidate); index++) candidate = `${slug}-${index}`;
    slugs.add(candidate);
    return candidate;
  };
  for (const heading of headings) {
    if (ids.levels && !ids.levels.includes(heading.level)) continue;
    const first = heading.lines[0];
    const last = heading.lines[heading.lines.length - 1];
    if (!first || !last) continue;
    let end = last.end;
    const attributes = ids.attrs ? trailingAttributes.exec(body.slice(last.start, last.end)) : null;
    if (attributes) end = last.start + attributes.index;
    const raw = heading.lines.map((line) => body.slice(line.start, Math.min(line.end, end))).join('\n');
    const text = tokensText(raw, ids);
    const explicit = attributes ? attributesId(attributes[1]!) : undefined;
    if (ids.plugin === 'id-attribute') {
      anchors.push({ id: unique(explicit ?? eleventySlugify(text)), text: text.trim(), range: { start: first.start, end } });
      continue;
    }
    if (ids.slugify) {
      anchors.push({ id: unique(explicit ?? sindresorhusSlugify(text, ids.slugify)), text: text.trim(), range: { start: first.start, end } });
      continue;
    }
    const slug = explicit !== undefined ? unique(explicit) : unique(encodedSlug(text));
    anchors.push({ id: explicit !== undefined ? slug : decoded(slug), text: text.trim(), range: { start: first.start, end } });
  }
  return anchors;
}

/** The plugin's `getTokensText`: what its `text` and `code_inline` children hold. */
function tokensText(raw: string, ids: MarkdownItAnchorIds): string {
  // Plain words need no parse (markdown-it's inline syntax, and the typographer's quotes and dashes).
  if (!/[\\`*_[\]!<>&~\n]/.test(raw) && !(ids.typographer && /['"().+-]/.test(raw))) return raw;
  const tokens: Token[] = parserFor(ids).parseInline(raw, {})[0]?.children ?? [];
  return tokens.filter((token) => token.type === 'text' || token.type === 'code_inline').map((token) => token.content).join('');
}

function encodedSlug(text: string): string {
  try {
    return encodeURIComponent(text.trim().toLowerCase().replace(/\s+/g, '-'));
  } catch {
    return text; // a lone surrogate: the plugin throws, the build fails
  }
}

function decoded(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}
