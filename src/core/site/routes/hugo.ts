import { basename, isInside, joinPath } from '../../text/paths';
import { isPostPath } from '../fileSet';
import { publicFolderCandidates, withoutBasePath } from '../generators/profile';
import { dateFromFileName, permalinkDatePart, readHugoDate, zeroDate, type HugoDate } from '../generators/hugo/dates';
import { hugoContentTree } from '../generators/hugo/contentTree';
import { mountedFiles } from '../generators/hugo/subfolderMounts';
import { takesFile, type MountFilters } from '../generators/hugo/mountFilters';
import { hiddenInMount } from '../generators/hugo/ignoredFiles';
import { makePathSanitized } from '../generators/hugo/terms';
import type { SiteConfig } from '../model';
import type { GeneratorRoutes, RouteSite } from './generatorRoutes';
import type { HugoLinkHook } from '../generators/hugo/linkRenderHook';
import type { PageRoute } from './model';

/** What Hugo's config says about URLs (filled by its config loader, generators/hugo/routing.ts). */
export interface HugoRouting {
  readonly generator: 'hugo';
  /** `[permalinks]` patterns by page kind, then by section (`''` for pages at the content root). */
  readonly permalinks: Readonly<Record<'page' | 'section' | 'taxonomy' | 'term', Readonly<Record<string, string>>>>;
  /** `uglyURLs` for every section, or by section. */
  readonly uglyURLs: boolean | Readonly<Record<string, boolean>>;
  readonly disablePathToLower: boolean;
  /** Each language's URL prefix (`fr`), `''` for none (the default language, a one-language or multihost site). */
  readonly languagePrefixes: Readonly<Record<string, string>>;
  /** Languages with a `baseURL` of their own: each is served at its own root, URLs carry no prefix. */
  readonly multihost: boolean;
  readonly defaultLanguage: string;
  /** Taxonomy plurals (`tags`, `categories`). */
  readonly taxonomies: readonly string[];
  /** The `[frontmatter]` identifiers of `.Date` and `.PublishDate`, lower case (`date`, `:filename`, …). */
  readonly dateKeys: readonly string[];
  readonly publishDateKeys: readonly string[];
  readonly expiryDateKeys: readonly string[];
  readonly paginatePath: string;
  /** The file names output formats write in a page's folder besides `index.html` (`index.ics`, a site's `markdown.html`). */
  readonly outputFiles: readonly string[];
  /** `refLinksErrorLevel` is WARNING: a `ref` to no page does not stop the build (digital.gov's refs to expired news). */
  readonly refsToNothingWarnOnly?: true;
  /** `disableKinds`, lower case. */
  readonly disableKinds: readonly string[];
  /** Content folders holding an `_index` file (paths in the content tree, `docs/sub`), read when the site loads: sections below the top level. */
  readonly branchFolders: ReadonlySet<string>;
  /**
   * Every content folder and the language and place in the content tree it is mounted for, in the order
   * a file's own language is looked up (`SiteLanguages.contentDirs`), with the mount's file filters. A file
   * several of them hold is published once for each (a language's fallback copy of another's pages).
   */
  readonly contentMounts: readonly HugoContentMount[];
  /**
   * Folders of the content tree whose pages are unknown: mounted from a source the site does not have (`docs/specs/otel`,
   * a submodule not fetched), or listed in the .gitignore (`gitIgnoredFolders`; `docs/cli/pack*`: every name that starts so).
   */
  readonly absentContentFolders: readonly string[];
  /**
   * The root-relative URLs the site's menus name (`menu.docs[].url`), each ending in `/`: a section the menus
   * point to but no content file makes is filled in at build time (tekton.dev's docs, synced from other repositories).
   */
  readonly menuUrls: readonly string[];
  /** The link render hook Markdown links go through; `'none'`: they render as written; absent: Postcraft cannot tell (a theme or module it does not see). */
  readonly linkHook?: HugoLinkHook | 'none';
}

export interface HugoContentMount {
  readonly dir: string;
  readonly language: string;
  /** Its folder in the content tree (`/docs`), when not the root. */
  readonly mountedAt?: string;
  readonly filters?: MountFilters;
}

type Values = Readonly<Record<string, unknown>>;

/** Where a content file sits in Hugo's content tree. */
export interface HugoContentFile {
  /** Its folder in the content tree (a mount's target included), `''` at the root: `blog/2024`. */
  readonly dir: string;
  /** Its file name: `hello.fr.md`. */
  readonly name: string;
  /** The name without extension and language (`TranslationBaseName`): `hello`, `index`, `_index`. */
  readonly stem: string;
  readonly language: string;
}

export function hugoRoutingOf(config: SiteConfig): HugoRouting | undefined {
  return config.routing?.generator === 'hugo' ? config.routing : undefined;
}

/** The content file at `path` as its own language has it, or undefined outside every content folder. */
export function hugoContentFile(config: SiteConfig, path: string, defaultLanguage: string): HugoContentFile | undefined {
  return hugoContentFiles(config, path, defaultLanguage)[0];
}

/**
 * Every place Hugo publishes the file at `path`: first as its own language has it (the first content
 * folder that holds it and lets it in), then once more for each other language or place a mount gives it
 * (a mount of `content/en/docs` into `content/docs` for `fr` publishes the English pages at `/fr/docs/…`
 * too, unless fr has its own file there). Checked with hugo 0.111.3 (`hugo list all`).
 */
export function hugoContentFiles(config: SiteConfig, path: string, defaultLanguage: string): HugoContentFile[] {
  const mounts = hugoRoutingOf(config)?.contentMounts;
  const holders: { dir: string; language?: string; mountedAt?: string }[] = mounts?.length
    ? mounts.filter((mount) => isInside(mount.dir, path) && !hiddenInMount(mount, path) && (!mount.filters || takesFile(mount.filters, path.slice(mount.dir.length).toLowerCase())))
    : [];
  if (holders.length === 0) {
    // Without mounts read at load time: the deepest content folder that holds the file.
    let holder: { dir: string; language?: string; mountedAt?: string } | undefined;
    for (const entry of config.languages?.contentDirs ?? []) if (isInside(entry.dir, path) && (!holder || entry.dir.length > holder.dir.length)) holder = entry;
    if (!holder) for (const dir of config.contentDirs) if (isInside(dir, path) && (!holder || dir.length > holder.dir.length)) holder = { dir };
    if (holder) holders.push(holder);
  }
  const files: HugoContentFile[] = [];
  for (const holder of holders) {
    const file = placedFile(config, path, holder, defaultLanguage);
    if (!files.some((known) => known.language === file.language && known.dir === file.dir && known.name === file.name)) files.push(file);
  }
  return files;
}

function placedFile(config: SiteConfig, path: string, holder: { dir: string; language?: string; mountedAt?: string }, defaultLanguage: string): HugoContentFile {
  const inTree = `${holder.mountedAt ?? ''}${path.slice(holder.dir.length)}`.replace(/^\/+/, '');
  const slash = inTree.lastIndexOf('/');
  const name = inTree.slice(slash + 1);
  const codes = config.languages?.codes;
  const stemWithLanguage = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
  const suffix = /\.([^.]+)$/.exec(stemWithLanguage)?.[1];
  const hasLanguage = suffix !== undefined && !!codes && codes.size > 1 && codes.has(suffix);
  const language = hasLanguage ? suffix : (holder.language ?? defaultLanguage);
  return { dir: slash < 0 ? '' : inTree.slice(0, slash), name, stem: hasLanguage ? stemWithLanguage.slice(0, -suffix.length - 1) : stemWithLanguage, language };
}

/** Hugo's URL rules (hugo 0.111: resources/page/page_paths.go CreateTargetPaths, hugolib/page__paths.go). */
export const hugoRoutes: GeneratorRoutes = {
  pageRoute(config, path, data) {
    const routing = hugoRoutingOf(config);
    if (!routing || config.unrenderedPages?.includes(path, data)) return undefined;
    const [file, ...copies] = hugoContentFiles(config, path, routing.defaultLanguage);
    if (!file) return undefined;
    const values = lowerCaseKeys(data);
    const route = pageRouteOf(config, routing, file, values);
    if (!route || copies.length === 0) return route;
    // The copies another language (or place) publishes reach the page too. One that language's own
    // file replaces is still listed: its own URL wins over an alias (UrlMap), and a copy it moves is silence.
    const aliases = new Set(route.aliases);
    for (const copy of copies) {
      const copyRoute = pageRouteOf(config, routing, copy, values);
      if (!copyRoute) continue;
      if (copyRoute.url !== route.url) aliases.add(copyRoute.url);
      for (const alias of copyRoute.aliases) aliases.add(alias);
    }
    return { ...route, aliases: [...aliases] };
  },

  fileCandidates(config, url) {
    const path = withoutBasePath(config, url);
    const candidates = [...publicFolderCandidates(config, path), ...mountedFiles(config, 'static', path)];
    // A bundle's or section's resources (images, PDFs; never its Markdown) are published at their path in
    // the content tree, in the language's tree below its prefix. A bundle moved by slug or permalink is not followed.
    if (isPostPath(path)) return candidates;
    const routing = hugoRoutingOf(config);
    const language = routing && Object.entries(routing.languagePrefixes).find(([, prefix]) => prefix !== '' && isInside(`/${prefix}`, path))?.[0];
    const inTree = language ? path.slice(routing!.languagePrefixes[language]!.length + 1) : path;
    const wanted = language ?? routing?.defaultLanguage;
    const holders = config.languages?.contentDirs.filter((entry) => !wanted || entry.language === wanted) ?? [];
    for (const { dir, mountedAt = '' } of holders) if (isInside(mountedAt || '/', inTree)) candidates.push(joinPath(dir, inTree.slice(mountedAt.length)));
    if (holders.length === 0) for (const dir of config.contentDirs) candidates.push(joinPath(dir, inTree));
    return [...new Set(candidates)];
  },

  isGeneratedUrl(site, url) {
    return (hugoContentTree(site)?.isGeneratedUrl(url) ?? false) || belowPagelessMenuUrl(site, url);
  },

  unusedTermPage: (site, url) => hugoContentTree(site)?.unusedTermPage(url),

  templateLinksToNothingWarn: (config) => hugoRoutingOf(config)?.refsToNothingWarnOnly === true,

  resolveTemplateLink(site, fromPath, link) {
    if (link.form !== 'hugo-ref' && link.form !== 'hugo-relref') return { status: 'unknown' };
    return hugoContentTree(site)?.resolveRef(fromPath, link) ?? { status: 'unknown' };
  },

  /**
   * Hugo writes a Markdown link as it is, `.md` included, unless a link render hook looks the page up: not one that
   * only finds the page's resources (DoIt's: yewentao256's `../x/index.en.md` stays as written, hugo 0.111.3) or
   * writes the destination as it is (hugo-graphite's). A hook Postcraft cannot read, or one that names `.md`, may.
   */
  followsFileLink(config) {
    const hook = hugoRoutingOf(config)?.linkHook;
    return hook !== 'none' && (hook === undefined || hook.getsPages || hook.namesMarkdownFiles === true);
  },

  resolveHookedLink(site, fromPath, link) {
    const hook = hugoRoutingOf(site.config)?.linkHook;
    // A full address (the site's own, `https://example.org/x/`) is absolute: hooks pass it through (`$u.IsAbs`).
    if (!hook || hook === 'none' || link.form !== 'markdown' || link.absolute) return undefined;
    if (hook.ownDestinations.includes(link.raw)) return { status: 'unknown' };
    // `.Page.GetPage` on the destination's path, as written and without its trailing slash (hugoDocs' hook, and
    // the embedded one's `./` trimmed). A fragment alone stays on the page; a URL with a scheme is not looked up.
    if (!hook.getsPages || link.path === '' || /^[a-z][a-z0-9+.-]*:/i.test(link.path) || (hook.looksUp === 'root paths' && !link.path.startsWith('/')) || (hook.looksUp === 'relative paths' && link.path.startsWith('/'))) return undefined;
    const tree = hugoContentTree(site);
    for (const path of new Set([link.path.replace(/^\.\//, ''), link.path.replace(/\/+$/, '')])) {
      if (path === '') continue;
      const found = tree?.resolveRef(fromPath, { ...link, path }, false);
      // Found, or found where Postcraft cannot see the page (a section without a file, a mount it does not read).
      if (found?.status === 'found' || found?.status === 'unknown') return found;
    }
    return undefined;
  },
};

/**
 * The URL path of a term page Hugo makes for a term no `_index` file describes, below the language prefix
 * and without trailing slash: `/tags/<key>`, or the taxonomy's `[permalinks]` pattern expanded with the
 * term as its title (`/topics/:slug/`). Undefined when the pattern cannot be expanded without the pages' dates.
 */
export function hugoTermPath(config: SiteConfig, routing: HugoRouting, plural: string, term: string, termKey: string): string | undefined {
  const sanitize = (path: string) => makePathSanitized(path, { removePathAccents: config.removePathAccents, disablePathToLower: routing.disablePathToLower });
  const pattern = routing.permalinks.term[plural];
  if (pattern === undefined) return sanitize(`/${plural}/${termKey}`);
  if (/:(year|month|monthname|day|weekday|weekdayname|yearday)\b/.test(pattern)) return undefined;
  const file: HugoContentFile = { dir: `${plural}/${termKey}`, name: '_index.md', stem: '_index', language: routing.defaultLanguage };
  const expanded = expandPermalink(pattern, routing, file, { section: plural, dates: { date: zeroDate }, data: { title: term }, contentBaseName: termKey, sanitize });
  return typeof expanded === 'string' ? sanitize(pjoin('/', expanded)).replace(/\/+$/, '') || '/' : undefined;
}


function pageRouteOf(config: SiteConfig, routing: HugoRouting, file: HugoContentFile, data: Values): PageRoute | undefined {
  const sanitize = (path: string) => makePathSanitized(path, { removePathAccents: config.removePathAccents, disablePathToLower: routing.disablePathToLower });
  const prefix = routing.languagePrefixes[file.language] ?? '';
  const isList = file.stem === '_index';
  const isLeaf = file.stem === 'index';
  if (isLeaf && file.dir === '') return undefined; // content/index.md: Hugo makes no page of it
  // A leaf bundle is named by its folder (ContentBaseName) and sits in the folder above.
  const dir = isLeaf ? parentOf(file.dir) : file.dir;
  const contentBaseName = isLeaf ? basename(file.dir) : file.stem;
  const section = dir.split('/')[0]!;
  const dates = pageDates(routing, data, isLeaf ? contentBaseName : file.name);
  const ugly = isUgly(routing, isList ? file.dir.split('/')[0]! : section);
  const url = frontmatterUrl(data['url']);
  if (url !== undefined && /^https?:\/\//.test(url)) return undefined; // Hugo refuses the page
  let place: Place | undefined;
  if (isList) {
    const kind = listKind(routing, file.dir);
    if (routing.disableKinds.includes(kind)) return undefined;
    if (kind === 'home') place = { link: finish(prefix ? `/${prefix}/` : '/'), dir: `/${prefix}` };
    else if (url) place = urlPlace(url, prefix, sanitize);
    else {
      const pattern = routing.permalinks[kind][section];
      const expanded = pattern === undefined ? undefined : expandPermalink(pattern, routing, file, { section, dates, data, contentBaseName, sanitize });
      if (expanded === null) return undefined;
      const path = expanded ?? file.dir;
      place = ugly && expanded === undefined ? { link: sanitize(finish(pjoin(prefix, `${trimSlashes(path)}.html`))), dir: sanitize(pjoin('/', prefix, path)) } : { link: sanitize(finish(`${pjoin('/', prefix, path)}/`)), dir: sanitize(pjoin('/', prefix, path)) };
    }
  } else {
    if (routing.disableKinds.includes('page')) return undefined;
    if (url) place = urlPlace(url, prefix, (path) => path);
    else {
      const slug = slugOf(data) ?? dates.slug;
      const pattern = routing.permalinks.page[section];
      const expanded = pattern === undefined ? undefined : expandPermalink(pattern, routing, file, { section, dates, data, contentBaseName, slug, sanitize, dir });
      if (expanded === null) return undefined;
      const path = expanded ?? pjoin('/', dir, slug || contentBaseName);
      const pageDir = pjoin('/', prefix, path);
      place = ugly ? { link: sanitize(finish(`${pageDir.replace(/\/+$/, '')}.html`)), dir: sanitize(pageDir) } : { link: sanitize(finish(`${pageDir}/`)), dir: sanitize(pageDir) };
    }
  }
  const publishDate = firstDate(routing.publishDateKeys, data, isLeaf ? contentBaseName : file.name);
  const expiryDate = firstDate(routing.expiryDateKeys, data, isLeaf ? contentBaseName : file.name);
  return {
    url: place.link,
    aliases: aliasesOf(data['aliases'], place.dir, routing.uglyURLs === true),
    ...(publishDate?.date.text ? { date: publishDate.date.text } : {}),
    ...(expiryDate?.date.text ? { expires: expiryDate.date.text } : {}),
  };
}

/** A page's URL path and the folder its relative aliases and resources start from (`SubResourceBaseLink`). */
interface Place {
  readonly link: string;
  readonly dir: string;
}

function listKind(routing: HugoRouting, dir: string): 'home' | 'section' | 'taxonomy' | 'term' {
  if (dir === '') return 'home';
  const parts = dir.split('/');
  if (routing.taxonomies.includes(parts[0]!.toLowerCase())) return parts.length === 1 ? 'taxonomy' : parts.length === 2 ? 'term' : 'section';
  return 'section';
}

/** Front matter `url` (hugo 0.111 CreateTargetPaths): kept as written, only cleaned; one without a leading slash is below the language's root. */
function urlPlace(url: string, prefix: string, sanitize: (path: string) => string): Place {
  const hasDot = url.includes('.');
  const hasSlash = url.endsWith('/');
  let link = pjoin('/', url);
  let dir = hasSlash || !hasDot ? link : parentOf(link);
  if (hasSlash || !hasDot) link = link.endsWith('/') ? link : `${link}/`;
  if (!url.startsWith('/') && prefix && !url.startsWith(`/${prefix}`)) {
    link = pjoin(prefix, link);
    dir = pjoin(prefix, dir);
  }
  return { link: sanitize(finish(link)), dir: sanitize(pjoin('/', dir)) };
}

/** Slashes trimmed, a trailing one kept, a leading one added (the end of CreateTargetPaths). */
function finish(link: string): string {
  const trailing = link.endsWith('/');
  const trimmed = trimSlashes(link);
  return `/${trimmed}${trailing && trimmed !== '' ? '/' : ''}`;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** Go's path.Join (cleaned), keeping a trailing slash of the last element (Hugo's `pjoin`). */
function pjoin(...parts: string[]): string {
  const last = parts[parts.length - 1] ?? '';
  const joined = cleanPath(parts.filter((part) => part !== '').join('/'));
  return last.endsWith('/') && !joined.endsWith('/') ? `${joined}/` : joined;
}

/** Go's path.Clean, for a path that may be relative. */
function cleanPath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(segment);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

function parentOf(dir: string): string {
  const slash = dir.lastIndexOf('/');
  return slash < 0 ? '' : dir.slice(0, slash);
}

function isUgly(routing: HugoRouting, section: string): boolean {
  const ugly = routing.uglyURLs;
  return typeof ugly === 'boolean' ? ugly : ugly[section.toLowerCase()] === true;
}

function frontmatterUrl(value: unknown): string | undefined {
  const url = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  return url === '' ? undefined : url;
}

/** `slug`, without leading and trailing hyphens (hugo 0.111 page__meta.go); undefined when empty. */
function slugOf(data: Values): string | undefined {
  const value = data['slug'];
  const slug = (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '').replace(/^-+|-+$/g, '');
  return slug === '' ? undefined : slug;
}

interface PageDates {
  readonly date: HugoDate;
  /** A slug taken from a dated file name by the `:filename` date identifier, when the page sets none. */
  readonly slug?: string;
}

function pageDates(routing: HugoRouting, data: Values, baseFileName: string): PageDates {
  return firstDate(routing.dateKeys, data, baseFileName) ?? { date: zeroDate };
}

/** The first of Hugo's date identifiers that gives a date (hugo 0.111 page_frontmatter.go). */
function firstDate(keys: readonly string[], data: Values, baseFileName: string): PageDates | undefined {
  for (const key of keys) {
    if (key === ':filename') {
      const fromName = dateFromFileName(baseFileName);
      if (fromName) return { date: fromName.date, ...('slug' in data ? {} : { slug: fromName.slug }) };
      continue;
    }
    if (key.startsWith(':')) continue; // :filemodtime, :git: not known here
    const date = readHugoDate(data[key]);
    if (date) return { date };
  }
  return undefined;
}

interface Expansion {
  readonly section: string;
  readonly dates: PageDates;
  readonly data: Values;
  readonly contentBaseName: string;
  readonly slug?: string | undefined;
  readonly sanitize: (path: string) => string;
  /** The page's folder in the content tree (for `:sections`). */
  readonly dir?: string;
}

const attributePattern = /:\w+(\[.+?\])?/g;

/**
 * A `[permalinks]` pattern expanded for a page (hugo 0.111 resources/page/permalinks.go): undefined when
 * Hugo falls back to the file's path, null when Hugo refuses the pattern (an unknown attribute fails the build).
 */
function expandPermalink(pattern: string, routing: HugoRouting, file: HugoContentFile, page: Expansion): string | undefined | null {
  const urlize = (text: string) => page.sanitize(text);
  const title = stringValue(page.data['title']);
  const slug = page.slug;
  const sections = currentSection(routing, page.dir ?? file.dir);
  let expanded = pattern;
  for (const match of pattern.matchAll(attributePattern)) {
    const attribute = match[0].slice(1);
    let value: string | undefined;
    switch (attribute) {
      case 'section':
        value = page.section;
        break;
      case 'sections':
        value = sections.join('/');
        break;
      case 'title':
        value = urlize(title);
        break;
      case 'slug':
        value = urlize(slug ?? title);
        break;
      case 'slugorfilename':
        value = urlize(slug ?? page.contentBaseName);
        break;
      case 'filename':
        value = urlize(page.contentBaseName);
        break;
      // Newer Hugo (0.144): the bundle's folder or the file's name (a branch's folder too), after the slug for the second.
      // Hugo 0.111 refuses them; Lruihao/hugo-blog's FixIt site needs the newer one.
      case 'contentbasename':
        value = urlize(file.stem === '_index' ? file.dir.slice(file.dir.lastIndexOf('/') + 1) : page.contentBaseName);
        break;
      case 'slugorcontentbasename':
        value = urlize(slug ?? (file.stem === '_index' ? file.dir.slice(file.dir.lastIndexOf('/') + 1) : page.contentBaseName));
        break;
      default:
        value = attribute.startsWith('sections[') ? sliceSections(sections, attribute.slice('sections'.length)).join('/') : permalinkDatePart(page.dates.date, attribute);
    }
    if (value === undefined) return null;
    const at = expanded.indexOf(match[0]);
    expanded = expanded.slice(0, at) + value + expanded.slice(at + match[0].length);
  }
  // Hugo query-unescapes the expansion (a `+` becomes a space); a malformed escape leaves the page on its file's path.
  if (/%(?![0-9a-fA-F]{2})/.test(expanded)) return undefined;
  return decodeURIComponent(expanded.replaceAll('+', ' '));
}

function stringValue(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** The path of a page's section: its nearest folder with an `_index` file, else its top-level folder. */
function currentSection(routing: HugoRouting, dir: string): string[] {
  const parts = dir === '' ? [] : dir.split('/');
  for (let length = parts.length; length > 1; length--) if (routing.branchFolders.has(parts.slice(0, length).join('/'))) return parts.slice(0, length);
  return parts.slice(0, 1);
}

/** `:sections[1:]`, `[last]`, `[0]` (hugo 0.111 toSliceFunc): lenient out of bounds. */
function sliceSections(sections: readonly string[], cut: string): string[] {
  const spec = cut.trim().toLowerCase();
  if (spec === '') return [...sections];
  if (spec.length < 3 || !spec.startsWith('[') || !spec.endsWith(']')) return [];
  const inner = spec.slice(1, -1);
  const index = (text: string, low: boolean) => {
    if (text === '') return low ? 0 : sections.length;
    if (text === 'last') return sections.length - 1;
    const n = Math.max(0, Number.parseInt(text, 10) || 0);
    return Math.min(n, sections.length);
  };
  if (sections.length === 0) return [];
  if (!inner.includes(':')) {
    const value = sections[index(inner, true)];
    return value ? [value] : [];
  }
  const [low = '', high = ''] = inner.split(':');
  return sections.slice(index(low, true), index(high, false));
}

/**
 * `aliases` as Hugo 0.111 publishes them (hugolib/site_render.go renderAliases, alias.go): an absolute
 * one at the site root (never below a language prefix), a relative one beside the page's own folder;
 * `.html` added under global `uglyURLs`; a redirect page at `<alias>/index.html` unless it ends in `.html`.
 */
function aliasesOf(value: unknown, pageDir: string, uglyURLs: boolean): string[] {
  const written = typeof value === 'string' ? value.split(/\s+/) : Array.isArray(value) ? value.map(stringValue) : [];
  const aliases: string[] = [];
  for (const alias of written) {
    if (alias === '' || /^https?:\/\//.test(alias)) continue;
    let path = alias.startsWith('/') ? cleanPath(alias) : cleanPath(`${pjoin(pageDir, '..')}/${alias}`);
    if (uglyURLs && !path.endsWith('.html')) path += '.html';
    const trimmed = trimSlashes(path);
    if (trimmed === '' || trimmed === '.' || trimmed.startsWith('..')) continue;
    aliases.push(trimmed.endsWith('.html') ? `/${trimmed}` : `/${trimmed}/`);
  }
  return aliases;
}

function lowerCaseKeys(values: Values): Record<string, unknown> {
  const lowered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (key !== '__proto__' && !(key.toLowerCase() in lowered)) lowered[key.toLowerCase()] = value;
  return lowered;
}

/** Whether `url` is at or below a URL the site's menus name where no page of the site is: a section made at build time. */
function belowPagelessMenuUrl(site: RouteSite, url: string): boolean {
  const pageless = pagelessMenuUrls(site);
  if (pageless.length === 0) return false;
  const path = url.split(/[?#]/)[0]!.replace(/\/index\.html$/, '').replace(/\/?$/, '/').toLowerCase();
  return pageless.some((menuUrl) => path.startsWith(menuUrl));
}

/** The menus' URLs at and below which no page of the site is, for the site's pages as they are now. */
function pagelessMenuUrls(site: RouteSite): readonly string[] {
  const menuUrls = hugoRoutingOf(site.config)?.menuUrls ?? [];
  if (menuUrls.length === 0) return menuUrls;
  const known = pagelessByRouteSite.get(site);
  if (known !== undefined && known.version === site.linkTargetsVersion) return known.urls;
  const pageUrls = [...site.posts.values()].flatMap((post) => (post.route ? [post.route.url.toLowerCase()] : []));
  const urls = menuUrls.filter((menuUrl) => !pageUrls.some((pageUrl) => pageUrl.replace(/\/?$/, '/').startsWith(menuUrl)));
  pagelessByRouteSite.set(site, { version: site.linkTargetsVersion, urls });
  return urls;
}

const pagelessByRouteSite = new WeakMap<RouteSite, { readonly version: number; readonly urls: readonly string[] }>();
