import MarkdownIt, { type Env, type MarkdownIt as MarkdownItInstance, type StateBlock, type StateInline, type Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { templateDestinationsPlugin } from './templateDestinations';
import { escapeRegExp } from '../text/regExp';
import { siteHostSource } from '../text/siteHost';

// What the body scans need from a post's Markdown, read with CommonMark/GFM block structure: code blocks
// and code spans, HTML blocks, footnotes and reference definitions, block quotes and lists all decide
// whether `![a](b.png)` is an image and `[a](b.md)` a link. markdown-it (configured like the preview, see render/markdownEngine.ts)
// is the parser: its block pass runs on every post that is not plain prose and may hold an image or a
// link to a page of the site, its inline pass only on the paragraphs, headings and cells that may hold
// one. One scan serves images and links: the last few are kept (recentScans). Hugo (Goldmark), Jekyll (kramdown) and
// Docusaurus (remark) all follow CommonMark here.

/** Offsets into the body, half-open. */
export interface BodySpan {
  readonly start: number;
  readonly end: number;
}

/** A Markdown image the generator renders: where its destination is written, and what it reads there. */
export interface MarkdownImage {
  /** The destination as written, without angle brackets (for `![a][ref]`, in the definition of `ref`). */
  readonly span: BodySpan;
  /** The destination with backslash escapes and entities resolved. */
  readonly destination: string;
  /** Images only: the alt text as written between `![` and `]`, where the image is used (for `![a][ref]` too). */
  readonly alt?: BodySpan;
}

/** Text as markdown-it reads it (container markers cut from its lines), with a map to body offsets. */
export interface BodyText {
  readonly text: string;
  toBody(offset: number): number;
}

/** A Markdown link (not an image) the generator renders; like MarkdownImage, one per definition however many links use it. */
export type MarkdownLink = MarkdownImage;

export interface BodyStructure {
  readonly images: readonly MarkdownImage[];
  /**
   * Links whose destination may be on the site: those starting with a scheme or `//` may be left out
   * (the scan skips texts that hold only such links), and none is filtered here.
   */
  readonly links: readonly MarkdownLink[];
  /** Raw HTML as the generator passes it on (HTML blocks, inline tags; never in code), and where it stands. */
  readonly html: readonly BodyText[];
  /**
   * Code: fenced and indented blocks (their lines), and code spans in the texts parsed inline (see
   * mayHoldFinds).
   */
  readonly code: readonly BodySpan[];
}

/**
 * The images, links, raw HTML and code of a Markdown body. In MDX indented code does not exist (MDX turns
 * it off), so four leading spaces are text there. `needCode`: the caller asks where code is even when
 * the body has no image or link. `liquidDestinations`: Jekyll fills `{{ … }}` in before Markdown
 * sees it, so a destination may start with one (`[a]({{ site.baseurl }}/x/)`, as the preview reads it).
 */
export function scanMarkdownBody(body: string, { mdx, needCode = false, liquidDestinations = false, ownHost }: { mdx: boolean; needCode?: boolean; liquidDestinations?: boolean; ownHost?: string | undefined }): BodyStructure {
  // The option changes the parse only where a destination starts with `{{`: elsewhere the scan is shared.
  const liquid = liquidDestinations && body.includes('{{') && /\](?:\(|:)\s*\{\{/.test(body);
  // `ownHost`: links to the site's own address are the caller's too (findLinks), where the body has any.
  const own = ownHost !== undefined && body.includes('://') && new RegExp(`://${siteHostSource(ownHost)}`, 'i').test(body);
  for (const recent of recentScans) {
    if (recent.mdx === mdx && recent.liquid === liquid && recent.own === own && (recent.complete || !needCode) && recent.body === body) return recent.structure;
  }
  const complete = needCode || own || body.includes('![') || (body.includes('<') && /<img/i.test(body)) || mayHoldLocalLinks(body);
  const structure = complete ? scanBlocks(body, mdx, liquid, own) : nothing;
  recentScans.unshift({ body, mdx, liquid, own, complete, structure });
  if (recentScans.length > 4) recentScans.pop();
  return structure;
}

/**
 * The last scans: a post's image check, link check, document links and hover each ask for its body, one
 * after another; the body text is compared (a different string each time, equal when the post is).
 */
const recentScans: { body: string; mdx: boolean; liquid: boolean; own: boolean; complete: boolean; structure: BodyStructure }[] = [];

function scanBlocks(body: string, mdx: boolean, liquid: boolean, own: boolean): BodyStructure {
  if (!mdx) {
    const plain = plainProseFinds(body);
    if (plain) return { ...plain, html: [], code: [] };
  }
  const md = scanner(mdx, liquid);
  const src = sameLengthNormalized(body);
  const scan = newScanState();
  const env: Env = { postcraftScan: scan };
  const tokens: Token[] = [];
  md.block.parse(src, md, env, tokens);
  const lines = lineStartsOf(src);
  const code: BodySpan[] = [];
  const cellCursor = new Map<number, number>();
  const footnoteLabels: string[] = [];
  let row = 0; // a table cell's text has no line of its own: it is on its row's line
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'footnote_reference_open') {
      scan.footnote = footnoteLabels.length;
      footnoteLabels.push(String(token.meta?.label));
    }
    else if (token.type === 'footnote_reference_close') scan.footnote = undefined;
    else if (token.type === 'tr_open' && token.map) row = token.map[0];
    else if (token.type === 'html_block' && token.map) {
      const text = token.content.replace(/\n$/, '');
      const toBody = contentMap(src, lines, text, token.map[0], true, cellCursor);
      if (toBody) scan.html.push({ text, toBody, footnote: scan.footnote });
    }
    else if ((token.type === 'fence' || token.type === 'code_block') && token.map) code.push(linesSpan(src, lines, token.map));
    else if (token.type === 'inline' && (mayHoldFinds(token.content, mdx) || mayHoldLocalLinks(token.content) || (own && token.content.includes('://')) || (scan.localDefinitions && token.content.includes('[')))) {
      const mapped = contentMap(src, lines, token.content, token.map?.[0] ?? row, tokens[i - 1]?.type === 'paragraph_open', cellCursor);
      if (!mapped) continue; // text Postcraft cannot place: silence rather than a wrong range
      scan.content = { text: token.content, toBody: mapped };
      md.inline.parse(token.content, md, env, []);
    }
  }
  // A footnote nobody refers to is not rendered (markdown-it-footnote's tail; Hugo 0.111 drops it too),
  // and of two definitions of one label the last is.
  const footnotes = env.footnotes as { list?: { label?: string }[] } | undefined;
  const referenced = new Set((footnotes?.list ?? []).map((note) => note.label));
  const rendered = ({ footnote }: InFootnote) => footnote === undefined || (referenced.has(footnoteLabels[footnote]) && footnoteLabels.lastIndexOf(footnoteLabels[footnote]!) === footnote);
  const images: MarkdownImage[] = [];
  for (const image of scan.images.filter(rendered)) {
    const found = 'label' in image ? scan.definitions.get(image.label) : image;
    if (found) images.push({ span: found.span, destination: found.destination, ...(image.alt ? { alt: image.alt } : {}) });
  }
  // A definition is listed once, at its first use, however many links use it: one place to fix.
  const links: MarkdownLink[] = [];
  const listed = new Set<MarkdownLink>();
  for (const link of scan.links.filter(rendered)) {
    const found = 'label' in link ? scan.definitions.get(link.label) : link;
    if (!found || listed.has(found)) continue;
    listed.add(found);
    links.push({ span: found.span, destination: found.destination });
  }
  const html = scan.html.filter(rendered).map(({ text, toBody }) => ({ text, toBody }));
  return { images, links, html, code: [...code, ...scan.codeSpans] };
}

// A body without `![`, `<img` or a link that may stay on the site has none of them, and without
// `needCode` its code does not matter: no block pass.
const nothing: BodyStructure = { images: [], links: [], html: [], code: [] };

/**
 * Whether a text may hold a link to the site: a `](` or `]:` (a definition; not `[^note]:`) whose
 * destination does not start with a scheme or `//`, or an `href` that does not. Links to other sites
 * are most links in most posts, and need no parse.
 */
function mayHoldLocalLinks(text: string): boolean {
  for (let at = text.indexOf(']'); at !== -1; at = text.indexOf(']', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next === 0x28 /* ( */ || (next === 0x3a /* : */ && text[text.lastIndexOf('[', at) + 1] !== '^')) {
      externalDestination.lastIndex = at + 2;
      if (!externalDestination.test(text)) return true;
    }
  }
  return text.includes('<') && localHref.test(text);
}

// After blanks (one line end included) and an opening `<`: a scheme (`https:`, `mailto:`) or `//`.
const externalDestination = /[ \t]*\n?[ \t]*<?(?:[a-z][a-z0-9+.-]*:|\/\/)/iy;
const localHref = /\shref\s*=\s*["']?(?![a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Whether an inline text may hold an image, HTML, a footnote reference, a Liquid tag or (in MDX) a
 * `require()`: the texts whose code spans and images matter. Others skip the inline pass.
 */
function mayHoldFinds(text: string, mdx: boolean): boolean {
  return text.includes('![') || text.includes('<') || text.includes('[^') || text.includes('{%') || (mdx && text.includes('require('));
}

// After any run of container markers (block quotes, list items) and blanks: `> > # x`, `- # x` count too.
const levelOneCandidate = /^[ \t>*+\-\d.)]*(?:#(?:[ \t]|$)|=+[ \t]*$)/m;

/** Whether the body has a first-level heading (`# Title` or `Title` over `===`) outside code, HTML and footnotes. */
export function hasLevelOneHeading(body: string, { mdx }: { mdx: boolean }): boolean {
  // Only a line that could be one (`# x`, or `===` under a line) is worth a block parse: most posts have
  // `##` sections at most, and they are answered without one.
  if (!levelOneCandidate.test(body)) return false;
  const md = scanner(mdx);
  const tokens: Token[] = [];
  md.block.parse(sameLengthNormalized(body), md, { postcraftScan: newScanState() }, tokens);
  let inFootnote = false;
  for (const token of tokens) {
    if (token.type === 'footnote_reference_open' || token.type === 'footnote_reference_close') inFootnote = token.type === 'footnote_reference_open';
    else if (token.type === 'heading_open' && token.tag === 'h1' && !inFootnote) return true;
  }
  return false;
}

// ——— Plain prose ————————————————————————————————————————————————————————————————————————————————————

// Most posts are paragraphs with `![alt](path)` images and `[text](path)` links. Without any character
// that can open code, HTML, an escape, an entity, a table or a URL, without indented code, and with every
// `[` opening such an image or link, markdown-it finds exactly these (the property tests hold both paths
// to it); this spares the block pass on such posts. One `includes` per character: V8 scans for one
// character many times faster than for a character class or a run of spaces.
const notPlainProse = ['`', '~', '\\', '&', '|', '\t', '\r'];
// Starting with a literal `[` (an image's `!` is looked at before it) lets V8 skip to each `[` fast.
const plainDestination = /(\[[^[\]\n]*\]\([ ]*)([^\s()]+)(?:[ ]+"[^"\n]*")?[ ]*\)/g;
const plainDestinationHere = new RegExp(plainDestination.source, 'y');

/**
 * `body.matchAll(plainDestination)`, each `[` found by indexOf and the pattern tried there (sticky): a
 * match starts at a `[`, and indexOf reaches them several times faster than the regex's own search over
 * a body of prose. Held equal to matchAll by test/unit/markdownStructure.test.ts.
 */
export function plainDestinationMatches(body: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  for (let at = body.indexOf('['); at !== -1; ) {
    plainDestinationHere.lastIndex = at;
    const match = plainDestinationHere.exec(body);
    if (match) matches.push(match);
    at = body.indexOf('[', match ? plainDestinationHere.lastIndex : at + 1);
  }
  return matches;
}

/**
 * Whether a `<` may open HTML or an autolink: any but that of a Hugo shortcode, `{{< name` or
 * `{{</* name`, which markdown-it reads as text (`<` then a blank or `/*` opens no tag, and no line
 * starts with it). Hugo posts are full of shortcodes, `{{< ref >}}` among them.
 */
function mayOpenHtml(body: string): boolean {
  for (let at = body.indexOf('<'); at !== -1; at = body.indexOf('<', at + 1)) {
    const next = body.charCodeAt(at + 1);
    const shortcode = body.charCodeAt(at - 1) === 0x7b /* { */ && body.charCodeAt(at - 2) === 0x7b && (next === 0x20 || (next === 0x2f /* / */ && body.charCodeAt(at + 2) === 0x2a)) /* * */;
    if (!shortcode) return true;
  }
  return false;
}

/** Whether a line starts with four spaces, after any list or quote markers: indented code, maybe. */
function mayHaveIndentedCode(body: string): boolean {
  for (let start = 0; start < body.length; ) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    let prefix = start;
    while (prefix < end && ' >*+-.)0123456789'.includes(body[prefix]!)) prefix++;
    if (prefix - start >= 4 && body.slice(start, prefix).includes('    ')) return true;
    start = end + 1;
  }
  return false;
}

function plainProseFinds(body: string): { images: MarkdownImage[]; links: MarkdownLink[] } | undefined {
  if (notPlainProse.some((mark) => body.includes(mark)) || body.includes('://') || mayOpenHtml(body) || mayHaveIndentedCode(body)) return undefined;
  let brackets = 0;
  for (let at = body.indexOf('['); at !== -1; at = body.indexOf('[', at + 1)) brackets++;
  const images: MarkdownImage[] = [];
  const links: MarkdownLink[] = [];
  if (brackets === 0) return { images, links };
  for (const match of plainDestinationMatches(body)) {
    const start = match.index + match[1]!.length;
    const span = { start, end: start + match[2]!.length };
    if (body.charCodeAt(match.index - 1) === 0x21 /* ! */) images.push({ span, destination: match[2]!, alt: { start: match.index + 1, end: match.index + match[1]!.lastIndexOf('](') } });
    else links.push({ span, destination: match[2]! });
  }
  return images.length + links.length === brackets ? { images, links } : undefined;
}

// ——— The markdown-it scanner ——————————————————————————————————————————————————————————————————————————

/** The footnote definition a find is in (its place among them), if any: only some are rendered. */
type InFootnote = { readonly footnote: number | undefined };

interface ScanState {
  /** First definition of each label wins, as in markdown-it (and CommonMark). */
  readonly definitions: Map<string, MarkdownImage>;
  readonly images: ((MarkdownImage | { readonly label: string; readonly alt: BodySpan }) & InFootnote)[];
  readonly links: ((MarkdownLink | { readonly label: string }) & InFootnote)[];
  /** Whether a definition's destination may be on the site: then any `[` may be a reference link to it. */
  localDefinitions: boolean;
  readonly html: (BodyText & InFootnote)[];
  readonly codeSpans: BodySpan[];
  footnote: number | undefined;
  /** The inline text being parsed and how its offsets map to the body. */
  content: { readonly text: string; readonly toBody: (offset: number) => number } | undefined;
}

/** The scan's state travels in markdown-it's env, which every rule receives. */
function scanOf(env: Env): ScanState {
  return env.postcraftScan as ScanState;
}

function newScanState(): ScanState {
  return { definitions: new Map(), images: [], links: [], localDefinitions: false, html: [], codeSpans: [], footnote: undefined, content: undefined };
}

const scanners = new Map<string, MarkdownItInstance>();

function scanner(mdx: boolean, liquid = false): MarkdownItInstance {
  const key = `${mdx}:${liquid}`;
  let md = scanners.get(key);
  if (md) return md;
  md = new MarkdownIt({ html: true, linkify: true }).use(footnote);
  // `^[inline notes]` are a markdown-it-footnote extension that Goldmark, kramdown and remark lack.
  md.inline.ruler.disable('footnote_inline');
  if (mdx) {
    md.block.ruler.disable('code');
    wrapRule(md.block.ruler, 'html_block', endAtLoneTag);
  }
  if (liquid) md.use(templateDestinationsPlugin);
  wrapRule(md.block.ruler, 'reference', recordDefinition);
  wrapRule(md.inline.ruler, 'image', recordImage);
  wrapRule(md.inline.ruler, 'link', recordLink);
  wrapRule(md.inline.ruler, 'html_inline', recordHtmlTag);
  wrapRule(md.inline.ruler, 'backticks', recordCodeSpan);
  scanners.set(key, md);
  return md;
}

/**
 * MDX has no HTML blocks: a tag alone on its line is a JSX element, and the lines after it are Markdown (a fence
 * right after `<TabItem>` is code, astro-theme-pure's docs). CommonMark's block would run on to the next blank
 * line and take the fence's text for HTML; here it ends with the tag's line.
 */
function endAtLoneTag([state]: [StateBlock, number, number, boolean], startLine: number): void {
  const token = state.tokens[state.tokens.length - 1];
  if (token?.type !== 'html_block' || !token.map || token.map[1] - token.map[0] < 2) return;
  const first = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]).trimEnd();
  if (!/^<\/?[A-Za-z][\w.:-]*(?:\s[^<>]*)?\/?>$/.test(first)) return;
  token.map[1] = startLine + 1;
  token.content = `${state.src.slice(state.bMarks[startLine], state.eMarks[startLine])}\n`;
  state.line = startLine + 1;
}

// markdown-it's rule lists keep each rule under its name; a wrapper calls the original and then records.
interface RuleList {
  __rules__: { name: string; fn: (...args: never[]) => boolean }[];
  at(name: string, fn: (...args: never[]) => boolean): void;
}

/** Runs `after` once the rule `name` has matched (not in silent mode), with the line or offset where it started. */
function wrapRule<Args extends [StateBlock | StateInline, ...unknown[]]>(ruler: unknown, name: string, after: (args: Args, start: number) => void): void {
  const rules = ruler as RuleList;
  const original = rules.__rules__.find((rule) => rule.name === name)!.fn as unknown as (...args: Args) => boolean;
  rules.at(name, ((...args: Args) => {
    const state = args[0];
    const start = 'pos' in state ? state.pos : (args[1] as number);
    if (!original(...args)) return false;
    if (args[args.length - 1] !== true) after(args, start);
    return true;
  }) as unknown as (...args: never[]) => boolean);
}

function recordDefinition([state]: [StateBlock, number, number, boolean], startLine: number): void {
  const token = state.tokens[state.tokens.length - 1];
  const label = token?.meta?.label as string | undefined;
  const scan = scanOf(state.env);
  if (!label || scan.definitions.has(label)) return;
  // The walk of markdown-it's reference rule: past `[label]:` and the blanks after it, either of which
  // may run onto the next lines (whose container markers bMarks and tShift step over).
  const src = state.src;
  let line = startLine;
  let pos = state.bMarks[line]! + state.tShift[line]! + 1;
  const nextLine = () => {
    if (++line >= state.line) return false;
    pos = state.bMarks[line]! + state.tShift[line]!;
    return true;
  };
  for (;;) {
    if (pos >= state.eMarks[line]!) {
      if (!nextLine()) return;
      continue;
    }
    const char = src.charCodeAt(pos);
    if (char === 0x5d /* ] */) break;
    pos += char === 0x5c /* \ */ ? 2 : 1;
  }
  pos += 2;
  for (;;) {
    if (pos >= state.eMarks[line]!) {
      if (!nextLine()) return;
      continue;
    }
    const char = src.charCodeAt(pos);
    if (char !== 0x20 && char !== 0x09) break;
    pos++;
  }
  const destination = state.md.helpers.parseLinkDestination(src, pos, Math.min(state.eMarks[line]! + 1, src.length));
  if (!destination.ok || destination.pos <= pos) return;
  scan.definitions.set(label, { span: unbracketed(src, pos, destination.pos), destination: destination.str });
  externalDestination.lastIndex = 0;
  if (!externalDestination.test(destination.str)) scan.localDefinitions = true;
}

function recordImage([state]: [StateInline, boolean], start: number): void {
  const scan = scanOf(state.env);
  // An image inside another's alt text is parsed from a copy of that text, and renders as alt text only.
  if (!scan.content || state.src !== scan.content.text) return;
  const token = state.tokens[state.tokens.length - 1]!;
  const label = token.meta?.label as string | undefined;
  // markdown-it keeps the alt text as written in the token's content, right after `![`.
  const altEnd = start + 2 + token.content.length;
  const alt = { start: scan.content.toBody(start + 2), end: altEnd > start + 2 ? scan.content.toBody(altEnd - 1) + 1 : scan.content.toBody(start + 2) };
  if (label !== undefined) {
    scan.images.push({ label, alt, footnote: scan.footnote });
    return;
  }
  let pos = start + 2 + token.content.length + 2; // past `![alt](`
  while (pos < state.posMax && (state.src.charCodeAt(pos) === 0x20 || state.src.charCodeAt(pos) === 0x09 || state.src.charCodeAt(pos) === 0x0a)) pos++;
  const destination = state.md.helpers.parseLinkDestination(state.src, pos, state.posMax);
  if (!destination.ok) return;
  const { start: from, end: to } = unbracketed(state.src, pos, destination.pos);
  if (to <= from) return;
  scan.images.push({ span: { start: scan.content.toBody(from), end: scan.content.toBody(to - 1) + 1 }, destination: destination.str, alt, footnote: scan.footnote });
}

function recordLink([state]: [StateInline, boolean], start: number): void {
  const scan = scanOf(state.env);
  // A link inside an image's alt text is parsed from a copy of that text, and renders as alt text only.
  if (!scan.content || state.src !== scan.content.text) return;
  // Links do not nest: the last link_open is this link's (its text's tokens follow it).
  let open: Token | undefined;
  for (let i = state.tokens.length - 1; i >= 0 && !open; i--) if (state.tokens[i]!.type === 'link_open') open = state.tokens[i];
  const label = open?.meta?.label as string | undefined;
  if (label !== undefined) {
    scan.links.push({ label, footnote: scan.footnote });
    return;
  }
  // An inline link (`[text](destination "title")`): its destination starts after `](` and blanks.
  let pos = state.md.helpers.parseLinkLabel(state, start, true) + 2;
  if (pos < 2) return;
  while (pos < state.posMax && (state.src.charCodeAt(pos) === 0x20 || state.src.charCodeAt(pos) === 0x09 || state.src.charCodeAt(pos) === 0x0a)) pos++;
  const destination = state.md.helpers.parseLinkDestination(state.src, pos, state.posMax);
  if (!destination.ok) return;
  const { start: from, end: to } = unbracketed(state.src, pos, destination.pos);
  if (to <= from) return;
  scan.links.push({ span: { start: scan.content.toBody(from), end: scan.content.toBody(to - 1) + 1 }, destination: destination.str, footnote: scan.footnote });
}

function recordHtmlTag([state]: [StateInline, boolean], start: number): void {
  const scan = scanOf(state.env);
  if (!scan.content || state.src !== scan.content.text) return;
  const { toBody } = scan.content;
  scan.html.push({ text: state.src.slice(start, state.pos), toBody: (offset) => toBody(start + offset), footnote: scan.footnote });
}

function recordCodeSpan([state]: [StateInline, boolean], start: number): void {
  const scan = scanOf(state.env);
  if (!scan.content || state.src !== scan.content.text || state.tokens[state.tokens.length - 1]?.type !== 'code_inline') return;
  scan.codeSpans.push({ start: scan.content.toBody(start), end: scan.content.toBody(state.pos - 1) + 1 });
}

function unbracketed(src: string, start: number, end: number): BodySpan {
  return src.charCodeAt(start) === 0x3c /* < */ ? { start: start + 1, end: end - 1 } : { start, end };
}

// ——— Offsets ——————————————————————————————————————————————————————————————————————————————————————————

/**
 * markdown-it reads `\r\n` and `\r` as line ends and NUL as U+FFFD (its normalize rule); the same with
 * one character for one, so offsets stay those of the body.
 */
function sameLengthNormalized(body: string): string {
  if (!body.includes('\r') && !body.includes('\0')) return body;
  return body.replace(/\r\n?|\0/g, (match) => (match === '\0' ? '\uFFFD' : match.length === 2 ? ' \n' : '\n'));
}

function lineStartsOf(src: string): number[] {
  const starts = [0];
  for (let at = src.indexOf('\n'); at !== -1; at = src.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function linesSpan(src: string, lines: readonly number[], [first, last]: [number, number]): BodySpan {
  return { start: lines[first] ?? src.length, end: Math.max(lines[first] ?? src.length, (lines[last] ?? src.length + 1) - 1) };
}

/**
 * How offsets in an inline token's text map to the body. markdown-it builds a paragraph's text from its
 * lines with container markers and indentation cut from their start (and the whole trimmed), so each
 * line of the text ends where its source line ends; a heading's or table cell's text is found in its line.
 */
function contentMap(src: string, lines: readonly number[], content: string, first: number, paragraph: boolean, cellCursor: Map<number, number>): ((offset: number) => number) | undefined {
  const segments: { textStart: number; bodyStart: number }[] = [];
  let textStart = 0;
  const textLines = content.split('\n');
  for (let i = 0; i < textLines.length; i++) {
    const lineStart = lines[first + i];
    if (lineStart === undefined) return undefined;
    const lineEnd = (lines[first + i + 1] ?? src.length + 1) - 1;
    const source = src.slice(lineStart, lineEnd);
    const line = textLines[i]!;
    const kept = line.trimStart(); // leading blanks may be tab stops markdown-it spelled out as spaces
    let column: number;
    if (paragraph) {
      const trimmed = source.trimEnd();
      column = source.endsWith(kept) ? source.length - kept.length : trimmed.endsWith(kept) ? trimmed.length - kept.length : -1;
    } else {
      column = source.indexOf(kept, cellCursor.get(first + i) ?? 0);
      if (column !== -1) cellCursor.set(first + i, column + kept.length);
    }
    if (column === -1) return undefined;
    segments.push({ textStart: textStart + line.length - kept.length, bodyStart: lineStart + column });
    textStart += line.length + 1;
  }
  return (offset) => {
    let segment = segments[0]!;
    for (const candidate of segments) if (candidate.textStart <= offset) segment = candidate;
    return segment.bodyStart + Math.max(0, offset - segment.textStart);
  };
}
