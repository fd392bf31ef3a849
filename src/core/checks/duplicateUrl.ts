import { described, msg } from '../l10n/message';
import { findField, type Frontmatter, type OffsetRange, type ScalarNode } from '../frontmatter/model';
import { innerRange } from '../frontmatter/values';
import { parseFrontmatter } from '../frontmatter/parse';
import { urlKey } from '../links/urlMap';
import { routesOf } from '../site/routes';
import type { Site } from '../site/site';
import { basename, relativePath } from '../text/paths';
import type { CheckContext } from './context';
import type { Fix } from './finding';

/** Who builds to a URL: the pages whose own URL it is, and those that list it as an alias (a redirect). */
interface Owners {
  readonly pages: string[];
  readonly aliases: string[];
}

/**
 * Two pages the generator writes to one URL: one silently replaces the other (hugo 0.111 writes the last
 * it renders; jekyll 4.3 warns "Conflict" and writes one). Drafts and expired pages (Hugo) are not built, so
 * they collide with nothing; pages in other languages have other URLs. An alias (Hugo `aliases`, Jekyll `redirect_from`)
 * at another page's URL is not written, the page wins: a warning, as is one alias claimed by two pages
 * of one language.
 * The finding is on what sets the URL (`url`, `permalink`, `slug`, else the frontmatter's first line).
 */
export function checkDuplicateUrl(context: CheckContext): void {
  const { site, post } = context;
  const own = site.posts.get(post.path);
  if (!own?.route || own.draft || site.hasExpired(own)) return;
  const owners = urlOwners(site);
  const pageKey = writtenKey(site, own.route.url);
  const rivals = owners.get(pageKey)?.pages.filter((path) => path !== post.path && !localizedCounterparts(site, path, post.path)).sort() ?? [];
  // The whole-site check keeps no parsed frontmatter (see twoPassCheck.ts): it is parsed again only for a
  // post that may have something to report, with a rival or an alias, and not for each of thousands of posts.
  const mayReport = rivals.length > 0 || own.route.aliases.length > 0;
  const frontmatter = post.frontmatter ?? (mayReport && post.bodyStart > 0 ? parseFrontmatter(post.text.slice(0, post.bodyStart), site.frontmatterSyntax) : undefined);
  if (rivals.length > 0) {
    const field = urlField(frontmatter, site);
    const range = field ? innerRange(field.node) : firstLine(post.text, frontmatter);
    const names = rivals.map((path) => `"${relativePath(site.root, path)}"`).join(', ');
    const fix = freeSlugFix(context, field, frontmatter, owners);
    context.report({
      code: 'duplicate-url',
      severity: 'error',
      range,
      message: msg('This page and {0} build to the same URL {1}: the generator writes one over the other.', names, own.route.url),
      fixes: fix ? [fix] : [],
      related: rivals.map((path) => ({ file: path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ...described(msg('Also built to {0}', own.route!.url)) })),
    });
  }
  const aliasField = frontmatter && findField(frontmatter.fields, 'aliases', 'redirect_from');
  const aliasNodes = aliasField?.value?.kind === 'list' ? aliasField.value.items : aliasField?.value ? [aliasField.value] : [];
  for (const node of aliasNodes) {
    if (node.kind !== 'scalar' || typeof node.value !== 'string') continue;
    const alias = own.route.aliases.find((url) => url === node.value || writtenKey(site, url) === writtenKey(site, aliasUrl(node.value as string)));
    if (alias === undefined || writtenKey(site, alias) === pageKey) continue; // an alias to itself is no redirect
    const taken = owners.get(writtenKey(site, alias));
    // hugo 0.111 writes a translation's alias at the root, over the other language's (gohugoio/hugo#2452);
    // current Hugo writes it below the page's language. Only pages of one language collide in both.
    const rival = (path: string) => path !== post.path && site.posts.get(path)?.language === own.language;
    // By path: the pages are in the order they were read, which a whole-site check does not fix.
    const page = taken?.pages.filter(rival).sort()[0];
    const otherAlias = taken?.aliases.filter(rival).sort()[0];
    const other = page ?? otherAlias;
    if (other === undefined) continue;
    context.report({
      code: 'duplicate-url',
      severity: 'warning',
      range: innerRange(node),
      message: page
        ? msg('The alias {0} is the URL of "{1}" too: that page is written there, not this redirect.', alias, relativePath(site.root, other))
        : msg('The alias {0} is an alias of "{1}" too: only one of the two redirects is written.', alias, relativePath(site.root, other)),
      related: [{ file: other, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ...described(msg('Also at {0}', alias)) }],
    });
  }
}

/**
 * Docusaurus builds a locale from `i18n/<locale>/docusaurus-plugin-content-<plugin>/<file>` where that file
 * exists, instead of `<file>` of the plugin's folder: for the default locale (no URL prefix) both have one
 * URL but make one page.
 */
function localizedCounterparts(site: Site, a: string, b: string): boolean {
  if (site.config.generator !== 'docusaurus') return false;
  const localized = /\/i18n\/[^/]+\/docusaurus-plugin-content-[^/]+\/(.+)$/;
  const [translation, base] = localized.test(a) ? [a, b] : [b, a];
  const tail = localized.exec(translation)?.[1];
  return tail !== undefined && !localized.test(base) && base.endsWith(`/${tail}`);
}

/**
 * Which URLs are one file: on Hugo `/a.html` and `/a/` are two (a page or alias not ending in `.html` is written to
 * `a/index.html`, hugolib/alias.go; hugo 0.111 writes both aliases `old.html` and `old`); elsewhere the URL key
 * (jekyll-redirect-from writes `/old` and `/old.html` to one `old.html`).
 */
function writtenKey(site: Site, url: string): string {
  const key = urlKey(url);
  return site.config.generator === 'hugo' && url.endsWith('.html') && !url.endsWith('/index.html') ? `${key}.html` : key;
}

/** Aliases written without a leading slash are relative to the site root in Hugo and Jekyll alike. */
function aliasUrl(value: string): string {
  return value.startsWith('/') ? value : `/${value}`;
}

/** Every built page's URL and aliases, by URL key: computed once per change of the site's pages. */
function urlOwners(site: Site): Map<string, Owners> {
  const known = ownersBySite.get(site);
  if (known && known.version === site.linkTargetsVersion && known.posts === site.posts.size) return known.owners;
  const owners = new Map<string, Owners>();
  const ownersAt = (key: string) => {
    let found = owners.get(key);
    if (!found) owners.set(key, (found = { pages: [], aliases: [] }));
    return found;
  };
  for (const [path, summary] of site.posts) {
    if (!summary.route || summary.draft || site.hasExpired(summary)) continue;
    const pageKey = writtenKey(site, summary.route.url);
    ownersAt(pageKey).pages.push(path);
    for (const alias of new Set(summary.route.aliases.map((url) => writtenKey(site, url)))) if (alias !== pageKey) ownersAt(alias).aliases.push(path);
  }
  ownersBySite.set(site, { version: site.linkTargetsVersion, posts: site.posts.size, owners });
  return owners;
}

const ownersBySite = new WeakMap<Site, { readonly version: number; readonly posts: number; readonly owners: Map<string, Owners> }>();

/** The field that sets the page's URL, as the generators read them: Hugo's `url`, others' `permalink`, else `slug`. */
function urlField(frontmatter: Frontmatter | undefined, site: Site): UrlField | undefined {
  for (const key of site.config.generator === 'hugo' ? ['url', 'slug'] : ['permalink', 'slug']) {
    const value = frontmatter && findField(frontmatter.fields, key)?.value;
    if (value?.kind === 'scalar' && typeof value.value === 'string' && value.value !== '') return { key, node: value, value: value.value };
  }
  return undefined;
}

interface UrlField {
  readonly key: string;
  readonly node: ScalarNode;
  readonly value: string;
}

function firstLine(text: string, frontmatter: Frontmatter | undefined): OffsetRange {
  const start = frontmatter?.blockRange.start ?? 0;
  const end = text.indexOf('\n', start);
  return { start, end: end === -1 ? text.length : text[end - 1] === '\r' ? end - 1 : end };
}

/**
 * A fix to a URL no page has: the written `url`/`permalink`/`slug` with `-2`, `-3`… on its last segment,
 * or, in YAML frontmatter that sets none, a `slug` of the URL's last segment so. Tried with the
 * generator's own rule (a `slug` may not reach the URL under every permalink pattern).
 */
function freeSlugFix(context: CheckContext, field: UrlField | undefined, frontmatter: Frontmatter | undefined, owners: Map<string, Owners>): Fix | undefined {
  const { site, post } = context;
  if (!frontmatter || frontmatter.unread) return undefined;
  const routes = routesOf(site.config.generator);
  const own = site.posts.get(post.path)!.route!;
  const written = field ? field.value : basename(own.url.replace(/\/+$/, '').replace(/\.html$/, ''));
  const trailing = /\/+$/.exec(written)?.[0] ?? '';
  const stem = written.slice(0, written.length - trailing.length);
  if (!field && frontmatter.format !== 'yaml') return undefined;
  for (let n = 2; n < 100; n++) {
    const candidate = `${stem}-${n}${trailing}`;
    const key = field ? field.key : 'slug';
    const route = routes.pageRoute(site.config, post.path, { ...frontmatter.data, [key]: candidate });
    if (!route || writtenKey(site, route.url) === writtenKey(site, own.url)) return undefined; // the field does not reach the URL
    if (owners.has(writtenKey(site, route.url))) continue;
    if (field) return context.replaceFix(msg('Change {0} to "{1}" ({2})', field.key, candidate, route.url), innerRange(field.node), candidate);
    const eol = post.text.includes('\r\n') ? '\r\n' : '\n';
    const at = frontmatter.contentRange.start;
    return context.replaceFix(msg('Add slug "{0}" ({1})', candidate, route.url), { start: at, end: at }, `slug: ${candidate}${eol}`);
  }
  return undefined;
}
