import type { DirectoryEntry, FileStat, SiteFileSystem } from '../host/fileSystem';

/** Stats many paths at once, in their order: a front's way with no promise per path (see src/node/blockingNodeFileSystem.ts `statManyBlocking`). */
export type StatMany = (paths: readonly string[]) => Promise<(FileStat | undefined)[]>;

/** One run's view of the disk: what `statMany` adds to a file system, and the stats and listings it kept. */
export interface RunFileSystem extends SiteFileSystem {
  statMany(paths: readonly string[]): Promise<(FileStat | undefined)[]>;
}

/**
 * The disk as one run of `postcraft check --cache` sees it: each folder listed once and each path stat'ed
 * once, then answered from memory. The snapshot's replay (runSnapshot.ts) lists and stats every folder
 * and file the last run looked at; when something changed, the run that follows walks the same folders
 * and would list and stat them all again (45,000 calls on a 10,000-post site with its images). One run
 * sees one state of the disk, as it would had it made the calls itself a moment earlier: a file changed
 * since shows in the next run (the snapshot's digest is of these stats, and the racy rule takes the run
 * as started before the replay). Reads are not kept: the posts' text is read fresh.
 */
export function runFileSystem(fs: SiteFileSystem, statMany?: StatMany): RunFileSystem {
  const listings = new Map<string, Promise<DirectoryEntry[]>>();
  // Values, not promises: a replay stats tens of thousands of files, and a promise each costs more than the stat.
  const stats = new Map<string, FileStat | undefined>();
  const stat = async (path: string) => {
    if (stats.has(path)) return stats.get(path);
    const found = await fs.stat(path);
    if (!stats.has(path)) stats.set(path, found);
    return stats.get(path);
  };
  return {
    readFile: (path, maxBytes) => fs.readFile(path, maxBytes),
    ...(fs.readFileStart ? { readFileStart: (path: string, bytes: number) => fs.readFileStart!(path, bytes) } : {}),
    ...(fs.realPath ? { realPath: (path: string) => fs.realPath!(path) } : {}),
    stat,
    async readDirectory(path) {
      let known = listings.get(path);
      if (!known) listings.set(path, (known = fs.readDirectory(path)));
      return [...(await known)]; // callers may sort or filter what they get
    },
    async statMany(paths) {
      const unknown = paths.filter((path) => !stats.has(path));
      const found = statMany ? await statMany(unknown) : await Promise.all(unknown.map((path) => fs.stat(path)));
      unknown.forEach((path, index) => {
        if (!stats.has(path)) stats.set(path, found[index]);
      });
      return paths.map((path) => stats.get(path));
    },
  };
}
