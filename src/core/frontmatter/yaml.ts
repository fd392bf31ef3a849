import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Field, FieldValue, FrontmatterProblem, OffsetRange } from './model';

/** Aliases a document may expand: a billion-laughs document stops here with a clear error. */
const MAX_ALIAS_COUNT = 100;

export interface ParsedFields {
  fields: Field[];
  data: Record<string, unknown>;
  problems: FrontmatterProblem[];
}

/**
 * Parses YAML frontmatter whose text starts at `base` in the post, keeping every source range: any
 * YAML (parseFrontmatter tries the simple reader first).
 */
export function parseYamlWithLibrary(source: string, base: number): ParsedFields {
  const options = { uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'error' } as const;
  let doc = parseQuickly(source, options);
  const problems: FrontmatterProblem[] = [];
  const shift = (start: number, end: number): OffsetRange => ({ start: base + start, end: base + end });

  // Go's and Ruby's YAML accept a flow list whose lines are indented less than its key; YAML 1.2
  // does not. Flow collections may be written on one line, so read them that way and warn.
  // (Only for a few errors: a second parse of a document full of them doubles the worst case for nothing.)
  if (doc.errors.length <= 50 && doc.errors.some((error) => error.code === 'BAD_INDENT' && /^Flow (sequence|mapping)/.test(error.message))) {
    const { text, spans } = joinFlowCollectionLines(source);
    const retry = spans.length > 0 ? parseQuickly(text, options) : undefined;
    if (retry && retry.errors.length === 0) {
      doc = retry;
      for (const span of spans) {
        problems.push({
          code: 'yaml-syntax',
          severity: 'warning',
          message: 'YAML: this flow list continues on lines indented less than its key. Hugo and Jekyll read it, strict YAML parsers (Astro, Docusaurus, editors) reject it; indent the continuation lines.',
          range: shift(span.start, span.start + 1),
        });
      }
    }
  }

  for (const error of doc.errors.slice(0, maxReportedErrors)) {
    problems.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: `YAML: ${firstLine(error.message)}`,
      range: shift(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)),
    });
  }
  if (doc.errors.length > maxReportedErrors) {
    const last = doc.errors[maxReportedErrors]!;
    problems.push({ code: 'yaml-syntax', severity: 'error', message: `YAML: ${doc.errors.length - maxReportedErrors} more errors after this point are not listed.`, range: shift(last.pos[0], Math.max(last.pos[1], last.pos[0] + 1)) });
  }

  const convert = (node: unknown): FieldValue | undefined => {
    if (isAlias(node)) {
      const range = node.range ?? [0, 0];
      return { kind: 'scalar', value: null, range: shift(range[0], range[1]), style: 'plain' };
    }
    if (isScalar(node)) {
      const range = node.range ?? [0, 0];
      return { kind: 'scalar', value: toScalarValue(node.value), range: shift(range[0], range[1]), style: scalarStyle(node) };
    }
    if (isSeq(node)) {
      const range = node.range ?? [0, 0];
      const items = node.items.map(convert).filter((item): item is FieldValue => item !== undefined);
      return { kind: 'list', items, range: shift(range[0], range[1]), flow: Boolean(node.flow) };
    }
    if (isMap(node)) {
      const range = node.range ?? [0, 0];
      return { kind: 'map', fields: convertFields(node.items), range: shift(range[0], range[1]) };
    }
    return undefined;
  };

  const convertFields = (pairs: unknown[]): Field[] => {
    const fields: Field[] = [];
    const seen = new Map<string, Field>();
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      if (!isScalar(keyNode) || !keyNode.range) continue;
      const key = String(keyNode.value);
      const keyRange = shift(keyNode.range[0], keyNode.range[1]);
      const value = convert(pair.value);
      const field: Field = { key, keyRange, value, range: { start: keyRange.start, end: value?.range.end ?? keyRange.end } };
      const first = seen.get(key);
      if (first) {
        problems.push({
          code: 'duplicate-key',
          severity: 'warning',
          message: `Duplicate key "${key}": some generators keep only one of the values, others stop the build.`,
          range: keyRange,
          related: first.keyRange,
        });
      } else {
        seen.set(key, field);
      }
      fields.push(field);
    }
    return fields;
  };

  const fields = isMap(doc.contents) ? convertFields(doc.contents.items) : [];
  if (doc.contents && !isMap(doc.contents) && doc.errors.length === 0) {
    const range = doc.contents.range ?? [0, source.length];
    problems.push({ code: 'yaml-syntax', severity: 'error', message: 'YAML: frontmatter must be a mapping of keys to values.', range: shift(range[0], range[1]) });
  }

  let data: Record<string, unknown> = {};
  try {
    const js = yamlData(doc);
    if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? firstLine(error.message) : String(error);
    problems.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: `YAML: ${message}${/alias/i.test(message) ? ` (aliases are limited to ${MAX_ALIAS_COUNT} expansions)` : ''}.`,
      range: shift(0, Math.min(source.length, source.indexOf('\n') === -1 ? source.length : source.indexOf('\n'))),
    });
  }
  return { fields, data, problems };
}

/**
 * The plain data of a parsed document, aliases expanded within the limit. A key that is itself a list
 * or mapping (`? [a]`) is refused: the YAML library turns each one into a string, and nested ones
 * cost it seconds per kilobyte. No generator reads such frontmatter or data.
 */
export function yamlData(doc: Document): unknown {
  let collectionKey = false;
  visit(doc, {
    Pair(_, pair) {
      if (!isCollection(pair.key)) return undefined;
      collectionKey = true;
      return visit.BREAK;
    },
  });
  if (collectionKey) throw new Error('a key is itself a list or mapping; no generator reads that');
  return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

/** A YAML data or config file as plain data, like the library's `parse`; throws on the first error. */
export function parseYamlData(text: string): unknown {
  // Not `prettyErrors`: it quotes the source line for every error, quadratic on one long line of errors.
  const doc = parseQuickly(text, { logLevel: 'error', prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const before = text.slice(0, error.pos[0]);
    throw new Error(`${error.message} at line ${before.split('\n').length}, column ${error.pos[0] - before.lastIndexOf('\n')}`);
  }
  return yamlData(doc);
}

function scalarStyle(node: Scalar): 'plain' | 'single' | 'double' | 'block' {
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return 'block';
    default:
      return 'plain';
  }
}

function toScalarValue(value: unknown): FieldValue extends never ? never : string | number | boolean | null | Date {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/**
 * The source with line breaks inside multi-line flow collections (`[a,⏎b]`) turned into spaces: the same
 * length, so every offset still points into the original text. Collections holding comments are left alone.
 */
function joinFlowCollectionLines(source: string): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  const chars = source.split('');
  const openers = [...source.matchAll(/^[^\s#][^:\n]*:[ \t]*([[{])/gm)];
  for (const [index, opener] of openers.entries()) {
    const start = opener.index + opener[0].length - 1;
    // A collection ends before the next key that opens one: each line is scanned once, not once per key.
    const limit = openers[index + 1]?.index ?? source.length;
    let depth = 0;
    let quote: string | undefined;
    let end = -1;
    for (let i = start; i < limit; i++) {
      const ch = source[i]!;
      if (quote) {
        if (ch === quote && source[i - 1] !== '\\') quote = undefined;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#') break;
      else if (ch === '[' || ch === '{') depth++;
      else if ((ch === ']' || ch === '}') && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    const body = end === -1 ? '' : source.slice(start, end);
    if (end === -1 || !/[\r\n]/.test(body)) continue;
    for (let i = start; i < end; i++) if (chars[i] === '\n' || chars[i] === '\r') chars[i] = ' ';
    spans.push({ start, end });
  }
  return { text: chars.join(''), spans };
}

/** Enough to show where a document goes wrong; thousands of squiggles help nobody. */
const maxReportedErrors = 100;

/**
 * `parseDocument` without stack traces: the library makes an Error object per syntax error, and
 * capturing their stacks was a third of the time on a document full of errors. Synchronous, so the
 * setting is back before any other code runs.
 */
function parseQuickly(source: string, options: Parameters<typeof parseDocument>[1]): Document {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(source, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
