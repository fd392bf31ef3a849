import { withEmoji } from './emojiShortcodes';
import type { Anchor } from '../model';
import type { ScannedHeading, Span } from './headingScan';
import { plainText } from './inlineText';

// Hugo's heading IDs (Goldmark, Hugo 0.111 with goldmark 1.5.4). The ID is made from the heading's last
// line *as written*, Markdown syntax included (goldmark's generateAutoHeadingID reads the raw segment),
// so `## [Docs](https://x.org)` gets `docshttpsxorg`. `autoHeadingIDType` picks the sanitizer
// (markup/goldmark/autoid.go): `github` keeps letters, digits and `_`, turns blanks and `-` into `-`;
// `github-ascii` first strips accents and drops what is not ASCII; `blackfriday` joins runs of letters
// and digits with single `-`. An empty ID is `heading`; a taken one gets `-1`, `-2`, … And since
// `parser.attribute.title` is on by default, a trailing `{#id .class key=value}` sets attributes: `#id`
// is the ID as written (taken IDs are recorded, not renumbered), and the `{…}` is cut from the text.

export type GoldmarkIdType = 'github' | 'github-ascii' | 'blackfriday';

/**
 * `terms`: definition terms that get IDs too (Hugo ≥ 0.144's `autoDefinitionTermID`), from the same
 * counter in document order, made from the term's plain text (markup/goldmark attributes.go generateAutoID).
 * `emoji`: Hugo's `enableEmoji` is on, so emoji shortcodes are read as emoji (see `withEmoji`).
 * `explicitOnly`: `autoHeadingID = false`, so a heading has the ID its `{#id}` gives it, or none (hugo 0.111.3).
 */
export function goldmarkAnchors(body: string, headings: readonly ScannedHeading[], type: GoldmarkIdType, { terms = [], emoji = false, explicitOnly = false }: { readonly terms?: readonly Span[]; readonly emoji?: boolean; readonly explicitOnly?: boolean } = {}): Anchor[] {
  const taken = new Set<string>();
  const anchors: Anchor[] = [];
  const unique = (id: string) => {
    let free = id;
    for (let n = 1; taken.has(free); n++) free = `${id}-${n}`;
    taken.add(free);
    return free;
  };
  let nextTerm = 0;
  const termsBefore = (offset: number) => {
    for (; nextTerm < terms.length && terms[nextTerm]!.start < offset; nextTerm++) {
      const term = terms[nextTerm]!;
      const text = plainText(body.slice(term.start, term.end), { imageAlt: true }).trim();
      anchors.push({ id: unique(sanitize(emoji ? withEmoji(text) : text, type) || 'heading'), text, range: { start: term.start, end: trimEnd(body, term.start, term.end) } });
    }
  };
  for (const heading of headings) {
    if (heading.lines.length > 0) termsBefore(heading.lines[0]!.start);
    const lines = [...heading.lines];
    if (lines.length === 0) continue;
    let last = lines[lines.length - 1]!;
    const attributes = trailingAttributes(body, last, heading.setext);
    if (attributes) lines[lines.length - 1] = last = attributes.text;
    let id = attributes?.id;
    if (id !== undefined) taken.add(id);
    else if (explicitOnly) continue;
    else id = unique(sanitize(emoji ? withEmoji(body.slice(last.start, last.end)) : body.slice(last.start, last.end), type) || 'heading');
    const range = { start: lines[0]!.start, end: trimEnd(body, lines[0]!.start, last.end) };
    anchors.push({ id, text: plainText(lines.map((line) => body.slice(line.start, line.end)).join(' '), { imageAlt: true }).trim(), range });
  }
  termsBefore(Infinity);
  return anchors;
}

function trimEnd(body: string, start: number, end: number): number {
  let stop = end;
  while (stop > start && (body[stop - 1] === ' ' || body[stop - 1] === '\t')) stop--;
  return stop;
}

/**
 * goldmark's parseLastLineAttributes: the last `{` of the line (not after `\`) that opens a valid
 * attribute list decides; it applies when only blanks follow its `}`. For an ATX heading, goldmark also
 * reads `## text ## {#id}` (closing `#`s before the list), which the scan has already cut as text.
 */
function trailingAttributes(body: string, line: Span, setext: boolean): { id: string | undefined; text: Span } | undefined {
  const text = body.slice(line.start, line.end);
  if (!text.endsWith('}')) return undefined;
  let found: { open: number; end: number; id: string | undefined } | undefined;
  let parsed: { end: number; id: string | undefined } | undefined;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      if (text[i + 1] === '{') i++;
      continue;
    }
    if (text[i] === '{') {
      parsed = parseAttributes(text, i);
      found = parsed ? { open: i, ...parsed } : undefined;
    }
  }
  if (!found || text.slice(found.end).trim() !== '') return undefined;
  let end = trimEnd(body, line.start, line.start + found.open);
  // `## text ## {#id}`: the closing `#`s before the list are not text either.
  const closing = setext ? null : /[ \t]#+$/.exec(body.slice(line.start, end));
  if (closing) end = trimEnd(body, line.start, end - closing[0].length);
  return { id: found.id, text: { start: line.start, end } };
}

/** goldmark's ParseAttributes from `{`: `#id`, `.class` and `name=value` items; where it ends and the id. */
function parseAttributes(text: string, open: number): { end: number; id: string | undefined } | undefined {
  let i = open + 1;
  let id: string | undefined;
  const skipSpaces = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  for (;;) {
    skipSpaces();
    if (text[i] === '}') return { end: i + 1, id };
    const c = text[i];
    if (c === '#' || c === '.') {
      i++;
      const start = i;
      while (i < text.length && !/\s/.test(text[i]!) && (!isPunct(text[i]!) || '_-:.'.includes(text[i]!))) i++;
      if (c === '#') id = text.slice(start, i);
    }
    else {
      const name = /^[A-Za-z_:][A-Za-z0-9_:.-]*/.exec(text.slice(i));
      if (!name) return undefined;
      i += name[0].length;
      skipSpaces();
      if (text[i] !== '=') return undefined;
      i++;
      skipSpaces();
      const value = /^(?:"(?:[^"\\]|\\.)*"|[^\s,}"]+)/.exec(text.slice(i));
      if (!value) return undefined;
      if (name[0] === 'id') id = value[0].startsWith('"') ? value[0].slice(1, -1) : value[0];
      i += value[0].length;
    }
    skipSpaces();
    if (text[i] === ',') i++;
    if (i >= text.length) return undefined;
  }
}

function isPunct(ch: string): boolean {
  return /[!-/:-@[-`{-~]/.test(ch);
}

function sanitize(text: string, type: GoldmarkIdType): string {
  if (type === 'blackfriday') return blackfriday(text);
  let source = text;
  if (type === 'github-ascii') source = source.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
  source = source.trim();
  // The common case, ASCII words: one regex pass each.
  if (/^[\x20-\x7e]*$/.test(source)) return source.replace(/[^A-Za-z0-9_ -]/g, '').replace(/ /g, '-').toLowerCase();
  let id = '';
  for (const char of source) {
    if (type === 'github-ascii' && char.charCodeAt(0) > 0x7f) continue;
    if (char === '-' || char === ' ') id += '-';
    else if (char === '_' || /[\p{L}\p{Nd}]/u.test(char)) id += lowerRune(char);
  }
  return id;
}

/** Go's unicode.ToLower maps one rune to one rune (`İ` → `i`), where JavaScript may give two. */
function lowerRune(char: string): string {
  const lower = char.toLowerCase();
  return lower.length > char.length ? String.fromCodePoint(lower.codePointAt(0)!) : lower;
}

/** Blackfriday's SanitizedAnchorName: runs of letters and numbers, lower case, joined by single `-`. */
function blackfriday(text: string): string {
  let id = '';
  let dash = false;
  for (const char of text) {
    if (/[\p{L}\p{N}]/u.test(char)) {
      if (dash && id) id += '-';
      dash = false;
      id += lowerRune(char);
    }
    else dash = true;
  }
  return id;
}
