import { createTwoFilesPatch } from 'diff';
import { relativePath } from '../../core/index';
import type { FixPlan } from '../checkSite';

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
 * the findings still there, for the last line.
 */
export function formatFixSummary(root: string, plan: FixPlan, written: ReadonlySet<string>, dryRun: boolean, left: number): string {
  const lines: string[] = [];
  let problems = 0;
  for (const fix of plan.files) {
    if (!dryRun && !written.has(fix.file)) continue;
    problems += fix.applied.length;
    const codes = [...new Set(fix.applied.map((applied) => applied.code))].join(', ');
    lines.push(`${dryRun ? 'Would fix' : 'Fixed'} ${relativePath(root, fix.file)}: ${count(fix.applied.length, 'problem')} (${codes})`);
  }
  for (const { file, reason } of plan.refused) lines.push(`Not fixed ${relativePath(root, file)}: ${reason}`);
  const files = dryRun ? plan.files.length : written.size;
  lines.push(`${dryRun ? 'Would fix' : 'Fixed'} ${count(problems, 'problem')} in ${count(files, 'file')}; ${count(left, 'finding')} left.`);
  return `${lines.join('\n')}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
