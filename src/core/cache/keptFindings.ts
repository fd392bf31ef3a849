import type { Finding } from '../checks/finding';
import type { SiteFileSystem } from '../host/fileSystem';
import { eachInSlices } from '../host/timeSlices';
import { statStillTells } from './racyStat';
import type { CheckOptions } from '../checks/runChecks';
import { checkedWith, type CheckCache } from './checkCache';

const concurrency = 64;

/**
 * The findings a cache kept for each post that had some and whose file still has the size and mtime recorded with them
 * (one stat each, nothing read): what the editor shows at once on a warm start, until the site is
 * loaded and every finding known again (`openWorkspace` with the cache). A post changed since shows
 * nothing meanwhile, never its old findings. A size and mtime tell nothing of a write in the seconds
 * before the recording run started (racyStat.ts `statStillTells`), nor on a file system without mtimes.
 */
export async function keptFindings(fs: SiteFileSystem, cache: CheckCache, run: { readonly options: CheckOptions; readonly version: string }): Promise<Map<string, readonly Finding[]>> {
  const kept = new Map<string, readonly Finding[]>();
  // Only posts with findings: a fresh start shows nothing for the others anyway (a few hundred stats, not ten thousand).
  // Nothing kept shows for a site whose dated post went live since (`validUntil`), nor one checked by
  // another version or with other options (severities): its findings may have changed.
  const now = Date.now();
  const current = checkedWith(run.options, run.version);
  const entries = Object.values(cache.sites).filter((site) => site.checkedWith === current && (site.validUntil === undefined || now < site.validUntil)).flatMap((site) => Object.entries(site.posts).filter(([, post]) => post.findings.length > 0).map(([path, post]) => ({ path, post, recordedAt: site.startedAt })));
  await eachInSlices(entries, concurrency, async ({ path, post, recordedAt }) => {
    const stat = await fs.stat(path);
    if (stat?.type === 'file' && stat.size === post.size && stat.mtime === post.mtime && statStillTells(post.mtime, recordedAt)) kept.set(path, post.findings);
  });
  return kept;
}
