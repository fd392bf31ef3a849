// Blocks of a post's body that a template engine takes out of its Markdown before the Markdown is read: what
// is in them is no image, link or heading of the page. Offsets stay when they are blanked (`withoutBlocks`).
import type { GeneratorId } from './dialect';
import { scanMarkdownBody } from './markdownStructure';

/**
 * The body as the generator's Markdown reader gets it, its template blocks blanked: Liquid's (Jekyll,
 * Eleventy; `captured`: with the text `capture`/`set` keep for elsewhere) and Hugo's highlight shortcode.
 * MDX runs no such template, but its comments (`{/* … *\/}`) render nothing: blanked too, unless
 * `mdxComments` keeps them (a heading's `{/* #id *\/}` gives it its ID on Docusaurus). Jekyll's kramdown math
 * (`kramdownMath`) is blanked unless `math` keeps it.
 */
export function pageMarkdown(body: string, generator: GeneratorId | undefined, { mdx, captured = false, mdxComments = false, math = 'blanked' }: { readonly mdx: boolean; readonly captured?: boolean; readonly mdxComments?: boolean; readonly math?: 'blanked' | 'kept' }): string {
  if (mdx) return mdxComments || !body.includes('/*') ? body : body.replace(/\{\s*\/\*[^*]*\*+(?:[^*/][^*]*\*+)*\/\s*\}/g, (comment) => comment.replace(/[^\r\n]/g, ' '));
  if (generator === 'jekyll') return withoutBlocks(body, merged([...templateTextBlocks(body, { headings: !captured }), ...(math === 'blanked' ? kramdownMath(body) : [])]));
  if (generator === 'eleventy') return withoutBlocks(body, templateTextBlocks(body, { headings: !captured }));
  return generator === 'hugo' ? withoutBlocks(body, hugoHighlightBlocks(body)) : body;
}

/**
 * Liquid/Nunjucks blocks whose content is no Markdown of the page where it stands (Jekyll, Eleventy): a
 * `{% comment %}` is dropped; `{% highlight %}` (Jekyll's tag, Eleventy's syntax highlight plugin) renders
 * its content as code; `{% capture x %}` and Nunjucks' `{% set x %}` store it in a variable, used
 * wherever and however the template wants (often through a highlight filter). `headings`: only the
 * blocks whose content makes no headings of the page (comment, highlight). Blocks without a closing tag
 * are no blocks (the template fails). Offsets into the body, half-open, from the opening tag to the end
 * of the closing one.
 */
export function templateTextBlocks(body: string, { headings = false }: { headings?: boolean } = {}): { start: number; end: number }[] {
  if (!body.includes('{%')) return [];
  const blocks: { start: number; end: number }[] = [];
  // `{% raw %}` content is not run: a block tag in it is text (and its content Markdown).
  const names = headings ? 'raw|comment|highlight' : 'raw|comment|highlight|capture|set';
  const opening = new RegExp(`\\{%-?\\s*(${names})\\b((?:[^%]|%(?!\\}))*?)-?%\\}`, 'g');
  for (let match = opening.exec(body); match; match = opening.exec(body)) {
    // `{% set x = 1 %}` is an assignment, not a block.
    if (match[1] === 'set' && match[2]!.includes('=')) continue;
    const closing = new RegExp(`\\{%-?\\s*end${match[1]}\\s*-?%\\}`, 'g');
    closing.lastIndex = opening.lastIndex;
    const close = closing.exec(body);
    if (!close) continue;
    if (match[1] !== 'raw') blocks.push({ start: match.index, end: closing.lastIndex });
    opening.lastIndex = closing.lastIndex;
  }
  return blocks;
}

/**
 * kramdown's math, Jekyll's Markdown reader (and GitHub Pages'): `$$…$$`, on its own lines (a math block) or in a
 * paragraph (inline), over several lines too, is LaTeX and no Markdown: `$$J[f](\boldsymbol{x})$$` holds no link
 * (kramdown 2.4 parser/kramdown/math.rb; jekyll 4.3.1 writes `\[J[f](\boldsymbol{x})\]`). `\$$` is a dollar sign and
 * text, and so is `$$` in code (a shell's `echo $$`), which kramdown reads before math.
 */
export function kramdownMath(body: string): { start: number; end: number }[] {
  if (!body.includes('$$')) return [];
  const code = scanMarkdownBody(body, { mdx: false, needCode: true }).code;
  const blocks: { start: number; end: number }[] = [];
  for (let open = body.indexOf('$$'); open >= 0; open = body.indexOf('$$', open + 1)) {
    if (body[open - 1] === '\\' || code.some((span) => open >= span.start && open < span.end)) continue;
    const close = body.indexOf('$$', open + 2);
    if (close < 0) break;
    blocks.push({ start: open, end: close + 2 });
    open = close + 1;
  }
  return blocks;
}

/** Blocks sorted by their start, those that overlap made one. */
function merged(blocks: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const block of [...blocks].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && block.start < last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, block.end) };
    else out.push(block);
  }
  return out;
}

/** The body with `blocks` blanked (line ends kept), so offsets and line numbers stay. */
export function withoutBlocks(body: string, blocks: readonly { start: number; end: number }[]): string {
  if (blocks.length === 0) return body;
  let out = '';
  let at = 0;
  for (const block of blocks) {
    out += body.slice(at, block.start) + body.slice(block.start, block.end).replace(/[^\r\n]/g, ' ');
    at = block.end;
  }
  return out + body.slice(at);
}

// A tag ends at its `>}}`, and before another `{{<` (Hugo's lexer refuses one inside a tag): a run of unclosed `{{<x`
// is then scanned once, not once per opener to the end of the body. Space after `{{<` is optional (`{{<mermaid>}}`).
const shortcodeTag = /\{\{<\s*(\/)?\s*([\w./-]+)(?:[^>{]|\{(?!\{<)|>(?!\}\}))*>\}\}/g;

/** The text that is the shortcodes' own: their tags and their inner text (see shortcodeSpans). */
export function hugoShortcodeText(body: string): { start: number; end: number }[] {
  const { tags, inners } = shortcodeSpans(body);
  return [...tags, ...inners];
}

/** What lies between each `{{< name … >}}` and its `{{< /name >}}` (see shortcodeSpans). */
export function hugoShortcodeInners(body: string): { start: number; end: number }[] {
  return shortcodeSpans(body).inners;
}

/**
 * In one pass: each `{{< … >}}` tag, opening or closing (the call, not Markdown or HTML: `<mermaid>` in `{{<mermaid>}}`),
 * and what lies between a `{{< name … >}}` and its `{{< /name >}}` (Hugo hands it to the shortcode as written; nested
 * pairs each give theirs). A closing tag ends the latest opening of its name still open.
 */
function shortcodeSpans(body: string): { tags: { start: number; end: number }[]; inners: { start: number; end: number }[] } {
  const tags: { start: number; end: number }[] = [];
  const inners: { start: number; end: number }[] = [];
  if (!body.includes('{{<')) return { tags, inners };
  const open: { name: string; end: number }[] = [];
  for (const tag of body.matchAll(shortcodeTag)) {
    const name = tag[2]!;
    const end = tag.index + tag[0].length;
    tags.push({ start: tag.index, end });
    if (tag[1] === undefined) {
      open.push({ name, end });
      continue;
    }
    const at = open.findLastIndex((opening) => opening.name === name);
    if (at === -1) continue;
    inners.push({ start: open[at]!.end, end: tag.index });
    open.splice(at);
  }
  return { tags, inners };
}

/**
 * Hugo's built-in `highlight` shortcode, `{{< highlight go "linenos=table" >}}…{{< /highlight >}}` (or with
 * `{{% %}}`), renders its inner text as highlighted code: an image, link or heading written in it is no
 * image, link or heading of the page (hugo 0.111.3 writes `<img` in it as `&lt;img`). The blocks, as offsets
 * into the body, half-open, from the opening tag to the end of the closing one; one with no closing tag is
 * none (Hugo stops on it). A call escaped with Hugo's comment markers (`{{</*` …, written out as text) is none.
 */
export function hugoHighlightBlocks(body: string): { start: number; end: number }[] {
  if (!callsHighlight(body)) return [];
  const blocks: { start: number; end: number }[] = [];
  const opening = /\{\{[<%]\s*highlight\b(?:[^>%{]|\{(?!\{[<%])|[>%](?!\}\}))*[>%]\}\}/g;
  const closing = /\{\{[<%]\s*\/\s*highlight\s*[>%]\}\}/g;
  for (let open = opening.exec(body); open; open = opening.exec(body)) {
    closing.lastIndex = opening.lastIndex;
    const close = closing.exec(body);
    if (!close) break;
    blocks.push({ start: open.index, end: closing.lastIndex });
    opening.lastIndex = closing.lastIndex;
  }
  return blocks;
}

const highlightCallAfterBraces = /[<%]\s*highlight/y;

/**
 * Whether a `{{<`/`{{%` call of `highlight` may open in the body: looks only after each `{{`, which prose
 * rarely holds. Five checks ask per post; `includes('highlight')` compared most of the text's `h`s.
 */
export function callsHighlight(body: string): boolean {
  for (let at = body.indexOf('{{'); at !== -1; at = body.indexOf('{{', at + 1)) {
    highlightCallAfterBraces.lastIndex = at + 2;
    if (highlightCallAfterBraces.test(body)) return true;
  }
  return false;
}
