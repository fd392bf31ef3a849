import type { GeneratorId } from '../post/dialect';
import type { Anchor, GoldmarkIdOptions, HeadingIdStyle, HighlightDefaults } from './model';
import { astroRule, astroRules, githubSluggerAnchors, githubSluggerAnchorsByRules, type AstroHeadingIds } from './headingIds/githubSlugger';
import { definitionTerms } from './headingIds/definitionTerms';
import { goldmarkAnchors } from './headingIds/goldmark';
import { footnoteAnchors } from './headingIds/footnoteAnchors';
import { codeLineAnchors } from './headingIds/codeLineAnchors';
import { scanHeadings, type Span } from './headingIds/headingScan';
import { kramdownAnchors } from './headingIds/kramdown';
import { attributesId, markdownItAnchorAnchors, markdownItAnchorDefaults, type MarkdownItAnchorIds } from './headingIds/markdownItAnchor';
import { scanMarkdownBody } from '../post/markdownStructure';
import { pageMarkdown } from '../post/templateBlocks';
import { codeSpans } from '../text/codeSpans';

/** A named heading ID style, or an Astro site's own pipeline or an Eleventy site's markdown-it as its config loader read it. */
export type HeadingIdRule = HeadingIdStyle | AstroHeadingIds | MarkdownItAnchorIds;

/** The site's heading ID rule: its config's choice, else its generator's default; undefined where headings get no IDs. */
export function headingIdStyleOf(config: { readonly generator: GeneratorId; readonly headingIds?: HeadingIdStyle }): HeadingIdRule | undefined {
  // The Eleventy config loader adds the markdown-it options that change what markdown-it-anchor reads.
  if (config.headingIds === 'markdown-it-anchor') return 'markdownItAnchor' in config ? (config as { readonly markdownItAnchor: MarkdownItAnchorIds }).markdownItAnchor : markdownItAnchorDefaults;
  if (config.headingIds) return config.headingIds;
  // The Astro config loader adds what the site's pipeline makes of headings (Astro version, rehype-slug, smart dashes).
  if ('astroHeadingIds' in config && config.generator === 'astro') return (config as { readonly astroHeadingIds: AstroHeadingIds }).astroHeadingIds;
  return defaults[config.generator];
}

/** Hugo's: no line numbers (markup/highlight/config.go `DefaultConfig`). */
const highlightDefaults: HighlightDefaults = { lineNos: false, anchorLineNos: false, lineNoStart: 1 };

// Eleventy's markdown-it gives headings no IDs unless the site adds a plugin (markdown-it-anchor), each its own way.
const defaults: Readonly<Record<GeneratorId, HeadingIdStyle | undefined>> = {
  hugo: 'github',
  jekyll: 'kramdown',
  docusaurus: 'github-slugger',
  astro: 'astro',
  eleventy: undefined,
  markdown: 'github-slugger',
};

/**
 * The anchors of a Markdown body as the generator makes them: heading IDs by `style` (with the suffixes
 * it gives duplicates and the `{#id}` attributes it honours) and explicit `<a id>`/`name` anchors.
 * Ranges are offsets into the post (`bodyStart` added): a heading's text without `#`s and `{#id}`, an
 * anchor's id value. Headings come first, in document order, then explicit anchors.
 */
export function anchorsOf(written: string, bodyStart: number, { style, mdx, goldmark = {}, mdx1 = false }: { readonly style: HeadingIdRule; readonly mdx: boolean; readonly goldmark?: GoldmarkIdOptions | undefined; readonly mdx1?: boolean | undefined }): Anchor[] {
  // A body without `#`, `=`, `-` or `<` has no heading and no anchor (setext needs `=` or `-` under a line),
  // nor `:` where definition terms get IDs.
  if (!/[#=<-]/.test(written) && !(goldmark.definitionTerms && written.includes(':')) && !written.includes('[^')) return [];
  const markdownIt = style === 'markdown-it-anchor' ? markdownItAnchorDefaults : typeof style === 'object' && 'plugin' in style ? style : undefined;
  // Jekyll (kramdown) and Eleventy run Liquid first: a `{% comment %}` is dropped, a `{% highlight %}` is code;
  // so is Hugo's `{{< highlight >}}` (its heading ID styles are Goldmark's): a `# comment` line in it is no heading.
  const kramdown = style === 'kramdown' || style === 'kramdown-explicit';
  const generator = kramdown ? 'jekyll' : markdownIt ? 'eleventy' : style === 'github' || style === 'github-ascii' || style === 'blackfriday' || style === 'goldmark-explicit' ? 'hugo' : undefined;
  // kramdown's math is kept: a heading's ID is made of its raw text, math included (`### Why are there $$2^n$$ subsets?`
  // is why-are-there-2n-subsets, kramdown 2.4 `generate_id` of `raw_text`).
  const body = pageMarkdown(written, generator, { mdx, mdxComments: true, math: 'kept' });
  const scanned = scanHeadings(body, { mdx, kramdown });
  const { headings, htmlLines } = scanned;
  const anchors =
    markdownIt ? markdownItAnchorAnchors(body, headings, markdownIt)
    : typeof style === 'object' ? githubSluggerAnchorsByRules(body, headings, astroRules(style as AstroHeadingIds))
    : kramdown ? kramdownAnchors(body, scanned, { explicitOnly: style === 'kramdown-explicit' })
    : style === 'github-slugger' ? githubSluggerAnchors(body, headings, undefined, mdx, mdx1)
    : style === 'astro' ? githubSluggerAnchors(body, headings, astroRule)
    : goldmarkAnchors(body, headings, style === 'goldmark-explicit' ? 'github' : (style as Parameters<typeof goldmarkAnchors>[2]), { terms: goldmark.definitionTerms ? definitionTerms(body) : [], emoji: goldmark.emoji === true, explicitOnly: style === 'goldmark-explicit' });
  anchors.push(...explicitAnchors(body, htmlLines));
  if (generator === 'hugo' || kramdown) anchors.push(...footnoteAnchors(body, kramdown ? 'kramdown' : 'goldmark'));
  // Hugo's highlighted code, read as written (pageMarkdown blanks the highlight shortcode's lines).
  if (generator === 'hugo') anchors.push(...codeLineAnchors(written, goldmark.highlight ?? highlightDefaults));
  if (kramdown) anchors.push(...includeIdAnchors(body));
  if (markdownIt?.attrs) anchors.push(...attributeAnchors(body, anchors));
  return bodyStart === 0 ? anchors : anchors.map((anchor) => ({ ...anchor, range: { start: anchor.range.start + bodyStart, end: anchor.range.end + bodyStart } }));
}

/**
 * Jekyll includes given an `id` (`{% include excol.html type="start" id="opening-keynote" %}`): the include writes
 * the element that bears it, as w3.org/WAI's theme includes do (`<details id>`, `<aside id>`), so the page has it.
 */
function includeIdAnchors(body: string): Anchor[] {
  if (!body.includes('{%')) return [];
  const anchors: Anchor[] = [];
  for (const tag of body.matchAll(/\{%-?\s*include(?:_cached)?\s[^%]*?\bid\s*=\s*(["'])([^"'{}\s]+)\1[^%]*%\}/g)) {
    const start = tag.index + tag[0].indexOf(tag[2]!, tag[0].search(/\bid\s*=/));
    anchors.push({ id: tag[2]!, range: { start, end: start + tag[2]!.length } });
  }
  return anchors;
}

/**
 * markdown-it-attrs: an attribute list `{#id}` after any element or at a block's end (a line of its own
 * makes an empty paragraph with the id) gives that element the id; in code it is text.
 */
function attributeAnchors(body: string, known: readonly Anchor[]): Anchor[] {
  if (!body.includes('{')) return [];
  const ids = new Set(known.map((anchor) => anchor.id));
  const code = scanMarkdownBody(body, { mdx: false, needCode: true }).code;
  const anchors: Anchor[] = [];
  for (const list of body.matchAll(/\{[ \t]*([^{}\n]*#[^{}\n]*?)[ \t]*\}/g)) {
    const id = attributesId(list[1]!);
    if (id === undefined || ids.has(id) || code.some((span) => list.index >= span.start && list.index < span.end)) continue;
    ids.add(id);
    const at = body.indexOf(id, list.index);
    anchors.push({ id, range: { start: at, end: at + id.length } });
  }
  return anchors;
}

// An HTML tag's `id` (any element) or an `<a>`'s `name`, quoted or not. Hugo renders raw HTML only with
// `markup.goldmark.renderer.unsafe`; the anchors are kept either way, so a link to one is never reported.
const tag = /<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*?)\/?>/g;
const idAttribute = /(?:^|\s)(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

function explicitAnchors(body: string, htmlLines: readonly Span[]): Anchor[] {
  const anchors: Anchor[] = [];
  for (const line of joinedLines(body, htmlLines)) {
    const text = body.slice(line.start, line.end);
    const code = codeSpans(text);
    for (const match of text.matchAll(tag)) {
      if (code.some(([start, end]) => match.index >= start && match.index < end)) continue;
      const attributesAt = match.index + 1 + match[1]!.length;
      for (const attribute of match[2]!.matchAll(idAttribute)) {
        if (attribute[1]!.toLowerCase() === 'name' && match[1]!.toLowerCase() !== 'a') continue;
        const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
        if (!value) continue;
        const valueAt = line.start + attributesAt + attribute.index + attribute[0].length - value.length - (attribute[4] === undefined ? 1 : 0);
        anchors.push({ id: value, range: { start: valueAt, end: valueAt + value.length } });
      }
    }
  }
  return anchors;
}

/**
 * The lines with HTML, each run on to the end of a tag left open on it (`<a\nhref="#fn1" class="footnote-ref" id="fnref1"\nrole="doc-noteref">`,
 * as pandoc wraps them), within its paragraph or block; spans that meet become one.
 */
function joinedLines(body: string, lines: readonly Span[]): Span[] {
  const joined: Span[] = [];
  // The next `>` at or after a line's end: lines come in order, so the body is searched once in all.
  let nextClose = -1;
  for (const line of lines) {
    let end = line.end;
    const text = body.slice(line.start, end);
    if (text.lastIndexOf('<') > text.lastIndexOf('>')) {
      if (nextClose < end) {
        const found = body.indexOf('>', end);
        nextClose = found === -1 ? Infinity : found;
      }
      // A tag runs over a few lines, not a page: a `<` with no `>` in the next 2,000 characters is text.
      if (nextClose - end < 2000 && !/\n[ \t]*\r?\n/.test(body.slice(end, nextClose))) end = lineEndAfter(body, nextClose);
    }
    const last = joined.at(-1);
    if (last && line.start <= last.end) joined[joined.length - 1] = { start: last.start, end: Math.max(last.end, end) };
    else joined.push({ start: line.start, end });
  }
  return joined;
}

function lineEndAfter(body: string, at: number): number {
  const end = body.indexOf('\n', at);
  return end === -1 ? body.length : end;
}

