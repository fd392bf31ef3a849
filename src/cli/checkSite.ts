import { createPostcraftService, defaultMaxPostBytes, msg, noCancellation, rewritableText, safeFixes, type AppliedFix, type CheckOptions, type Finding, type Message, type PostcraftService, type PostWorkers, type SiteFileSystem, type SiteSummary } from '../core/index';

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

/** Runs every check on every site in `root` and decides the exit code. No printing. */
export async function checkSites(fs: SiteFileSystem, root: string, options: CheckOptions & { maxWarnings?: number | undefined; fix?: boolean; postWorkers?: PostWorkers | undefined }, onProgress?: (done: number, total: number) => void): Promise<SiteCheckReport> {
  const service = createPostcraftService({ fs, checksAfterOpening: () => true, ...(options.postWorkers ? { postWorkers: options.postWorkers } : {}) });
  await service.openWorkspace([root]);
  const sites = service.siteSummaries();
  const total = sites.reduce((sum, site) => sum + service.checkedFileCount(site.root), 0);
  let doneBefore = 0;
  const findings: Finding[] = [];
  for (const site of sites) {
    const checked = await service.checkSiteAt(site.root, options, noCancellation, ({ done }) => onProgress?.(doneBefore + done, total));
    findings.push(...checked.findings);
    doneBefore += checked.checkedFiles.length;
  }
  const fixes = options.fix ? await planFixes(service, fs, findings, options) : undefined;
  if (fixes) {
    const fixed = new Set(fixes.plan.files.map((file) => file.file));
    findings.splice(0, findings.length, ...findings.filter((finding) => !fixed.has(finding.file)), ...fixes.remaining);
  }
  return reportOf(root, sites, findings, options.maxWarnings, fixes?.plan);
}

/** The report of a run: findings in file order, the counts and the exit code. */
export function reportOf(root: string, sites: readonly SiteSummary[], unsorted: readonly Finding[], maxWarnings: number | undefined, fixes?: FixPlan): SiteCheckReport {
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

/**
 * The safe fixes of every post that has one, applied to its text as read now (and checked again, see
 * PostcraftService.fixText); no file is written here. A post that cannot be written back exactly as it
 * was read (cut short, too large, binary, not UTF-8) is refused.
 */
async function planFixes(service: PostcraftService, fs: SiteFileSystem, findings: readonly Finding[], options: CheckOptions): Promise<{ plan: FixPlan; remaining: Finding[] }> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const files: FileFix[] = [];
  const refused: { file: string; reason: Message }[] = [];
  const remaining: Finding[] = [];
  for (const [file, own] of byFile) {
    if (safeFixes(own, file).length === 0) continue;
    const stat = await fs.stat(file);
    const original = await fs.readFile(file, defaultMaxPostBytes);
    const decoded = original ? rewritableText(original, stat?.size) : { refused: msg('the file could not be read') };
    if ('refused' in decoded) {
      refused.push({ file, reason: decoded.refused });
      continue;
    }
    const result = service.fixText(file, decoded.text, options);
    if (result.text === decoded.text) continue;
    files.push({ file, original: original!, before: decoded.text, after: result.text, bytes: decoded.encode(result.text), applied: result.applied });
    remaining.push(...result.remaining);
  }
  const byPath = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return { plan: { files: files.sort(byPath), refused: refused.sort(byPath) }, remaining };
}
