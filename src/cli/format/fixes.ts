import { createTwoFilesPatch } from 'diff';
import { english, formatMessage, msg, relativePath, type Message, type Translate } from '../../core/results';
import type { FixPlan } from '../report';

/** The planned fixes as one unified diff (`--fix-dry-run`), with `a/` and `b/` paths from the checked folder, as `git diff` writes. */
export function formatFixDiff(root: string, plan: FixPlan): string {
  return plan.files
    .map((fix) => {
      const file = relativePath(root, fix.file);
      const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, fix.before, fix.after, undefined, undefined, { context: 3 });
      return patch.replace(/^=+\n/, ''); // jsdiff's separator line: no part of a unified diff
    })
    .join('');
}

/**
 * What the fixes changed (or, in a dry run, would change), post by post, and the posts left alone. `left`:
 * the findings still there, for the last line. In the language of `translate`.
 */
export function formatFixSummary(root: string, plan: FixPlan, written: ReadonlySet<string>, dryRun: boolean, left: number, translate: Translate = english): string {
  const t = (message: Message) => formatMessage(message, translate);
  const lines: string[] = [];
  let problems = 0;
  for (const fix of plan.files) {
    if (!dryRun && !written.has(fix.file)) continue;
    problems += fix.applied.length;
    const codes = [...new Set(fix.applied.map((applied) => applied.code))].join(', ');
    const count = problemCount(fix.applied.length);
    lines.push(t(dryRun ? msg('Would fix {0}: {1} ({2})', relativePath(root, fix.file), count, codes) : msg('Fixed {0}: {1} ({2})', relativePath(root, fix.file), count, codes)));
  }
  for (const { file, reason } of plan.refused) lines.push(t(msg('Not fixed {0}: {1}', relativePath(root, file), reason)));
  const files = dryRun ? plan.files.length : written.size;
  const fileCount = files === 1 ? msg('{0} file', files) : msg('{0} files', files);
  const leftCount = left === 1 ? msg('{0} finding left', left) : msg('{0} findings left', left);
  // The verb agrees with the number of problems in some languages: a sentence for each plural form.
  const total = dryRun
    ? problems === 1 ? msg('Would fix {0} problem in {1}; {2}.', problems, fileCount, leftCount) : msg('Would fix {0} problems in {1}; {2}.', problems, fileCount, leftCount)
    : problems === 1 ? msg('Fixed {0} problem in {1}; {2}.', problems, fileCount, leftCount) : msg('Fixed {0} problems in {1}; {2}.', problems, fileCount, leftCount);
  lines.push(t(total));
  return `${lines.join('\n')}\n`;
}

function problemCount(n: number): Message {
  return n === 1 ? msg('{0} problem', n) : msg('{0} problems', n);
}
