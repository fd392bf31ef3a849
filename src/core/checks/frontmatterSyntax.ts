import type { Check, CheckContext } from './context';
import type { Field, OffsetRange } from '../frontmatter/model';
import { described, msg, type Message } from '../l10n/message';
import type { Severity } from './finding';

/** Syntax errors and duplicate keys, as the frontmatter parser found them, with the fixes it knows. */
export const checkFrontmatterSyntax: Check = (context) => {
  const { post } = context;
  // Top-level fields by where their key starts: one lookup per duplicate, not a scan (10k duplicates).
  const fieldIndex = new Map((post.frontmatter?.fields ?? []).map((field, index) => [field.keyRange.start, index]));
  for (const problem of post.frontmatter?.problems ?? []) {
    const related = problem.related ? [{ file: post.path, range: post.lines.rangeOf(problem.related.start, problem.related.end), ...described(msg('First defined here')) }] : undefined;
    const index = problem.code === 'duplicate-key' ? fieldIndex.get(problem.range.start) : undefined;
    const told = index === undefined ? undefined : duplicateAsTheGeneratorReadsIt(context, index, problem.related?.start);
    // Where the generator keeps the last value, every earlier one goes: the site stays as it is built now.
    const removed = index === undefined ? [] : told?.keepsLast ? earlierRepeats(post.frontmatter!.fields, index) : [index];
    const fixes = problem.fix ? [context.replaceFix(problem.fix.title, problem.fix.range, problem.fix.newText, true)] : removed.length === 0 ? [] : [removeFieldsFix(context, removed)];
    context.report({ code: problem.code, severity: told?.severity ?? problem.severity, range: problem.range, message: told?.message ?? problem.l10n ?? problem.message, fixes, ...(related ? { related } : {}) });
  }
};

/** A key repeated in YAML as the site's generator takes it (`repeatedYamlKey`). (A TOML repeat is a syntax error already.) */
function duplicateAsTheGeneratorReadsIt(context: CheckContext, index: number, firstKeyStart: number | undefined): { severity: Severity; message: Message; keepsLast?: true } | undefined {
  const { post, site } = context;
  const frontmatter = post.frontmatter!;
  const reading = site.profile.frontmatter.repeatedYamlKey;
  if (frontmatter.format !== 'yaml' || reading === undefined) return undefined;
  const field = frontmatter.fields[index]!;
  const name = site.profile.displayName;
  if (reading === 'stops the build') return { severity: 'error', message: msg('Duplicate key "{0}": {1} stops the build on it.', field.key, name) };
  const first = frontmatter.fields.find((other) => other.keyRange.start === firstKeyStart);
  if (!first) return undefined;
  const valueText = (of: typeof field) => (of.value ? post.text.slice(of.value.range.start, of.value.range.end).trim() : '');
  // A repeat of the same value changes nothing on such a site.
  if (valueText(first) === valueText(field)) return { severity: 'info', message: msg('Duplicate key "{0}", with the same value: {1} reads it as if written once.', field.key, name) };
  if (reading === 'keeps the last') return { severity: 'warning', message: msg('Duplicate key "{0}": {1} keeps only the last value.', field.key, name), keepsLast: true };
  return undefined;
}

/** The indexes of the top-level fields before `index` with its key. */
function earlierRepeats(fields: readonly Field[], index: number): number[] {
  const key = fields[index]!.key;
  return fields.flatMap((field, at) => (at < index && field.key === key ? [at] : []));
}

/** One fix removing the top-level entries `indexes` (all of one key), so that a single undo brings them back. */
function removeFieldsFix(context: CheckContext, indexes: readonly number[]) {
  const { post } = context;
  const fix = context.replaceFix(msg('Remove duplicate key "{0}"', post.frontmatter!.fields[indexes[0]!]!.key), fieldRange(context, indexes[0]!), '', true);
  if (indexes.length === 1) return fix;
  const edits = indexes.map((index) => {
    const range = fieldRange(context, index);
    return { file: post.path, range: post.lines.rangeOf(range.start, range.end), newText: '' };
  });
  return { ...fix, edits };
}

/**
 * The text removing the top-level entry `index` with its value. An entry alone on its lines goes with
 * its whole lines; one sharing a line (JSON, a flow mapping) goes with the separator before the next
 * entry, or after the previous one, so that the rest of the line and the syntax around it stay intact.
 */
function fieldRange(context: CheckContext, index: number): OffsetRange {
  const { post } = context;
  const frontmatter = post.frontmatter!;
  const fields = frontmatter.fields;
  const field = fields[index]!;
  const previous = fields[index - 1];
  const next = fields[index + 1];
  const startLine = post.lines.positionAt(field.range.start).line;
  const endLine = post.lines.positionAt(field.range.end).line;
  const lineStart = post.lines.lineStart(startLine);
  const sharesLine =
    frontmatter.format === 'json' ||
    post.text.slice(lineStart, field.range.start).trim() !== '' ||
    (previous !== undefined && post.lines.positionAt(previous.range.end).line === startLine) ||
    (next !== undefined && post.lines.positionAt(next.keyRange.start).line === endLine);
  if (sharesLine) {
    if (next) return { start: field.range.start, end: next.keyRange.start };
    return { start: previous?.range.end ?? field.range.start, end: field.range.end };
  }
  const nextLine = next ? post.lines.positionAt(next.keyRange.start).line : endLine + 1;
  const end = post.lines.lineStart(Math.max(nextLine, endLine + 1));
  return { start: lineStart, end: Math.min(end, frontmatter.contentRange.end) };
}
