import { TomlError } from 'smol-toml';
import { lineEndOffset, trimmedLineEnd } from './sourceLines';
import { msg, type MessageArgument } from '../l10n/message';

/**
 * Where smol-toml's error is the writer's mistake: an unclosed string or array at what opens it (the
 * parser notices at the line's end, or at the next key), a table defined twice at its header; any
 * other error at the token smol-toml stops at. The range stays on one line.
 */
export function placeTomlError(source: string, error: unknown): { start: number; end: number; message: MessageArgument } {
  const reason = (error instanceof Error ? error.message.split('\n')[0]!.trim() : String(error)).replace(/^Invalid TOML document: /, '');
  const at = error instanceof TomlError ? offsetOf(source, error.line, error.column) : 0;
  const onLine = (start: number, message: MessageArgument) => ({ start, end: Math.max(trimmedLineEnd(source, start), start + 1), message });

  // A one-line string runs into its line break ("control characters are not allowed in strings").
  if (/control characters/.test(reason) && (at === source.length || source[at] === '\n' || source[at] === '\r')) {
    const opener = unclosedStringOnLine(source, at);
    if (opener !== -1) return onLine(opener, msg('the {0} opened here is not closed on its line (only """ and \'\'\' strings span lines).', source[opener]!));
  }
  if (/unfinished string/.test(reason)) return onLine(at, msg('the string opened here is never closed.'));

  // An array that is still open when the next key, table or the end comes.
  if (/expected comma or end of structure|unfinished|invalid value/.test(reason) && startsKeyTableOrEnd(source, at)) {
    const opener = openBracketBefore(source, at);
    if (opener !== -1) return onLine(opener, msg('the "{0}" opened here is never closed with "{1}".', source[opener]!, source[opener] === '[' ? ']' : '}'));
  }

  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  // `date 2020-01-01`: smol-toml reads on past the key and stops at the value.
  if (/illegal character in key/.test(reason) && /^[ \t]*[A-Za-z0-9_-]+[ \t]+$/.test(source.slice(lineStart, at))) {
    return onLine(lineStart + /^[ \t]*/.exec(source.slice(lineStart))![0].length, msg('this line is not "key = value"; is a "=" missing?'));
  }
  if (/redefine/.test(reason) && /^[ \t]*\[/.test(source.slice(lineStart, at + 1))) {
    const header = lineStart + /^[ \t]*/.exec(source.slice(lineStart))![0].length;
    const close = source.slice(header, lineEndOffset(source, header)).lastIndexOf(']');
    return { start: header, end: close === -1 ? Math.max(trimmedLineEnd(source, header), header + 1) : header + close + 1, message: msg('this table is already defined above.') };
  }
  const token = /^[^\s=,\]}]+/.exec(source.slice(at, lineEndOffset(source, at)));
  // A key written twice: Hugo 0.111 stops too ("key title is already defined").
  const message = /redefine/.test(reason) ? msg('this key is already defined above.') : reason;
  return { start: at, end: at + Math.max(token?.[0].length ?? 0, 1), message };
}

/** The 0-based offset of smol-toml's 1-based line and column. */
function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return source.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(column - 1, 0), source.length);
}

/** The quote opening a string still open where the line holding `end` ends; -1 if none. */
function unclosedStringOnLine(source: string, end: number): number {
  let quote: string | undefined;
  let opener = -1;
  for (let i = source.lastIndexOf('\n', end - 1) + 1; i < end; i++) {
    const ch = source[i];
    if (quote) {
      if (quote === '"' && ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '#') return -1;
    else if (ch === '"' || ch === "'") {
      quote = ch;
      opener = i;
    }
  }
  return quote ? opener : -1;
}

/** Whether `at` is the end, or the start of a `key =` or `[table]` line. */
function startsKeyTableOrEnd(source: string, at: number): boolean {
  if (/^\s*$/.test(source.slice(at))) return true;
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const line = source.slice(lineStart, lineEndOffset(source, lineStart));
  return source.slice(lineStart, at).trim() === '' && /^[ \t]*(?:\[|[A-Za-z0-9_."'-]+[ \t]*=)/.test(line);
}

/** The innermost `[` or `{` of a value still open at `at` (table headers and strings skipped); -1 if none. */
function openBracketBefore(source: string, at: number): number {
  const open: number[] = [];
  let lineStart = true;
  for (let i = 0; i < at; i++) {
    const ch = source[i]!;
    if (ch === '\n') {
      lineStart = true;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    const atLineStart = lineStart;
    lineStart = false;
    if (ch === '#') i = lineEndOffset(source, i) - 1;
    else if (ch === '"' || ch === "'") i = stringEnd(source, i) - 1;
    else if (ch === '[' && atLineStart && open.length === 0) i = lineEndOffset(source, i) - 1; // a [table] header
    else if (ch === '[' || ch === '{') open.push(i);
    else if (ch === ']' || ch === '}') open.pop();
  }
  return open.length > 0 ? open[open.length - 1]! : -1;
}

/** The offset just past the string opening at `start` (basic, literal, or their multi-line forms). */
function stringEnd(source: string, start: number): number {
  const quote = source[start]!;
  const closer = source.startsWith(quote.repeat(3), start) ? quote.repeat(3) : quote;
  for (let i = start + closer.length; i < source.length; i++) {
    if (quote === '"' && source[i] === '\\') i++;
    else if (source.startsWith(closer, i)) return i + closer.length;
    else if (closer.length === 1 && source[i] === '\n') return i;
  }
  return source.length;
}
