import { parse as parseToml } from 'smol-toml';
import type { SiteFileSystem } from '../host/fileSystem';
import { basename, isInside, joinPath, normalizePath } from '../text/paths';
import type { FileList } from './model';
import { goTemplateMakesSources, madeRules, redirectsPageName, redirectsPageRules } from './redirectsPage';
import { urlKey } from './urlMap';

/**
 * The redirects and rewrites the host serves before the site's own files (Vercel's `vercel.json`,
 * Netlify's `netlify.toml` and `_redirects`): a link to such a URL reaches a page even though the
 * generator built none there.
 */
export interface HostRedirects {
  /** Whether the host answers this URL path with a redirect or a rewrite. */
  reaches(url: string): boolean;
  /**
   * The site writes its redirects with a template (Hugo's `layouts/index.redirects` output format, often from
   * a `redirects` frontmatter key; a page whose loop makes rules from more than pages' data): which URLs they
   * take is unknown, so only a URL that looks like a mistake for a page (a did-you-mean) is reported.
   */
  readonly madeByTemplates: boolean;
  /**
   * The host serves paths in any letter case: Netlify (a `netlify.toml`) lower-cases every file name it deploys
   * and answers a path in other case from it, so `/Blog/X` reaches `/blog/x/` (rOpenSci's links and images).
   */
  readonly caseInsensitive: boolean;
  /** The files they were read from, to read again when one changes. */
  readonly files: readonly string[];
}

export const noHostRedirects: HostRedirects = { reaches: () => false, files: [], madeByTemplates: false, caseInsensitive: false };

const maxBytes = 1024 * 1024;

/**
 * Reads the host's redirect files at the site's root and, for `_redirects`, in any folder published as it is
 * and in Netlify's publish folder (`[build] publish` of netlify.toml), where Netlify reads it: a
 * `_redirects` kept there in the repository outlives the build, which writes over other files only.
 */
export async function loadHostRedirects(fs: SiteFileSystem, root: string, files: FileList, publicDirs: readonly string[]): Promise<HostRedirects> {
  const patterns: RegExp[] = [];
  const read: string[] = [];
  // The publish folder is build output, which the walk does not list: read as it is.
  const text = async (path: string, listed = true) => {
    if (listed && !files.has(path)) return undefined;
    const bytes = await fs.readFile(path, maxBytes);
    if (!bytes) return undefined;
    read.push(path);
    return new TextDecoder().decode(bytes);
  };
  const vercel = await text(joinPath(root, 'vercel.json'));
  if (vercel) patterns.push(...vercelSources(vercel));
  const netlify = await text(joinPath(root, 'netlify.toml'));
  if (netlify) patterns.push(...netlifySources(netlify));
  const publish = netlify === undefined ? undefined : netlifyPublishFolder(netlify, root);
  for (const folder of new Set([root, ...publicDirs, ...(publish ? [publish] : [])])) {
    const redirects = await text(joinPath(folder, '_redirects'), folder !== publish);
    if (redirects) patterns.push(...redirectsFileSources(redirects));
  }
  let madeByTemplates = false;
  // The rules such a template writes as they stand (vitess.io's `/docs/17.0/* /docs/archive/17.0/:splat`) hold too.
  for (const path of files.all()) {
    const layout = redirectsLayout.test(path);
    if (!layout && !redirectsPageName.test(path)) continue;
    const source = await text(path);
    const rules = source === undefined ? undefined : layout ? source : redirectsPageRules(source);
    if (rules === undefined) continue;
    patterns.push(...redirectsFileSources(rules));
    // A page's rules made from each page's own data are those pages' aliases (see redirectsPage.ts).
    madeByTemplates ||= layout ? goTemplateMakesSources(rules) : madeRules(rules).unknown;
  }
  const caseInsensitive = netlify !== undefined;
  if (patterns.length === 0) return { reaches: () => false, files: read, madeByTemplates, caseInsensitive };
  return { reaches: (url) => patterns.some((pattern) => pattern.test(urlKey(url))), files: read, madeByTemplates, caseInsensitive };
}

// A Hugo home page layout for a `_redirects` output format (index.redirects, index.redir, index.netlify…).
const redirectsLayout = /\/layouts\/(?:_default\/)?index\.(?:redirects?|redir)(?:\.[a-z]+)?$/;

/** Whether a change to `path` may change the host's redirects. */
export function isHostRedirectFile(path: string): boolean {
  const name = basename(path);
  return name === 'vercel.json' || name === 'netlify.toml' || name === '_redirects' || redirectsPageName.test(path);
}

function vercelSources(text: string): RegExp[] {
  try {
    const config = JSON.parse(text) as { redirects?: unknown; rewrites?: unknown };
    const entries = [...(Array.isArray(config.redirects) ? config.redirects : []), ...(Array.isArray(config.rewrites) ? config.rewrites : [])] as { source?: unknown; has?: unknown }[];
    // A rule that holds only for some requests (`has`: a host, a header, a cookie) does not hold for every reader.
    return entries.flatMap((entry) => (typeof entry.source === 'string' && entry.has === undefined ? [sourcePattern(entry.source)] : []));
  } catch {
    return [];
  }
}

function netlifySources(text: string): RegExp[] {
  try {
    const config = parseToml(text) as { redirects?: unknown };
    const entries = (Array.isArray(config.redirects) ? config.redirects : []) as { from?: unknown; status?: unknown; conditions?: unknown }[];
    return entries.flatMap((entry) => (typeof entry.from === 'string' && entry.status !== 404 && entry.conditions === undefined ? [sourcePattern(entry.from)] : []));
  } catch {
    return [];
  }
}

/** `[build] publish` (below `base`, if set), inside the site; undefined when netlify.toml names none. */
function netlifyPublishFolder(text: string, root: string): string | undefined {
  try {
    const build = (parseToml(text) as { build?: { base?: unknown; publish?: unknown } }).build;
    if (typeof build?.publish !== 'string' || build.publish.trim() === '') return undefined;
    const folder = normalizePath(joinPath(root, typeof build.base === 'string' ? build.base : '', build.publish));
    return isInside(root, folder) && folder !== root ? folder : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sources of a `_redirects` file's rules (`from to [status]` per line), or of the template that writes one. A 404
 * rule names the page shown for missing URLs, not a redirect; a source a template action makes (`{{ .RelPermalink }}`)
 * is unknown; a rule that matches a query parameter (`/vitess/* go-get=1 /x.html 200`) holds only for some requests.
 */
function redirectsFileSources(text: string): RegExp[] {
  return text.split('\n').flatMap((line) => {
    const [from, to, status] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!from || !to || status?.startsWith('404') || from.includes('{{') || /^[^/]*=/.test(to)) return [];
    return [sourcePattern(from)];
  });
}

/**
 * A rule's source as a pattern on URL keys (see urlKey): `*` and `(.*)` take anything, `:name` one
 * segment (Netlify placeholders, Vercel's path-to-regexp); a source on another host is no path of this site.
 */
function sourcePattern(source: string): RegExp {
  if (!source.startsWith('/')) return /$^/;
  const key = urlKey(source.replace(/\?.*$/, ''));
  let pattern = '';
  for (let i = 0; i < key.length; i++) {
    const char = key[i]!;
    if (char === '*') pattern += '.*';
    else if (char === '(') {
      const close = key.indexOf(')', i);
      pattern += '.*';
      i = close === -1 ? key.length : close;
    } else if (char === ':' && /[A-Za-z_]/.test(key[i + 1] ?? '')) {
      while (/[A-Za-z0-9_]/.test(key[i + 1] ?? '')) i++;
      pattern += key[i + 1] === '*' || key[i + 1] === '+' ? '.*' : '[^/]+';
      if (key[i + 1] === '*' || key[i + 1] === '+' || key[i + 1] === '?') i++;
    } else pattern += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  // `/blog/*` also takes `/blog` itself (the key has no trailing slash).
  return new RegExp(`^${pattern.endsWith('/.*') ? `${pattern.slice(0, -3)}(?:/.*)?` : pattern}$`);
}
