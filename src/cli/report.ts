import type { AppliedFix } from '../core/index';
import type { CheckedSite, Finding, Message } from '../core/results';

// What a check of the sites comes to, as plain data the formats print: from the checks (checkSite.ts)
// or from the last run's snapshot (cache.ts). Light: it loads none of the checks.

export interface SiteCheckReport {
  readonly root: string;
  readonly sites: readonly { readonly root: string; readonly generator: string; readonly posts: number; readonly problems: readonly Message[] }[];
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  /** 0 clean, 1 findings that fail the run. */
  readonly exitCode: 0 | 1;
  /** With `fix`: the posts the safe fixes change (`findings` are then those left), and the posts left alone. */
  readonly fixes?: FixPlan;
}

export interface FixPlan {
  readonly files: readonly FileFix[];
  readonly refused: readonly { readonly file: string; readonly reason: Message }[];
}

/** One post's safe fixes, applied to its text: what `--fix` writes and `--fix-dry-run` shows. */
export interface FileFix {
  readonly file: string;
  /** The bytes read: the file is written only while it still holds them. */
  readonly original: Uint8Array;
  readonly before: string;
  readonly after: string;
  /** `after` encoded as the file was (UTF-8, its byte-order mark kept). */
  readonly bytes: Uint8Array;
  readonly applied: readonly AppliedFix[];
}

/** The report of a run: findings in file order, the counts and the exit code. */
export function reportOf(root: string, sites: readonly CheckedSite[], unsorted: readonly Finding[], maxWarnings: number | undefined, fixes?: FixPlan): SiteCheckReport {
  const findings = [...unsorted].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  const failed = errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings);
  return {
    root,
    sites: sites.map((site) => ({ root: site.root, generator: site.generator, posts: site.posts, problems: site.configProblems })),
    findings,
    errors,
    warnings,
    exitCode: failed ? 1 : 0,
    ...(fixes ? { fixes } : {}),
  };
}
