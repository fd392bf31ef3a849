import { isScalar, parseDocument, visit, type Document, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';

/**
 * YAML that the generators' readers accept and YAML 1.2 (the `yaml` package) rejects: lines of a
 * flow collection or of a quoted scalar indented less than their key. libyaml does not check the
 * indentation of either (`yaml_parser_scan_flow_scalar` and the flow-collection scanner only stop at
 * a document marker), and neither do Go's gopkg.in/yaml.v2 (Hugo 0.111: a port of libyaml), Ruby's
 * Psych (Jekyll: libyaml itself), nor js-yaml (Docusaurus, Astro, Eleventy: `deficient indentation`
 * is only a warning there). Confirmed with hugo 0.111.3 and jekyll 4.3.1: such posts build, and
 * `description: "A long⏎that goes on"` reads as "A long that goes on".
 */
export interface LenientSpan {
  readonly kind: 'flow' | 'quoted';
  readonly start: number;
  readonly end: number;
}

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * The document as the generators read it, when `doc` (the strict parse of `source`) failed only
 * because of such lines: a second parse with those lines joined (same length, so every offset still
 * points into `source`), and the spans joined. `undefined` when nothing was joined or the joined text
 * does not parse better.
 */
export function readAsGeneratorsDo(source: string, doc: Document, options: Options, parse: (text: string, options: Options) => Document): { doc: Document; spans: LenientSpan[] } | undefined {
  // Only for a few errors: a second parse of a document full of them doubles the worst case for nothing.
  // Without errors, only when a line ends in an escaped quote: the package takes it for the closing one.
  if (doc.errors.length > 50 || (doc.errors.length === 0 && !escapedQuoteAtLineEnd.test(source))) return undefined;
  const flow = doc.errors.some((error) => error.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(error.message)) ? flowCollectionSpans(source) : [];
  const quoted = quotedContinuationSpans(source, doc);
  const spans = [...flow, ...quoted.map(({ span }) => span)].filter((span, index, all) => !all.some((other, at) => at < index && overlaps(span, other)));
  if (spans.length === 0) return undefined;
  const chars = source.split('');
  for (const span of spans) for (let i = span.start; i < span.end; i++) if (chars[i] === '\n' || chars[i] === '\r') chars[i] = ' ';
  const retry = parse(chars.join(''), options);
  if ((retry.errors.length >= doc.errors.length && retry.errors.length > 0) || retry.errors.some((error) => spans.some((span) => error.pos[0] >= span.start && error.pos[0] < span.end))) return undefined;
  // A joined quoted scalar keeps its range; its value is the folding of the original lines.
  const values = new Map(quoted.filter(({ span }) => spans.includes(span)).map(({ span, value }) => [span.start, value]));
  if (values.size > 0) {
    visit(retry, {
      Scalar(_, node) {
        const value = node.range && values.get(node.range[0]);
        if (value !== undefined) node.value = value;
      },
    });
  }
  return { doc: retry, spans };
}

const escapedQuoteAtLineEnd = /(?:\\"|'')[ \t]*[\r\n]/;

/**
 * The span's text with each continuation line indented two spaces deeper than the line it starts on:
 * what YAML 1.2 asks, with the same value (a folded line's leading white space is not part of it).
 */
export function indentedContinuation(source: string, span: LenientSpan): string {
  const lineStart = source.lastIndexOf('\n', span.start - 1) + 1;
  const indent = /^ */.exec(source.slice(lineStart, span.start))![0].length + 2;
  return source.slice(span.start, span.end).replace(/(\r?\n|\r)([ \t]*)(?=[^\s])/g, (whole, lineBreak: string, leading: string) =>
    leading.includes('\t') || leading.length < indent ? `${lineBreak}${' '.repeat(indent)}` : whole,
  );
}

export function isMissingQuote(error: { code: string; message: string }): boolean {
  return error.code === 'MISSING_CHAR' && /^Missing closing ["']quote/.test(error.message);
}

/** Where each quoted scalar of `doc` that the `yaml` package cut short starts, by where it ends. */
export function quotedScalarStartsByEnd(doc: Document): Map<number, number> {
  const starts = new Map<number, number>();
  visit(doc, {
    Scalar(_, node) {
      if (node.range && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) starts.set(node.range[1], node.range[0]);
    },
  });
  return starts;
}

/**
 * The offset just past the quote that closes the quoted scalar opening at `start`, as libyaml finds
 * it (the next unescaped quote, on any line), or -1 when there is none.
 */
export function closingQuoteEnd(source: string, start: number): number {
  const quote = source[start];
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i];
    if (quote === '"' && ch === '\\') i++;
    else if (ch === quote) {
      if (quote === "'" && source[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

/** Spaces and tabs, then nothing or a comment, up to the line's end. */
export function restOfLineIsBlank(source: string, from: number): boolean {
  return /^[ \t]*(?:#[^\n\r]*)?(?:\r?\n|\r|$)/.test(source.slice(from, from + 2000));
}

/** A line inside a quoted scalar that libyaml stops at: a document marker at column 0. */
const documentMarkerLine = /[\n\r](?:---|\.\.\.)(?:[ \t\r\n]|$)/;

/**
 * Quoted scalars the `yaml` package cut short at an under-indented line, which libyaml reads to their
 * closing quote, with the value libyaml gives them: a quoted scalar alone is a document of its own
 * with no indentation to respect, so the package folds its lines as libyaml does.
 */
function quotedContinuationSpans(source: string, doc: Document): { span: LenientSpan; value: string }[] {
  // Those whose libyaml closing quote is not where the package ended them (it may not even say so:
  // a line ending in `\"` looks closed to it).
  const found: { span: LenientSpan; value: string }[] = [];
  const starts = [...quotedScalarStartsByEnd(doc)].sort(([, a], [, b]) => a - b);
  let covered = -1;
  for (const [packageEnd, start] of starts) {
    if (start < covered) continue; // the closing quote of a scalar read further, taken by the package for an opening one
    const end = closingQuoteEnd(source, start);
    if (end === -1) break;
    covered = end;
    if (end === packageEnd) continue;
    const text = source.slice(start, end);
    if (documentMarkerLine.test(text) || !restOfLineIsBlank(source, end)) continue;
    const alone = parseDocument(text, { logLevel: 'silent' });
    if (alone.errors.length > 0 || !isScalar(alone.contents)) continue;
    found.push({ span: { kind: 'quoted', start, end }, value: String(alone.contents.value) });
  }
  return found;
}

/** Multi-line flow collections (`key: [a,⏎b]`); collections holding comments are left alone. */
function flowCollectionSpans(source: string): LenientSpan[] {
  const spans: LenientSpan[] = [];
  const openers = [...source.matchAll(/^[^\s#][^:\n]*:[ \t]*([[{])/gm)];
  for (const [index, opener] of openers.entries()) {
    const start = opener.index + opener[0].length - 1;
    // A collection ends before the next key that opens one: each line is scanned once, not once per key.
    const end = flowCollectionEnd(source, start, openers[index + 1]?.index ?? source.length);
    if (end !== -1 && /[\r\n]/.test(source.slice(start, end))) spans.push({ kind: 'flow', start, end });
  }
  return spans;
}

/**
 * The offset just past the bracket closing the flow collection opened at `start`, before `limit`; -1
 * if none. A comment ends the search unless `skipComments` (then it is skipped to its line's end).
 */
export function flowCollectionEnd(source: string, start: number, limit = source.length, { skipComments = false } = {}): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < limit; i++) {
    const ch = source[i]!;
    if (quote) {
      if (ch === quote && source[i - 1] !== '\\') quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') {
      if (!skipComments) return -1;
      while (i + 1 < limit && source[i + 1] !== '\n') i++;
    } else if (ch === '[' || ch === '{') depth++;
    else if ((ch === ']' || ch === '}') && --depth === 0) return i + 1;
  }
  return -1;
}

function overlaps(a: LenientSpan, b: LenientSpan): boolean {
  return a.start < b.end && b.start < a.end;
}
