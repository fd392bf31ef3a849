import type { SiteFileSystem } from '../host/fileSystem';
import { readText } from '../host/textFiles';
import { escapeRegExp } from '../text/regExp';
import { joinPath } from '../text/paths';

/** A release as [major, minor, patch]. */
export type Release = readonly [number, number, number];

/** The releases a project may build with: the one its lockfile pins, or any of one major that package.json allows. */
export type InstalledReleases = { readonly pinned: Release } | { readonly major: number };

/**
 * Which releases of the npm package `name` the project in `folder` builds with: the one its lockfile pins
 * (package-lock.json, yarn.lock, pnpm-lock.yaml), else the major that package.json's range stays in (`^1.0.0`,
 * `~1.2`, `1.x`). Undefined where neither names it, or the range may reach any major (`>=1`, `*`).
 */
export async function installedReleases(fs: SiteFileSystem, folder: string, name: string): Promise<InstalledReleases | undefined> {
  const pinned = await lockedRelease(fs, folder, name);
  if (pinned) return { pinned };
  const manifest = (await readText(fs, joinPath(folder, 'package.json'))) ?? '';
  const range = new RegExp(`"${escapeRegExp(name)}"\\s*:\\s*"([^"]*)"`).exec(manifest)?.[1];
  const major = range === undefined || !/^\s*[\^~]?v?\d/.test(range) || /\|\||>|<|\*|\s-\s/.test(range) ? undefined : /\d+/.exec(range)?.[0];
  return major === undefined ? undefined : { major: Number(major) };
}

/** Whether every release the project may build with comes before `release`. */
export function allBefore(releases: InstalledReleases, release: Release): boolean {
  if ('major' in releases) return releases.major < release[0];
  const [a, b] = [releases.pinned, release];
  return a[0] - b[0] < 0 || (a[0] === b[0] && (a[1] - b[1] < 0 || (a[1] === b[1] && a[2] < b[2])));
}

async function lockedRelease(fs: SiteFileSystem, folder: string, name: string): Promise<Release | undefined> {
  const quoted = escapeRegExp(name);
  const npm = (await readText(fs, joinPath(folder, 'package-lock.json'))) ?? '';
  const fromNpm = new RegExp(`"node_modules/${quoted}"\\s*:\\s*\\{[^{}]*?"version"\\s*:\\s*"(\\d+)\\.(\\d+)\\.(\\d+)`).exec(npm);
  if (fromNpm) return releaseIn(fromNpm);
  const yarn = (await readText(fs, joinPath(folder, 'yarn.lock'))) ?? '';
  const fromYarn = new RegExp(`^"?${quoted}@[^\\n]*:\\r?\\n\\s+version:?\\s+"?(\\d+)\\.(\\d+)\\.(\\d+)`, 'm').exec(yarn);
  if (fromYarn) return releaseIn(fromYarn);
  const pnpm = (await readText(fs, joinPath(folder, 'pnpm-lock.yaml'))) ?? '';
  return releaseIn(new RegExp(`^\\s+'?${quoted}'?:\\r?\\n\\s+specifier:[^\\n]*\\n\\s+version:\\s+(\\d+)\\.(\\d+)\\.(\\d+)`, 'm').exec(pnpm));
}

function releaseIn(match: RegExpExecArray | null): Release | undefined {
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}
