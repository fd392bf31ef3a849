import { withoutBasePath } from './generators/profile';
import { isPostPath } from './fileSet';
import { routesOf } from './routes';
import type { Site } from './site';
import { basename, dirname, isInside, joinPath, normalizePath } from '../text/paths';
import type { LinkReference } from '../links/model';
import { isBareMailAddress, startsWithHostName } from '../links/schemelessAddress';
import { urlKey } from '../links/urlMap';
import { missingPublicFile } from './missingPublicFile';
import { inAbsentSubmodule } from './absentSubmodules';

/** What a link reaches, as the site's generator and web server would resolve it. */
export type LinkTarget =
  /** A page built from `path` (a post or another Markdown page); `viaAlias` when the URL is a redirect to it. */
  | { readonly kind: 'page'; readonly path: string; readonly viaAlias: boolean }
  /** A file published as it is (a static file, a bundle's resource). */
  | { readonly kind: 'file'; readonly path: string }
  /** A page's file, linked where the generator does not turn a file link into the page's URL (see GeneratorRoutes.followsFileLink). */
  | { readonly kind: 'unfollowed-file'; readonly path: string }
  /** A page the generator makes from no file of its own (a list, a term page, a feed), or a URL the host redirects. */
  | { readonly kind: 'generated' }
  /** Postcraft cannot tell: nothing is claimed. */
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'missing';
      /** The generator's words where it refuses the link (Hugo REF_NOT_FOUND), else undefined. */
      readonly why: string | undefined;
      /** Where the link was looked for, for the message: a URL path or a file path below the site root. */
      readonly lookedFor: string;
      /** Pages (or files) the writer may have meant, best first. */
      readonly suggestions: readonly string[];
      /** The address meant by a link written without its scheme: a host name first (`https://github.com/me`), or an e-mail address (`mailto:me@example.com`). */
      readonly address?: string;
      /** The file beside the page that the link names, which the page's URL does not reach: where it is published, if anywhere. */
      readonly besideFile?: { readonly path: string; readonly url?: string };
      /** The taxonomy (`tags`) whose term page the URL would be, where no page uses that term. */
      readonly unusedTerm?: { readonly taxonomy: string; readonly closest: readonly string[] };
    };

/** Resolves a link of the post at `fromPath` the way its site's generator does. */
export function resolveLink(site: Site, fromPath: string, link: LinkReference): LinkTarget {
  if (link.form !== 'markdown' && link.form !== 'html') return resolveTemplateLink(site, fromPath, link);
  if (link.path === '') return { kind: 'page', path: fromPath, viaAlias: false };
  const routes = routesOf(site.config.generator);
  const hooked = routes.resolveHookedLink?.(site, fromPath, link);
  if (hooked?.status === 'found') return site.posts.has(hooked.path) ? { kind: 'page', path: hooked.path, viaAlias: false } : { kind: 'file', path: hooked.path };
  if (hooked?.status === 'unknown') return { kind: 'unknown' };
  // A source path the generator rewrites to its page's URL, looked up in the generator's order.
  const sources = routes.linkedSourceFiles?.(site.config, fromPath, link) ?? [];
  for (const source of sources) {
    if (site.posts.has(source)) return routes.followsFileLink?.(site.config, fromPath, source) === false ? { kind: 'unfollowed-file', path: source } : { kind: 'page', path: source, viaAlias: false };
    if (site.files.has(source)) return { kind: 'file', path: source };
  }
  if (sources.length > 0 && isPostPath(link.path)) return isInside(site.root, sources[0]!) ? missingFile(site, sources[0]!, fromPath) : { kind: 'unknown' };
  if (link.path.startsWith('/')) {
    const url = withoutBasePath(site.config, link.path);
    // A full address (`https://example.org/docs/x`) is no root-relative link: the generator writes it as it is.
    return resolveUrl(site, (!link.absolute && routes.linkUrl?.(site.config, fromPath, url)) || url, fromPath);
  }
  // A relative link: a file beside the post (what the writer's editor and most generators' Markdown file
  // links follow), else a URL relative to the page's own URL (what the browser requests).
  const file = normalizePath(joinPath(dirname(fromPath), link.path));
  if (!isInside(site.root, file)) return { kind: 'unknown' };
  if (site.posts.has(file)) {
    const follows = routes.followsFileLink?.(site.config, fromPath, file) ?? true;
    return follows ? { kind: 'page', path: file, viaAlias: false } : { kind: 'unfollowed-file', path: file };
  }
  const route = site.posts.get(fromPath)?.route;
  if (site.files.has(file) || site.files.has(joinPath(file, 'index.html'))) return besideFile(site, file, route?.url, link.path, fromPath);
  const target = isPostPath(file) ? missingFile(site, file, fromPath) : route ? resolveUrl(site, relativeUrl(route.url, link.path), fromPath) : { kind: 'unknown' as const };
  // One that starts with a host name (`github.com/me/repo`) and reaches nothing is a web address written
  // without its scheme: a page with the same last segment is a coincidence of naming (a project page named
  // after its repository), not what the writer meant, so it is not suggested.
  if (target.kind !== 'missing' && target.kind !== 'unknown') return target;
  // Whatever the page's URL, no page of the site is below it at a host name or an e-mail address (henrik.nyh.se's
  // `[libxml](libxml.rubyforge.org/)` on a page whose permalink a custom filter makes).
  const lookedFor = route ? relativeUrl(route.url, link.path) : link.path;
  // So is an e-mail address without `mailto:` (LazyRen.github.io's `[contact me](lazy0ren@gmail.com)`).
  if (isBareMailAddress(link.path)) return { kind: 'missing', why: undefined, lookedFor, suggestions: [], address: `mailto:${link.raw}` };
  if (!startsWithHostName(link.path)) return target;
  return { kind: 'missing', why: undefined, lookedFor, suggestions: [], address: `https://${link.raw}` };
}

/**
 * A relative link to a file beside the page. Where the generator copies files only at their own path
 * (`publishedFileUrl`), the browser asks for the link from the page's URL, which reaches the file only where
 * the page's URL is in the file's folder (Jekyll's about/index.md with `permalink: /me/` asks /me/cv.pdf for
 * about/cv.pdf, published at /about/cv.pdf; jekyll 4.3.1's output has no /me/cv.pdf).
 */
function besideFile(site: Site, file: string, pageUrl: string | undefined, written: string, fromPath: string): LinkTarget {
  const published = routesOf(site.config.generator).publishedFileUrl?.(site.config, file);
  if (published === undefined || pageUrl === undefined) return { kind: 'file', path: file };
  const asked = relativeUrl(pageUrl, written);
  const reached = resolveUrl(site, asked, fromPath);
  // A URL outside the folders of pages is left alone as one a theme may serve; the file the writer meant is known here.
  if (reached.kind !== 'missing' && (reached.kind !== 'unknown' || servesUnlistedUrls(site))) return reached;
  return { kind: 'missing', why: undefined, lookedFor: asked, suggestions: [], besideFile: { path: file, ...(published === 'unpublished' ? {} : { url: published.url }) } };
}

function resolveTemplateLink(site: Site, fromPath: string, link: LinkReference): LinkTarget {
  const found = routesOf(site.config.generator).resolveTemplateLink?.(site, fromPath, link) ?? { status: 'unknown' };
  switch (found.status) {
    case 'found':
      return site.posts.has(found.path) ? { kind: 'page', path: found.path, viaAlias: false } : { kind: 'file', path: found.path };
    case 'missing':
      return { kind: 'missing', why: found.why, lookedFor: link.path, suggestions: similarPages(site, link.path, fromPath) };
    case 'unknown':
      return { kind: 'unknown' };
  }
}

/** A URL path below the base path: a page, a published file, a page the generator makes, or missing (suggestions in `fromPath`'s language first). */
export function resolveUrl(site: Site, url: string, fromPath?: string): LinkTarget {
  const pages = site.urlMap();
  const page = pages.pageAt(url);
  if (page) return { kind: 'page', path: page.path, viaAlias: page.viaAlias };
  const routes = routesOf(site.config.generator);
  const decoded = url.endsWith('/') ? `${url}index.html` : url;
  // `/tool` for a published folder's `/tool/index.html`: static hosts (Netlify, GitHub Pages, nginx, Apache)
  // answer it with a redirect to `/tool/`.
  const folderIndex = url.endsWith('/') ? [] : routes.fileCandidates(site.config, `${url}/index.html`);
  // `/update/api/1` for a published `/update/api/1.html`: GitHub Pages, Netlify and Cloudflare Pages add `.html` to a
  // bare name (see urlKey); a default nginx or S3 does not, but a link taken as good costs less than a false error.
  const htmlFile = url.endsWith('/') || /\.[^/]*$/.test(url) ? [] : routes.fileCandidates(site.config, `${url}.html`);
  for (const candidate of [...routes.fileCandidates(site.config, decoded), ...routes.fileCandidates(site.config, url), ...folderIndex, ...htmlFile, ...resourceOfMovedPage(site, url)]) {
    const file = normalizePath(candidate);
    // A page's own source file, where the generator rewrites a link to it (Eleventy's input paths), is that page.
    if (isInside(site.root, file) && site.files.has(file)) return site.posts.has(file) ? { kind: 'page', path: file, viaAlias: false } : { kind: 'file', path: file };
  }
  if (routes.isGeneratedUrl(site, url) || site.hostRedirects.reaches(url) || site.templatePageUrls.has(urlKey(url))) return { kind: 'generated' };
  const caseVariant = pages.caseVariant(url);
  const variantPage = caseVariant === undefined ? undefined : pages.pageAt(caseVariant)!;
  // A host that serves any letter case (Netlify) answers the URL with that page.
  if (variantPage && site.hostRedirects.caseInsensitive) return { kind: 'page', path: variantPage.path, viaAlias: variantPage.viaAlias };
  if (variantPage) return { kind: 'missing', why: undefined, lookedFor: url, suggestions: [variantPage.path] };
  // Unless the site's templates write redirects Postcraft cannot list (a retired tag's URL may be one).
  const unusedTerm = servesUnlistedUrls(site) ? undefined : routes.unusedTermPage?.(site, url);
  if (unusedTerm) return { kind: 'missing', why: undefined, lookedFor: url, suggestions: [], unusedTerm };
  // A URL outside every folder the site's pages are published in may be a page of the theme, a redirect
  // the host makes, or a file Postcraft's rules do not know: silence, unless a page looks like the one meant.
  // Below a folder of no page, only one of the same name does: a name that is only close is a coincidence there
  // (w3.org's /TR/WCAG21/ is served by the host, not a typo for a news post), where a root name is a typo (/traveling).
  const outsideSections = !pages.inSectionOfPages(url);
  const suggestions = similarPages(site, url, fromPath, outsideSections && urlKey(url).split('/').filter(Boolean).length > 1);
  // A URL naming a Markdown source (`/dynamic-config.md`, copied with TiDB's docs into tikv.org's) is no page of a theme
  // or a redirect: a file link to a file that is not there.
  const namesSource = /\.(?:md|markdown|mdx)$/i.test(urlKey(url));
  if (suggestions.length === 0 && !namesSource && (outsideSections || servesUnlistedUrls(site))) {
    const file = outsideSections && !servesUnlistedUrls(site) ? missingPublicFile(site, url) : undefined;
    return file ? { kind: 'missing', why: undefined, lookedFor: url, suggestions: file.suggestions } : { kind: 'unknown' };
  }
  return { kind: 'missing', why: undefined, lookedFor: url, suggestions };
}

/** Whether the site serves URLs Postcraft cannot list: redirects its templates write, routes its plugins add. */
function servesUnlistedUrls(site: Site): boolean {
  return site.hostRedirects.madeByTemplates || routesOf(site.config.generator).buildsUnlistedUrls?.(site.config) === true;
}

/** `bundleFileAt` as candidates for a URL. */
function resourceOfMovedPage(site: Site, url: string): string[] {
  const file = bundleFileAt(site, url);
  return file === undefined ? [] : [file];
}

/**
 * The file beside a page bundle's `index.md` that a URL names at the page's URL: a bundle whose URL a permalink or
 * `slug` moved publishes its files there (`/2023/12/a-bundle/handout.txt`), which no rule on paths alone finds. The
 * file need not exist. Needs every page's URL (`site.urlMap()`).
 */
export function bundleFileAt(site: Site, url: string): string | undefined {
  // A bundle publishes its images and files, never its Markdown (a page of its own, or nothing).
  if (isPostPath(url)) return undefined;
  const page = site.urlMap().pageAt(dirname(url.endsWith('/') ? url.slice(0, -1) : url));
  if (!page || !/^_?index\.[^.]+$/.test(basename(page.path))) return undefined;
  const file = joinPath(dirname(page.path), basename(url));
  return mayServeAtPageUrl(site, file) ? file : undefined;
}

/**
 * Whether a file of a page's folder may be served below the page's URL, as Hugo serves a bundle's: not where the
 * generator copies files only at their own path (Jekyll, Astro: see GeneratorRoutes.publishedFileUrl).
 */
export function mayServeAtPageUrl(site: Site, file: string): boolean {
  return routesOf(site.config.generator).publishedFileUrl?.(site.config, file) === undefined;
}

function missingFile(site: Site, file: string, fromPath: string): LinkTarget {
  if (inAbsentSubmodule(site.config.absentSubmoduleDirs, file)) return { kind: 'unknown' };
  const lookedFor = file.slice(site.root.length);
  const caseVariant = site.files.caseVariant(file);
  if (caseVariant) return { kind: 'missing', why: undefined, lookedFor, suggestions: [caseVariant] };
  const name = basename(file).toLowerCase();
  const sameName = [...site.posts.keys()].filter((path) => basename(path).toLowerCase() === name);
  const stem = name.replace(/\.[^.]+$/, '');
  return { kind: 'missing', why: undefined, lookedFor, suggestions: sameName.length > 0 ? nearestFirst(site, sameName, fromPath).slice(0, 3) : similarPages(site, stem, fromPath) };
}

/**
 * Pages the writer may have meant by a URL or name that reaches none: the same last segment (a slug)
 * under another folder or date, then the closest URLs by spelling.
 */
function similarPages(site: Site, written: string, fromPath: string | undefined, sameNameOnly = false): string[] {
  const pages = site.urlMap();
  const slug = basename(urlKey(written.replace(/\.(md|mdx|markdown)$/i, '').replace(/^\d{4}-\d{2}-\d{2}-/, '')));
  if (slug === '' || slug === '/') return [];
  const sameSlug = pages.withSlug(slug);
  if (sameSlug.length > 0) return nearestFirst(site, sameSlug, fromPath).slice(0, 3);
  if (sameNameOnly) return [];
  const close = pages.closestSlugs(slug, 3);
  return nearestFirst(site, close.flatMap((candidate) => pages.withSlug(candidate)), fromPath).slice(0, 3);
}

/**
 * Pages in the language of the linking page first (on a multilingual site a writer links within theirs), then those
 * sharing more of its folders (in versioned docs, the same version's page: longhorn.io's 1.12.0 docs were offered
 * 1.11.0's first), in their order otherwise.
 */
function nearestFirst(site: Site, paths: readonly string[], fromPath: string | undefined): string[] {
  if (fromPath === undefined) return [...paths];
  const language = site.posts.get(fromPath)?.language;
  const folders = dirname(fromPath).split('/');
  const shared = (path: string) => {
    const other = dirname(path).split('/');
    let count = 0;
    while (count < folders.length && count < other.length && folders[count] === other[count]) count++;
    return count;
  };
  const ranked = paths.map((path, index) => ({ path, index, sameLanguage: language !== undefined && site.posts.get(path)?.language === language, shared: shared(path) }));
  ranked.sort((a, b) => Number(b.sameLanguage) - Number(a.sameLanguage) || b.shared - a.shared || a.index - b.index);
  return ranked.map(({ path }) => path);
}


/** A relative URL resolved against a page's URL, as a browser does: from the page's folder. */
export function relativeUrl(pageUrl: string, relative: string): string {
  const folder = pageUrl.endsWith('/') ? pageUrl : `${dirname(pageUrl)}/`;
  const resolved = normalizePath(`${folder}${relative}`);
  return relative.endsWith('/') && !resolved.endsWith('/') ? `${resolved}/` : resolved;
}
