import MarkdownIt, { type Env, type MarkdownIt as MarkdownItInstance, type StateBlock, type StateInline, type Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';

// What the body scans need from a post's Markdown, read with CommonMark/GFM block structure: code blocks
// and code spans, HTML blocks, footnotes and reference definitions, block quotes and lists all decide
// whether `![a](b.png)` is an image. markdown-it (configured like the preview, see render/markdownEngine.ts)
// is the parser: its block pass runs on every post that is not plain prose, its inline pass only on the
// paragraphs, headings and cells that may hold an image. Hugo (Goldmark), Jekyll (kramdown) and
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
}

/** Text as markdown-it reads it (container markers cut from its lines), with a map to body offsets. */
export interface BodyText {
  readonly text: string;
  toBody(offset: number): number;
}

export interface BodyStructure {
  readonly images: readonly MarkdownImage[];
  /** Raw HTML as the generator passes it on (HTML blocks, inline tags; never in code), and where it stands. */
  readonly html: readonly BodyText[];
  /**
   * Code: fenced and indented blocks (their lines), and code spans in the texts parsed inline (see
   * mayHoldFinds).
   */
  readonly code: readonly BodySpan[];
}

/**
 * The images, raw HTML and code of a Markdown body. In MDX indented code does not exist (MDX turns it
 * off), so four leading spaces are text there. `needCode`: the caller asks where code is even when
 * the body has no image.
 */
export function scanMarkdownBody(body: string, { mdx, needCode = false }: { mdx: boolean; needCode?: boolean }): BodyStructure {
  if (!needCode && !body.includes('![') && !(body.includes('<') && /<img/i.test(body))) return nothing;
  if (!mdx) {
    const images = plainProseImages(body);
    if (images) return { images, html: [], code: [] };
  }
  const md = scanner(mdx);
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
    else if (token.type === 'inline' && mayHoldFinds(token.content, mdx)) {
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
    if (found) images.push({ span: found.span, destination: found.destination });
  }
  const html = scan.html.filter(rendered).map(({ text, toBody }) => ({ text, toBody }));
  return { images, html, code: [...code, ...scan.codeSpans] };
}

// A body without `![` or `<img` has no image, and without `needCode` its code does not matter: no block pass.
const nothing: BodyStructure = { images: [], html: [], code: [] };

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

// Most posts are paragraphs and `![alt](path)` lines. Without any character that can open code, HTML,
// an escape, an entity, a table or a URL, without indented code, and with every `[` opening such an
// image, markdown-it finds exactly these images (the property test holds both paths to it); this spares
// the block pass on such posts. One `includes` per character: V8 scans for one character many times
// faster than for a character class or a run of spaces.
const notPlainProse = ['`', '~', '<', '\\', '&', '|', '\t', '\r'];
const plainImage = /(!\[[^[\]\n]*\]\([ ]*)([^\s()]+)(?:[ ]+"[^"\n]*")?[ ]*\)/g;

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

function plainProseImages(body: string): MarkdownImage[] | undefined {
  if (notPlainProse.some((mark) => body.includes(mark)) || body.includes('://') || mayHaveIndentedCode(body)) return undefined;
  let brackets = 0;
  for (let at = body.indexOf('['); at !== -1; at = body.indexOf('[', at + 1)) brackets++;
  if (brackets === 0) return [];
  const images: MarkdownImage[] = [];
  for (const match of body.matchAll(plainImage)) {
    const start = match.index + match[1]!.length;
    images.push({ span: { start, end: start + match[2]!.length }, destination: match[2]! });
  }
  return images.length === brackets ? images : undefined;
}

// ——— The markdown-it scanner ——————————————————————————————————————————————————————————————————————————

/** The footnote definition a find is in (its place among them), if any: only some are rendered. */
type InFootnote = { readonly footnote: number | undefined };

interface ScanState {
  /** First definition of each label wins, as in markdown-it (and CommonMark). */
  readonly definitions: Map<string, MarkdownImage>;
  readonly images: ((MarkdownImage | { readonly label: string }) & InFootnote)[];
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
  return { definitions: new Map(), images: [], html: [], codeSpans: [], footnote: undefined, content: undefined };
}

const scanners = new Map<boolean, MarkdownItInstance>();

function scanner(mdx: boolean): MarkdownItInstance {
  let md = scanners.get(mdx);
  if (md) return md;
  md = new MarkdownIt({ html: true, linkify: true }).use(footnote);
  // `^[inline notes]` are a markdown-it-footnote extension that Goldmark, kramdown and remark lack.
  md.inline.ruler.disable('footnote_inline');
  if (mdx) md.block.ruler.disable('code');
  wrapRule(md.block.ruler, 'reference', recordDefinition);
  wrapRule(md.inline.ruler, 'image', recordImage);
  wrapRule(md.inline.ruler, 'html_inline', recordHtmlTag);
  wrapRule(md.inline.ruler, 'backticks', recordCodeSpan);
  scanners.set(mdx, md);
  return md;
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
}

function recordImage([state]: [StateInline, boolean], start: number): void {
  const scan = scanOf(state.env);
  // An image inside another's alt text is parsed from a copy of that text, and renders as alt text only.
  if (!scan.content || state.src !== scan.content.text) return;
  const token = state.tokens[state.tokens.length - 1]!;
  const label = token.meta?.label as string | undefined;
  if (label !== undefined) {
    scan.images.push({ label, footnote: scan.footnote });
    return;
  }
  let pos = start + 2 + token.content.length + 2; // past `![alt](`
  while (pos < state.posMax && (state.src.charCodeAt(pos) === 0x20 || state.src.charCodeAt(pos) === 0x09 || state.src.charCodeAt(pos) === 0x0a)) pos++;
  const destination = state.md.helpers.parseLinkDestination(state.src, pos, state.posMax);
  if (!destination.ok) return;
  const { start: from, end: to } = unbracketed(state.src, pos, destination.pos);
  if (to <= from) return;
  scan.images.push({ span: { start: scan.content.toBody(from), end: scan.content.toBody(to - 1) + 1 }, destination: destination.str, footnote: scan.footnote });
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
