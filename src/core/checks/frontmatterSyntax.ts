import type { Check } from './context';
import { described, msg } from '../l10n/message';

/** Syntax errors and duplicate keys, as the frontmatter parser found them, with the fixes it knows. */
export const checkFrontmatterSyntax: Check = (context) => {
  const { post } = context;
  // Top-level fields by where their key starts: one lookup per duplicate, not a scan (10k duplicates).
  const fieldIndex = new Map((post.frontmatter?.fields ?? []).map((field, index) => [field.keyRange.start, index]));
  for (const problem of post.frontmatter?.problems ?? []) {
    const related = problem.related ? [{ file: post.path, range: post.lines.rangeOf(problem.related.start, problem.related.end), ...described(msg('First defined here')) }] : undefined;
    const index = problem.code === 'duplicate-key' ? fieldIndex.get(problem.range.start) : undefined;
    const fixes = problem.fix ? [context.replaceFix(problem.fix.title, problem.fix.range, problem.fix.newText, true)] : index === undefined ? [] : [removeFieldFix(context, index)];
    context.report({ code: problem.code, severity: problem.severity, range: problem.range, message: problem.l10n ?? problem.message, fixes, ...(related ? { related } : {}) });
  }
};

/**
 * Removes the top-level entry `index` with its value. An entry alone on its lines goes with its whole
 * lines; one sharing a line (JSON, a flow mapping) goes with the separator before the next entry, or
 * after the previous one, so that the rest of the line and the syntax around it stay intact.
 */
function removeFieldFix(context: Parameters<Check>[0], index: number) {
  const { post } = context;
  const frontmatter = post.frontmatter!;
  const fields = frontmatter.fields;
  const field = fields[index]!;
  const previous = fields[index - 1];
  const next = fields[index + 1];
  const title = msg('Remove duplicate key "{0}"', field.key);
  const startLine = post.lines.positionAt(field.range.start).line;
  const endLine = post.lines.positionAt(field.range.end).line;
  const lineStart = post.lines.lineStart(startLine);
  const sharesLine =
    frontmatter.format === 'json' ||
    post.text.slice(lineStart, field.range.start).trim() !== '' ||
    (previous !== undefined && post.lines.positionAt(previous.range.end).line === startLine) ||
    (next !== undefined && post.lines.positionAt(next.keyRange.start).line === endLine);
  if (sharesLine) {
    if (next) return context.replaceFix(title, { start: field.range.start, end: next.keyRange.start }, '', true);
    return context.replaceFix(title, { start: previous?.range.end ?? field.range.start, end: field.range.end }, '', true);
  }
  const nextLine = next ? post.lines.positionAt(next.keyRange.start).line : endLine + 1;
  const end = post.lines.lineStart(Math.max(nextLine, endLine + 1));
  return context.replaceFix(title, { start: lineStart, end: Math.min(end, frontmatter.contentRange.end) }, '', true);
}
