import type { Check } from './context';

/** Syntax errors and duplicate keys, as the frontmatter parser found them. */
export const checkFrontmatterSyntax: Check = (context) => {
  const { post } = context;
  for (const problem of post.frontmatter?.problems ?? []) {
    const related = problem.related ? [{ file: post.path, range: post.lines.rangeOf(problem.related.start, problem.related.end), message: 'First defined here' }] : undefined;
    const fixes = problem.code === 'duplicate-key' ? [removeLinesFix(context, problem.range.start)] : [];
    context.report({ code: problem.code, severity: problem.severity, range: problem.range, message: problem.message, fixes: fixes.filter((fix) => fix !== undefined), ...(related ? { related } : {}) });
  }
};

/** Removes the whole entry that starts at `keyStart`, with its value lines, keeping other lines intact. */
function removeLinesFix(context: Parameters<Check>[0], keyStart: number) {
  const { post } = context;
  const field = post.frontmatter?.fields.find((candidate) => candidate.keyRange.start === keyStart);
  if (!field) return undefined;
  const startLine = post.lines.positionAt(field.range.start).line;
  const endLine = post.lines.positionAt(field.range.end).line;
  const next = [...(post.frontmatter?.fields ?? [])].find((candidate) => candidate.keyRange.start > field.keyRange.start);
  const nextLine = next ? post.lines.positionAt(next.keyRange.start).line : endLine + 1;
  const end = post.lines.lineStart(Math.max(nextLine, endLine + 1));
  return context.replaceFix(`Remove duplicate key "${field.key}"`, { start: post.lines.lineStart(startLine), end: Math.min(end, post.frontmatter!.contentRange.end) }, '', true);
}
