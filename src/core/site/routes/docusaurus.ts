import { basename, dirname, isInside, joinPath } from '../../text/paths';
import { rootRelativeCandidates } from '../generators/profile';
import type { AddedRoute } from '../generators/docusaurus/localPlugins';
import type { SiteConfig } from '../model';
import { isExcludedFile } from '../pageKinds';
import type { GeneratorRoutes, RouteSite } from './generatorRoutes';
import { inAbsentSubmodule } from '../absentSubmodules';

/**
 * What Docusaurus's config says about URLs (filled by its config loader, generators/docusaurus.ts).
 * The site's `baseUrl` is `SiteConfig.basePath`: every URL here is below it.
 */

/** The folder of the site's config, which Docusaurus reads every path of the config from (its `siteDir`). */
export function docusaurusSiteDir(config: Pick<SiteConfig, 'root' | 'configFile'>): string {
  return config.configFile ? dirname(config.configFile) : config.root;
}

export interface DocusaurusRouting {
  readonly generator: 'docusaurus';
  /** `trailingSlash`: undefined leaves each route as its plugin makes it (and the host serves both forms). */
  readonly trailingSlash?: boolean;
  readonly defaultLocale: string;
  /** The locales built besides the default one, each below `/<locale>/`. */
  readonly otherLocales: readonly string[];
  /** The `i18n.path` folder, absolute: translations are in `<locale>/docusaurus-plugin-content-<kind>[-<id>]/`. */
  readonly i18nDir: string;
  readonly blogs: readonly DocusaurusBlogRouting[];
  readonly docs: readonly DocusaurusDocsRouting[];
  readonly pages: readonly DocusaurusInstanceRouting[];
  /** The routes the site's own plugins add (`readLocalPlugins`). */
  readonly pluginRoutes?: readonly AddedRoute[];
}

/** One instance of a content plugin. */
export interface DocusaurusInstanceRouting {
  readonly id: string;
  /** Its content folder, absolute. */
  readonly dir: string;
  /** The URL path it publishes below: `blog`, `docs`, `/`. */
  readonly routeBasePath: string;
}

export interface DocusaurusBlogRouting extends DocusaurusInstanceRouting {
  readonly tagsBasePath: string;
  readonly pageBasePath: string;
  /** `null` when the archive is turned off. */
  readonly archiveBasePath: string | null;
  readonly authorsBasePath: string;
  /** Set where the plugin's options give a `truncateMarker` of their own (see postSummary.ts `excerptEnd`). */
  readonly ownTruncateMarker?: true;
}

export interface DocusaurusDocsRouting extends DocusaurusInstanceRouting {
  readonly tagsBasePath: string;
  /** The versions built: `current` from `dir`, the others from `versioned_docs/version-<name>/`. */
  readonly versions: readonly DocusaurusDocsVersion[];
  /** False when `numberPrefixParser: false`: `01-intro.md` keeps its prefix. */
  readonly numberPrefixes: boolean;
  /** The paths (`/commands/sync`) sidebar categories give their generated index pages (see docusaurus/generatedIndexes.ts). */
  readonly generatedIndexSlugs?: readonly string[];
}

export interface DocusaurusDocsVersion {
  readonly name: string;
  /** Its folder, absolute. */
  readonly dir: string;
  /** Its part of the URL: '' for the last version, `next` for an unreleased current one, else the name. */
  readonly path: string;
}

type Kind = 'blog' | 'docs' | 'pages';

/** A folder files are built from: a plugin's own, a docs version's, or a locale's translation of one. */
interface SourceFolder {
  readonly dir: string;
  readonly kind: Kind;
  readonly instance: DocusaurusInstanceRouting;
  readonly version: DocusaurusDocsVersion | undefined;
  readonly locale: string;
  readonly translation: boolean;
}

/** Docusaurus 3's URL rules, after @docusaurus/plugin-content-{blog,docs,pages} 3.10 (checked against `docusaurus build`). */
export const docusaurusRoutes: GeneratorRoutes = {
  // Only Markdown links go through the MDX loader's rewriting; an HTML <a href="x.md"> stays as written.
  linkedSourceFiles: (config, fromPath, link) => (link.form === 'markdown' ? docusaurusMarkdownLinkCandidates(config, fromPath, link.path) : undefined),
  linkUrl: docusaurusLocalizedLinkUrl,
  /**
   * A docs or blog plugin turns a `.md` link into the target's URL only when the target is one of its own
   * files (its content paths, translations included); a link from the docs to a blog post's file stays as
   * written and `onBrokenMarkdownLinks` reports it. (Pages are left alone: not checked against a build.)
   */
  followsFileLink(config, fromPath, target) {
    const routing = routingOf(config);
    const from = routing && sourceFolderOf(routing, fromPath);
    const to = routing && sourceFolderOf(routing, target);
    if (!from || !to || from.kind === 'pages' || to.kind === 'pages') return true;
    return from.instance === to.instance;
  },
  pageRoute(config, path, data) {
    const routing = routingOf(config);
    if (!routing || !/\.mdx?$/.test(path) || isExcludedFile(config, path)) return undefined;
    const source = sourceFolderOf(routing, path);
    if (!source) return undefined;
    const relative = path.slice(source.dir.length + 1);
    const base = source.locale === routing.defaultLocale ? '/' : `/${source.locale}/`;
    const { instance } = source;
    let url: string | undefined;
    let date: string | undefined;
    if (source.kind === 'blog') {
      const fromName = parseBlogFileName(relative);
      url = normalizeUrl([base, instance.routeBasePath, stringField(data, 'slug') ?? fromName.slug]);
      date = frontMatterDate(data['date']) ?? fromName.date;
    } else if (source.kind === 'docs') {
      const slug = docSlug(relative, data, (instance as DocusaurusDocsRouting).numberPrefixes);
      url = slug === undefined ? undefined : normalizeUrl([normalizeUrl([base, instance.routeBasePath, source.version!.path]), slug]);
    } else {
      // fileToPath + encodePath: the route is percent-encoded; kept decoded here, as links are.
      url = normalizeUrl([base, instance.routeBasePath, stringField(data, 'slug') ?? fileToPath(relative)]);
    }
    if (url === undefined) return undefined;
    return { url: applyTrailingSlash(url, routing.trailingSlash, base), aliases: [], ...(date ? { date } : {}) };
  },

  // Every static folder is copied to the root of each locale's build (`/fr/img/a.png` too).
  fileCandidates(config, url) {
    const routing = routingOf(config);
    const locale = routing && localeOf(routing, url);
    return locale ? [...rootRelativeCandidates(config, url), ...rootRelativeCandidates(config, locale.rest)] : rootRelativeCandidates(config, url);
  },

  isGeneratedUrl(site, url) {
    const routing = routingOf(site.config);
    if (!routing) return false;
    const locale = localeOf(routing, url);
    const rest = locale?.rest ?? url;
    if (isGeneratedPage(site, routing, rest) || isBelowUnseenFolder(site.config, routing, rest)) return true;
    // A locale builds every page of the default one that it has no translation of, at the same route.
    return locale !== undefined && isUntranslatedPage(site, routing, locale.locale, rest);
  },
};

/**
 * The files a Markdown link (`[x](target.md)`, not HTML `<a>`) of the docs or blog file `fromPath` may
 * name, in the order @docusaurus/utils 3.10 `resolveMarkdownLinkPathname` tries them; the first that is a
 * page of the same plugin instance (any docs version) is the target, and the link becomes its URL.
 * `./x.md` and `../x.md` are read from the file's folder only; `/x.md` from the plugin's content paths
 * (the locale's translation folder first, then the version's or blog's own folder), then the site
 * folder; a bare `x.md` or `sub/x.md` from the file's folder, then as `/x.md`; `@site/x.md` from the
 * site folder. Undefined where Docusaurus leaves the link as written: not a `.md`/`.mdx` path, or a
 * file outside the docs and blog plugins.
 */
export function docusaurusMarkdownLinkCandidates(config: SiteConfig, fromPath: string, linkPath: string): string[] | undefined {
  const routing = routingOf(config);
  if (!routing || !/\.mdx?$/i.test(linkPath)) return undefined;
  const source = sourceFolderOf(routing, fromPath);
  if (!source || source.kind === 'pages') return undefined;
  if (linkPath.startsWith('@site/')) return [joinPath(docusaurusSiteDir(config), linkPath.slice('@site/'.length))];
  const translated = `docusaurus-plugin-content-${source.kind}${source.instance.id === 'default' ? '' : `-${source.instance.id}`}`;
  const version = source.version ? (source.version.name === 'current' ? 'current' : `version-${source.version.name}`) : '';
  const contentPaths = [joinPath(routing.i18nDir, source.locale, translated, version), source.version?.dir ?? source.instance.dir, docusaurusSiteDir(config)];
  const fromFolder = joinPath(dirname(fromPath), linkPath);
  if (linkPath.startsWith('./') || linkPath.startsWith('../')) return [fromFolder];
  const fromContent = contentPaths.map((dir) => joinPath(dir, linkPath.replace(/^\/+/, '')));
  return linkPath.startsWith('/') ? fromContent : [fromFolder, ...fromContent];
}

/**
 * The URL a root-relative link (`/docs/x`) of the page at `fromPath` reaches: Docusaurus's `<Link>`, which
 * renders Markdown links, prepends the locale's base URL (`/fr/`) unless the URL already starts with it
 * (useBaseUrl addBaseUrl), so on a translated page `/docs/x` is `/fr/docs/x` and `/fr` is `/fr/`.
 * Undefined for a page of the default locale, where nothing changes.
 */
export function docusaurusLocalizedLinkUrl(config: SiteConfig, fromPath: string, url: string): string | undefined {
  const routing = routingOf(config);
  const source = routing && sourceFolderOf(routing, fromPath);
  if (!routing || !source || source.locale === routing.defaultLocale || !url.startsWith('/')) return undefined;
  const base = `/${source.locale}/`;
  if (url === base.slice(0, -1)) return base;
  return url.startsWith(base) ? url : `${base}${url.slice(1)}`;
}

function routingOf(config: SiteConfig): DocusaurusRouting | undefined {
  return config.routing?.generator === 'docusaurus' ? config.routing : undefined;
}

/** `/fr/blog/x` → fr and `/blog/x`, for a locale other than the default. */
function localeOf(routing: DocusaurusRouting, url: string): { locale: string; rest: string } | undefined {
  const first = url.split('/')[1] ?? '';
  if (!routing.otherLocales.includes(first)) return undefined;
  return { locale: first, rest: url.slice(first.length + 1) || '/' };
}

// ---- Where a file is built from ----

const foldersMemo = new WeakMap<DocusaurusRouting, SourceFolder[]>();

/** The folder a file is read from, the deepest one when folders nest (`docs/` inside a docs path of `.`). */
/** Each folder of translations with the folder its plugin reads the files from (getContentPathList: the translation first). */
export function translationFolders(routing: DocusaurusRouting): { readonly dir: string; readonly sourceDir: string }[] {
  const sources = sourceFolders(routing);
  return sources.filter((folder) => folder.translation).flatMap((folder) => {
    const source = sources.find((other) => !other.translation && other.kind === folder.kind && other.instance === folder.instance && other.version === folder.version);
    return source ? [{ dir: folder.dir, sourceDir: source.dir }] : [];
  });
}

function sourceFolderOf(routing: DocusaurusRouting, path: string): SourceFolder | undefined {
  let folders = foldersMemo.get(routing);
  if (!folders) foldersMemo.set(routing, (folders = sourceFolders(routing).sort((a, b) => b.dir.length - a.dir.length)));
  return folders.find((folder) => isInside(folder.dir, path) && path !== folder.dir);
}

/**
 * The plugins' folders and their translations (getPluginI18nPath): `<i18n>/<locale>/docusaurus-plugin-
 * content-<kind>[-<id>]/`, and for docs `current/` or `version-<name>/` below that. The default locale
 * may have translations too.
 */
function sourceFolders(routing: DocusaurusRouting): SourceFolder[] {
  const folders: SourceFolder[] = [];
  const locales = [routing.defaultLocale, ...routing.otherLocales];
  const add = (kind: Kind, instance: DocusaurusInstanceRouting, dir: string, version?: DocusaurusDocsVersion) => {
    folders.push({ dir, kind, instance, version, locale: routing.defaultLocale, translation: false });
    const translated = `docusaurus-plugin-content-${kind}${instance.id === 'default' ? '' : `-${instance.id}`}`;
    const below = version ? (version.name === 'current' ? 'current' : `version-${version.name}`) : '';
    for (const locale of locales) folders.push({ dir: joinPath(routing.i18nDir, locale, translated, below), kind, instance, version, locale, translation: true });
  };
  for (const blog of routing.blogs) add('blog', blog, blog.dir);
  for (const docs of routing.docs) for (const version of docs.versions) add('docs', docs, version.dir, version);
  for (const pages of routing.pages) add('pages', pages, pages.dir);
  return folders;
}

// ---- Blog posts (blogUtils.ts) ----

/** `parseBlogFileName`: a date in the file or folder names (`2024-05-01-slug.md`, `2024/05/01/slug.md`, `2024-05-01-slug/index.md`). */
function parseBlogFileName(relative: string): { slug: string; date?: string } {
  const match = /^(?<folder>.*)(?<date>\d{4}[-/]\d{1,2}[-/]\d{1,2})[-/]?(?<text>.*?)(?:\/index)?.mdx?$/.exec(relative);
  if (!match) return { slug: `/${relative.replace(/(?:\/index)?\.mdx?$/, '')}` };
  const { folder, date, text } = match.groups!;
  // The URL keeps the digits as written (`2024-1-5` → /2024/1/5/); the date is read as UTC.
  const [year, month, day] = date!.split(/[-/]/);
  return { slug: `/${date!.replace(/-/g, '/')}/${folder}${text}`, date: `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}` };
}

/** Front matter `date`: YAML leaves it a string here (`2024-05-03`, `2024-05-03T10:00`). */
function frontMatterDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  const parsed = new Date(`${value}Z`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

// ---- Docs (docs.ts, slug.ts, numberPrefix.ts) ----

/** The doc's slug (getSlug), or undefined where the build fails (an `id` with a slash). */
function docSlug(relative: string, data: Readonly<Record<string, unknown>>, numberPrefixes: boolean): string | undefined {
  const parsePrefixes = numberPrefixes && data['parse_number_prefixes'] !== false;
  const name = basename(relative);
  const fileName = name.lastIndexOf('.') > 0 ? name.slice(0, name.lastIndexOf('.')) : name;
  const sourceDirName = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '.';
  const baseId = stringField(data, 'id') ?? (parsePrefixes ? stripNumberPrefix(fileName) : fileName);
  if (baseId.includes('/')) return undefined;
  const frontMatterSlug = stringField(data, 'slug');
  if (frontMatterSlug?.startsWith('/')) return frontMatterSlug;
  const dirName = parsePrefixes ? sourceDirName.split('/').map(stripNumberPrefix).join('/') : sourceDirName;
  const dirNameSlug = sourceDirName === '.' ? '/' : `/${dirName.replace(/^\/+/, '')}${dirName.endsWith('/') ? '' : '/'}`;
  if (frontMatterSlug === undefined && isCategoryIndex(fileName, sourceDirName)) return dirNameSlug;
  return resolvePathname(frontMatterSlug ?? baseId, dirNameSlug);
}

/** `index.md`, `README.md` and `<folder>/<folder>.md` are their folder's page (names as written, prefixes kept). */
function isCategoryIndex(fileName: string, sourceDirName: string): boolean {
  const folder = sourceDirName.split('/').pop()!.toLowerCase();
  return ['index', 'readme', folder].includes(fileName.toLowerCase());
}

/** DefaultNumberPrefixParser: `01-intro` → `intro`, `003 - doc` → `doc`; date- and version-like names (`2021-11-notes`) are kept. */
export function stripNumberPrefix(name: string): string {
  if (/^\d+[-_.]\d+/.test(name)) return name;
  return /^\d+\s*[-_.]+\s*(?<suffix>[^-_.\s].*)$/.exec(name)?.groups!.suffix ?? name;
}

/** The resolve-pathname package, which getSlug resolves a relative slug with: `to` against the folder URL `from`. */
function resolvePathname(to: string, from: string): string {
  const toParts = to ? to.split('/') : [];
  let fromParts = from ? from.split('/') : [];
  if (to.startsWith('/')) fromParts = toParts;
  else if (toParts.length > 0) {
    fromParts.pop();
    fromParts = fromParts.concat(toParts);
  }
  if (fromParts.length === 0) return '/';
  const last = fromParts[fromParts.length - 1];
  const trailingSlash = last === '.' || last === '..' || last === '';
  const parts: string[] = [];
  for (const part of fromParts) {
    if (part === '.') continue;
    if (part === '..') {
      if (parts.length > 1) parts.pop();
    } else parts.push(part);
  }
  if (parts[0] !== '') parts.unshift('');
  const result = parts.join('/') || '/';
  return trailingSlash && !result.endsWith('/') ? `${result}/` : result;
}

// ---- Pages and shared URL helpers (@docusaurus/utils) ----

/** fileToPath: `about.md` → `/about`, `team/index.md` → `/team/`. */
function fileToPath(relative: string): string {
  const index = /(^|.*\/)index\.(?:mdx?|jsx?|tsx?)$/i.exec(relative);
  return index ? `/${index[1]}` : `/${relative.replace(/\.(?:mdx?|jsx?|tsx?)$/, '')}`;
}

/** normalizeUrl for path segments: joined by one slash; a trailing slash is kept from the last segment. */
export function normalizeUrl(parts: readonly string[]): string {
  const out: string[] = [];
  let hasStartingSlash = false;
  let hasEndingSlash = false;
  parts.forEach((part, i) => {
    let component = part;
    if (component === '') {
      if (i === parts.length - 1 && hasEndingSlash) out.push('/');
      return;
    }
    if (component !== '/') {
      if (i > 0) component = component.replace(/^\/+/, component.startsWith('/') && !hasStartingSlash ? '/' : '');
      hasEndingSlash = component.endsWith('/');
      component = component.replace(/\/+$/, i < parts.length - 1 ? '' : '/');
    }
    hasStartingSlash = true;
    out.push(component);
  });
  return out.join('/').replace(/([^/]\/)\/+/g, '$1').replace(/^\/+/, '/');
}

/** applyTrailingSlash: `true` adds one, `false` removes it, never from `/` or a locale's root. */
function applyTrailingSlash(url: string, trailingSlash: boolean | undefined, base: string): string {
  if (trailingSlash === undefined || url === '/' || url === base) return url;
  if (trailingSlash) return url.endsWith('/') ? url : `${url}/`;
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

function stringField(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : undefined;
}

// ---- Pages made from no Markdown file ----

/** `/blog/a/b/` → ['blog', 'a', 'b'] below `base` (a route base path), or undefined outside it. */
function segmentsBelow(base: string, url: string): string[] | undefined {
  const root = normalizeUrl(['/', base]).replace(/\/$/, '');
  const path = url.replace(/\/+$/, '');
  if (root !== '' && path !== root && !path.startsWith(`${root}/`)) return undefined;
  return path.slice(root.length).split('/').filter(Boolean).map(safeDecode);
}

/**
 * Lists, tag, author and archive pages, feeds, docs tags and generated category indexes, the home page
 * and the search page (a theme's), and JSX pages in src/pages. When unsure, yes: silence.
 */
function isGeneratedPage(site: RouteSite, routing: DocusaurusRouting, url: string): boolean {
  if (url === '/' || url === '' || /^\/search\/?$/.test(url)) return true;
  if (routing.pluginRoutes?.some((route) => (route.whole ? isInside(route.path.replace(/\/$/, '') || '/', url.replace(/\/$/, '')) : url.startsWith(route.path)))) return true;
  const isNumber = (text: string | undefined) => text !== undefined && /^\d+$/.test(text);
  for (const blog of routing.blogs) {
    const below = segmentsBelow(blog.routeBasePath, url);
    if (!below) continue;
    const [first, second, third, fourth] = below;
    if (below.length === 0) return true;
    if (below.length === 2 && first === blog.pageBasePath && isNumber(second)) return true;
    if (below.length === 1 && ['rss.xml', 'atom.xml', 'feed.json'].includes(first!)) return true;
    if (below.length === 1 && first === blog.archiveBasePath) return true;
    if (first === blog.tagsBasePath && (below.length <= 2 || (below.length === 4 && third === blog.pageBasePath && isNumber(fourth)))) return true;
    if (first === blog.authorsBasePath) return true; // the list, each author with `page: true`, and their pages
  }
  for (const docs of routing.docs) {
    for (const version of docs.versions) {
      const below = segmentsBelow(normalizeUrl(['/', docs.routeBasePath, version.path]), url);
      if (!below || below.length === 0) continue;
      if (below[0] === docs.tagsBasePath && below.length <= 2) return true;
      // Sidebar categories with `link: { type: 'generated-index' }`, at `/category/<kebab-case label>` by default, or their `slug`.
      if (below[0] === 'category' && below.length >= 2) return true;
      if (docs.generatedIndexSlugs?.includes(`/${below.join('/')}`)) return true;
    }
  }
  return routing.pages.some((pages) => {
    const below = segmentsBelow(pages.routeBasePath, url);
    if (!below) return false;
    const stem = joinPath(pages.dir, ...below);
    const stems = below.length === 0 ? [joinPath(stem, 'index')] : [stem, joinPath(stem, 'index')];
    return stems.some((candidate) => ['.js', '.jsx', '.ts', '.tsx'].some((extension) => site.files.has(`${candidate}${extension}`)));
  });
}

/**
 * Whether the URL is below the routes of a content folder outside the site folder, or in a submodule the checkout lacks (a docs `path:
 * '../docs'` beside the website, as in a monorepo): its pages are built, but Postcraft does not read
 * that folder, so a link there is neither found nor missing.
 */
function isBelowUnseenFolder(config: SiteConfig, routing: DocusaurusRouting, url: string): boolean {
  // Outside the site, or in a submodule the checkout lacks (openfeature.dev's docs of external-content/specification).
  const unseen = (dir: string) => !isInside(config.root, dir) || inAbsentSubmodule(config.absentSubmoduleDirs, dir);
  const below = (base: string) => segmentsBelow(base, url) !== undefined;
  if (routing.blogs.some((blog) => unseen(blog.dir) && below(blog.routeBasePath))) return true;
  if (routing.pages.some((pages) => unseen(pages.dir) && below(pages.routeBasePath))) return true;
  return routing.docs.some((docs) => docs.versions.some((version) => unseen(version.dir) && below(normalizeUrl(['/', docs.routeBasePath, version.path]))));
}

/** A page of the default locale (its own route there) that has no translation in `locale`. */
function isUntranslatedPage(site: RouteSite, routing: DocusaurusRouting, locale: string, url: string): boolean {
  const key = url.replace(/\/+$/, '') || '/';
  for (const [path, post] of site.posts) {
    if (!post.route || (post.route.url.replace(/\/+$/, '') || '/') !== key) continue;
    const source = sourceFolderOf(routing, path);
    if (!source || source.translation) continue;
    const translations = foldersMemo.get(routing)!.find((folder) => folder.translation && folder.locale === locale && folder.instance === source.instance && folder.version === source.version);
    if (!translations || !site.files.has(joinPath(translations.dir, path.slice(source.dir.length + 1)))) return true;
  }
  return false;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray `%`: compared as written
  }
}
