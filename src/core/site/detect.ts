import { throwIfCancelled, type CancellationToken } from '../host/cancellation';
import type { SiteFileSystem } from '../host/fileSystem';
import { joinPath } from '../text/paths';
import { generators, plainMarkdown, type GeneratorProfile } from './generators';
import { siteSettingsFileName } from '../settings/siteSettings';
import { alwaysIgnored } from './walk';

export interface DetectedSite {
  readonly root: string;
  readonly profile: GeneratorProfile;
  readonly configFile: string | undefined;
}

/** Every file (or folder) name whose presence can make a folder a site: what an editor watches for a new site. */
export const siteMarkerNames: readonly string[] = [...generators.flatMap((generator) => generator.configFiles), siteSettingsFileName];

/** How deep below a workspace folder a monorepo may keep its sites (`packages/docs/site/`). */
const maxDepth = 3;

/**
 * The sites in a workspace folder, found by their config files (never by running them). A folder that
 * is a site is not searched further; one with no site inside is checked as plain Markdown.
 */
export async function detectSites(fs: SiteFileSystem, folder: string, token: CancellationToken): Promise<DetectedSite[]> {
  const found: DetectedSite[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    const entries = await fs.readDirectory(dir);
    throwIfCancelled(token);
    const names = new Set(entries.map((entry) => entry.name));
    for (const generator of generators) {
      const configFile = generator.detect(names);
      if (configFile) {
        found.push({ root: dir, profile: generator.profile(), configFile });
        return;
      }
    }
    if (depth >= maxDepth) return;
    const subfolders = entries.filter((entry) => entry.type === 'directory' && !alwaysIgnored.has(entry.name) && !entry.name.startsWith('.'));
    await Promise.all(subfolders.map((entry) => visit(joinPath(dir, entry.name), depth + 1)));
  };
  await visit(folder, 0);
  return found.length > 0 ? found.sort((a, b) => a.root.localeCompare(b.root)) : [{ root: folder, profile: plainMarkdown, configFile: undefined }];
}
