import type { Finding } from '../checks/finding';
import type { DirectoryEntry, FileStat, SiteFileSystem } from '../host/fileSystem';
import { basename, dirname, normalizePath } from '../text/paths';
import type { CheckedSite } from './checkCache';
import type { RunFileSystem } from './runFileSystem';
import { textHasher } from './hash';
import { statStillTells } from './racyStat';

/**
 * The CLI's `--cache` fast path for a re-run where nothing changed: the last run's whole report, kept
 * with every input it read. The run's reads go through `recordingFileSystem`; the snapshot lists the
 * folders it listed and the paths it read outside them, and a digest of what a replay of those reads
 * sees now (each folder's entries, and the size and mtime of each file the run read in it). A re-run replays them
 * (listing and stat, no read) and, when the digest is the same, the report is the last one: no parse,
 * no site model. Anything else (a file edited, added or removed anywhere the run looked, the options,
 * Postcraft's version, a dated post going live) falls back to the per-post cache (checkCache.ts).
 *
 * Sizes and mtimes tell a file unchanged, as ESLint's cache does by default. A file modified within
 * `racyMs` (racyStat.ts) before the run started (or during it) could change again within its mtime's resolution
 * unseen: such a run keeps no snapshot.
 */
export const runSnapshotFormat = 'postcraft-run-snapshot';
const runSnapshotVersion = 2;

export interface RunSnapshot {
  readonly format: typeof runSnapshotFormat;
  readonly version: number;
  /** Postcraft's version and the check options: another key, another run. */
  readonly key: string;
  /** When the findings may change with no file changed (`clockHorizon`); `null`: never. */
  readonly validUntil: number | null;
  readonly inputs: RunInputs;
  readonly digest: string;
  readonly sites: readonly CheckedSite[];
  readonly findings: readonly Finding[];
}

/** What a run read: folders listed, paths read or looked up outside them, paths whose links were resolved. */
export interface RunInputs {
  readonly folders: readonly string[];
  /**
   * For each folder, the names of the files in it that the run read or stat'ed, or `null` when it looked
   * at all of them: a file it only saw listed (an image Hugo processes, whose weight no check reads)
   * counts by its name alone, and the replay spares its stat.
   */
  readonly looked: readonly (readonly string[] | null)[];
  readonly paths: readonly string[];
  readonly links: readonly string[];
}

/** A run's reads: `fs` records them (give it to the run), the rest serves `snapshotOfRun`. */
export interface RunRecording {
  readonly fs: SiteFileSystem;
  /** Listings and stats as the run saw them (the digest is of the state the findings were made from). */
  readonly observed: SiteFileSystem;
  inputs(): Promise<RunInputs>;
  /** The newest mtime among the files the run stat'ed (Infinity where one has none). */
  newestStat(): Promise<number>;
}

/**
 * Records what a run reads of `fs`, which keeps one state of the disk for the run (runFileSystem.ts): the
 * folders it lists, in order, and the paths it reads or stats. What they held is the run file system's.
 */
export function recordingFileSystem(fs: RunFileSystem): RunRecording {
  // Lists, not sets: a run reads and stats tens of thousands of paths, some twice; they are made unique once, at the end.
  const folders = new Set<string>();
  const paths: string[] = [];
  const statted: string[] = [];
  const links: string[] = [];
  const recorded: SiteFileSystem = {
    readFile: (path, maxBytes) => (paths.push(path), fs.readFile(path, maxBytes)),
    stat: (path) => (paths.push(path), statted.push(path), fs.stat(path)),
    readDirectory: (path) => (folders.add(path), fs.readDirectory(path)),
    ...(fs.readFileStart ? { readFileStart: (path: string, bytes: number) => (paths.push(path), fs.readFileStart!(path, bytes)) } : {}),
    ...(fs.realPath ? { realPath: (path: string) => (links.push(path), fs.realPath!(path)) } : {}),
  };
  return {
    fs: recorded,
    observed: fs,
    // A path in a listed folder is in the replay already: each of its files is looked at, and an entry
    // that is (or becomes) a link shows in the listing, so only the links of other paths are resolved again.
    inputs: async () => {
      const outside = (path: string) => !folders.has(dirname(path));
      const lookedIn = new Map<string, Set<string>>();
      for (const path of paths) {
        const normal = normalizePath(path);
        const folder = dirname(normal);
        if (!folders.has(folder)) continue;
        let names = lookedIn.get(folder);
        if (!names) lookedIn.set(folder, (names = new Set()));
        names.add(basename(normal));
      }
      const listed = [...folders];
      const looked = await Promise.all(
        listed.map(async (folder) => {
          const names = lookedIn.get(folder);
          const files = (await fs.readDirectory(folder)).filter((entry) => entry.type === 'file').map((entry) => entry.name);
          return files.every((name) => names?.has(name)) ? null : files.filter((name) => names?.has(name));
        }),
      );
      return { folders: listed, looked, paths: [...new Set(paths)].filter(outside), links: [...new Set(links)].filter(outside) };
    },
    newestStat: async () => (await fs.statMany(statted)).reduce((newest, stat) => (stat?.type === 'file' ? newerOf(newest, stat.mtime) : newest), -Infinity),
  };
}

/**
 * The snapshot of a finished run, or `undefined` when a file it read may have changed unseen (see
 * racyStat.ts). `startedAt`: when the run started, before its first read.
 */
export async function snapshotOfRun(recording: RunRecording, run: { readonly key: string; readonly startedAt: number; readonly validUntil: number; readonly sites: readonly CheckedSite[]; readonly findings: readonly Finding[] }, replayed?: Replayed): Promise<RunSnapshot | undefined> {
  // A post just edited is the usual racy file, and the run stat'ed it: no need to look at the rest.
  if (!allStill(await recording.newestStat(), run.startedAt)) return undefined;
  const inputs = await recording.inputs();
  // The run looked where the last one did (the usual case) and saw what the replay before it saw (the same
  // listings and stats, see runFileSystem.ts): the replay's digest is this run's.
  const seen = replayed && sameInputs(replayed.inputs, inputs) ? replayed : await replay(recording.observed, inputs);
  if (!allStill(seen.newest, run.startedAt)) return undefined;
  const validUntil = Number.isFinite(run.validUntil) ? run.validUntil : null;
  return { format: runSnapshotFormat, version: runSnapshotVersion, key: run.key, validUntil, inputs, digest: seen.digest, sites: run.sites, findings: run.findings };
}

/** What a replay of a snapshot's inputs saw: `snapshotOfRun` needs no second one when the run looked at the same. */
export interface Replayed {
  readonly inputs: RunInputs;
  readonly digest: string;
  readonly newest: number;
}

/**
 * The snapshot's report when every input it read is as it was and `key` is its key; else no report, and
 * what the replay saw, if it was made.
 */
export async function reportFromSnapshot(fs: SiteFileSystem, snapshot: RunSnapshot, key: string, now: number): Promise<{ readonly report?: { readonly sites: readonly CheckedSite[]; readonly findings: readonly Finding[] }; readonly replayed?: Replayed }> {
  if (snapshot.key !== key || (snapshot.validUntil !== null && now >= snapshot.validUntil)) return {};
  const seen = await replay(fs, snapshot.inputs);
  return seen.digest === snapshot.digest ? { report: { sites: snapshot.sites, findings: snapshot.findings } } : { replayed: { inputs: snapshot.inputs, ...seen } };
}

function sameInputs(a: RunInputs, b: RunInputs): boolean {
  const same = (x: readonly unknown[], y: readonly unknown[], item: (i: unknown, j: unknown) => boolean) => x.length === y.length && x.every((value, index) => item(value, y[index]));
  const equal = (i: unknown, j: unknown) => i === j;
  const sameNames = (i: unknown, j: unknown) => (i === null || j === null ? i === j : same(i as string[], j as string[], equal));
  return same(a.folders, b.folders, equal) && same(a.looked, b.looked, sameNames) && same(a.paths, b.paths, equal) && same(a.links, b.links, equal);
}

/** A snapshot read back (parsed JSON), if it is one this version wrote. */
export function readRunSnapshot(json: unknown): RunSnapshot | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const value = json as Partial<Record<keyof RunSnapshot, unknown>>;
  const inputs = value.inputs as Partial<Record<keyof RunInputs, unknown>> | undefined;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  const wellFormed =
    value.format === runSnapshotFormat &&
    value.version === runSnapshotVersion &&
    typeof value.key === 'string' &&
    typeof value.digest === 'string' &&
    (value.validUntil === null || typeof value.validUntil === 'number') &&
    typeof inputs === 'object' &&
    inputs !== null &&
    strings(inputs.folders) &&
    Array.isArray(inputs.looked) &&
    inputs.looked.length === (inputs.folders as unknown[]).length &&
    inputs.looked.every((names) => names === null || strings(names)) &&
    strings(inputs.paths) &&
    strings(inputs.links) &&
    Array.isArray(value.sites) &&
    Array.isArray(value.findings);
  return wellFormed ? (json as RunSnapshot) : undefined;
}

/**
 * What the inputs look like now, as one digest of two parts: the listings (each folder's entries by name and
 * type, those the run looked at marked, and the other paths), which fix the paths to stat and their order; then
 * each of those paths' type, size and mtime (or its absence) in that order, and each link's target. Also the
 * newest mtime among the files. A folder is stat'ed only where no listed folder holds it: in one that is, its
 * listing shows its name and type, and its own mtime tells nothing its entries do not. The files are stat'ed
 * together (`RunFileSystem.statMany`: the CLI's is one pass with no promise per path). Nothing is kept from one folder
 * to the next but the paths to stat: a replay goes over tens of thousands of files. Fields end in NUL, which
 * no file name holds, so no two states read alike.
 */
async function replay(fs: SiteFileSystem & Partial<Pick<RunFileSystem, 'statMany'>>, inputs: RunInputs): Promise<{ readonly digest: string; readonly newest: number }> {
  const listed = new Set(inputs.folders);
  const listings = textHasher();
  const looked: string[] = [];
  for (const [index, folder] of inputs.folders.entries()) {
    const entries = (await fs.readDirectory(folder)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const lone = !listed.has(dirname(folder));
    if (lone) looked.push(folder);
    listings.update(`folder\0${folder}\0${lone ? 'stat\0' : ''}`);
    // `null`: every file of the folder looked at.
    const names = inputs.looked[index] === null ? undefined : new Set(inputs.looked[index]);
    const prefix = folder.endsWith('/') ? folder : `${folder}/`; // joinPath's result for a plain name, without its normalising
    for (const entry of entries) {
      const isLooked = entry.type === 'file' && (names === undefined || names.has(entry.name));
      listings.update(`${entry.name}\0${isLooked ? 'stat' : entry.type}\0`);
      if (isLooked) looked.push(prefix + entry.name);
    }
  }
  for (const path of inputs.paths) listings.update(`path\0${path}\0`);
  looked.push(...inputs.paths);
  const stats = fs.statMany ? await fs.statMany(looked) : await Promise.all(looked.map((path) => fs.stat(path)));
  const seen = textHasher();
  let newest = -Infinity;
  for (const stat of stats) {
    if (!stat) seen.update('none\0');
    else {
      if (stat.type === 'file') newest = newerOf(newest, stat.mtime); // a folder's entries are in its listing
      seen.update(`${stat.type}\0${stat.size}\0${stat.mtime}\0`);
    }
  }
  for (const path of inputs.links) seen.update(`link\0${path}\0${(await fs.realPath?.(path)) ?? ''}\0`);
  return { digest: `${listings.digest()}.${seen.digest()}`, newest };
}

/** Whether every mtime up to `newest` still tells its file unchanged (none at all: -Infinity). */
function allStill(newest: number, startedAt: number): boolean {
  return newest === -Infinity || statStillTells(newest, startedAt);
}

/** The newer of two mtimes, where a file system's 0 (it keeps none) is newest of all: such a stat tells nothing. */
function newerOf(newest: number, mtime: number): number {
  return mtime > 0 ? Math.max(newest, mtime) : Infinity;
}
