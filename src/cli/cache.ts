import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkWithCache, formatMessage, msg, readCheckCache, toSitePath, type CheckCache, type CheckOptions, type SiteFileSystem } from '../core/index';
import { translate } from '../node/index';
import { reportOf, type SiteCheckReport } from './checkSite';

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

/** `checkSites` with the cache: reads it, checks what changed, writes it back if anything did. Problems with the file are warnings. */
export async function checkSitesWithCache(fs: SiteFileSystem, root: string, options: CheckOptions & { maxWarnings?: number | undefined }, file: string, version: string, warn: (message: string) => void): Promise<SiteCheckReport> {
  const previous = loadCache(file, warn);
  const result = await checkWithCache(fs, toSitePath(root), options, previous, version);
  if (result.cache !== previous) saveCache(file, result.cache, warn); // else it is on disk already
  return reportOf(root, result.sites, result.findings, options.maxWarnings);
}

/** The cache in `file`, or `undefined` (none yet; or corrupt, foreign or of another version: rebuilt). */
export function loadCache(file: string, warn: (message: string) => void): CheckCache | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // the first run
  }
  let cache: CheckCache | undefined;
  try {
    cache = readCheckCache(JSON.parse(text));
  } catch {
    cache = undefined;
  }
  if (!cache) warn(formatMessage(msg('{0} is not a cache this version of Postcraft wrote; checking everything and writing it anew', file), translate));
  return cache;
}

/** Written to a temporary file first and renamed over the old one: a run cut short leaves the last whole cache. */
export function saveCache(file: string, cache: CheckCache, warn: (message: string) => void): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(cache));
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    warn(formatMessage(msg('cannot write the cache {0}: {1}', file, error instanceof Error ? error.message : String(error)), translate));
  }
}
