import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';

/** A Hugo release as [major, minor]. */
export type HugoVersion = readonly [number, number];

/**
 * The Hugo release the site says it builds with, where it says one, in the order of these places: `HUGO_VERSION` in
 * netlify.toml (Netlify's build image installs that release); a `.hugo-version` file (digital.gov's 0.133.1); the
 * `hugo-extended` npm package in package.json, whose version is Hugo's (vitess.io builds with `npx hugo` from
 * `"hugo-extended": "^0.96.0"`); `hugo-version:` or `HUGO_VERSION:` in a GitHub Actions workflow (peaceiris/actions-hugo).
 * Undefined when none names one.
 */
export async function statedHugoVersion(fs: SiteFileSystem, root: string): Promise<HugoVersion | undefined> {
  const stated = async (file: string, pattern: RegExp) => versionIn(pattern.exec((await readText(fs, joinPath(root, file))) ?? ''));
  const found =
    (await stated('netlify.toml', /\bHUGO_VERSION\s*=\s*["']v?(\d+)\.(\d+)/)) ??
    (await stated('.hugo-version', /^\s*v?(\d+)\.(\d+)/)) ??
    (await stated('package.json', /"hugo-extended"\s*:\s*"[\^~>=v\s]*(\d+)\.(\d+)/));
  if (found) return found;
  const workflows = joinPath(root, '.github', 'workflows');
  for (const entry of await fs.readDirectory(workflows).catch(() => [])) {
    if (entry.type !== 'file' || !/\.ya?ml$/.test(entry.name)) continue;
    const inWorkflow = await stated(joinPath('.github', 'workflows', entry.name), /\b(?:hugo-version|HUGO_VERSION)\s*:\s*["']?v?(\d+)\.(\d+)/);
    if (inWorkflow) return inWorkflow;
  }
  return undefined;
}

function versionIn(match: RegExpExecArray | null): HugoVersion | undefined {
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** Whether `version` is older than `major.minor`. */
export function isBefore(version: HugoVersion, major: number, minor: number): boolean {
  return version[0] < major || (version[0] === major && version[1] < minor);
}
