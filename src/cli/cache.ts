import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CheckCache } from '../core/index';
import { checkOptionsKey, formatMessage, msg, readRunSnapshot, reportFromSnapshot, runFileSystem, type CheckOptions, type SiteFileSystem, type StatMany } from '../core/results';
import { translate } from '../node/index';
import { reportOf, type SiteCheckReport } from './report';

/**
 * The checks, the site model and their parsers: most of the CLI, loaded (and its modules run) only when the
 * last run's snapshot does not answer (see checking.ts).
 */
const checking = (): typeof import('./checking') => require('./checking');

/** Where `--cache` keeps its file without `--cache-location`: where ESLint and markdownlint-cli2 keep theirs. */
export const defaultCacheFolder = join('node_modules', '.cache', 'postcraft');
const cacheFileName = 'check-cache.json';

/**
 * The cache file: `location` as given (a folder, by a trailing slash or because it is one, holds
 * `check-cache.json`), else `node_modules/.cache/postcraft/check-cache.json` in the checked folder.
 */
export function cacheFile(folder: string, location: string | undefined): string {
  if (location === undefined) return join(folder, defaultCacheFolder, cacheFileName);
  const path = resolve(location);
  return /[\\/]$/.test(location) || isFolder(path) ? join(path, cacheFileName) : path;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `checkSites` with the cache. The file holds two lines: the last run's snapshot (runSnapshot.ts), then
 * the per-post cache (checkCache.ts). When the snapshot still stands, its report is the answer and the
 * second line is never parsed; else the posts that changed are checked, and what changed is written.
 * Problems with the file are warnings. `statMany`: how to stat many files at once (see runFileSystem).
 */
export async function checkSitesWithCache(fs: SiteFileSystem, root: string, options: CheckOptions & { maxWarnings?: number | undefined }, file: string, version: string, warn: (message: string) => void, statMany?: StatMany): Promise<SiteCheckReport> {
  const { maxWarnings, ...checkOptions } = options;
  const key = JSON.stringify([version, root, checkOptionsKey(checkOptions)]);
  // The run starts before the snapshot's replay: the run that follows a miss is answered from the
  // replay's listings and stats (runFileSystem), so it is the replay that saw the disk first.
  const startedAt = Date.now();
  const kept = readCacheFile(file);
  const snapshot = kept?.snapshot !== undefined ? readRunSnapshot(parseOrUndefined(kept.snapshot)) : undefined;
  const disk = runFileSystem(fs, statMany);
  const { report, replayed } = snapshot ? await reportFromSnapshot(disk, snapshot, key, startedAt) : {};
  if (report) return reportOf(root, report.sites, report.findings, maxWarnings);

  const { checkWithCache, recordingFileSystem, snapshotOfRun } = checking();
  const keptCache = kept?.cache();
  const previous = keptCache === undefined ? undefined : parseCache(keptCache, file, warn);
  const recording = recordingFileSystem(disk);
  const result = await checkWithCache(recording.fs, root, checkOptions, previous, version);
  const next = await snapshotOfRun(recording, { key, startedAt, validUntil: result.validUntil, sites: result.sites, findings: result.findings }, replayed);
  // Unchanged, the per-post cache is written back as it was read, not serialized again.
  const cacheText = result.cache === previous && keptCache !== undefined ? keptCache : JSON.stringify(result.cache);
  const snapshotText = JSON.stringify(next ?? null);
  if (cacheText !== keptCache || snapshotText !== kept?.snapshot) writeCacheFile(file, snapshotText, cacheText, warn);
  return reportOf(root, result.sites, result.findings, maxWarnings);
}

/** The per-post cache in `file`, or `undefined` (none yet; or corrupt, foreign or of another version: rebuilt). */
export function loadCache(file: string, warn: (message: string) => void): CheckCache | undefined {
  const kept = readCacheFile(file)?.cache();
  return kept === undefined ? undefined : parseCache(kept, file, warn);
}

/**
 * The file's first line, and its second when asked for: a snapshot that answers the run spares reading
 * the per-post cache (most of the file). A file of one line (an older Postcraft's) is the per-post cache.
 */
function readCacheFile(file: string): { readonly snapshot: string | undefined; cache(): string } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined; // the first run
  }
  const chunks: Buffer[] = [];
  let newline = -1;
  try {
    for (let read = 0; newline < 0; ) {
      const chunk = Buffer.alloc(1 << 20);
      const length = readSync(fd, chunk, 0, chunk.length, read);
      if (length === 0) break;
      newline = chunk.subarray(0, length).indexOf(0x0a);
      chunks.push(chunk.subarray(0, newline < 0 ? length : newline));
      read += length;
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
  const first = Buffer.concat(chunks);
  const rest = () => readFileSync(file).subarray(first.length + 1).toString('utf8').trimEnd();
  return newline < 0 ? { snapshot: undefined, cache: () => first.toString('utf8') } : { snapshot: first.toString('utf8'), cache: () => rest() || first.toString('utf8') };
}

function parseCache(text: string, file: string, warn: (message: string) => void): CheckCache | undefined {
  const cache = checking().readCheckCache(parseOrUndefined(text));
  if (!cache) warn(formatMessage(msg('{0} is not a cache this version of Postcraft wrote; checking everything and writing it anew', file), translate));
  return cache;
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Writes the per-post cache alone (no snapshot), as `checkSitesWithCache` would. */
export function saveCache(file: string, cache: CheckCache, warn: (message: string) => void): void {
  writeCacheFile(file, 'null', JSON.stringify(cache), warn);
}

/**
 * Written to a temporary file first and renamed over the old one: a run cut short leaves the last whole cache.
 * Each part is written as it is: one string of both (`${snapshot}\n${cache}`) cost 70 ms more to write at
 * 8 MB than the parts apart (docs/performance.md).
 */
function writeCacheFile(file: string, snapshot: string, cache: string, warn: (message: string) => void): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(temporary, 'w');
    try {
      for (const part of [snapshot, '\n', cache, '\n']) writeAll(fd, part);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    warn(formatMessage(msg('cannot write the cache {0}: {1}', file, error instanceof Error ? error.message : String(error)), translate));
  }
}

/** All of `text`, however many writes the system takes. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}
