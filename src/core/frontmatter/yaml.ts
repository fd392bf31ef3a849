import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Document, type Node as YamlNode } from 'yaml';
import { indentedContinuation, readAsGeneratorsDo } from './libyamlLeniency';
import { tabLedBlankLines } from './libyamlTabs';
import type { Field, FieldValue, FrontmatterProblem, OffsetRange } from './model';
import { trimmedLineEnd } from './sourceLines';
import { maxReportedErrors, yamlSyntaxProblems } from './yamlErrors';
import { described, msg } from '../l10n/message';

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

  const lenient = readAsGeneratorsDo(source, doc, options, parseQuickly);
  if (lenient) {
    doc = lenient.doc;
    for (const span of lenient.spans) {
      // One sentence per kind, so that a translation can agree with its noun.
      const message =
        span.kind === 'quoted'
          ? msg("YAML: this quoted value continues on lines indented less than its key. The generators read it (Go's, Ruby's and js-yaml's YAML do); strict YAML 1.2 readers, such as editors', reject it.")
          : source[span.start] === '{'
            ? msg("YAML: this flow mapping continues on lines indented less than its key. The generators read it (Go's, Ruby's and js-yaml's YAML do); strict YAML 1.2 readers, such as editors', reject it.")
            : msg("YAML: this flow list continues on lines indented less than its key. The generators read it (Go's, Ruby's and js-yaml's YAML do); strict YAML 1.2 readers, such as editors', reject it.");
      problems.push({
        code: 'yaml-syntax',
        severity: 'info',
        ...described(message),
        range: shift(span.start, Math.max(trimmedLineEnd(source, span.start), span.start + 1)),
        fix: { title: msg('Indent the continuation lines'), range: shift(span.start, span.end), newText: indentedContinuation(source, span) },
      });
    }
  }
  problems.push(...yamlSyntaxProblems(source, doc, shift));
  if (doc.errors.length === 0) {
    for (const at of tabLedBlankLines(source, doc).slice(0, maxReportedErrors)) {
      problems.push({
        code: 'yaml-syntax',
        severity: 'warning',
        ...described(msg('YAML: a tab starts this line. Hugo and Jekyll stop at it (Go\'s and Ruby\'s YAML: "found a tab character that violates indentation"), js-yaml skips it; remove the tab.')),
        range: shift(at, at + /^\t+/.exec(source.slice(at))![0].length),
      });
    }
  }

  const convert = (node: unknown): FieldValue | undefined => {
    if (isAlias(node)) {
      const range = node.range ?? [0, 0];
      return { kind: 'scalar', value: null, range: shift(range[0], range[1]), style: 'plain' };
    }
    if (isScalar(node)) {
      const range = node.range ?? [0, 0];
      const style = scalarStyle(node);
      const inner = style === 'block' ? blockScalarText(source, range[0], range[1], node.value) : undefined;
      return { kind: 'scalar', value: toScalarValue(node.value), range: shift(range[0], range[1]), style, ...(inner ? { inner: shift(inner.start, inner.end) } : {}) };
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
          ...described(msg('Duplicate key "{0}": some generators keep only one of the values, others stop the build.', key)),
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
    problems.push({ code: 'yaml-syntax', severity: 'error', ...described(msg('YAML: frontmatter must be a mapping of keys to values.')), range: shift(range[0], range[1]) });
  }

  let data: Record<string, unknown> = {};
  try {
    const js = yamlData(doc);
    if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
  } catch (error) {
    // A document that does not parse may well hold odd keys: its syntax errors say enough.
    if (doc.errors.length > 0) return { fields, data, problems };
    const message = error instanceof Error ? firstLine(error.message) : String(error);
    problems.push({
      code: 'yaml-syntax',
      severity: 'error',
      ...described(/alias/i.test(message) ? msg('YAML: {0} (aliases are limited to {1} expansions).', message, MAX_ALIAS_COUNT) : msg('YAML: {0}.', message)),
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

/**
 * Where a block scalar's value of one line stands (`photo: >-` then the URL on the next line), so that a finding about
 * the value points at it rather than at the `>-` before it; undefined for a value of several lines.
 */
function blockScalarText(source: string, start: number, end: number, value: unknown): { start: number; end: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const line = value.replace(/\n+$/, '');
  if (line === '' || line.includes('\n')) return undefined;
  const at = source.indexOf(line, start);
  return at === -1 || at + line.length > end ? undefined : { start: at, end: at + line.length };
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
