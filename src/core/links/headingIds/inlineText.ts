import MarkdownIt from 'markdown-it';

// A heading's text as the renderers read it for its ID: Markdown syntax reduced to what it shows. Code
// spans give their content, links and images their text, autolinks their URL; emphasis and strikethrough
// markers, HTML tags and backslashes go; entities are decoded. A link `[text][ref]` is taken as a link,
// unless `references` says which labels the document defines and its label is none of them (CommonMark
// then reads the brackets as text). The slug rules drop most punctuation anyway, so what matters is
// what they keep: letters, digits, `_`, `-` and blanks.

const unescape = new MarkdownIt('zero').utils.unescapeAll;

export interface PlainTextOptions {
  /** Whether an image gives its alt text (mdast's toString does; kramdown's raw text does not). */
  readonly imageAlt: boolean;
  /** kramdown: `--` and `---` become dashes, `<<`/`>>` guillemets (none of them a word character). */
  readonly typographic?: boolean;
  /**
   * Which `_` runs are emphasis markers: CommonMark's flanking rules (markdown-it, Goldmark, micromark), or
   * kramdown's (an opener not after a letter nor before a blank, a closer not after a blank nor before a
   * letter or digit). Either way a run with no partner is text (`@_init` keeps its `_`).
   */
  readonly emphasis?: 'commonmark' | 'kramdown';
  /**
   * The reference labels the document defines (`referenceLabel` of each): `[text][label]` with another label is text,
   * as in CommonMark (micromark: Docusaurus 3's `#### emit(eventName[, ...args][, ack])` is `emiteventname-args-ack`).
   * Absent: every `[text][label]` is a link (remark-parse 8 of MDX 1, Docusaurus 2: `emiteventname-args`).
   */
  readonly references?: ReadonlySet<string>;
}

/** A reference label as CommonMark matches it: case folded, inner blanks one space. */
export function referenceLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The labels of the link reference definitions in `body` (`[label]: destination` at a line's start). */
export function definedReferences(body: string): Set<string> {
  const labels = new Set<string>();
  if (body.includes(']:')) for (const match of body.matchAll(/^ {0,3}\[((?:[^\[\]\\]|\\.)+)\]:/gm)) labels.add(referenceLabel(match[1]!));
  return labels;
}

/** A `_` run in the text, kept until it is known whether a partner makes it an emphasis marker. */
interface Underscores {
  readonly run: string;
  readonly opens: boolean;
  readonly closes: boolean;
  marker: boolean;
}

export function plainText(raw: string, options: PlainTextOptions): string {
  // Most headings are words and blanks: nothing to reduce.
  if (!/[`\\&<[!*_~-]/.test(raw)) return raw;
  const pieces: (string | Underscores)[] = [];
  let plain = '';
  const flush = () => {
    if (plain) pieces.push(unescapeText(plain, options));
    plain = '';
  };
  const emit = (text: string) => pieces.push(text);
  for (let i = 0; i < raw.length; ) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      plain += raw.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '`') {
      let run = i;
      while (raw[run] === '`') run++;
      const fence = raw.slice(i, run);
      const close = closingBackticks(raw, run, fence.length);
      if (close === -1) {
        plain += fence;
        i = run;
        continue;
      }
      flush();
      emit(codeSpanContent(raw.slice(run, close)));
      i = close + fence.length;
      continue;
    }
    if (ch === '<') {
      const tag = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^\s<>@]+@[^\s<>@]+)>/.exec(raw.slice(i));
      if (tag) {
        flush();
        emit(tag[0].slice(1, -1));
        i += tag[0].length;
        continue;
      }
      const html = /^(?:<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->)/.exec(raw.slice(i));
      if (html) {
        flush();
        i += html[0].length;
        continue;
      }
    }
    if (ch === '[' || (ch === '!' && raw[i + 1] === '[')) {
      const image = ch === '!';
      const open = image ? i + 1 : i;
      const close = matchingBracket(raw, open);
      if (close !== -1) {
        const after = linkTail(raw, close + 1);
        if (after !== -1 && !(options.references && raw[close + 1] === '[' && !options.references.has(referenceLabel(raw.slice(close + 2, after - 1) || raw.slice(open + 1, close))))) {
          flush();
          if (!image || options.imageAlt) emit(plainText(raw.slice(open + 1, close), options));
          i = after;
          continue;
        }
      }
    }
    if (ch === '*' || ch === '~') {
      // Emphasis and strikethrough markers; a lone `*` is punctuation every slug rule drops as well.
      flush();
      while (raw[i] === ch) i++;
      continue;
    }
    if (ch === '_') {
      let run = i;
      while (raw[run] === '_') run++;
      const before = i > 0 ? raw[i - 1]! : ' ';
      const after = run < raw.length ? raw[run]! : ' ';
      const { opens, closes } = options.emphasis === 'kramdown' ? kramdownUnderscore(raw.slice(0, i), after, before) : commonmarkUnderscore(before, after);
      if (!opens && !closes) plain += raw.slice(i, run);
      else {
        flush();
        pieces.push({ run: raw.slice(i, run), opens, closes, marker: false });
      }
      i = run;
      continue;
    }
    plain += ch;
    i++;
  }
  flush();
  pairUnderscores(pieces);
  return pieces.map((piece) => (typeof piece === 'string' ? piece : piece.marker ? '' : piece.run)).join('');
}

/** A closer pairs with the nearest opener before it; both are markers. What stays unpaired is text. */
function pairUnderscores(pieces: readonly (string | Underscores)[]): void {
  const openers: Underscores[] = [];
  for (const piece of pieces) {
    if (typeof piece === 'string') continue;
    const opener = piece.closes ? openers.pop() : undefined;
    if (opener) {
      opener.marker = true;
      piece.marker = true;
    }
    else if (piece.opens) openers.push(piece);
  }
}

const whitespace = /\s/u;
const punctuation = /[\p{P}\p{S}]/u;

/** CommonMark's left- and right-flanking delimiter runs, with `_`'s extra rule against intra-word emphasis. */
function commonmarkUnderscore(before: string, after: string): { opens: boolean; closes: boolean } {
  const left = !whitespace.test(after) && (!punctuation.test(after) || whitespace.test(before) || punctuation.test(before));
  const right = !whitespace.test(before) && (!punctuation.test(before) || whitespace.test(after) || punctuation.test(after));
  return { opens: left && (!right || punctuation.test(before)), closes: right && (!left || punctuation.test(after)) };
}

/** kramdown's parse_emphasis: `_` after a letter (`a_`, `a-_`) or before a blank opens nothing; a closer wants no blank before, no letter or digit after. */
function kramdownUnderscore(textBefore: string, after: string, before: string): { opens: boolean; closes: boolean } {
  return { opens: !/\p{L}-?\p{L}*$/u.test(textBefore) && !whitespace.test(after), closes: !whitespace.test(before) && !/[\p{L}\p{N}]/u.test(after) };
}

function unescapeText(text: string, options: PlainTextOptions): string {
  let result = text.includes('\\') || text.includes('&') ? unescape(text) : text;
  if (options.typographic) result = result.replace(/<< |<<| >>|>>/g, (match) => (match.startsWith(' ') || match.endsWith(' ') ? ' ' : '')).replace(/-{2,3}/g, '–');
  return result;
}

function closingBackticks(text: string, from: number, length: number): number {
  for (let i = from; i < text.length; ) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let run = i;
    while (text[run] === '`') run++;
    if (run - i === length) return i;
    i = run;
  }
  return -1;
}

/** CommonMark: line endings become spaces, and one space each side is stripped when both are there. */
function codeSpanContent(content: string): string {
  const text = content.replace(/\r?\n/g, ' ');
  return text.length > 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '' ? text.slice(1, -1) : text;
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '`') {
      let run = i;
      while (text[run] === '`') run++;
      const close = closingBackticks(text, run, run - i);
      i = close === -1 ? run - 1 : close + (run - i) - 1;
    }
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Where a link's `(destination "title")`, `[ref]` or `[]` ends, after its text's `]`; -1 when none follows. */
function linkTail(text: string, at: number): number {
  if (text[at] === '(') {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) return i + 1;
    }
    return -1;
  }
  if (text[at] === '[') {
    const close = text.indexOf(']', at);
    return close === -1 ? -1 : close + 1;
  }
  return -1;
}
