/**
 * What every answer of the core must satisfy, checked against the text itself (line breaks counted
 * here, not by the core's own line index): ranges inside the document, edits that apply cleanly.
 */
import type { Finding, TextEdit } from '../../src/core/index';
import type { Position, Range } from '../../src/core/text/lineIndex';
import { isInside, normalizePath } from '../../src/core/text/paths';

/** Start offset and length (without its line break) of each line, as VS Code splits them: CRLF, CR or LF. */
export function linesOf(text: string): { start: number; length: number }[] {
  const lines: { start: number; length: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(/\r\n|\r|\n/g)) {
    lines.push({ start, length: match.index - start });
    start = match.index + match[0].length;
  }
  lines.push({ start, length: text.length - start });
  return lines;
}

export class InvariantError extends Error {}

function fail(message: string): never {
  throw new InvariantError(message);
}

export function offsetOf(lines: ReturnType<typeof linesOf>, position: Position, what: string): number {
  const line = lines[position.line];
  if (!Number.isInteger(position.line) || !Number.isInteger(position.character) || !line || position.character < 0 || position.character > line.length) {
    fail(`${what}: position ${position.line}:${position.character} is outside the document (${lines.length} lines${line ? `, line ${position.line} has ${line.length} characters` : ''})`);
  }
  return line.start + position.character;
}

/** The range as offsets; fails unless both ends are inside the text and start ≤ end. */
export function rangeOffsets(lines: ReturnType<typeof linesOf>, range: Range, what: string): { start: number; end: number } {
  const start = offsetOf(lines, range.start, `${what} start`);
  const end = offsetOf(lines, range.end, `${what} end`);
  if (start > end) fail(`${what}: range ends before it starts (${JSON.stringify(range)})`);
  return { start, end };
}

/** Applies edits given as line/character ranges (non-overlapping), last first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = linesOf(text);
  const spans = edits.map((edit) => ({ ...rangeOffsets(lines, edit.range, 'edit'), newText: edit.newText })).sort((a, b) => b.start - a.start);
  for (let i = 1; i < spans.length; i++) if (spans[i]!.end > spans[i - 1]!.start) fail('edits of one fix overlap');
  let out = text;
  for (const span of spans) out = out.slice(0, span.start) + span.newText + out.slice(span.end);
  return out;
}

/**
 * Every finding of `path`: its range, its related ranges and its fixes' edits inside `text`, edits only
 * to this file, and files a fix would create inside the site (never `../` out of it).
 */
export function assertFindingsInside(text: string, path: string, siteRoot: string, findings: readonly Finding[]): void {
  const lines = linesOf(text);
  for (const finding of findings) {
    const what = `${finding.code} "${finding.message.slice(0, 80)}"`;
    if (finding.file !== path) fail(`${what}: reported for ${finding.file}, not ${path}`);
    rangeOffsets(lines, finding.range, what);
    for (const related of finding.related ?? []) {
      if (related.file === path) rangeOffsets(lines, related.range, `${what} related`);
    }
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) {
        if (edit.file !== path) fail(`${what}: fix "${fix.title}" edits another file, ${edit.file}`);
        rangeOffsets(lines, edit.range, `${what} fix "${fix.title}"`);
      }
      if (fix.createFile && (!isInside(siteRoot, fix.createFile.path) || normalizePath(fix.createFile.path) !== fix.createFile.path)) {
        fail(`${what}: fix "${fix.title}" would create ${fix.createFile.path}, outside the site ${siteRoot}`);
      }
    }
  }
}

export function assertInsideSite(siteRoot: string, file: string, what: string): void {
  if (!isInside(siteRoot, file) || normalizePath(file) !== file) fail(`${what}: ${file} is outside the site ${siteRoot}`);
}

export function assertRangeInside(text: string, range: Range, what: string): void {
  rangeOffsets(linesOf(text), range, what);
}

export function assertWithin(ms: number, bound: number, what: string): void {
  if (ms > bound) fail(`${what} took ${ms.toFixed(0)} ms, over the ${bound} ms bound`);
}

export { fail };
