import { withoutBasePath } from '../generators/profile';
import { jekyllReadsDate } from '../../schema/dates';
import type { LinkReference } from '../../links/model';
import { basename, isInside, joinPath, relativePath } from '../../text/paths';
import type { SiteConfig } from '../model';
import { isExcludedFile } from '../pageKinds';
import { isPostPath } from '../fileSet';
import type { GeneratorRoutes, RouteSite, TemplateLinkTarget } from './generatorRoutes';
import type { PageRoute } from './model';
import { escapeRegExp } from '../../text/regExp';

/**
 * What Jekyll's config says about URLs (filled by its config loader from `_config.yml`). Each rule below
 * follows Jekyll 4.3's source: lib/jekyll/url.rb, document.rb, page.rb, drops/url_drop.rb, utils.rb,
 * configuration.rb, frontmatter_defaults.rb and tags/post_url.rb, link.rb; checked with `jekyll build`.
 */
export interface JekyllRouting {
  readonly generator: 'jekyll';
  /** The source folder. */
  readonly source: string;
  /** `collections_dir` (the source itself when unset): posts, drafts and collections are read there. */
  readonly collectionsDir: string;
  /** `permalink:` as written: a style (`date`, the default, `pretty`, `ordinal`, `weekdate`, `none`) or a pattern. */
  readonly permalink: string;
  /** Every collection by label, `posts` included (always written). */
  readonly collections: Readonly<Record<string, JekyllCollection>>;
  /** `defaults:` sets with a `values` map, in order. */
  readonly defaults: readonly JekyllDefaultsSet[];
  /** Extensions the Markdown converter takes (`markdown_ext`), lower case with the dot: their pages are `.html`. */
  readonly markdownExtensions: readonly string[];
  /** `timezone:` (an IANA name); dates are read in the machine's zone without it, as Jekyll does. */
  readonly timezone?: string;
  /** Plugins the site loads (`plugins:`, `gems:`, the Gemfile), for the pages and redirects they make. */
  readonly plugins: readonly string[];
  /** Top-level `_` folders the config's `include` names: their files are pages like any others', not a collection's. */
  readonly includedSpecialFolders?: readonly string[];
  /** Every entry of the config's `include` with its slashes trimmed (`.htaccess`, `assets/_shots`): what Jekyll reads though special. */
  readonly included?: readonly string[];
  /** Folders below the source where the site's own plugins (`_plugins/`) make pages no rule on paths knows (see `LocalPlugins.pageFolders`). */
  readonly pluginPageFolders?: readonly string[];
  /** No jekyll-relative-links (nor GitHub Pages, which runs it): a link to a page's `.md` file stays as written. */
  readonly fileLinksAsWritten?: true;
  /**
   * jekyll-relative-links ≥ 0.7 takes `/_pages/team.md` for the source file at that path below the source folder
   * (crystal-lang.org links so): to pages, and to collection documents too with its `collections: true`.
   */
  readonly rootFileLinks?: 'pages' | 'pages and documents';
  /** jekyll-paginate's `paginate_path` (or jekyll-paginate-v2's `permalink`), when pagination is on. */
  readonly paginatePath?: string;
  /** jekyll-feed's `feed.path` (default `/feed.xml`), when the plugin is on. */
  readonly feedPath?: string;
  /** jekyll-archives: the archive kinds it makes (`year`, `month`, `day`, `tags`, `categories`) and their permalinks. */
  readonly archives?: { readonly enabled: readonly string[]; readonly permalinks: Readonly<Record<string, string>> };
}

export interface JekyllCollection {
  readonly output: boolean;
  readonly permalink?: string;
}

export interface JekyllDefaultsSet {
  readonly scope?: { readonly path?: unknown; readonly type?: unknown };
  readonly values: Readonly<Record<string, unknown>>;
}

/** Jekyll's URL rules. */
export const jekyllRoutes: GeneratorRoutes = {
  followsFileLink(config) {
    return jekyllRoutingOf(config)?.fileLinksAsWritten !== true;
  },

  linkedSourceFiles(config, _fromPath, link) {
    const routing = jekyllRoutingOf(config);
    if (!routing?.rootFileLinks || link.form !== 'markdown' || !link.path.startsWith('/') || !isPostPath(link.path)) return undefined;
    const file = joinPath(routing.source, link.path);
    const item = classify(routing, file);
    return item && (item.kind === 'page' || routing.rootFileLinks === 'pages and documents') ? [file] : undefined;
  },

  pageRoute(config, path, data) {
    const routing = jekyllRoutingOf(config);
    if (!routing || isExcludedFile(config, path)) return undefined;
    const item = classify(routing, path);
    if (!item) return undefined;
    return item.kind === 'page' ? pageUrl(routing, item, data) : documentUrl(routing, item, data);
  },

  // Every file outside `_` folders that is not excluded is copied at its path below the source; jekyll-relative-links
  // rewrites links to pages only. What is excluded (a dateless file in `_posts/`, a `_` folder) is not copied at all
  // (jekyll 4.3.1: `_posts/class/slides.pdf` is not in the output). A file in a posts or collection folder that
  // Jekyll reads may be written as a collection's static file, and jekyll-postfiles copies the files of `_posts/`
  // beside their post's URL: not claimed.
  unpublishedImageFile: (config, file) => (inSpecialFolder(config, file) ? 'special-folder' : undefined),

  publishedFileUrl(config, file) {
    const routing = jekyllRoutingOf(config);
    if (!routing || (routing.plugins.includes('jekyll-postfiles') && file.includes('/_posts/'))) return undefined;
    if (!isInside(routing.source, file) || isExcludedFile(config, file)) return 'unpublished';
    const path = relativePath(routing.source, file);
    return path.split('/').some((segment) => specialSegment.test(segment)) ? undefined : { url: `${config.basePath}/${path}` };
  },

  fileCandidates(config, url) {
    const routing = jekyllRoutingOf(config);
    if (!routing) return [];
    const path = withoutBasePath(config, url);
    const file = joinPath(routing.source, path);
    if (!isInside(routing.source, file) || path.split('/').some((segment) => specialSegment.test(segment)) || isExcludedFile(config, file)) return [];
    return [file];
  },

  isGeneratedUrl(site, url) {
    const routing = jekyllRoutingOf(site.config);
    if (!routing) return false;
    const key = urlKey(url);
    if (key === '/' || key === '/404') return true;
    const has = (plugin: string) => routing.plugins.includes(plugin);
    if (routing.pluginPageFolders?.some((folder) => key.startsWith(`/${folder}/`))) return true;
    if (routing.feedPath && (key === urlKey(routing.feedPath) || /^\/feed\/[^/]+\.xml$/.test(url))) return true;
    if ((has('jekyll-sitemap') || has('github-pages')) && (key === '/sitemap.xml' || key === '/robots.txt')) return true;
    if (routing.paginatePath && patternOf(routing.paginatePath, { num: '[2-9]|[1-9]\\d+' }).test(key)) return true;
    if (routing.archives) {
      const kinds: Record<string, string> = { year: 'year', month: 'month', day: 'day', tags: 'tag', categories: 'category' };
      for (const kind of routing.archives.enabled) {
        const permalink = routing.archives.permalinks[kinds[kind] ?? ''];
        if (permalink && patternOf(permalink, { year: '\\d{4}', month: '\\d{2}', day: '\\d{2}', name: '[^/]+' }).test(key)) return true;
      }
    }
    return false;
  },

  resolveTemplateLink(site, _fromPath, link) {
    const routing = jekyllRoutingOf(site.config);
    if (!routing) return { status: 'unknown' };
    const argument = link.raw.trim();
    // Jekyll renders Liquid in a `link` argument (and takes post_url's as written): a variable is not followed.
    if (/\{\{|\{%/.test(argument)) return { status: 'unknown' };
    if (link.form === 'jekyll-post_url') return findPost(site, routing, argument);
    if (link.form === 'jekyll-link') return findSiteFile(site, routing, argument);
    return { status: 'unknown' };
  },
};

function jekyllRoutingOf(config: SiteConfig): JekyllRouting | undefined {
  return config.routing?.generator === 'jekyll' ? config.routing : undefined;
}

/** Whether Jekyll reads the file as a document (a post, a draft, a collection's document) rather than a page. */
export function isJekyllDocument(config: SiteConfig, path: string): boolean {
  const routing = jekyllRoutingOf(config);
  return routing !== undefined && classify(routing, path)?.kind === 'document';
}

// ---------------------------------------------------------------------------------------------------
// What a file is to Jekyll

type Item =
  /** A page: any file with frontmatter that Jekyll walks to. `dir` as Page#dir: '' at the root, else `/blog`. */
  | { readonly kind: 'page'; readonly relativePath: string; readonly dir: string; readonly name: string }
  /** A document of a collection; `relativePath` below collections_dir, as Document#relative_path. */
  | { readonly kind: 'document'; readonly label: string; readonly relativePath: string; readonly draft: boolean; readonly categoriesFromPath: readonly string[] };

const specialSegment = /^[_.#~]|~$/;

/**
 * Whether Jekyll never copies `file` to the site: a folder or file below a top-level folder whose name is special
 * (`assets/_speaking/a.png`, `img/_draft.png`), which entry_filter.rb drops at any depth unless `include` names it
 * (jekyll 4.3.1 writes no assets/_hidden/a.png). Top-level `_` folders are posts, drafts, collections or includes:
 * other rules say what of them is published.
 */
export function inSpecialFolder(config: SiteConfig, file: string): boolean {
  const routing = jekyllRoutingOf(config);
  if (!routing || !isInside(routing.source, file)) return false;
  const segments = relativePath(routing.source, file).split('/');
  if (segments.length < 2 || specialSegment.test(segments[0]!)) return false;
  const included = routing.included ?? [];
  return segments.some((segment, index) => index > 0 && specialSegment.test(segment) && !included.some((entry) => entry === segment || entry === segments.slice(0, index + 1).join('/')));
}

function classify(routing: JekyllRouting, path: string): Item | undefined {
  if (!isInside(routing.source, path) || path === routing.source) return undefined;
  if (isInside(routing.collectionsDir, path) && path !== routing.collectionsDir) {
    const relativePath = path.slice(routing.collectionsDir.length + 1);
    const segments = relativePath.split('/');
    const first = segments[0]!;
    const included = routing.collectionsDir === routing.source && !!routing.includedSpecialFolders?.includes(first);
    if (first.startsWith('_') && first !== '_posts' && first !== '_drafts' && !(included && !routing.collections[first.slice(1)])) {
      const label = first.slice(1);
      return routing.collections[label] && label !== 'posts' ? { kind: 'document', label, relativePath, draft: false, categoriesFromPath: [] } : undefined;
    }
    // Posts and drafts are read from `_posts/` and `_drafts/` in any folder Jekyll walks to; the folders above are categories.
    const magic = segments.findIndex((segment) => segment === '_posts' || segment === '_drafts');
    if (magic !== -1) {
      const above = segments.slice(0, magic);
      if (above.some((segment) => specialSegment.test(segment))) return undefined;
      const entry = segments.slice(magic + 1).join('/');
      const draft = segments[magic] === '_drafts';
      if (!(draft ? datelessFileName : dateFileName).test(entry)) return undefined;
      return { kind: 'document', label: 'posts', relativePath, draft, categoriesFromPath: above };
    }
  }
  const relativePath = path.slice(routing.source.length + 1);
  const segments = relativePath.split('/');
  if (segments.some((segment) => segment === '_posts' || segment === '_drafts')) return undefined;
  const name = segments.pop()!;
  return { kind: 'page', relativePath, dir: segments.length === 0 ? '' : `/${segments.join('/')}`, name };
}

/** Document::DATE_FILENAME_MATCHER and DATELESS_FILENAME_MATCHER. */
const dateFileName = /^(?:.+\/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/;
const datelessFileName = /^(?:.+\/)*(.*)(\.[^.]+)$/;

// ---------------------------------------------------------------------------------------------------
// Pages

function pageUrl(routing: JekyllRouting, page: Extract<Item, { kind: 'page' }>, frontmatter: Readonly<Record<string, unknown>>): PageRoute | undefined {
  const data = withDefaults(routing, page.relativePath, 'pages', frontmatter);
  const ext = rubyExtname(page.name);
  const base = page.name.slice(0, page.name.length - ext.length).replace(/\.*$/, '');
  const outputExt = converterOutputExt(routing, ext);
  const html = outputExt === '.html' || outputExt === '.xhtml' || outputExt === '.htm';
  const template = !html ? '/:path/:basename:output_ext' : base === 'index' ? '/:path/' : addPermalinkSuffix('/:path/:basename', routing.permalink);
  const permalink = truthy(data['permalink']) ? String(data['permalink']) : undefined;
  const url = urlFromHash(permalink ?? template, [
    ['path', page.dir],
    ['basename', base],
    ['output_ext', outputExt],
  ]);
  return { url, aliases: redirectsFrom(routing, data) };
}

/** URL#generate_url_from_hash: each known placeholder replaced in turn, others left as written. */
function urlFromHash(template: string, placeholders: readonly (readonly [string, string])[]): string {
  let result = unescapePath(template);
  for (const [key, value] of placeholders) {
    if (!result.includes(':')) break;
    result = result.split(`:${key}`).join(value);
  }
  return sanitizeUrl(result);
}

// ---------------------------------------------------------------------------------------------------
// Documents: posts, drafts and collections

/** What Jekyll's post_url fallback compares of each post, kept beside the routes made here. */
interface PostFacts {
  readonly slug: unknown;
  readonly day: readonly [number, number, number] | undefined;
}
const postFacts = new WeakMap<PageRoute, PostFacts>();

// The placeholders a document's date fills (Jekyll::Drops::UrlDrop).
const datePlaceholder = /:(?:year|short_year|month|i_month|short_month|long_month|day|i_day|y_day|short_day|long_day|hour|minute|second|week|w_year|w_day)\b/;

function documentUrl(routing: JekyllRouting, doc: Extract<Item, { kind: 'document' }>, frontmatter: Readonly<Record<string, unknown>>): PageRoute | undefined {
  const collection = routing.collections[doc.label];
  if (!collection?.output) return undefined;
  const data = withDefaults(routing, doc.relativePath, doc.label, frontmatter);
  const name = basename(doc.relativePath);
  const ext = rubyExtname(name);
  const basenameWithoutExt = name.slice(0, name.length - ext.length);
  // Document#populate_title: the slug (and a date) from the file name.
  const dated = dateFileName.exec(doc.relativePath);
  const fileSlug = (dated ? dated[2]! : (datelessFileName.exec(doc.relativePath)?.[1] ?? basenameWithoutExt)).replace(/\.*$/, '');
  const slug = truthy(data['slug']) ? data['slug'] : fileSlug;
  const parsed = documentDate(routing, data['date'], dated?.[1]);
  // Jekyll stops the build on a date Time.parse refuses; one it reads that Postcraft cannot place (`20-10-2017`)
  // leaves only the URLs that need no date known.
  if (parsed === 'invalid' && !jekyllReadsDate(String(data['date'] ?? ''))) return undefined;
  const date = parsed === 'invalid' ? undefined : parsed;
  const permalink = truthy(data['permalink']) ? String(data['permalink']) : undefined;
  const outputExt = permalinkExt(permalink) ?? converterOutputExt(routing, ext);
  const cleanedRelativePath = doc.relativePath
    .slice(0, doc.relativePath.length - ext.length)
    .replace(`_${doc.label}`, '')
    .replace(/\.*$/, '');
  const clock = date?.clock ?? nowClock(routing);
  const categories = [...new Set(categoriesOf(doc.categoriesFromPath, data).map((category) => category.toLowerCase()))];
  const slugText = slug === undefined || slug === null ? undefined : String(slug);
  const placeholders: Record<string, () => string> = {
    collection: () => doc.label,
    name: () => slugify(basenameWithoutExt),
    title: () => slugify(slugText ?? basenameWithoutExt, 'pretty', true),
    slug: () => slugify(slugText ?? basenameWithoutExt),
    categories: () => categories.join('/'),
    slugified_categories: () => [...new Set(categoriesOf(doc.categoriesFromPath, data).map((category) => slugify(category)))].join('/'),
    path: () => cleanedRelativePath,
    output_ext: () => outputExt,
    ...dateParts(clock),
  };
  const template = collection.permalink ?? (doc.label === 'posts' ? styleToPermalink(routing.permalink) : addPermalinkSuffix('/:collection/:path', routing.permalink));
  if (parsed === 'invalid' && datePlaceholder.test(permalink ?? template)) return undefined;
  const url = urlFromDrop(permalink ?? template, placeholders);
  if (url === undefined) return undefined; // an unknown placeholder stops Jekyll's build
  // Jekyll dates a draft by its file's mtime (approximated here by the clock, see `nowClock`) and
  // another document without a date by the build's time: only the latter's URL moves with the clock.
  const datedByBuild = !date && !doc.draft && datePlaceholder.test(permalink ?? template);
  const route: PageRoute = { url, aliases: redirectsFrom(routing, data), ...(date ? { date: date.iso } : {}), ...(datedByBuild ? { datedByBuild } : {}) };
  if (doc.label === 'posts') postFacts.set(route, { slug: data['slug'] ?? fileSlug, day: [clock.year, clock.month, clock.day] });
  return route;
}

/** URL#generate_url_from_drop: `:name` placeholders (letters and `_`; `:month_` is `:month` then `_`). */
function urlFromDrop(template: string, placeholders: Readonly<Record<string, () => string>>): string | undefined {
  let unknown = false;
  const result = unescapePath(template).replace(/:([a-z_]+)/g, (match, name: string) => {
    const key = name.endsWith('_') ? name.slice(0, -1) : name;
    const value = Object.hasOwn(placeholders, key) ? placeholders[key]!() : undefined;
    if (value === undefined) {
      unknown = true;
      return match;
    }
    return match.replace(`:${key}`, () => value);
  });
  return unknown ? undefined : sanitizeUrl(result);
}

/**
 * Categories as Document gives them: the folders above `_posts/`, then those of `defaults:` and of the
 * frontmatter (a string split on spaces), then `category` (taken whole) or `categories` again.
 */
function categoriesOf(fromPath: readonly string[], data: Readonly<Record<string, unknown>>): string[] {
  const listed = (value: unknown) => (typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : Array.isArray(value) ? value.flat(Infinity) : value === undefined ? [] : [value]);
  // `categories:` left empty (null) in the frontmatter drops the folders' categories too.
  const categories = 'categories' in data && data['categories'] === null ? [] : [...fromPath, ...listed(data['categories'])];
  const singular = data['category'] ?? undefined;
  const extra = singular !== undefined && singular !== null ? [singular].flat(Infinity) : typeof data['categories'] === 'string' || Array.isArray(data['categories']) ? listed(data['categories']) : [];
  return [...new Set([...categories, ...extra].filter((item) => item !== null && item !== undefined).map(String))];
}

const styles: Readonly<Record<string, string>> = {
  none: '/:categories/:title:output_ext',
  date: '/:categories/:year/:month/:day/:title:output_ext',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
};

function styleToPermalink(style: string): string {
  return styles[style.replace(/^:/, '')] ?? style;
}

/** Utils.add_permalink_suffix: pages and collections end as the site's permalink style does. */
function addPermalinkSuffix(template: string, style: string): string {
  const name = style.replace(/^:/, '');
  if (name === 'pretty') return `${template}/`;
  if (name === 'date' || name === 'ordinal' || name === 'none') return `${template}:output_ext`;
  return `${template}${style.endsWith('/') ? '/' : ''}${style.endsWith(':output_ext') ? ':output_ext' : ''}`;
}

/** Renderer#permalink_ext: a permalink's own extension sets the output's. */
function permalinkExt(permalink: string | undefined): string | undefined {
  if (permalink === undefined || permalink.endsWith('/')) return undefined;
  return rubyExtname(permalink) || undefined;
}

/** Markdown becomes `.html`; any other file keeps its extension (Jekyll's identity converter). */
function converterOutputExt(routing: JekyllRouting, ext: string): string {
  return routing.markdownExtensions.includes(ext.toLowerCase()) ? '.html' : ext;
}

/** jekyll-redirect-from: each `redirect_from` path is a page redirecting to this one. */
function redirectsFrom(routing: JekyllRouting, data: Readonly<Record<string, unknown>>): string[] {
  if (!routing.plugins.includes('jekyll-redirect-from')) return [];
  const from = data['redirect_from'];
  const paths = (Array.isArray(from) ? from : [from]).filter((item): item is string | number => typeof item === 'string' || typeof item === 'number');
  return paths.map((item) => sanitizeUrl(unescapePath(String(item))));
}

/**
 * Whether Jekyll writes the file with no layout: none in its front matter or its `defaults:`, and no plugin that
 * gives one (jekyll-default-layout, which GitHub Pages runs). Such a page is its converted text alone, with no
 * `<title>` around it (jekyll build 4.3.1; swift.org's `.well-known/atproto-dtd`).
 */
export function writtenWithoutLayout(config: SiteConfig, path: string, frontmatter: Readonly<Record<string, unknown>>): boolean {
  const routing = jekyllRoutingOf(config);
  if (!routing || routing.plugins.includes('jekyll-default-layout') || routing.plugins.includes('github-pages')) return false;
  const item = classify(routing, path);
  if (!item) return false;
  return !truthy(withDefaults(routing, item.relativePath, item.kind === 'page' ? 'pages' : item.label, frontmatter)['layout']);
}

// ---------------------------------------------------------------------------------------------------
// Front matter defaults (FrontmatterDefaults#all)

function withDefaults(routing: JekyllRouting, relativePath: string, type: string, frontmatter: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  let merged: Record<string, unknown> = {};
  let winner: JekyllDefaultsSet['scope'] | undefined;
  let first = true;
  for (const set of routing.defaults) {
    if (set.scope && !appliesTo(routing, set.scope, relativePath, type)) continue;
    if (first || hasPrecedence(winner, set.scope)) {
      merged = { ...merged, ...set.values };
      winner = set.scope;
      first = false;
    } else merged = { ...set.values, ...merged };
  }
  if (first) return frontmatter;
  // Categories of the defaults and of the frontmatter add up (Document#merge_categories!).
  const categories = 'categories' in frontmatter && frontmatter['categories'] !== null && 'categories' in merged ? [...new Set([...splitCategories(merged['categories']), ...splitCategories(frontmatter['categories'])])] : undefined;
  return { ...merged, ...frontmatter, ...(categories ? { categories } : {}) };
}

function splitCategories(value: unknown): unknown[] {
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
}

function appliesTo(routing: JekyllRouting, scope: NonNullable<JekyllDefaultsSet['scope']>, relativePath: string, type: string): boolean {
  if (scope.type !== undefined && scope.type !== null && deprecatedType(String(scope.type)) !== type) return false;
  const scopePath = scope.path;
  if (typeof scopePath !== 'string' || scopePath === '') return true;
  const path = sanitizeScopePath(relativePath);
  const collectionsDir = routing.collectionsDir === routing.source ? '' : routing.collectionsDir.slice(routing.source.length + 1);
  const strip = (scoped: string) => (collectionsDir !== '' && scoped.startsWith(`${collectionsDir}/`) ? scoped.slice(collectionsDir.length + 1) : scoped);
  if (!scopePath.includes('*')) return path.startsWith(strip(scopePath));
  // Dir.glob from the source, then a prefix test: a globbed folder or file the path is in (or is).
  const glob = new RegExp(`^${globSource(strip(scopePath.replace(/^\/+/, '')))}$`);
  const segments = path.split('/');
  return segments.some((_, index) => glob.test(segments.slice(0, index + 1).join('/')));
}

function deprecatedType(type: string): string {
  return type === 'page' ? 'pages' : type === 'post' ? 'posts' : type === 'draft' ? 'drafts' : type;
}

function sanitizeScopePath(path: unknown): string {
  if (typeof path !== 'string' || path === '') return '';
  return path.startsWith('/') ? path.replace(/^\//, '') : path;
}

function hasPrecedence(old: JekyllDefaultsSet['scope'] | undefined, next: JekyllDefaultsSet['scope'] | undefined): boolean {
  const newPath = sanitizeScopePath(next?.path);
  const oldPath = sanitizeScopePath(old?.path);
  if (newPath.length !== oldPath.length) return newPath.length >= oldPath.length;
  if (next && 'type' in next) return true;
  return !(old && 'type' in old);
}

/** Ruby's Dir.glob: `*` within a name, `**` across folders, `?` one character. */
function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out.replace(/\/$/, '');
}

// ---------------------------------------------------------------------------------------------------
// Dates (Utils.parse_date: Time.parse(...).localtime, in `timezone:` or the machine's zone)

interface Clock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * The document's date as Jekyll reads it: the frontmatter's `date` (YAML's timestamps without a zone are
 * UTC, as Psych reads them), else the file name's date at local midnight. Undefined when it has neither
 * (Jekyll then takes the build time); 'invalid' when Jekyll could not read it.
 */
function documentDate(routing: JekyllRouting, value: unknown, fileDate: string | undefined): { clock: Clock; iso: string } | 'invalid' | undefined {
  if (value instanceof Date) return atInstant(routing, value.getTime());
  if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim();
    const psychTime = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.\d*)?(?:\s*(Z|[-+]\d{1,2}(?::?\d\d)?))?$/.exec(text);
    if (psychTime) {
      const [, y, mo, d, h, mi, s, zone] = psychTime;
      const clock = validClock(+y!, +mo!, +d!, +h!, +mi!, +s!);
      return clock ? atInstant(routing, Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) - offsetMinutes(zone ?? 'Z') * 60_000) : 'invalid';
    }
    const parsed = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d\d)(?::(\d\d)(?:\.\d*)?)?)?\s*(Z|UTC|GMT|[-+]\d{1,2}(?::?\d\d)?)?$/.exec(text);
    if (!parsed) return looseDate(routing, text);
    const [, y, mo, d, h, mi, s, zone] = parsed;
    const clock = validClock(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0));
    if (!clock) return 'invalid';
    return zone ? atInstant(routing, Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) - offsetMinutes(zone) * 60_000) : atClock(routing, clock);
  }
  if (value !== undefined && value !== null && value !== false) return 'invalid';
  if (!fileDate) return undefined;
  const [y, mo, d] = fileDate.split('-').map(Number);
  const clock = validClock(y!, mo!, d!, 0, 0, 0);
  return clock ? atClock(routing, clock) : 'invalid';
}

/**
 * Ruby's Time.parse reads much more than ISO dates (`Mar 2, 2016`, `2016/03/02 10:00`); JavaScript's own
 * parser reads most of the same. Without a zone the text is a wall-clock time in the site's zone.
 */
function looseDate(routing: JekyllRouting, text: string): { clock: Clock; iso: string } | 'invalid' {
  if (!/\d/.test(text) || !/[a-z]{3}|\//i.test(text)) return 'invalid';
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return 'invalid';
  if (/(?:Z|UTC|GMT|[-+]\d{2}:?\d{2})$/i.test(text)) return atInstant(routing, parsed.getTime());
  const clock = validClock(parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate(), parsed.getHours(), parsed.getMinutes(), parsed.getSeconds());
  return clock ? atClock(routing, clock) : 'invalid';
}

function validClock(year: number, month: number, day: number, hour: number, minute: number, second: number): Clock | undefined {
  const time = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || time.getUTCDate() !== day || hour > 24 || minute > 59 || second > 60) return undefined;
  return { year, month, day, hour, minute, second };
}

function offsetMinutes(zone: string): number {
  const match = /^([-+])(\d{1,2}):?(\d\d)?$/.exec(zone);
  if (!match) return 0; // Z, UTC, GMT
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/** An instant as the wall clock of the site's zone reads it. */
function atInstant(routing: JekyllRouting, instant: number): { clock: Clock; iso: string } {
  const clock = clockAt(routing, instant);
  return { clock, iso: isoWithOffset(clock, (clockMillis(clock) - instant) / 60_000) };
}

/** A wall-clock time read in the site's zone (Time.parse without a zone). */
function atClock(routing: JekyllRouting, clock: Clock): { clock: Clock; iso: string } {
  const guess = clockMillis(clock);
  let offset = (clockMillis(clockAt(routing, guess)) - guess) / 60_000;
  offset = (clockMillis(clockAt(routing, guess - offset * 60_000)) - (guess - offset * 60_000)) / 60_000;
  return { clock, iso: isoWithOffset(clock, offset) };
}

function nowClock(routing: JekyllRouting): Clock {
  return clockAt(routing, Date.now());
}

function clockAt(routing: JekyllRouting, instant: number): Clock {
  const date = new Date(instant);
  if (!routing.timezone) return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds() };
  try {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: routing.timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
        .formatToParts(date)
        .map((part) => [part.type, Number(part.value)]),
    );
    return { year: parts['year']!, month: parts['month']!, day: parts['day']!, hour: parts['hour']!, minute: parts['minute']!, second: parts['second']! };
  } catch {
    // A zone name the platform does not know: Jekyll would fail on it too; the machine's zone is a guess.
    return clockAt({ ...routing, timezone: '' }, instant);
  }
}

function clockMillis(clock: Clock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

function isoWithOffset(clock: Clock, offset: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offset));
  return `${clock.year}-${two(clock.month)}-${two(clock.day)}T${two(clock.hour)}:${two(clock.minute)}:${two(clock.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** UrlDrop's date placeholders (strftime of the document's date). */
function dateParts(clock: Clock): Record<string, () => string> {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = new Date(Date.UTC(clock.year, clock.month - 1, clock.day));
  const weekday = day.getUTCDay();
  const yearDay = Math.round((day.getTime() - Date.UTC(clock.year, 0, 1)) / 86_400_000) + 1;
  // ISO 8601 week: the week holding the year's first Thursday is week 1.
  const thursday = new Date(day.getTime() + (3 - ((weekday + 6) % 7)) * 86_400_000);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return {
    year: () => String(clock.year).padStart(4, '0'),
    month: () => two(clock.month),
    day: () => two(clock.day),
    hour: () => two(clock.hour),
    minute: () => two(clock.minute),
    second: () => two(clock.second),
    i_day: () => String(clock.day),
    i_month: () => String(clock.month),
    short_month: () => monthNames[clock.month - 1]!.slice(0, 3),
    long_month: () => monthNames[clock.month - 1]!,
    short_year: () => two(clock.year % 100),
    w_year: () => String(isoYear),
    week: () => two(week),
    w_day: () => String(weekday === 0 ? 7 : weekday),
    short_day: () => dayNames[weekday]!.slice(0, 3),
    long_day: () => dayNames[weekday]!,
    y_day: () => String(yearDay).padStart(3, '0'),
  };
}

// ---------------------------------------------------------------------------------------------------
// Text rules (Utils.slugify, URL#sanitize_url, File.extname)

const slugifyPatterns: Readonly<Record<string, RegExp>> = {
  raw: /\s+/gu,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/g,
  latin: /[^\p{M}\p{L}\p{Nd}]+/gu,
};

/** Jekyll's Utils.slugify: `mode` is `raw`, `default`, `pretty`, `ascii` or `latin`; any other mode only lowercases. */
export function slugify(text: string, mode = 'default', cased = false): string {
  const pattern = slugifyPatterns[mode];
  if (!pattern) return cased ? text : text.toLowerCase();
  // latin: I18n.transliterate drops accents and turns other letters into `?` (then replaced).
  const source = mode === 'latin' ? text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\x00-\x7f]/g, '?') : text;
  const slug = source.replace(pattern, '-').replace(/^-|-$/g, '');
  return cased ? slug : slug.toLowerCase();
}

/** URL#sanitize_url: `..` becomes `/`, `./` goes, slashes are squeezed, and a leading one ensured. */
function sanitizeUrl(url: string): string {
  return `/${url}`.replaceAll('..', '/').replaceAll('./', '').replace(/\/+/g, '/');
}

/** URL.unescape_path: routes are kept decoded, as links are. */
function unescapePath(path: string): string {
  if (!path.includes('%')) return path;
  return path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Ruby's File.extname: the last `.…` of the name, not a leading dot. */
function rubyExtname(path: string): string {
  const name = basename(path).replace(/^\.+/, '');
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

function truthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false;
}

/** The key urlMap.ts uses: `/a/`, `/a`, `/a.html` and `/a/index.html` are one page. */
function urlKey(url: string): string {
  let key = url;
  if (key.endsWith('/index.html')) key = key.slice(0, -'index.html'.length);
  else if (key.endsWith('.html')) key = key.slice(0, -'.html'.length);
  while (key.length > 1 && key.endsWith('/')) key = key.slice(0, -1);
  return key === '' ? '/' : key;
}

/** A permalink pattern with its placeholders as expressions, matched against URL keys. */
function patternOf(permalink: string, placeholders: Readonly<Record<string, string>>): RegExp {
  const source = urlKey(sanitizeUrl(permalink))
    .split(/(:[a-z_]+)/)
    .map((part) => (part.startsWith(':') && placeholders[part.slice(1)] ? `(?:${placeholders[part.slice(1)]})` : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${source}$`);
}

// ---------------------------------------------------------------------------------------------------
// Template links

const postName = /^(.+\/)*(\d+-\d+-\d+)-(.*)$/;

/**
 * `{% post_url name %}` as Jekyll 4.3's PostUrl tag finds it: a post whose path below collections_dir is
 * `_posts/<sub/>name.<ext>` or `<sub/>_posts/name.<ext>`; else, deprecated, any post with the same date
 * and slug. Drafts count (as `jekyll serve --drafts` builds them).
 */
function findPost(site: RouteSite, routing: JekyllRouting, name: string): TemplateLinkTarget {
  const parsed = postName.exec(name.replace(/^\//, ''));
  if (!parsed) return { status: 'missing', why: `Could not parse name of post "${name}" in tag 'post_url'` };
  const [, path = '', date, slug] = parsed;
  const basenamePattern = `${date}-${escapeRegExp(slug!)}\\.[^.]+`;
  let nameRegex: RegExp;
  try {
    nameRegex = new RegExp(`^_posts/${path}${basenamePattern}|^${path}_posts/?${basenamePattern}`);
  } catch {
    return { status: 'unknown' };
  }
  // The usual case without a walk through the site: the post at one of the two places the name allows.
  for (const folder of [`_posts/${path}`, `${path}_posts/`]) {
    for (const ext of [...routing.markdownExtensions, '.html', '.htm']) {
      const file = joinPath(routing.collectionsDir, `${folder}${date}-${slug}${ext}`);
      if ((site.posts.has(file) || site.files.has(file)) && classify(routing, file)?.kind === 'document' && !isExcludedFile(site.config, file)) return { status: 'found', path: file };
    }
  }
  const posts: { path: string; relativePath: string; route: PageRoute | undefined }[] = [];
  for (const file of candidatePostFiles(site, routing)) {
    const item = classify(routing, file);
    if (item?.kind === 'document' && item.label === 'posts') posts.push({ path: file, relativePath: item.relativePath, route: site.posts.get(file)?.route });
  }
  const found = posts.filter((post) => nameRegex.test(post.relativePath));
  if (found.length > 0) return { status: 'found', path: earliest(found).path };
  // The deprecated match: same slug (the post's own, or its file name's) and the same day.
  const [year, month, day] = date!.split('-').map(Number);
  const fallback = posts.filter((post) => {
    const facts = post.route ? postFacts.get(post.route) : undefined;
    const postSlug = facts ? facts.slug : dateFileName.exec(post.relativePath)?.[2];
    const postDay = facts ? facts.day : dateFileName.exec(post.relativePath)?.[1]?.split('-').map(Number);
    return postSlug === slug && postDay !== undefined && postDay[0] === year && postDay[1] === month && postDay[2] === day;
  });
  if (fallback.length > 0) return { status: 'found', path: earliest(fallback).path };
  return { status: 'missing', why: `Could not find post "${name}" in tag 'post_url'` };
}

/** Site files in a `_posts/` or `_drafts/` folder: posts Postcraft does not index (`.html`) are posts to Jekyll too. */
function* candidatePostFiles(site: RouteSite, routing: JekyllRouting): Iterable<string> {
  for (const file of site.files.all()) if (/\/_(posts|drafts)\//.test(file) && isInside(routing.collectionsDir, file) && !isExcludedFile(site.config, file)) yield file;
  for (const file of site.posts.keys()) if (!site.files.has(file) && /\/_(posts|drafts)\//.test(file)) yield file;
}

/** Jekyll keeps posts sorted by date, then path, and returns the first that matches. */
function earliest(posts: readonly { path: string; route: PageRoute | undefined }[]): { path: string } {
  return [...posts].sort((a, b) => (a.route?.date ?? '').localeCompare(b.route?.date ?? '') || a.path.localeCompare(b.path))[0]!;
}

/**
 * `{% link path %}` as Jekyll's Link tag finds it: the exact path of a page (below the source), a
 * document (below collections_dir) or a static file (below the source, with or without a leading `/`).
 */
function findSiteFile(site: RouteSite, routing: JekyllRouting, argument: string): TemplateLinkTarget {
  const withLeadingSlash = `/${argument.replace(/^\/+/, '')}`;
  // Pages (by their path below the source) and written documents (below collections_dir).
  for (const path of new Set([joinPath(routing.source, argument), joinPath(routing.collectionsDir, argument)])) {
    if (!site.posts.get(path)?.route) continue;
    const item = classify(routing, path);
    if (item && item.relativePath === argument) return { status: 'found', path };
  }
  // A static file: any other file Jekyll copies (its relative_path starts with `/`).
  const file = joinPath(routing.source, withLeadingSlash);
  if (isInside(routing.source, file) && site.files.has(file) && !site.posts.has(file) && !isExcludedFile(site.config, file) && copiesAsStatic(routing, file)) {
    return { status: 'found', path: file };
  }
  // Pages that plugins make (feed.xml, sitemap.xml) are site files too.
  if (jekyllRoutes.isGeneratedUrl(site, withLeadingSlash) && withLeadingSlash !== '/') return { status: 'unknown' };
  return { status: 'missing', why: `Could not find document '${argument}' in tag 'link'` };
}

/** Files Jekyll walks to and copies: outside `_`/`.` folders, or in a collection it writes. */
function copiesAsStatic(routing: JekyllRouting, file: string): boolean {
  const relative = file.slice(routing.source.length + 1).split('/');
  if (!relative.slice(0, -1).some((segment) => specialSegment.test(segment))) return !specialSegment.test(relative.at(-1)!);
  const inCollection = isInside(routing.collectionsDir, file) ? file.slice(routing.collectionsDir.length + 1).split('/')[0]! : '';
  const label = inCollection.startsWith('_') ? inCollection.slice(1) : '';
  return label !== '' && label !== 'posts' && routing.collections[label]?.output === true;
}

