import { statStillTells } from './racyStat';
import { noCancellation, throwIfCancelled, type CancellationToken } from '../host/cancellation';
import { described, type Message } from '../l10n/message';
import { confinedFileSystem } from '../host/confinedFileSystem';
import type { FileStat, SiteFileSystem } from '../host/fileSystem';
import type { Finding } from '../checks/finding';
import { fragmentChecks, runChecks, type CheckOptions } from '../checks/runChecks';
import { checkWhileIndexing, finishCheck, type HalfChecked } from '../checks/twoPassCheck';
import { tagOccurrences } from '../checks/tags';
import { imageReferencesOf, shownImages, weighShownImages } from '../checks/brokenImages';
import { weightLine } from '../site/imageWeights';
import { describeUnreadable, readPostText } from '../post/decodeText';
import { parsePost, type ParsedPost } from '../post/parsedPost';
import { importedMarkdown } from '../post/partialImports';
import { findLinks } from '../links/findLinks';
import { valuesOf } from '../frontmatter/values';
import { detectSites, type DetectedSite } from '../site/detect';
import { Site, type KnownPost } from '../site/site';
import type { PostSummary } from '../site/postSummary';
import { isConfigInput } from '../site/generators/profile';
import { siteSettingsFileName } from '../settings/siteSettings';
import { dirname, joinPath } from '../text/paths';
import { clockHorizon } from '../site/clockHorizon';
import { checkOptionsKey } from '../checks/checkOptionsKey';
import { hashBytes, hashText } from './hash';

/**
 * The CLI's `--cache`: each post's findings kept from one run to the next, with what they were
 * computed from, so that a re-run parses and checks only the posts that changed and those whose
 * findings read a part of the site model that changed.
 *
 * What a post's findings depend on, coarse but complete (see `dependsOn`):
 * - its own text (content hash; size and mtime first, see `statStillTells`);
 * - the site's key: Postcraft's version and build (scripts/buildIdentity.mjs), the cache format, the check options, every config input of
 *   the generator (`isConfigInput`), `postcraft.config.json`, the folders a build script re-encodes and the submodules the checkout lacks: any change there re-checks every post;
 * - the parts of the site model its checks read, by what the post holds: image references read the
 *   file list and the host's redirects, and the weights of the images it shows as they are (kept with the post, see `shownImages`); author values the author registry (and the file list, for the "create author" fix);
 *   links read the file list, every page's summary (URLs, anchors, titles, drafts, dates) and the
 *   host's redirects and the templates' IDs; tags read the tag index and every page's summary (titles,
 *   languages); a page that is built (not a draft) reads every page's URL and aliases (duplicate-url).
 *   A post that holds none of these depends on its text and the key alone.
 */
export const checkCacheFormat = 'postcraft-check-cache';
/** Bumped whenever what is cached, or how it is computed, changes. */
export const checkCacheVersion = 8;

export interface CheckCache {
  readonly format: typeof checkCacheFormat;
  readonly version: number;
  readonly sites: Readonly<Record<string, CachedSite>>;
}

export interface CachedSite {
  readonly key: string;
  readonly parts: ModelParts;
  /** When the run that wrote it started: a file modified after that, or just before, is hashed (see `statStillTells`). */
  readonly startedAt: number;
  /** From when its findings may no longer stand though no file changed (`clockHorizon`); absent: never. */
  readonly validUntil?: number;
  /** Postcraft's version and the check options its findings were made with (`checkedWith`). */
  readonly checkedWith?: string;
  readonly posts: Readonly<Record<string, CachedPost>>;
}

interface CachedPost {
  readonly size: number;
  readonly mtime: number;
  readonly hash: string;
  readonly summary: PostSummary;
  /** `pageHash` of the summary: what the `pages` part is made of, kept so that an unchanged post's summary is not hashed again. */
  readonly page: string;
  readonly imports: readonly string[];
  readonly uses: readonly Use[];
  /**
   * The image files its heavy-image findings read (`shownImages`), each below the post's folder by its
   * path from there (a bundle's images: most of them), and a hash of their weights then ('' for none).
   */
  readonly images: readonly string[];
  readonly weights: string;
  readonly findings: readonly Finding[];
}

/** What in a post makes its checks read the site model beyond the post. */
type Use = 'images' | 'authors' | 'links' | 'tags' | 'url';
type ModelPart = 'files' | 'authors' | 'pages' | 'tags' | 'linkContext' | 'routes';
type ModelParts = Readonly<Record<ModelPart, string>>;

const dependsOn: Readonly<Record<Use, readonly ModelPart[]>> = {
  // The host's redirects (in linkContext) may serve a root-relative image no file holds.
  images: ['files', 'linkContext'],
  authors: ['authors', 'files'],
  links: ['files', 'pages', 'linkContext'],
  tags: ['tags', 'pages'],
  // duplicate-url: a built page's URL against every other page's URL and aliases.
  url: ['routes'],
};

/** A checked site as plain data (`SiteSummary` of the service). */
export interface CheckedSite {
  readonly root: string;
  readonly generator: string;
  readonly posts: number;
  readonly configProblems: readonly Message[];
}

export interface CachedCheckResult {
  readonly sites: readonly CheckedSite[];
  /** Every finding, site by site, file by file as checked. */
  readonly findings: readonly Finding[];
  /** The cache to keep: the one given, as it is, when nothing in it changed (then there is nothing to write). */
  readonly cache: CheckCache;
  /** Posts whose findings came from the cache, and those parsed and checked. */
  readonly reused: number;
  readonly checked: number;
  /** Until when the findings stand with no file changed (`clockHorizon` of every site). */
  readonly validUntil: number;
}

/**
 * A cache read back (parsed JSON), if it is one this version wrote: anything else (another program's
 * file, an older format, a file cut short) is `undefined`, and the run starts afresh.
 */
export function readCheckCache(json: unknown): CheckCache | undefined {
  if (!isRecord(json) || json['format'] !== checkCacheFormat || json['version'] !== checkCacheVersion || !isRecord(json['sites'])) return undefined;
  for (const site of Object.values(json['sites'])) {
    if (!isRecord(site) || typeof site['key'] !== 'string' || typeof site['startedAt'] !== 'number' || !['number', 'undefined'].includes(typeof site['validUntil']) || !isRecord(site['parts']) || !isRecord(site['posts'])) return undefined;
    for (const post of Object.values(site['posts'])) if (!isCachedPost(post)) return undefined;
  }
  return json as unknown as CheckCache;
}

function isCachedPost(value: unknown): value is CachedPost {
  if (!isRecord(value) || typeof value['size'] !== 'number' || typeof value['mtime'] !== 'number' || typeof value['hash'] !== 'string' || typeof value['page'] !== 'string') return false;
  const summary = value['summary'];
  if (!isRecord(summary) || typeof summary['path'] !== 'string' || !Array.isArray(summary['tags']) || !Array.isArray(summary['authors'])) return false;
  const uses = value['uses'];
  return Array.isArray(value['imports']) && Array.isArray(value['images']) && typeof value['weights'] === 'string' && Array.isArray(uses) && uses.every((use) => Object.hasOwn(dependsOn, use)) && Array.isArray(value['findings']) && value['findings'].every((finding) => isRecord(finding) && isRecord(finding['range']));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks every site in `folder` as `PostcraftService.checkSiteAt` does, reusing what `previous` holds
 * where it still stands, and returns the findings with the cache to keep for the next run.
 * `version` is Postcraft's: a cache from another version is not used.
 */
export async function checkWithCache(fs: SiteFileSystem, folder: string, options: CheckOptions, previous: CheckCache | undefined, version: string, token: CancellationToken = noCancellation): Promise<CachedCheckResult> {
  const startedAt = Date.now();
  const sites: CheckedSite[] = [];
  const findings: Finding[] = [];
  const cachedSites: Record<string, CachedSite> = {};
  let reused = 0;
  let checked = 0;
  let validUntil = Infinity;
  for (const detected of await detectSites(fs, folder, token)) {
    const loaded = await loadSiteWithCache(fs, detected, options, previous?.sites[detected.root], version, startedAt, token);
    for (const fileFindings of loaded.findings.values()) findings.push(...fileFindings);
    cachedSites[detected.root] = loaded.cached;
    reused += loaded.reused;
    checked += loaded.checked;
    const { site } = loaded;
    validUntil = Math.min(validUntil, loaded.cached.validUntil ?? Infinity);
    sites.push({ root: site.root, generator: site.profile.displayName, posts: site.posts.size, configProblems: site.configProblems });
  }
  return { sites, findings, cache: checkCacheOf(new Map(Object.entries(cachedSites)), previous), reused, checked, validUntil };
}

function sameKeys(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key));
}

/**
 * A cache made of sites loaded by `loadSiteWithCache`: `previous` itself when every site is the one it
 * held (nothing changed), so that a caller can tell there is nothing to write.
 */
export function checkCacheOf(sites: ReadonlyMap<string, CachedSite>, previous?: CheckCache): CheckCache {
  const unchanged = previous !== undefined && Object.keys(previous.sites).length === sites.size && [...sites].every(([root, site]) => previous.sites[root] === site);
  return unchanged ? previous : { format: checkCacheFormat, version: checkCacheVersion, sites: Object.fromEntries(sites) };
}

/**
 * Loads one site and checks every post and fragment of it, reading and checking only what `before`
 * (that site's part of a cache) does not still hold. Returns the site, each checked file's findings,
 * and the site's part of the next cache.
 */
export async function loadSiteWithCache(fs: SiteFileSystem, { root, profile, configFile }: DetectedSite, options: CheckOptions, before: CachedSite | undefined, version: string, startedAt: number, token: CancellationToken): Promise<{ readonly site: Site; readonly findings: ReadonlyMap<string, readonly Finding[]>; readonly cached: CachedSite; readonly reused: number; readonly checked: number }> {
  if (before?.validUntil !== undefined && startedAt >= before.validUntil) before = undefined; // a dated post went live
  const confined = confinedFileSystem(fs, root);
  const stats = new Map<string, FileStat>();
  const parsed = new Map<string, { readonly half: HalfChecked; readonly uses: Use[]; readonly hash: string; readonly imports: readonly string[]; readonly images: readonly string[] }>();
  const known = new Map<string, CachedPost>();
  let key: Promise<string> | undefined;
  const keyOf = (site: Site) => (key ??= siteKey(site, confined, options, version));

  const knownPost: KnownPost = async (site, path) => {
    // The walk listed the path and follows no link: the stat needs no confinement (and its realpath per post).
    // Before the read: a change after it shows next time.
    const stat = await fs.stat(path);
    if (stat) stats.set(path, stat);
    const entry = before?.posts[path];
    if (!stat || !entry || (await keyOf(site)) !== before!.key) return undefined;
    if (!(stat.size === entry.size && stat.mtime === entry.mtime && statStillTells(entry.mtime, before!.startedAt))) {
      const decoded = await readPostText(confined, path);
      if (!decoded || !('text' in decoded) || hashText(decoded.text) !== entry.hash) return undefined;
    }
    known.set(path, entry);
    return entry;
  };
  const onPostParsed = async (site: Site, post: ParsedPost) => {
    const half = await checkWhileIndexing(site, post);
    parsed.set(post.path, { half, uses: usesOf(site, post, half), hash: hashText(post.text), imports: importedMarkdown(post, site.config), images: shownImages(site, post) });
  };

  const site = await Site.load(fs, root, profile, configFile, token, onPostParsed, knownPost);
  const siteKeyNow = await keyOf(site);
  const pages = new Map<string, string>();
  const pageOf = (path: string, summary: PostSummary) => {
    const entry = known.get(path);
    if (entry?.summary === summary) return entry.page;
    let page = pages.get(path);
    if (page === undefined) pages.set(path, (page = pageHash(summary)));
    return page;
  };
  const parts = await modelParts(site, confined, startedAt, pageOf);
  const changed = new Set((Object.keys(parts) as ModelPart[]).filter((part) => before?.key !== siteKeyNow || before.parts[part] !== parts[part]));
  const posts: Record<string, CachedPost> = {};
  const findings = new Map<string, readonly Finding[]>();
  let reused = 0;
  let checked = 0;
  let same = before !== undefined && before.key === siteKeyNow && changed.size === 0;
  const stillStands = (entry: CachedPost) => entry.uses.every((use) => dependsOn[use].every((part) => !changed.has(part)));
  // The images the cached findings read, weighed at once: a heavier copy under the same name re-checks its posts.
  await site.heavyImages.weigh([...known].filter(([, entry]) => stillStands(entry)).flatMap(([path, entry]) => imagesOf(path, entry)));
  for (const path of site.checkedFiles()) {
    throwIfCancelled(token);
    const summary = site.posts.get(path);
    if (!summary) {
      findings.set(path, await checkFragment(site, confined, path, options));
      continue;
    }
    const stat = stats.get(path);
    const fresh = parsed.get(path);
    const entry = known.get(path);
    let result: { findings: readonly Finding[]; uses: readonly Use[]; hash: string; imports: readonly string[]; images: readonly string[] } | undefined;
    if (fresh) {
      result = { findings: finishCheck(site, fresh.half, options), uses: fresh.uses, hash: fresh.hash, imports: fresh.imports, images: fresh.images };
      checked++;
    } else if (entry && stillStands(entry) && weightsOf(site, imagesOf(path, entry)) === entry.weights) {
      result = entry;
      reused++;
    } else {
      result = await checkPost(site, confined, path, options);
      checked++;
    }
    if (!result) continue;
    findings.set(path, result.findings);
    if (!stat || result.hash === '') continue;
    if (result === entry && stat.size === entry.size && stat.mtime === entry.mtime) posts[path] = entry;
    else posts[path] = { size: stat.size, mtime: stat.mtime, hash: result.hash, summary, page: pageOf(path, summary), imports: result.imports, uses: result.uses, images: result === entry ? entry.images : keptImages(path, result.images), weights: result === entry ? entry.weights : weightsOf(site, result.images), findings: result.findings };
    same &&= posts[path] === before!.posts[path];
  }
  // Nothing changed: the cache as it was (its older `startedAt` only makes more posts hashed, never fewer).
  if (same && sameKeys(posts, before!.posts)) return { site, findings, cached: before!, reused, checked };
  const validUntil = clockHorizon(site, startedAt);
  return { site, findings, cached: { key: siteKeyNow, parts, startedAt, ...(Number.isFinite(validUntil) ? { validUntil } : {}), checkedWith: checkedWith(options, version), posts }, reused, checked };
}


/** What in the post makes its checks read the site model (see `dependsOn`). */
function usesOf(site: Site, post: ParsedPost, half?: HalfChecked): Use[] {
  const uses: Use[] = [];
  if (imageReferencesOf(site, post).length > 0) uses.push('images');
  if (valuesOf(post, site.config.authorKeys).length > 0) uses.push('authors');
  if ((half?.links ?? findLinks(post, site.config)).length > 0) uses.push('links');
  if ((half?.tags ?? tagOccurrences(post, site.config)).length > 0) uses.push('tags');
  // Every page: its route may not be known yet while the site is indexed, and a draft's findings are none.
  uses.push('url');
  return uses;
}

/** A post read and checked now, as `PostcraftService.checkFile` does; `hash` is '' for a file not to cache. */
async function checkPost(site: Site, fs: SiteFileSystem, path: string, options: CheckOptions) {
  const decoded = await readPostText(fs, path);
  if (!decoded) return undefined;
  if ('unreadable' in decoded) return { findings: [unreadableFinding(path, describeUnreadable(decoded.unreadable))], uses: [], hash: '', imports: [], images: [] };
  const post = parsePost(path, decoded.text, site.frontmatterSyntax);
  await weighShownImages(site, post);
  return { findings: runChecks(site, post, options), uses: usesOf(site, post), hash: hashText(decoded.text), imports: importedMarkdown(post, site.config), images: shownImages(site, post) };
}

/** A partial posts import (Site.isFragment): few, and checked every time. */
async function checkFragment(site: Site, fs: SiteFileSystem, path: string, options: CheckOptions): Promise<Finding[]> {
  const decoded = await readPostText(fs, path);
  if (!decoded) return [];
  if ('unreadable' in decoded) return [unreadableFinding(path, describeUnreadable(decoded.unreadable))];
  const fragment = parsePost(path, decoded.text, site.frontmatterSyntax);
  await weighShownImages(site, fragment, true);
  return runChecks(site, fragment, options, fragmentChecks);
}

function unreadableFinding(path: string, message: Message): Finding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { file: path, range, severity: 'warning', code: 'unreadable-file', ...described(message), fixes: [] };
}

/** What every finding of the site depends on: Postcraft, the options, the generator's config and the site's settings. */
/** Postcraft's version and the check options, as a site's cache records what its findings were made with. */
export function checkedWith(options: CheckOptions, version: string): string {
  return JSON.stringify([version, checkOptionsKey(options)]);
}

async function siteKey(site: Site, fs: SiteFileSystem, options: CheckOptions, version: string): Promise<string> {
  const settingsFile = joinPath(site.root, siteSettingsFileName);
  const inputs = new Set([...site.files.all()].filter((file) => isConfigInput(site.config, file, 'created')));
  if (site.config.configFile) inputs.add(site.config.configFile);
  inputs.add(settingsFile);
  // The folders a build script re-encodes come from files no generator reads as config (see buildCopies.ts).
  const parts = [version, String(checkCacheVersion), site.root, site.profile.id, checkOptionsKey(options), String(site.truncated), (site.config.reencodedImageDirs ?? []).join('\u0001'), (site.config.absentSubmoduleDirs ?? []).join('\u0001')];
  for (const file of [...inputs].sort()) {
    const bytes = await fs.readFile(file);
    parts.push(file, bytes ? hashBytes(bytes) : '-');
  }
  return hashText(parts.join('\u0000'));
}

/** Each built page's URL, aliases and language: what duplicate-url compares a page with. */
function routeLines(site: Site, now: number): string[] {
  const lines: string[] = [];
  for (const [path, summary] of site.posts) if (summary.route && !summary.draft && !site.hasExpired(summary, now)) lines.push(`${path}\u0001${summary.route.url}\u0001${summary.route.aliases.join('\u0002')}\u0001${summary.language ?? ''}`);
  return lines.sort();
}

/** A hash of each part of the site model that checks read beyond their post. */
async function modelParts(site: Site, fs: SiteFileSystem, now: number, pageOf: (path: string, summary: PostSummary) => string): Promise<ModelParts> {
  const pages = [...site.posts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    // A link to a post dated in the future is reported until that day, one to an expired page from that day (brokenLinks.ts `whyUnpublished`).
    .map(([path, summary]) => `${path}\u0001${pageOf(path, summary)}${summary.route?.date && Date.parse(summary.route.date) > now ? '+future' : ''}${summary.route?.expires && Date.parse(summary.route.expires) <= now ? '+expired' : ''}`);
  // Which posts use a tag is in their summaries, hence in `pages`, which `tags` goes with (see `dependsOn`).
  const tags = site.tags.all().map((usage) => `${usage.tag}\u0001${usage.count}`);
  const redirects = [String(site.hostRedirects.madeByTemplates)];
  for (const file of site.hostRedirects.files) {
    const bytes = await fs.readFile(file);
    redirects.push(file, bytes ? hashBytes(bytes) : '-');
  }
  return {
    // The images' weights are each post's (`CachedPost.weights`): only those posts show are weighed.
    files: hashText([...site.files.all()].sort().join('\u0000')),
    authors: hashText(JSON.stringify([...site.authors])),
    pages: hashText(pages.join('\u0000')),
    tags: hashText(tags.join('\u0000')),
    linkContext: hashText([...redirects, ...[...site.templateIds].sort(), '\u0001', ...[...site.templatePageUrls].sort()].join('\u0000')),
    routes: hashText(routeLines(site, now).join('\u0000')),
  };
}

/** The post's images as the cache keeps them (see `CachedPost.images`). */
function keptImages(post: string, images: readonly string[]): string[] {
  const folder = `${dirname(post)}/`;
  return images.map((image) => (image.startsWith(folder) ? image.slice(folder.length) : image));
}

/** A cached post's images, each a full path again. */
function imagesOf(post: string, entry: CachedPost): string[] {
  const folder = `${dirname(post)}/`;
  return entry.images.map((image) => (image.startsWith('/') ? image : folder + image));
}

/** A hash of the weights of `images`, all weighed ('' for none). */
function weightsOf(site: Site, images: readonly string[]): string {
  return images.length === 0 ? '' : hashText(images.map((image) => weightLine(image, site.heavyImages.get(image))).join('\u0000'));
}

/** What of a post's summary the checks of other posts read. */
function pageHash(summary: PostSummary): string {
  return hashText(JSON.stringify(summary, withoutRanges));
}

/** An anchor's place in its page is for navigation; checks read its ID and text. */
function withoutRanges(key: string, value: unknown): unknown {
  return key === 'range' ? undefined : value;
}
