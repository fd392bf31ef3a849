import { createPostcraftService, noCancellation, type CheckOptions, type Finding, type SiteFileSystem, type SiteSummary } from '../core/index';

export interface SiteCheckReport {
  readonly root: string;
  readonly sites: readonly { readonly root: string; readonly generator: string; readonly posts: number; readonly problems: readonly string[] }[];
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  /** 0 clean, 1 findings that fail the run. */
  readonly exitCode: 0 | 1;
}

/** Runs every check on every site in `root` and decides the exit code. No printing. */
export async function checkSites(fs: SiteFileSystem, root: string, options: CheckOptions & { maxWarnings?: number | undefined }, onProgress?: (done: number, total: number) => void): Promise<SiteCheckReport> {
  const service = createPostcraftService({ fs, checksAfterOpening: () => true });
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
  return reportOf(root, sites, findings, options.maxWarnings);
}

/** The report of a run: findings in file order, the counts and the exit code. */
export function reportOf(root: string, sites: readonly SiteSummary[], unsorted: readonly Finding[], maxWarnings: number | undefined): SiteCheckReport {
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
  };
}
