import { parse } from 'smol-toml';
import type { Field, FieldValue, FrontmatterProblem, OffsetRange, ScalarNode } from './model';
import { placeTomlError } from './tomlErrors';
import { described, msg } from '../l10n/message';
import type { ParsedFields } from './yaml';

/**
 * TOML frontmatter: smol-toml gives the data, and a small scanner finds where each top-level key and
 * its value stand (no TOML library reports source positions). Tables below the top level are data only.
 */
export function parseTomlFrontmatter(source: string, base: number): ParsedFields {
  const problems: FrontmatterProblem[] = [];
  let data: Record<string, unknown> = {};
  try {
    data = parse(source) as Record<string, unknown>;
  } catch (error) {
    const { start, end, message } = placeTomlError(source, error);
    problems.push({ code: 'toml-syntax', severity: 'error', ...described(msg('TOML: {0}', message)), range: { start: base + start, end: base + end } });
  }
  return { fields: locateTopLevelFields(source, base, problems), data, problems };
}

const keyLine = /^[ \t]*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)[ \t]*=[ \t]*/y;

function locateTopLevelFields(source: string, base: number, problems: FrontmatterProblem[]): Field[] {
  const fields: Field[] = [];
  const seen = new Map<string, Field>();
  let offset = 0;
  while (offset < source.length) {
    const lineEnd = source.indexOf('\n', offset) === -1 ? source.length : source.indexOf('\n', offset);
    const line = source.slice(offset, lineEnd);
    if (/^\s*\[/.test(line)) break; // a [table] header ends the top level
    keyLine.lastIndex = 0;
    const match = keyLine.exec(line);
    if (!match) {
      offset = lineEnd + 1;
      continue;
    }
    const rawKey = match[1]!;
    const keyStart = offset + line.indexOf(rawKey);
    const key = rawKey.startsWith('"') || rawKey.startsWith("'") ? rawKey.slice(1, -1) : rawKey;
    const valueStart = offset + match[0].length;
    const { node, end } = readValue(source, valueStart, base);
    const keyRange: OffsetRange = { start: base + keyStart, end: base + keyStart + rawKey.length };
    const field: Field = { key, keyRange, value: node, range: { start: keyRange.start, end: node?.range.end ?? keyRange.end } };
    const first = seen.get(key);
    if (first) {
      problems.push({ code: 'duplicate-key', severity: 'warning', ...described(msg('Duplicate key "{0}".', key)), range: keyRange, related: first.keyRange });
    } else seen.set(key, field);
    fields.push(field);
    const nextLine = source.indexOf('\n', end);
    offset = nextLine === -1 ? source.length : nextLine + 1;
  }
  return fields;
}

/** Reads one value at `start`: a string, a bare scalar, or an array of them (possibly multi-line). */
function readValue(source: string, start: number, base: number): { node: FieldValue | undefined; end: number } {
  const ch = source[start];
  if (ch === '[') {
    const items: FieldValue[] = [];
    let i = start + 1;
    while (i < source.length && source[i] !== ']') {
      const c = source[i]!;
      if (c === '#') {
        const nl = source.indexOf('\n', i);
        i = nl === -1 ? source.length : nl;
      } else if (/[\s,]/.test(c)) i++;
      else {
        const { node, end } = readValue(source, i, base);
        if (node) items.push(node);
        i = Math.max(end, i + 1);
      }
    }
    const end = Math.min(i + 1, source.length);
    return { node: { kind: 'list', items, range: { start: base + start, end: base + end }, flow: true }, end };
  }
  if (ch === '"' || ch === "'") {
    const triple = source.startsWith(ch.repeat(3), start);
    const closer = triple ? ch.repeat(3) : ch;
    // A one-line string ends at its line's break whether or not it closed: TOML allows none inside.
    const stop = triple ? source.length : lineBreakOrEnd(source, start);
    let i = start + closer.length;
    while (i < stop && !source.startsWith(closer, i)) i += ch === '"' && source[i] === '\\' ? 2 : 1;
    i = Math.min(i, stop);
    const closed = i < stop;
    const end = closed ? i + closer.length : stop;
    const raw = source.slice(start + closer.length, i);
    const value = ch === '"' ? unescapeBasic(raw) : raw;
    const range = { start: base + start, end: base + end };
    const style = ch === '"' ? 'double' : 'single';
    const inner = { start: base + start + closer.length, end: base + i };
    const node: ScalarNode = closed && !triple ? { kind: 'scalar', value, range, style } : { kind: 'scalar', value, range, style, inner };
    return { node, end };
  }
  const bare = /^[^\s,\]#]+/.exec(source.slice(start, start + 200));
  if (!bare) return { node: undefined, end: start };
  const end = start + bare[0].length;
  const node: ScalarNode = { kind: 'scalar', value: bareValue(bare[0]), range: { start: base + start, end: base + end }, style: 'plain' };
  return { node, end };
}

/** Where the line holding `offset` ends (before `\r\n`, `\n` or a lone `\r`), or the text's end. */
function lineBreakOrEnd(source: string, offset: number): number {
  for (let i = offset; i < source.length; i++) if (source[i] === '\n' || source[i] === '\r') return i;
  return source.length;
}

function bareValue(raw: string): string | number | boolean {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  const number = Number(raw.replace(/_/g, ''));
  return Number.isFinite(number) && /^[+-]?[\d._]+(e[+-]?\d+)?$/i.test(raw) ? number : raw;
}

function unescapeBasic(raw: string): string {
  try {
    return JSON.parse(`"${raw.replace(/\n/g, '\\n')}"`) as string;
  } catch {
    return raw;
  }
}
