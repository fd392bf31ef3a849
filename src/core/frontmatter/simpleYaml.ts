import type { Field, FieldValue, ScalarNode } from './model';
import type { ParsedFields } from './yaml';

/**
 * The frontmatter most posts have, read without the YAML library: top-level `key: value` lines whose
 * values are plain or quoted scalars (no escapes), one-line flow lists of those, or block lists of them.
 * Anything else, and anything doubtful, is `undefined`, and the caller runs the full parser, so the
 * answer is always the library's own (the property test in test/unit/simpleYaml.test.ts holds the two
 * equal). Parsing such a block took the library a fifth of a millisecond, a third of a whole-site check.
 */
export function parseSimpleYaml(source: string, base: number): ParsedFields | undefined {
  // YAML's white space is the space and the tab; JavaScript's trim knows many more (no-break space,
  // U+2028, U+FEFF…). Any but space and line feed: the library's to read.
  if (/[^\S \n]/.test(source)) return undefined;
  const fields: Field[] = [];
  const data: Record<string, unknown> = {};
  const lines = lineStarts(source);
  for (let index = 0; index < lines.length; index++) {
    const start = lines[index]!;
    const end = lineEnd(source, start);
    const first = source.charCodeAt(start);
    if (start === end || first === 35 /* # */) continue;
    const key = keyPattern.exec(source.slice(start, end));
    if (!key) return undefined;
    const name = key[1]!;
    // Duplicates are the library's to report; `true:` or `null:` are no text keys.
    if (Object.hasOwn(data, name) || name === '__proto__' || coreSchemaValue(name) !== name) return undefined;
    const keyRange = { start: base + start, end: base + start + name.length };
    const valueStart = start + key[0].length;
    let value: FieldValue;
    let plain: unknown;
    if (valueStart === end || source.slice(valueStart, end).trim() === '') {
      // `key:` then a block list on the next lines; an empty value otherwise (left to the library).
      const list = blockList(source, lines, index + 1, base);
      if (!list) return undefined;
      value = list.node;
      plain = list.node.items.map((item) => (item as ScalarNode).value);
      index = list.lastLine;
    } else {
      const text = source.slice(valueStart, end);
      const node = source.charCodeAt(valueStart) === 91 /* [ */ ? flowList(text, base + valueStart) : scalar(text, base + valueStart);
      if (!node) return undefined;
      value = node;
      plain = node.kind === 'list' ? node.items.map((item) => (item as ScalarNode).value) : node.value;
    }
    fields.push({ key: name, keyRange, value, range: { start: keyRange.start, end: value.range.end } });
    data[name] = plain;
  }
  return { fields, data, problems: [] };
}

/** A key of letters, digits, `_` and `-`, a colon, and a space or the line's end. */
const keyPattern = /^([A-Za-z_][\w-]*):(?: +|$)/;

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1 && i + 1 < source.length; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineEnd(source: string, start: number): number {
  const newline = source.indexOf('\n', start);
  return newline === -1 ? source.length : newline;
}

/** `- item` lines at one indentation from `from` on; the list ends where the next line starts. */
function blockList(source: string, lines: readonly number[], from: number, base: number): { node: FieldValue & { kind: 'list' }; lastLine: number } | undefined {
  const items: ScalarNode[] = [];
  let indent = -1;
  let index = from;
  for (; index < lines.length; index++) {
    const start = lines[index]!;
    const end = lineEnd(source, start);
    const item = /^( *)- +(?=\S)/.exec(source.slice(start, end));
    if (!item) break;
    if (indent === -1) indent = item[1]!.length;
    else if (item[1]!.length !== indent) return undefined;
    const node = scalar(source.slice(start + item[0].length, end), base + start + item[0].length);
    if (!node) return undefined;
    items.push(node);
  }
  if (items.length === 0) return undefined;
  // The library ends the list where the next key starts: blank and comment lines before it are left to it.
  if (index < lines.length) {
    const next = lines[index]!;
    if (!keyPattern.test(source.slice(next, lineEnd(source, next)))) return undefined;
  }
  const listStart = base + lines[from]! + indent;
  const listEnd = base + (index < lines.length ? lines[index]! : source.length);
  return { node: { kind: 'list', items, range: { start: listStart, end: listEnd }, flow: false }, lastLine: index - 1 };
}

/** `[a, "b", 'c']` on one line, with nothing but spaces or a comment after it. */
function flowList(text: string, offset: number): (FieldValue & { kind: 'list' }) | undefined {
  const close = text.indexOf(']');
  if (close === -1 || !isLineRest(text.slice(close + 1))) return undefined;
  const inner = text.slice(1, close);
  const items: ScalarNode[] = [];
  if (inner.trim() !== '') {
    let position = 1;
    for (const part of inner.split(',')) {
      const leading = part.length - part.trimStart().length;
      const item = part.trim();
      if (item === '') return undefined; // `[a,,b]`, `[a,]`: the library's to judge
      const node = flowItem(item, offset + position + leading);
      if (!node) return undefined;
      items.push(node);
      position += part.length + 1;
    }
  }
  return { kind: 'list', items, range: { start: offset, end: offset + close + 1 }, flow: true };
}

function flowItem(item: string, offset: number): ScalarNode | undefined {
  const quote = item[0];
  if (quote === '"' || quote === "'") return quoted(item, offset);
  return safePlain.test(item) && !/[[\]{},]/.test(item) ? plainScalar(item, offset) : undefined;
}

/** A scalar value and what may follow it on its line (spaces, a comment). */
function scalar(text: string, offset: number): ScalarNode | undefined {
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, 1);
    if (close === -1 || !isLineRest(text.slice(close + 1))) return undefined;
    return quoted(text.slice(0, close + 1), offset);
  }
  const value = text.trimEnd();
  return safePlain.test(value) ? plainScalar(value, offset) : undefined;
}

/** A quoted scalar without escapes: `"…"` with no `\` or `"` inside, `'…'` with no `'` inside. */
function quoted(text: string, offset: number): ScalarNode | undefined {
  const quote = text[0]!;
  if (text.length < 2 || text[text.length - 1] !== quote) return undefined;
  const inner = text.slice(1, -1);
  if (inner.includes(quote) || (quote === '"' && inner.includes('\\'))) return undefined;
  return { kind: 'scalar', value: inner, range: { start: offset, end: offset + text.length }, style: quote === '"' ? 'double' : 'single' };
}

/**
 * Plain scalars that cannot mean anything but their text or a core-schema number, boolean or null:
 * no indicator first, no `: ` or ` #` inside, no trailing `:`.
 */
const safePlain = /^(?![-?:,[\]{}#&*!|>'"%@`])(?:[^:#]|:(?! |$)|(?<! )#)*$/;

function plainScalar(text: string, offset: number): ScalarNode | undefined {
  if (text === '' || text.endsWith(':')) return undefined;
  return { kind: 'scalar', value: coreSchemaValue(text), range: { start: offset, end: offset + text.length }, style: 'plain' };
}

const coreSchemaStart = /^[~nNtTfF0-9+.-]/;

/** What YAML 1.2's core schema (the library's default) makes of a plain scalar. */
function coreSchemaValue(text: string): string | number | boolean | null {
  // Every null, boolean and number starts with one of these; any other text is a string (most titles, keys).
  if (!coreSchemaStart.test(text)) return text;
  if (/^(?:~|null|Null|NULL)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}

/** Spaces, then nothing or a comment. */
function isLineRest(text: string): boolean {
  return /^(?: *| +#.*)$/.test(text);
}
