// The peers the benchmark measures Postcraft against are a package of their own, bench/peers/, installed there on
// demand: the project's own install (`npm start`, `npm test`) needs none of them, and some want a newer Node than
// the project names. Their versions are pinned by bench/peers/package-lock.json.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { installedMatchesLockfile } from '../../scripts/ensureDependencies.mjs';
import { projectRoot } from './tool';

export const peersDir = join(projectRoot, 'bench', 'peers');

interface LockedPackage {
  readonly version?: string;
  readonly engines?: { readonly node?: string };
  readonly dependencies?: Record<string, string>;
}

/** A file of an installed peer package, e.g. its CLI. */
export function peerFile(name: string, ...path: readonly string[]): string {
  return join(peersDir, 'node_modules', name, ...path);
}

export function peerVersion(name: string): string {
  return (JSON.parse(readFileSync(peerFile(name, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The lowest Node version an `engines.node` range accepts, as [major, minor, patch]: the smallest lower bound of its
 * `||` alternatives (`>=22`, `^20.9.0`, `18 || 20 || >=22`). Upper bounds are ignored: only "wants a newer Node" matters.
 */
export function lowestNodeAccepted(range: string): [number, number, number] | undefined {
  const bounds = range.split('||').map((alternative) => /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(alternative)).filter((match) => match !== null);
  const versions = bounds.map((match): [number, number, number] => [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)]);
  return versions.sort(compareVersions)[0];
}

export function compareVersions(a: readonly number[], b: readonly number[]): number {
  return (a[0]! - b[0]!) || (a[1]! - b[1]!) || (a[2]! - b[2]!);
}

/** `name version (Node range)` for each package of a lockfile that wants a newer Node than `nodeVersion`. */
export function wantingNewerNode(packages: Record<string, LockedPackage>, nodeVersion: string): string[] {
  const current = nodeVersion.replace(/^v/, '').split('.').map(Number);
  return Object.entries(packages).flatMap(([path, entry]) => {
    const range = entry.engines?.node;
    const lowest = range === undefined ? undefined : lowestNodeAccepted(range);
    return lowest && compareVersions(lowest, current) > 0 ? [`${path.replace(/^.*node_modules\//, '')} ${entry.version} (Node ${range})`] : [];
  });
}

function lockedPackages(): Record<string, LockedPackage> {
  return (JSON.parse(readFileSync(join(peersDir, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> }).packages;
}

/** The peers' packages that want a newer Node than this one. */
export function lockedPeersWantingNewerNode(): string[] {
  return wantingNewerNode(lockedPackages(), process.version);
}

/** Installs the peers into bench/peers/node_modules with `npm ci` unless they are there at their locked versions. */
export function ensurePeers(): void {
  if (installedMatchesLockfile(peersDir)) return;
  const locked = lockedPackages();
  const peers = Object.keys(locked['']?.dependencies ?? {}).map((name) => `${name} ${locked[`node_modules/${name}`]?.version}`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`Installing the benchmark's peers into bench/peers/node_modules (npm ci, pinned by bench/peers/package-lock.json): ${peers.join(', ')}.`);
  const newer = lockedPeersWantingNewerNode();
  if (newer.length > 0) {
    log(`Some declare a newer Node than this one, ${process.version}: ${newer.join(', ')}. They run on it all the same, and are measured on it; npm's EBADENGINE warnings below say the same.`);
  }
  // Its output on stderr, with the bench's progress: stdout carries the report.
  const result = spawnSync('npm', ['ci', '--prefix', relative(projectRoot, peersDir), '--no-audit', '--no-fund'], { cwd: projectRoot, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`npm ci --prefix bench/peers failed with exit code ${result.status ?? result.signal}`);
}
