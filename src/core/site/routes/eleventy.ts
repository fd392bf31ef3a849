import { withoutBasePath } from '../generators/profile';
import { basename, dirname, extname, isInside, joinPath, relativePath } from '../../text/paths';
import { eleventySlugify } from '../../text/slugify';
import type { SiteConfig } from '../model';
import { isExcludedFile } from '../pageKinds';
import type { GeneratorRoutes, RouteSite } from './generatorRoutes';
import { escapeRegExp } from '../../text/regExp';

/**
 * A `permalink` a data file gives: a string or `false` (no page), or one Postcraft cannot read (a function, computed data),
 * with the folder every address it writes starts with, where it knows one (`within`).
 */
export type DataPermalink = { readonly value: string | false } | { readonly unknown: true; readonly within?: string };

/** What Eleventy's config says about URLs (filled by its config loader). */
export interface EleventyRouting {
  readonly generator: 'eleventy';
  /** The input folder: a template's default URL is its path below it. */
  readonly inputDir: string;
  /**
   * `permalink`s of the data files, by the path they apply to without extension: a template data file
   * (`/site/blog/post` for `post.11tydata.json`) or a folder's (`/site/blog/blog` for `blog/blog.json`).
   * Only bases that set one are here; the winner among a base's files (`.11tydata.js` over `.11tydata.json`
   * over `.json`) is resolved by the loader.
   */
  readonly dataPermalinks: ReadonlyMap<string, DataPermalink>;
  /** `layout`s of the data files, by the same paths as `dataPermalinks`. */
  readonly dataLayouts?: ReadonlyMap<string, string>;
  /** The `permalink` a layout's front matter (or a layout it is laid out in) sets, by the names a template may give the layout. */
  readonly layoutPermalinks?: ReadonlyMap<string, string | false>;
  /** Something rewrites every URL or sets `permalink` for all (url transforms, global data, other data file names). */
  readonly permalinksUnknown: boolean;
  /** URL keys (see `urlKeyOf`) of pages built from other templates (Nunjucks, Liquid, HTML, 11ty.js) and the config's virtual templates. */
  readonly generatedUrls: ReadonlySet<string>;
  /** URLs such templates make that cannot be listed: pagination, templated permalinks. */
  readonly generatedPatterns: readonly RegExp[];
  /** Files (as paths below the project root) a string `addPassthroughCopy` or a copied template format copies, input folder stripped. */
  readonly passthroughCopies: RegExp | undefined;
  /** A markdown-it rule of the site's own reads Markdown images: it may write them elsewhere, or inline them. */
  readonly markdownImageRule?: true;
  /** A passthrough copy whose source is not a literal: what the build copies is not all known. */
  readonly copiesUnread?: true;
  /** `addPassthroughCopy({ from: to })`: the folder and the URL prefix it is copied to (`/` included). */
  readonly passthroughMappings: readonly (readonly [from: string, urlPrefix: string])[];
  /**
   * With InputPathToUrlTransformPlugin: the template file names (`.md`, `.njk`…) whose input path in an
   * `href` Eleventy rewrites to the template's URL; undefined without the plugin.
   */
  readonly inputPathLinks?: RegExp | undefined;
  /**
   * Front matter keys whose URL paths a page's old URLs are: a template writing `_redirects` makes a rule from each
   * page's values (`{% for old in page.data.redirectFrom %}{{ old }} {{ page.url }}`, see redirectsPage.ts).
   */
  readonly aliasKeys?: readonly string[];
}

/** The root-relative URL paths a page's alias keys hold (a string or a list), as the redirects template writes them. */
function aliasesOf(routing: EleventyRouting, data: Readonly<Record<string, unknown>>): string[] {
  const aliases: string[] = [];
  for (const key of routing.aliasKeys ?? []) {
    const value = data[key];
    for (const alias of Array.isArray(value) ? value : [value]) if (typeof alias === 'string' && alias.startsWith('/')) aliases.push(alias);
  }
  return aliases;
}

/** Eleventy's URL rules (Eleventy 3: TemplatePermalink, TemplateFileSlug, TemplateData's local data paths). */
export const eleventyRoutes: GeneratorRoutes = {
  pageRoute(config, path, data) {
    const routing = routingOf(config);
    if (!routing) return undefined;
    const result = permalinkOf(routing, path, data);
    const unknowns = unknownPermalinks(routing);
    if (result.kind === 'unknown') unknowns.set(path, { pattern: result.pattern, paginated: false });
    else if (result.kind === 'page' && data['pagination'] !== undefined) unknowns.set(path, { pattern: paginationPattern(result.url), paginated: true });
    else unknowns.delete(path);
    if (result.kind !== 'page') return undefined;
    return { url: result.url, aliases: aliasesOf(routing, data), ...withDate(dateOf(config, path, data)) };
  },

  linkedSourceFiles: (config, fromPath, link) => inputPathCandidates(config, fromPath, link.path),

  fileCandidates(config, url) {
    const routing = routingOf(config);
    if (!routing) return [];
    const path = withoutBasePath(config, url);
    const candidates: string[] = inputPathCandidates(config, undefined, path);
    for (const [from, prefix] of routing.passthroughMappings) if (path.startsWith(prefix)) candidates.push(joinPath(from, path.slice(prefix.length)));
    // A string passthrough copy keeps the file's path, less the input folder (TemplatePassthrough).
    const copied = routing.passthroughCopies;
    if (copied) {
      for (const candidate of [joinPath(routing.inputDir, path), joinPath(config.root, path)]) {
        const fromInput = isInside(routing.inputDir, candidate);
        if (candidate === joinPath(config.root, path) && fromInput && routing.inputDir !== config.root) continue; // copied without the input folder: another URL
        if (isInside(config.root, candidate) && copied.test(relativePath(config.root, candidate)) && !candidates.includes(candidate)) candidates.push(candidate);
      }
    }
    return candidates;
  },

  // drivet/website-11ty's src/oldsite/gp_img/*.jpg, shown as `/oldsite/gp_img/…` with only static/ passthrough-copied: Eleventy 3.1.2
  // writes no gp_img/. A file of the input folder or the project root is on the site only where a passthrough copy (or a
  // template format that copies) takes it, or the image transform writes it; other folders served at the root are a bundler's.
  unpublishedImageFile(config, file, path, origin) {
    const routing = routingOf(config);
    if (!routing || routing.copiesUnread || config.transformsImages || !path.startsWith('/') || (origin === 'markdown' && routing.markdownImageRule)) return undefined;
    if (config.publicDirs.some((dir) => dir !== routing.inputDir && dir !== config.root && isInside(dir, file))) return undefined;
    // The file as found, whose letter case a host that serves any (Netlify) may not share with the path.
    const copied = eleventyRoutes.fileCandidates(config, path).map((candidate) => candidate.toLowerCase());
    return copied.includes(file.toLowerCase()) ? undefined : 'not-copied';
  },

  isGeneratedUrl(site, url) {
    const routing = routingOf(site.config);
    if (!routing) return false;
    const key = urlKeyOf(url);
    if (key === '/' || routing.generatedUrls.has(key) || feedUrls.has(key)) return true;
    const variants = urlVariants(url);
    if (routing.generatedPatterns.some((pattern) => variants.some((variant) => pattern.test(variant)))) return true;
    return pendingPatterns(site, routing).some((pattern) => variants.some((variant) => pattern.test(variant)));
  },
};

/**
 * The templates an `href` may name by input path, in the order InputPathToUrlTransformPlugin tries them
 * (Eleventy 3 normalizeInputPath): as written when it starts with the input folder (`src/blog/a.md`),
 * relative to the input folder (`/blog/a.md`, `blog/a.md`), then, for a relative path, to the linking
 * template's folder (`a.md`). Each must be a template the site renders; the first that is one is
 * rewritten to its URL (`#…`/`?…` kept). Empty without the plugin. `fromPath` undefined: a root-relative URL.
 */
export function inputPathCandidates(config: SiteConfig, fromPath: string | undefined, linkPath: string): string[] {
  const routing = routingOf(config);
  const templates = routing?.inputPathLinks;
  if (!routing || !templates) return [];
  let path = linkPath.replace(/[?#].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    return [];
  }
  if (!templates.test(path)) return [];
  const candidates: string[] = [];
  const relative = !path.startsWith('/');
  if (relative && isInside(routing.inputDir, joinPath(config.root, path))) candidates.push(joinPath(config.root, path));
  candidates.push(joinPath(routing.inputDir, path));
  if (relative && fromPath !== undefined) candidates.push(joinPath(dirname(fromPath), path));
  return [...new Set(candidates)].filter((candidate) => isInside(routing.inputDir, candidate) && !isExcludedFile(config, candidate));
}

/** Feeds the RSS plugin writes by its documented defaults (`/feed.xml`, `/feed/feed.xml`), and the usual sitemap. */
const feedUrls = new Set(['/feed.xml', '/feed/feed.xml', '/feed.json', '/feed/feed.json', '/sitemap.xml']);

function routingOf(config: SiteConfig): EleventyRouting | undefined {
  return config.routing?.generator === 'eleventy' ? config.routing : undefined;
}

export type PermalinkResult =
  | { readonly kind: 'page'; readonly url: string }
  /** `permalink: false`: rendered, never written. */
  | { readonly kind: 'none' }
  /** A permalink Postcraft cannot compute; `pattern` matches the URLs it could give. */
  | { readonly kind: 'unknown'; readonly pattern: RegExp };

/**
 * The URL (`page.url`) of the template at `path`, with its front matter `data`: its own `permalink`, else the
 * nearest data file's, else the default from its path below the input folder (Template `_getLink`).
 */
export function permalinkOf(routing: EleventyRouting, path: string, data: Readonly<Record<string, unknown>>): PermalinkResult {
  if (!isInside(routing.inputDir, path)) return { kind: 'none' };
  const page = pageVariables(routing, path);
  const anything: PermalinkResult = { kind: 'unknown', pattern: below(page.folderUrl) };
  const computed = data['eleventyComputed'];
  if (computed && typeof computed === 'object' && 'permalink' in computed) return anything;
  let permalink: unknown = data['permalink'];
  if (permalink === undefined) {
    const fromData = dataPermalink(routing, path);
    // A data file's function may put its pages anywhere (equk's posts.11tydata.js: `${date}/${slug}/`, beside no folder of
    // theirs), or below the folder all its addresses start with (`/m/${data.title}/`).
    if (fromData && 'unknown' in fromData) return { kind: 'unknown', pattern: fromData.within === undefined ? anyUrl : below(fromData.within) };
    // Then a layout's front matter (the data cascade's fifth source, henrik's and schneyra's article layouts:
    // `permalink: articles/{{ title | slugify }}/index.html`, which eleventy 2.0.1 builds).
    const layout = typeof data['layout'] === 'string' ? data['layout'] : nearestData(routing.dataLayouts, routing, path);
    const fromLayout = fromData || layout === undefined ? undefined : routing.layoutPermalinks?.get(layout);
    if (fromData) permalink = fromData.value;
    else if (fromLayout !== undefined) permalink = fromLayout;
    else if (routing.permalinksUnknown) return anything;
  }
  if (permalink && typeof permalink === 'object' && !Array.isArray(permalink)) {
    const link = permalink as Record<string, unknown>;
    if (Object.keys(link).length === 0) permalink = undefined; // `{}` acts as no permalink
    else if (!('build' in link)) return { kind: 'none' }; // serverless-only keys: nothing built
    else permalink = link['build'];
  }
  if (permalink === false) return { kind: 'none' };
  if (permalink === undefined || permalink === null || permalink === '') return { kind: 'page', url: defaultUrl(routing, path) };
  if (typeof permalink !== 'string') return anything;
  const rendered = data['dynamicPermalink'] === false ? permalink : renderPermalink(permalink, page, data);
  return rendered === undefined ? { kind: 'unknown', pattern: templatePattern(permalink) } : { kind: 'page', url: hrefOf(rendered) };
}

interface PageVariables {
  readonly fileSlug: string;
  readonly filePathStem: string;
  /** The URL of the template's folder below the input folder (`/blog/`). */
  readonly folderUrl: string;
}

/** `page.fileSlug` and `page.filePathStem` as TemplateFileSlug makes them (a `YYYY-MM-DD-` prefix dropped). */
export function pageVariables(routing: EleventyRouting, path: string): PageVariables {
  const below = relativePath(routing.inputDir, path);
  const dirs = below.split('/').slice(0, -1);
  const rawSlug = stripDate(withoutTemplateExtension(basename(path)));
  const lastDir = dirs[dirs.length - 1];
  const fileSlug = rawSlug === 'index' ? (lastDir === undefined ? '' : stripDate(lastDir)) : rawSlug;
  return { fileSlug, filePathStem: `/${[...dirs, rawSlug].join('/')}`, folderUrl: dirs.length === 0 ? '/' : `/${dirs.join('/')}/` };
}

/** Not anchored, as in Eleventy: `notes-2024-01-02-x` has the slug `x`. */
function stripDate(slug: string): string {
  return /\d{4}-\d{2}-\d{2}-(.*)/.exec(slug)?.[1] ?? slug;
}

/** `post.md` → `post`, `feed.11ty.js` → `feed` (ExtensionMap.removeTemplateExtension). */
function withoutTemplateExtension(name: string): string {
  const javascript = /\.11ty\.[cm]?js$/i.exec(name);
  return javascript ? name.slice(0, javascript.index) : name.slice(0, name.length - extname(name).length);
}

/** TemplatePermalink.generate: `blog/post.md` → `/blog/post/`, `blog/index.md` and `blog/blog.md` → `/blog/`. */
export function defaultUrl(routing: EleventyRouting, path: string): string {
  const dir = dirname(relativePath(routing.inputDir, path));
  const folder = dir === '.' || dir === '' ? '' : dir;
  const name = withoutTemplateExtension(basename(path));
  const duplicateFolder = folder !== '' && basename(folder) === name;
  return hrefOf(`${folder ? `${folder}/` : ''}${name !== 'index' && !duplicateFolder ? `${name}/` : ''}index.html`);
}

/** TemplatePermalink.toHref: relative to the output folder, `index.html` (and a bare `/index`) dropped. */
export function hrefOf(permalink: string): string {
  const withFile = permalink.endsWith('/') ? `${permalink}index.html` : permalink;
  const parts: string[] = [];
  for (const part of withFile.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const url = `/${parts.join('/')}`;
  for (const needle of ['/index.html', '/index/', '/index']) if (url.endsWith(needle)) return `${url.slice(0, url.length - needle.length)}/`;
  return url;
}

/**
 * A permalink's `{{ … }}` rendered when each is a variable Postcraft knows: `page.fileSlug`,
 * `page.filePathStem`, or a string of the front matter, optionally `| slugify`d (Eleventy's own slugify).
 * Any tag (`{% … %}`) or other expression: undefined.
 */
function renderPermalink(permalink: string, page: PageVariables, data: Readonly<Record<string, unknown>>): string | undefined {
  if (permalink.includes('{%')) return undefined;
  let known = true;
  const rendered = permalink.replace(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g, (_, expression: string) => {
    const [name, ...filters] = expression.split('|').map((part) => part.trim());
    let value = variable(name!, page, data);
    for (const filter of filters) value = value === undefined || filter !== 'slugify' ? undefined : eleventySlugify(value);
    if (value === undefined) known = false;
    return value ?? '';
  });
  return known && !rendered.includes('{{') ? rendered : undefined;
}

function variable(name: string, page: PageVariables, data: Readonly<Record<string, unknown>>): string | undefined {
  if (name === 'page.fileSlug') return page.fileSlug;
  if (name === 'page.filePathStem') return page.filePathStem;
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === 'page') return undefined;
  const value = data[name];
  return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)) ? String(value) : undefined;
}

/**
 * The URLs a permalink template can give: its text, with each `{{ … }}` any part of one path segment
 * (any path, when it names a path variable); each branch of its `{% if %}`s (musikele's and tink's paginated
 * home pages, `/{% if pagination.pageNumber > 0 %}archives/page{{ pagination.pageNumber + 1 }}/{% endif %}`: `/`
 * and `/archives/page2/`…, Eleventy 3.1.2 checked); and where other tags stand, anything from the first to the last.
 */
export function templatePattern(permalink: string): RegExp {
  const branches = permalink.includes('{%') ? conditionalBranches(permalink) : undefined;
  if (branches) return new RegExp(`^(?:${branches.map((branch) => templateSource(branch.replace(/\/{2,}/g, '/'))).join('|')})$`);
  // Text between tags may be conditional or repeated: from the first tag to the last, anything.
  const first = permalink.indexOf('{%');
  const last = permalink.lastIndexOf('%}');
  return new RegExp(`^${templateSource(first === -1 || last < first ? permalink : `${permalink.slice(0, first)}{%%}${permalink.slice(last + 2)}`)}$`);
}

/** A permalink template (no `{% %}` tag left but `{%%}`) as pattern source: rooted, `index.html` optional after a trailing slash. */
function templateSource(template: string): string {
  const source = template
    .split(/(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/)
    .map((part) => {
      if (part.startsWith('{%')) return '.*';
      if (part.startsWith('{{')) return /filePathStem|url|inputPath|outputPath|\/|\+/.test(part) ? '.*' : '[^/]*';
      return escapeRegExp(part);
    })
    .join('');
  const rooted = source.startsWith('/') || source.startsWith('.*') ? source : `/${source}`;
  return `${rooted}${template.endsWith('/') ? '(?:index\\.html)?' : ''}`;
}

/**
 * The permalink's text for each way through its `{% if %}`/`{% unless %}` tags (`elsif`, `else`; none nested, at most 16
 * ways), each branch's text in place of the tags; undefined where another tag stands in it (a loop, an assignment).
 */
function conditionalBranches(permalink: string): string[] | undefined {
  let ways = [''];
  let branches: string[] | undefined;
  let otherwise = false;
  for (const part of permalink.split(/(\{%-?[\s\S]*?-?%\})/)) {
    const tag = /^\{%-?\s*(\w+)/.exec(part)?.[1];
    if (tag === undefined) {
      if (branches) branches[branches.length - 1] += part;
      else ways = ways.map((way) => way + part);
    } else if (tag === 'if' || tag === 'unless') {
      if (branches) return undefined;
      branches = [''];
      otherwise = false;
    } else if (tag === 'elsif' || tag === 'else') {
      if (!branches || otherwise) return undefined;
      branches.push('');
      otherwise = tag === 'else';
    } else if (tag === 'endif' || tag === 'endunless') {
      if (!branches) return undefined;
      const taken = otherwise ? branches : [...branches, ''];
      ways = ways.flatMap((way) => taken.map((branch) => way + branch));
      branches = undefined;
      if (ways.length > 16) return undefined;
    } else return undefined;
  }
  return branches ? undefined : ways;
}

/** Pages 2… of a paginated template are written one folder deeper: `/blog/` → `/blog/1/`. */
export function paginationPattern(url: string): RegExp {
  const folder = url.endsWith('/') ? url : `${dirname(url)}/`;
  const file = url.endsWith('/') ? '' : basename(url);
  return new RegExp(`^${escapeRegExp(folder)}\\d+/${escapeRegExp(file)}$`);
}

const anyUrl = /^\//;

function below(folderUrl: string): RegExp {
  return new RegExp(`^${escapeRegExp(folderUrl)}.+`);
}


/**
 * The nearest data file `permalink`: the template's own data file, then each folder's from the deepest up,
 * then the input folder's own (`src/src.json`), as TemplateData.getLocalDataPaths orders them.
 */
function dataPermalink(routing: EleventyRouting, path: string): DataPermalink | undefined {
  return nearestData(routing.dataPermalinks, routing, path);
}

/** The nearest data file's value of one key (see `dataPermalink`), by the paths the data files apply to. */
function nearestData<T>(values: ReadonlyMap<string, T> | undefined, routing: EleventyRouting, path: string): T | undefined {
  if (!values || values.size === 0) return undefined;
  const own = joinPath(dirname(path), withoutTemplateExtension(basename(path)));
  const found = values.get(own);
  if (found !== undefined) return found;
  for (let dir = dirname(path); isInside(routing.inputDir, dir) && dir !== routing.inputDir; dir = dirname(dir)) {
    const folderData = values.get(joinPath(dir, basename(dir)));
    if (folderData !== undefined) return folderData;
  }
  return values.get(joinPath(routing.inputDir, basename(routing.inputDir)));
}

/**
 * The date a post is published at (`page.date`): its front matter `date` (a string Luxon reads as ISO, or
 * a YAML date), else the first `YYYY-MM-DD` in its path. `Last Modified`, `git Created` and the like are
 * the file's history: no date of publication Postcraft can know.
 */
function dateOf(config: SiteConfig, path: string, data: Readonly<Record<string, unknown>>): string | undefined {
  const date = data['date'];
  if (date instanceof Date) return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  if (typeof date === 'string') return /^\d{4}-\d{2}-\d{2}/.test(date) ? date : undefined;
  if (date !== undefined) return undefined;
  return /(\d{4}-\d{2}-\d{2})/.exec(relativePath(config.root, path))?.[1];
}

function withDate(date: string | undefined): { date?: string } {
  return date === undefined ? {} : { date };
}

/**
 * Patterns of the pages whose permalink could not be computed (or that paginate), by path: kept per
 * routing, written as each page's route is computed. `isGeneratedUrl` uses those of pages that still have
 * no route, so a link to such a page is never reported.
 */
interface PendingPattern {
  readonly pattern: RegExp;
  /** Pages 2… of a page with a known URL: they count while that page is known. */
  readonly paginated: boolean;
}

const unknownByRouting = new WeakMap<EleventyRouting, Map<string, PendingPattern>>();

function unknownPermalinks(routing: EleventyRouting): Map<string, PendingPattern> {
  let map = unknownByRouting.get(routing);
  if (!map) unknownByRouting.set(routing, (map = new Map()));
  return map;
}

function pendingPatterns(site: RouteSite, routing: EleventyRouting): RegExp[] {
  const patterns: RegExp[] = [];
  for (const [path, { pattern, paginated }] of unknownPermalinks(routing)) {
    const post = site.posts.get(path);
    if (post && (post.route === undefined) !== paginated) patterns.push(pattern);
  }
  return patterns;
}

/** A URL as a static server finds it: `/a/b/`, `/a/b`, `/a/b/index.html` and `/a/b.html` are one page. */
export function urlKeyOf(url: string): string {
  let key = url.split(/[?#]/)[0]!;
  if (key.endsWith('/index.html')) key = key.slice(0, -'index.html'.length);
  else if (key.endsWith('.html')) key = key.slice(0, -'.html'.length);
  while (key.length > 1 && key.endsWith('/')) key = key.slice(0, -1);
  return key === '' ? '/' : key;
}

/** The forms a server reaches one page by, for patterns written in one of them. */
function urlVariants(url: string): string[] {
  const key = urlKeyOf(url);
  if (key === '/') return ['/', '/index.html'];
  return [url, key, `${key}/`, `${key}/index.html`, `${key}.html`];
}
