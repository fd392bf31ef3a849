// What checking links costs: Postcraft's whole-site check of the generated site against the same site
// written without links (same posts, images and tags), alternated run by run so load hits both alike.
import { join } from 'node:path';
import { generateSite, type GeneratedSite } from './generateSite';
import { runMeasured } from './measureProcess';
import { stats, type Stats } from './stats';
import { postcraft } from './tools/postcraft';
import { projectRoot } from './tools/tool';

export interface LinkCost {
  readonly posts: number;
  readonly withLinks: Stats;
  readonly withoutLinks: Stats;
}

export async function measureLinkCost(site: GeneratedSite, runs: number, timeoutMs: number): Promise<LinkCost> {
  const plain = generateSite(join(projectRoot, 'bench', '.sites', `hugo-${site.posts}-no-links`), site.posts, { links: false });
  const withLinks: number[] = [];
  const withoutLinks: number[] = [];
  for (let round = 0; round < runs; round++) {
    for (const [target, samples] of [[site, withLinks], [plain, withoutLinks]] as const) {
      const { args, cwd } = postcraft.command(target);
      samples.push((await runMeasured(process.execPath, args, cwd, timeoutMs)).ms);
    }
  }
  return { posts: site.posts, withLinks: stats(withLinks), withoutLinks: stats(withoutLinks) };
}
