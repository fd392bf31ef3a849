import { createPostcraftService, defaultMaxPostBytes, msg, noCancellation, rewritableText, safeFixes, type CheckOptions, type Finding, type Message, type PostcraftService, type PostWorkers, type SiteFileSystem } from '../core/index';
import { reportOf, type FileFix, type FixPlan, type SiteCheckReport } from './report';

export { reportOf, type FileFix, type FixPlan, type SiteCheckReport } from './report';

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
