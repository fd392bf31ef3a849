import { isInside, relativePath } from '../../text/paths';
import { entryId } from '../generators/astro';
import { rootRelativeCandidates } from '../generators/profile';
import type { SiteConfig } from '../model';
import type { GeneratorRoutes } from './generatorRoutes';
import { isStarlightBlogPage, isStarlightFallback, starlightParam, type StarlightSetup } from '../generators/starlight';
import { escapeRegExp } from '../../text/regExp';

/** A route file of `src/pages/` (docs.astro.build/en/guides/routing/). */
export interface AstroPageFile {
  readonly file: string;
  /** Its route as Astro names it: `/blog/[...slug]`, `/about`, `/rss.xml`, `/` (no trailing slash, `index` dropped). */
  readonly route: string;
  /** `page`: Markdown, MDX, `.astro` or `.html` page; `endpoint`: a `.js`/`.ts` file that builds any file. */
  readonly kind: 'page' | 'endpoint';
  /** Its one parameter is paginate()'s page number alone (see `paginatesOnly`): it makes `/route`, `/route/2`… and nothing else. */
  readonly paginates?: true;
  /**
   * For a dynamic page whose `getStaticPaths` maps one collection's entries to its one parameter, as
   * `params: { slug: post.id }` (or `.slug`): which collection and which field. Absent when the mapping is
   * not that simple: its URLs are then unknown.
   */
  readonly entries?: {
    readonly collection: string;
    readonly field: 'id' | 'slug';
    /**
     * Starlight's docs route: an entry's id (a legacy collection's entry its slug, as Starlight before Astro 5
     * routed them), an id `index` (or ending `/index`) its folder's page (`starlightParam`).
     */
    readonly starlight?: boolean;
  };
}

/** A collection whose entries are Markdown files, as the loader finds them. */
export interface AstroEntrySource {
  readonly name: string;
  /** `glob`: Content Layer glob() loader; `folder`: a legacy collection of src/content/<name>/. */
  readonly kind: 'glob' | 'folder';
  readonly dir: string;
  /** The entries' paths below the project root that its patterns take. */
  readonly matches: RegExp;
  /** A `generateId` option: ids are the site's own. */
  readonly customIds: boolean;
}

/** What Astro's config says about URLs (filled by its config loader). */
export interface AstroRouting {
  readonly generator: 'astro';
  readonly pagesDir: string;
  readonly trailingSlash: 'always' | 'never' | 'ignore';
  readonly buildFormat: 'directory' | 'file' | 'preserve';
  readonly pageFiles: readonly AstroPageFile[];
  readonly collections: readonly AstroEntrySource[];
  /** `redirects` keys: Astro writes a redirect page at each. */
  readonly redirects: readonly string[];
  /** Routes Postcraft cannot list: redirects it cannot read, or a Starlight plugin that may add pages. */
  readonly unlistedRoutes: boolean;
  /** The site's Starlight, whose routes are in `pageFiles`; its locales build fallback pages. */
  readonly starlight?: StarlightSetup;
}

/** Astro 5's URL rules: file-based routes of src/pages, and the collection entries its dynamic routes list. */
export const astroRoutes: GeneratorRoutes = {
  pageRoute(config, path, data) {
    const routing = routingOf(config);
    if (!routing) return undefined;
    if (isInside(routing.pagesDir, path)) {
      const route = routeOfFile(relativePath(routing.pagesDir, path));
      return route === undefined || /\[/.test(route) ? undefined : { url: pageUrl(routing, route, path), aliases: [] };
    }
    const below = relativePath(config.root, path);
    const collection = routing.collections.find((candidate) => isInside(candidate.dir, path) && candidate.matches.test(below));
    if (!collection || collection.customIds) return undefined;
    const urls: string[] = [];
    for (const page of routing.pageFiles) {
      if (page.entries?.collection !== collection.name) continue;
      const starlight = page.entries.starlight === true;
      const id = entryValue(collection, starlight && collection.kind === 'folder' ? 'slug' : page.entries.field, relativePath(collection.dir, path), data);
      const value = id !== undefined && starlight ? starlightParam(id) : id;
      const route = value === undefined ? undefined : filledRoute(page.route, value);
      if (route === undefined) return undefined; // one of its pages cannot be named: say nothing
      urls.push(pageUrl(routing, route, page.file));
    }
    if (urls.length === 0) return undefined;
    // No date: Astro builds a post dated later like any other.
    return { url: urls[0]!, aliases: urls.slice(1) };
  },

  fileCandidates: rootRelativeCandidates,

  // Astro publishes public/ as it is and nothing else that is no page: a Markdown link leaves a file beside the entry
  // (`[tool.rb](./tool.rb)` in src/content/) as written, and astro 5.14.1 copies no such file.
  publishedFileUrl(config, file) {
    const publicDir = config.publicDirs[0];
    return publicDir !== undefined && isInside(publicDir, file) ? { url: `${config.basePath}/${relativePath(publicDir, file)}` } : 'unpublished';
  },

  buildsUnlistedUrls: (config) => routingOf(config)?.unlistedRoutes === true,

  isGeneratedUrl(site, url) {
    const routing = routingOf(site.config);
    if (!routing) return false;
    const path = stripSlashes(url.split(/[?#]/)[0]!);
    if (['', 'rss.xml', 'sitemap-index.xml', 'sitemap-0.xml'].includes(path)) return true;
    if (routing.redirects.some((from) => stripSlashes(from) === path)) return true;
    for (const page of routing.pageFiles) {
      // Markdown pages are posts with routes of their own; an entry route's missing slug is a broken link.
      if (page.entries || (page.kind === 'page' && /\.(md|mdx|markdown|mdoc)$/i.test(page.file) && !page.route.includes('['))) continue;
      if ((page.paginates ? pageNumberMatches : routeMatches)(page.route, path)) return true;
    }
    const starlight = routing.starlight;
    return starlight !== undefined && (isStarlightBlogPage(starlight, path) || isStarlightFallback(starlight, path, (inDefault) => site.urlMap().pageAt(`/${inDefault}`) !== undefined));
  },
};

function routingOf(config: SiteConfig): AstroRouting | undefined {
  return config.routing?.generator === 'astro' ? config.routing : undefined;
}

/**
 * The route of a file below src/pages: its path without extension, `index` dropped; endpoints keep the
 * extension of what they build (`rss.xml.js` → `/rss.xml`). A `_` file or folder is no route.
 */
export function routeOfFile(below: string): string | undefined {
  const segments = below.split('/');
  if (segments.some((segment) => segment.startsWith('_'))) return undefined;
  const last = segments.pop()!;
  const endpoint = /^(.+)\.(?:[cm]?[jt]s)$/i.exec(last);
  const page = /^(.+)\.(?:astro|md|mdx|markdown|mdoc|html)$/i.exec(last);
  const name = endpoint?.[1] ?? page?.[1];
  if (name === undefined) return undefined;
  if (name !== 'index' || endpoint) segments.push(name);
  return `/${segments.join('/')}`;
}

/** The route with its one parameter filled: `[slug]` takes one segment, `[...slug]` any (none too). */
function filledRoute(route: string, value: string): string | undefined {
  const params = route.match(/\[[^\]]+\]/g) ?? [];
  if (params.length !== 1) return undefined;
  const rest = params[0]!.startsWith('[...');
  if (!rest && (value === '' || value.includes('/'))) return undefined; // Astro refuses it: no page
  const filled = route.replace(params[0]!, value);
  return filled.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
}

/**
 * How Astro writes the page of a route (`build.format`, `trailingSlash`): `/about/` (directory), `/about.html`
 * (file), or by the source file's name (preserve: `about.md` → `/about.html`, `about/index.md` → `/about/`).
 */
function pageUrl(routing: AstroRouting, route: string, file: string): string {
  if (route === '/') return '/';
  const asFile = routing.buildFormat === 'file' || (routing.buildFormat === 'preserve' && !/(^|\/)index\.[^/]+$/.test(file));
  if (asFile) return `${route}.html`;
  return routing.trailingSlash === 'never' ? route : `${route}/`;
}

/**
 * The field a route maps: `id` of a glob() entry (generators/astro.ts `entryId`), or of a legacy entry its
 * path with extension; `slug` only legacy entries have (from the path, or the `slug` field).
 */
function entryValue(collection: AstroEntrySource, field: 'id' | 'slug', below: string, data: Readonly<Record<string, unknown>>): string | undefined {
  if (collection.kind === 'glob') return field === 'id' ? entryId('glob', below, data) : undefined;
  return field === 'slug' ? entryId('folder', below, data) : below;
}

/** Whether a URL path (no slashes at either end) is one a route can make: `[x]` one segment, `[...x]` any. */
function routeMatches(route: string, path: string): boolean {
  return routePattern(route).test(path) || routePattern(route).test(path.replace(/\.html$/, ''));
}

/** A paginated route's pages: its path without the number for a rest parameter, and with any page number (`build.format: 'file'`: `/2.html`). */
function pageNumberMatches(route: string, written: string): boolean {
  const path = written.replace(/\.html$/, '');
  const base = stripSlashes(route.replace(/\/?\[[^\]]+\]$/, ''));
  const rest = /\[\.\.\.[^\]]+\]$/.test(route);
  const number = base === '' ? path : path.startsWith(`${base}/`) ? path.slice(base.length + 1) : undefined;
  return (rest && path === base) || (number !== undefined && /^\d+$/.test(number));
}

const patterns = new Map<string, RegExp>();

function routePattern(route: string): RegExp {
  let pattern = patterns.get(route);
  if (!pattern) {
    const parts = stripSlashes(route)
      .split('/')
      .map((segment) => (/^\[\.\.\.[^\]]+\]$/.test(segment) ? '\u0000' : segment.split(/(\[[^\]]+\])/).map((part) => (part.startsWith('[') ? '[^/]+' : escapeRegExp(part))).join('')));
    // A rest parameter may also match nothing, its slash with it.
    const source = parts.join('/').replace(/\/?\u0000\/?/g, (match) => (match.startsWith('/') && match.endsWith('/') ? '(?:/.*)?/' : match.startsWith('/') ? '(?:/.*)?' : match.endsWith('/') ? '(?:.*/)?' : '.*'));
    pattern = new RegExp(`^${source}$`);
    patterns.set(route, pattern);
  }
  return pattern;
}

function stripSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
