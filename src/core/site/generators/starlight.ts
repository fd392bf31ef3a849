import { joinPath } from '../../text/paths';
import type { AstroPageFile } from '../routes/astro';
import { booleanSetting, callArguments, declaredObject, topLevelProperties, topLevelString } from './jsConfig';

/**
 * Starlight (@astrojs/starlight), Astro's docs theme, as its source builds a site: `docsLoader()` takes the
 * Markdown of `src/content/docs/` but `_` files (loaders.ts), and the integration injects the route every
 * docs entry is built at, `[...slug]` from the entry's id, and a `404` page (index.ts, utils/routing/index.ts).
 * On a site of several languages, a page of the default locale missing from another locale is built at that
 * locale's URL too, as a fallback.
 */
export interface StarlightSetup {
  /**
   * The `locales` keys (`root` for pages not below a locale folder), each the first segment of its pages'
   * ids; `undefined` where the config computes them.
   */
  readonly locales: readonly string[] | undefined;
  /** `defaultLocale`, else `root`: the locale whose pages stand in for missing translations. */
  readonly defaultLocale: string;
  readonly routes: readonly AstroPageFile[];
  /** The config imports a Starlight plugin that may add pages Postcraft cannot list (starlight-changelogs…). */
  readonly pluginRoutes: boolean;
  /** The `prefix` of each starlight-blog blog: the plugin builds its list, tag, author and feed pages below it. */
  readonly blogPrefixes: readonly string[];
}

/** Starlight packages known to add no page: they check links, style or zoom, build the sidebar, or write llms.txt files. */
const pagelessPackages = new Set(['starlight-links-validator', 'starlight-llms-txt', 'starlight-image-zoom', 'starlight-auto-sidebar', 'starlight-sidebar-topics', '@astrojs/starlight-tailwind', '@astrojs/starlight-markdoc', '@astrojs/starlight-docsearch', 'starlight-heading-badges', 'starlight-kbd', 'starlight-theme-rapide', 'starlight-theme-nova', 'starlight-theme-obsidian', 'starlight-theme-black']);

/** The docs loader's glob (loaders.ts `docsExtensions`, files starting `_` left out), below the site's srcDir. */
export const starlightDocsPattern = '**/[^_]*.{markdown,mdown,mkdn,mkd,mdwn,md,mdx}';

export function starlightDocsFolder(srcDir: string): string {
  return joinPath(srcDir, 'content', 'docs');
}

/**
 * What the Astro config's `starlight({…})` call sets, or `undefined` where the config calls no Starlight
 * (the call is found by the name `@astrojs/starlight`'s default import is given).
 */
export function starlightSetup(configSource: string, root: string): StarlightSetup | undefined {
  const name = /import\s+([\w$]+)\s+from\s+['"]@astrojs\/starlight['"]/.exec(configSource)?.[1];
  if (name === undefined) return undefined;
  const options = callArguments(configSource, name)[0]?.trim();
  if (options === undefined) return undefined;
  const properties = options.startsWith('{') ? topLevelProperties(options) : new Map<string, string>();
  const localesValue = properties.get('locales');
  const localesObject = localesValue === undefined ? '{}' : localesValue.startsWith('{') ? localesValue : /^[\w$]+$/.test(localesValue) ? declaredObject(configSource, localesValue) : undefined;
  const locales = localesObject === undefined || !options.startsWith('{') ? undefined : [...topLevelProperties(localesObject).keys()];
  const entrypoint = joinPath(root, 'node_modules/@astrojs/starlight/routes/static/index.astro');
  const routes: AstroPageFile[] = [{ file: entrypoint, route: '/[...slug]', kind: 'page', entries: { collection: 'docs', field: 'id', starlight: true } }];
  if (booleanSetting(options, 'disable404Route') !== true) routes.push({ file: joinPath(root, 'node_modules/@astrojs/starlight/routes/static/404.astro'), route: '/404', kind: 'page' });
  const packages = [...configSource.matchAll(/\bfrom\s+['"]((?:@[\w.-]+\/)?[\w.-]*starlight[\w.-]*)(?:\/[^'"]*)?['"]/g)].map((match) => match[1]!);
  const blogPrefixes = starlightBlogPrefixes(configSource);
  const pluginRoutes = packages.some((name) => name !== '@astrojs/starlight' && !pagelessPackages.has(name) && !(name === 'starlight-blog' && blogPrefixes !== undefined));
  return { locales, defaultLocale: (options.startsWith('{') ? topLevelString(options, 'defaultLocale') : undefined) ?? 'root', routes, pluginRoutes, blogPrefixes: blogPrefixes ?? [] };
}

/**
 * The prefix of each blog the config's `starlightBlog({…})` calls make (`blog` unless `prefix` says), or `undefined`
 * where one is not written as a string.
 */
function starlightBlogPrefixes(configSource: string): string[] | undefined {
  const name = /import\s+([\w$]+)\s+from\s+['"]starlight-blog['"]/.exec(configSource)?.[1];
  if (name === undefined) return [];
  const prefixes: string[] = [];
  for (const args of callArguments(configSource, name)) {
    const options = args.trim() === '' ? '{}' : args.trim();
    if (!options.startsWith('{')) return undefined;
    const written = topLevelProperties(options).get('prefix');
    const prefix = written === undefined ? 'blog' : topLevelString(options, 'prefix');
    if (prefix === undefined) return undefined;
    prefixes.push(prefix.replace(/^\/+|\/+$/g, ''));
  }
  return prefixes;
}

/**
 * Whether a starlight-blog blog builds the URL path `path` (no slashes at either end, no base path), in any locale:
 * its list and its pages (`[...page]`), tag and author pages and feeds (starlight-blog index.ts `injectRoute`). Its
 * posts are docs entries, routed as any other.
 */
export function isStarlightBlogPage(setup: StarlightSetup, path: string): boolean {
  const segments = path.split('/');
  const rest = (prefix: string, from: number) => segments.slice(from + prefix.split('/').length).join('/');
  for (const prefix of setup.blogPrefixes) {
    for (const from of [0, 1]) {
      if (segments.slice(from, from + prefix.split('/').length).join('/') !== prefix) continue;
      if (from === 1 && setup.locales !== undefined && !setup.locales.includes(segments[0]!)) continue;
      if (/^(?:|\d+|(?:tags|authors)\/[^/]+|rss\.xml|rss\/[^/]+\.xml)$/.test(rest(prefix, from))) return true;
    }
  }
  return false;
}

/**
 * Whether Starlight builds the URL path `path` (no slashes at either end, no base path) as a fallback page: the
 * first segment a locale other than the default, the rest a page of the default locale (`isPage`, a URL path
 * the same way). A config whose locales Postcraft cannot read takes any first segment for a locale.
 */
export function isStarlightFallback(setup: StarlightSetup, path: string, isPage: (path: string) => boolean): boolean {
  const [first, ...rest] = path.split('/');
  if (!first || first === 'root' || first === setup.defaultLocale) return false;
  if (setup.locales !== undefined && (setup.locales.length < 2 || !setup.locales.includes(first))) return false;
  const inDefault = setup.defaultLocale === 'root' ? rest : [setup.defaultLocale, ...rest];
  return isPage(inDefault.join('/'));
}

/** Starlight's `slugToParam` (utils/slugs.ts): an id `index`, or ending `/index`, is its folder's page. */
export function starlightParam(id: string): string {
  return (id === 'index' || id === '/' ? '' : id.endsWith('/index') ? id.slice(0, -'/index'.length) : id).normalize();
}
