import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';

/** A Hugo release as [major, minor]. */
export type HugoVersion = readonly [number, number];

/**
 * The Hugo release the site says it builds with, where it says one: `HUGO_VERSION` in netlify.toml (Netlify's
 * build image installs that release), else the `hugo-extended` npm package in package.json, whose version is
 * Hugo's (vitess.io builds with `npx hugo` from `"hugo-extended": "^0.96.0"`). Undefined when neither names one.
 */
export async function statedHugoVersion(fs: SiteFileSystem, root: string): Promise<HugoVersion | undefined> {
  const netlify = /\bHUGO_VERSION\s*=\s*["']v?(\d+)\.(\d+)/.exec((await readText(fs, joinPath(root, 'netlify.toml'))) ?? '');
  if (netlify) return [Number(netlify[1]), Number(netlify[2])];
  const npm = /"hugo-extended"\s*:\s*"[\^~>=v\s]*(\d+)\.(\d+)/.exec((await readText(fs, joinPath(root, 'package.json'))) ?? '');
  return npm ? [Number(npm[1]), Number(npm[2])] : undefined;
}

/** Whether `version` is older than `major.minor`. */
export function isBefore(version: HugoVersion, major: number, minor: number): boolean {
  return version[0] < major || (version[0] === major && version[1] < minor);
}
