import type { Finding, Fix } from '../checks/finding';
import type { OffsetEdit } from './frontmatterEdits';
import { LineIndex, type Position, type Range } from '../text/lineIndex';

// Fix all (`postcraft check --fix`, `source.fixAll.postcraft` on save, "Fix all … in this file"): the
// fixes a writer can take without reading them, as ESLint's --fix takes a rule's one fix.

/** ESLint's limit: a fix that keeps making new fixable findings stops here. */
export const maxFixPasses = 10;

/**
 * A finding's one safe fix: the only fix it marks preferred, editing only `file`, creating no file, and
 * changing something. A finding with two preferred fixes (or none) is a choice for the writer.
 */
export function safeFixOf(finding: Finding, file: string = finding.file): Fix | undefined {
  const preferred = finding.fixes.filter((fix) => fix.isPreferred === true);
  if (preferred.length !== 1) return undefined;
  const fix = preferred[0]!;
  if (fix.createFile || fix.edits.some((edit) => edit.file !== file)) return undefined;
  if (fix.edits.every((edit) => edit.newText === '' && same(edit.range.start, edit.range.end))) return undefined; // changes nothing
  return fix;
}

/**
 * The safe fixes of `findings` in `file`, in order, leaving out each that overlaps (or inserts at the same
 * point as) one taken before: applied together they cannot step on each other. What is left out is
 * fixed on a later pass, against the text the earlier fixes made.
 */
export function safeFixes(findings: readonly Finding[], file: string): { readonly fix: Fix; readonly finding: Finding }[] {
  const taken: { fix: Fix; finding: Finding }[] = [];
  const claimed: Range[] = [];
  for (const finding of findings) {
    if (finding.file !== file) continue;
    const fix = safeFixOf(finding, file);
    if (!fix) continue;
    const ranges = fix.edits.map((edit) => edit.range);
    if (ranges.some((range, i) => ranges.some((other, j) => i !== j && overlaps(range, other)) || claimed.some((other) => overlaps(range, other)))) continue;
    claimed.push(...ranges);
    taken.push({ fix, finding });
  }
  return taken;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
const same = (a: Position, b: Position) => a.line === b.line && a.character === b.character;

/** Two edits conflict when their ranges share a character, or both insert at one point (whose text would go first?). */
function overlaps(a: Range, b: Range): boolean {
  const inside = (point: Position, range: Range) => before(range.start, point) && before(point, range.end);
  const aInserts = same(a.start, a.end);
  const bInserts = same(b.start, b.end);
  if (aInserts && bInserts) return same(a.start, b.start);
  if (aInserts) return inside(a.start, b);
  if (bInserts) return inside(b.start, a);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** The text with non-overlapping edits applied (offsets into `text`). */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    result += text.slice(at, edit.range.start) + edit.newText;
    at = edit.range.end;
  }
  return result + text.slice(at);
}

/**
 * Folds `later` (edits to the text `earlier` made) into `earlier` (edits to the original), so that the result
 * applied to the original gives the same text. Sorted, non-overlapping; an edit of the later text that
 * meets an earlier one merges with it. Text no edit touched stays out of every edit.
 */
export function composeEdits(original: string, earlier: readonly OffsetEdit[], later: readonly OffsetEdit[]): OffsetEdit[] {
  let composed = [...earlier].sort((a, b) => a.range.start - b.range.start);
  // Applied one by one from the end of the text, each later edit sees the offsets it was made for.
  // At one start, the longer edit first: an insertion there then goes before its text.
  for (const edit of [...later].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end)) composed = composeOne(original, composed, edit);
  return composed;
}

function composeOne(original: string, composed: readonly OffsetEdit[], edit: OffsetEdit): OffsetEdit[] {
  // Where each composed edit stands in the current text (the original with `composed` applied).
  let shift = 0;
  const placed = composed.map((each) => {
    const start = each.range.start + shift;
    shift += each.newText.length - (each.range.end - each.range.start);
    return { each, start, end: start + each.newText.length };
  });
  const toOriginal = (offset: number) => {
    let delta = 0;
    for (const { each, end } of placed) {
      if (end > offset) break;
      delta = end - each.range.end;
    }
    return offset - delta;
  };
  const meeting = placed.filter(({ start, end }) => start <= edit.range.end && edit.range.start <= end);
  if (meeting.length === 0) {
    const start = toOriginal(edit.range.start);
    const merged = { range: { start, end: start + (edit.range.end - edit.range.start) }, newText: edit.newText };
    return [...composed, merged].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  }
  const first = meeting[0]!;
  const last = meeting[meeting.length - 1]!;
  const current = (from: number, to: number) => currentText(original, placed, from, to);
  const start = Math.min(first.start, edit.range.start);
  const end = Math.max(last.end, edit.range.end);
  const originalStart = edit.range.start < first.start ? toOriginal(edit.range.start) : first.each.range.start;
  const originalEnd = edit.range.end > last.end ? last.each.range.end + (edit.range.end - last.end) : last.each.range.end;
  const merged = { range: { start: originalStart, end: originalEnd }, newText: current(start, edit.range.start) + edit.newText + current(edit.range.end, end) };
  return [...composed.filter((each) => !meeting.some((m) => m.each === each)), merged].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** A slice [from, to) of the current text, built from the original and the placed edits. */
function currentText(original: string, placed: readonly { each: OffsetEdit; start: number; end: number }[], from: number, to: number): string {
  let text = '';
  let originalAt = 0;
  let currentAt = 0;
  const take = (piece: string) => {
    const pieceStart = currentAt;
    const pieceEnd = currentAt + piece.length;
    if (pieceEnd > from && pieceStart < to) text += piece.slice(Math.max(0, from - pieceStart), Math.min(piece.length, to - pieceStart));
    currentAt = pieceEnd;
  };
  for (const { each } of placed) {
    take(original.slice(originalAt, each.range.start));
    take(each.newText);
    originalAt = each.range.end;
  }
  take(original.slice(originalAt));
  return text;
}

export interface AppliedFix {
  readonly code: Finding['code'];
  readonly title: string;
  /** Where the finding was, in the text of the pass that fixed it. */
  readonly range: Finding['range'];
}

export interface FixAllResult {
  /** The text with every safe fix applied. */
  readonly text: string;
  /** Edits of the original text that give `text`: minimal, sorted, non-overlapping. */
  readonly edits: readonly OffsetEdit[];
  readonly applied: readonly AppliedFix[];
  /** The findings of the fixed text. */
  readonly remaining: readonly Finding[];
  readonly passes: number;
}

/**
 * Applies the safe fixes of a post's findings, checks the result again and repeats while fixes remain, at
 * most `maxFixPasses` times. `check` gives the findings of a text of the post at `file`.
 */
export function fixAll(file: string, original: string, check: (text: string) => readonly Finding[]): FixAllResult {
  let text = original;
  let edits: OffsetEdit[] = [];
  const applied: AppliedFix[] = [];
  let findings = check(text);
  let passes = 0;
  while (passes < maxFixPasses) {
    const fixes = safeFixes(findings, file);
    if (fixes.length === 0) break;
    passes++;
    const lines = new LineIndex(text);
    const pass = fixes.flatMap(({ fix }) => fix.edits.map((edit) => ({ range: { start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end) }, newText: edit.newText })));
    const next = applyOffsetEdits(text, pass);
    if (next === text) break; // fixes that change nothing would loop
    edits = composeEdits(original, edits, pass);
    for (const { fix, finding } of fixes) applied.push({ code: finding.code, title: fix.title, range: finding.range });
    text = next;
    findings = check(text);
  }
  return { text, edits: edits.filter((edit) => edit.range.start !== edit.range.end || edit.newText !== ''), applied, remaining: findings, passes };
}
