import { throwIfCancelled, type CancellationToken } from '../host/cancellation';
import type { SiteFileSystem } from '../host/fileSystem';
import { confinedFileSystem } from '../host/confinedFileSystem';
import { dirname, isInside, joinPath, relativePath } from '../text/paths';
import { generators, plainMarkdown, type GeneratorProfile } from './generators';
import { siteSettingsFileName } from '../settings/siteSettings';
import { alwaysIgnored } from './walk';
import { packageScripts } from './packageScripts';

export interface DetectedSite {
  readonly root: string;
  readonly profile: GeneratorProfile;
  readonly configFile: string | undefined;
}

/** Every file (or folder) name whose presence can make a folder a site: what an editor watches for a new site. */
export const siteMarkerNames: readonly string[] = [...generators.flatMap((generator) => [...generator.configFiles, ...(generator.markerFolders ?? [])]), siteSettingsFileName];

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
    const byScripts = names.has('package.json') ? await configNamedByScripts(fs, dir) : undefined;
    if (byScripts) {
      found.push(byScripts);
      return;
    }
    const configless = generators.find((generator) => generator.markerFolders?.some((name) => names.has(name)));
    if (configless) {
      found.push({ root: dir, profile: configless.profile(), configFile: undefined });
      return;
    }
    if (depth >= maxDepth) return;
    const subfolders = entries.filter((entry) => entry.type === 'directory' && !alwaysIgnored.has(entry.name) && !entry.name.startsWith('.'));
    await Promise.all(subfolders.map((entry) => visit(joinPath(dir, entry.name), depth + 1)));
  };
  await visit(folder, 0);
  if (found.length === 0) return [{ root: folder, profile: plainMarkdown, configFile: undefined }];
  const sites = await Promise.all(found.map((site) => withContentBeyondRoot(fs, folder, site)));
  return sites.sort((a, b) => a.root.localeCompare(b.root));
}

/** The site whose config only the folder's package.json scripts name, if that config is a file in the folder. */
async function configNamedByScripts(fs: SiteFileSystem, dir: string): Promise<DetectedSite | undefined> {
  const scripts = await packageScripts(fs, dir);
  for (const generator of generators) {
    const named = generator.configFromScripts?.(scripts);
    if (named === undefined) continue;
    const file = joinPath(dir, named);
    if (isInside(dir, file) && (await fs.stat(file))?.type === 'file') return { root: dir, profile: generator.profile(), configFile: relativePath(dir, file) };
  }
  return undefined;
}

/**
 * The site read from the folder that holds both its config and the content folders it names outside the config's
 * folder (Redux's website/docusaurus.config.ts reads ../docs): the nearest such folder within the workspace
 * `folder`. Content outside the workspace stays unread, as does a folder that does not exist.
 */
async function withContentBeyondRoot(fs: SiteFileSystem, folder: string, site: DetectedSite): Promise<DetectedSite> {
  // Read as the site's own loader reads it, confined to the config's folder: only the folders' names leave it.
  const beyond = (await site.profile.contentBeyondRoot?.(confinedFileSystem(fs, site.root), site.root, site.configFile)) ?? [];
  let root = site.root;
  for (const dir of beyond) {
    if (!isInside(folder, dir) || (await fs.stat(dir))?.type !== 'directory') continue;
    while (!isInside(root, dir)) root = dirname(root);
  }
  if (root === site.root) return site;
  return { ...site, root, configFile: site.configFile === undefined ? undefined : relativePath(root, joinPath(site.root, site.configFile)) };
}
