import assert from 'node:assert/strict';
import { createPostcraftService } from '../../../src/core/index';
import type { GeneratorId } from '../../../src/core/site/model';
import type { Site } from '../../../src/core/site/site';

/** Opens the site at `root` and checks that it was detected as `generator`'s. */
export async function openSite(fs: Parameters<typeof createPostcraftService>[0]['fs'], root: string, generator: GeneratorId): Promise<Site> {
  const [site] = await createPostcraftService({ fs }).openWorkspace([root]);
  assert.equal(site?.profile.id, generator);
  return site!;
}

/** Each post's URL, by its path below the site root. */
export function routesOf(site: Site): Record<string, string | undefined> {
  return Object.fromEntries([...site.posts].map(([path, post]) => [path.slice(site.root.length + 1), post.route?.url]).sort(([a], [b]) => a!.localeCompare(b!)));
}
