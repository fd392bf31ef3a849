import { objectSetting, stringSetting, type ConfigData } from '../../configFiles';
import type { SiteLanguages } from '../../model';
import type { HugoContentMount, HugoRouting } from '../../routes/hugo';
import { dateKeysOf, defaultDateKeys, defaultExpiryDateKeys, defaultPublishDateKeys } from './dates';

/**
 * What Hugo 0.111's config says about URLs: `[permalinks]` by section (`/` or a space is the root
 * section), `uglyURLs` (for all or by section), `disablePathToLower`, the language prefixes
 * (`defaultContentLanguageInSubdir`; none on a one-language site or when each language has its own
 * `baseURL`), the taxonomies, the `[frontmatter]` date identifiers, `paginatePath` and `disableKinds`.
 * Sources: hugolib/site.go (newSiteInfo, getLanguagePermalinkLang), resources/page/permalinks.go.
 */
export function readHugoRouting(
  data: ConfigData,
  languages: SiteLanguages,
  taxonomies: readonly string[],
  branchFolders: ReadonlySet<string>,
  contentMounts: readonly HugoContentMount[] = [],
  absentContentFolders: readonly string[] = [],
): HugoRouting {
  const permalinks = permalinksByKind(objectSetting(data, 'permalinks') ?? {});
  const ugly = data['uglyurls'];
  const uglyURLs: HugoRouting['uglyURLs'] =
    typeof ugly === 'boolean' ? ugly : ugly && typeof ugly === 'object' ? Object.fromEntries(Object.entries(ugly).map(([section, value]) => [section, value === true])) : false;
  const languageTables = Object.entries(objectSetting(data, 'languages') ?? {}).filter(([code]) => languages.codes.has(code));
  // Hugo runs "multihost" when languages set their own baseURL: each is served at its own root.
  const multihost = languageTables.some(([, settings]) => !!settings && typeof settings === 'object' && typeof (settings as ConfigData)['baseurl'] === 'string');
  const inSubdir = data['defaultcontentlanguageinsubdir'] === true;
  const multilingual = languages.codes.size > 1 && !multihost;
  const languagePrefixes: Record<string, string> = {};
  for (const code of languages.codes) languagePrefixes[code] = multilingual && (code !== languages.defaultLanguage || inSubdir) ? code : '';
  const frontmatter = objectSetting(data, 'frontmatter') ?? {};
  const disableKinds = Array.isArray(data['disablekinds']) ? data['disablekinds'].map((kind) => String(kind).toLowerCase()) : [];
  return {
    generator: 'hugo',
    permalinks,
    uglyURLs,
    disablePathToLower: data['disablepathtolower'] === true,
    languagePrefixes,
    multihost,
    defaultLanguage: languages.defaultLanguage,
    taxonomies: [...taxonomies],
    dateKeys: dateKeysOf(frontmatter['date'], defaultDateKeys, ['date', 'publishdate', 'lastmod']),
    publishDateKeys: dateKeysOf(frontmatter['publishdate'], defaultPublishDateKeys, ['publishdate', 'date']),
    expiryDateKeys: dateKeysOf(frontmatter['expirydate'], defaultExpiryDateKeys, ['expirydate']),
    paginatePath: stringSetting(data, 'paginatePath') ?? 'page',
    outputFiles: outputFormatFiles(data),
    disableKinds,
    branchFolders,
    contentMounts,
    absentContentFolders,
    menuUrls: menuUrls(data),
    // `refLinksErrorLevel: WARNING`: a ref to no page is logged as a warning and written as refLinksNotFoundURL; the build goes on.
    ...(String(data['reflinkserrorlevel'] ?? '').toLowerCase() === 'warning' ? { refsToNothingWarnOnly: true as const } : {}),
  };
}

/**
 * The root-relative `url`s of the menu entries in the config (`menu`/`menus`, for the site and for each language),
 * lower case and ending in `/`. Entries that name a page (`pageRef`) or another host are left out.
 */
function menuUrls(data: ConfigData): string[] {
  const urls = new Set<string>();
  const menusOf = (settings: unknown) => {
    if (!settings || typeof settings !== 'object') return;
    for (const key of ['menu', 'menus']) {
      const menus = (settings as ConfigData)[key];
      if (!menus || typeof menus !== 'object' || Array.isArray(menus)) continue;
      for (const entries of Object.values(menus)) {
        for (const entry of Array.isArray(entries) ? entries : entries && typeof entries === 'object' ? Object.values(entries) : []) {
          const url = entry && typeof entry === 'object' ? (entry as ConfigData)['url'] : undefined;
          if (typeof url === 'string' && url.startsWith('/') && !url.startsWith('//')) urls.add(url.split(/[?#]/)[0]!.replace(/\/?$/, '/').toLowerCase());
        }
      }
    }
  };
  menusOf(data);
  for (const settings of Object.values(objectSetting(data, 'languages') ?? {})) menusOf(settings);
  urls.delete('/');
  return [...urls];
}

/**
 * `[permalinks]` by page kind. A pattern set directly on a section key is the page and term pattern (Hugo 0.111, and
 * kept so since); Hugo ≥ 0.115 also takes a table per kind, `[permalinks.page]`, `[permalinks.section]`,
 * `[permalinks.taxonomy]` and `[permalinks.term]`, by section (linkerd.io dates its blog so).
 * Source: resources/page/permalinks.go DecodePermalinksConfig.
 */
function permalinksByKind(table: Readonly<Record<string, unknown>>): HugoRouting['permalinks'] {
  const byKind = { page: {} as Record<string, string>, section: {} as Record<string, string>, taxonomy: {} as Record<string, string>, term: {} as Record<string, string> };
  const sectionOf = (key: string) => key.replace(/^[ /\\]+|[ /\\]+$/g, '');
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'string') byKind.page[sectionOf(key)] = byKind.term[sectionOf(key)] = value;
  }
  for (const kind of ['page', 'section', 'taxonomy', 'term'] as const) {
    const patterns = table[kind];
    if (!patterns || typeof patterns !== 'object' || Array.isArray(patterns)) continue;
    for (const [key, value] of Object.entries(patterns)) if (typeof value === 'string') byKind[kind][sectionOf(key)] = value;
  }
  return byKind;
}

// Hugo 0.111's media types (media/mediaType.go DefaultTypes) by the suffix a file of each gets.
const mediaTypeSuffixes: Readonly<Record<string, string>> = {
  'text/html': 'html', 'text/calendar': 'ics', 'text/csv': 'csv', 'application/json': 'json', 'application/rss+xml': 'xml',
  'application/xml': 'xml', 'text/xml': 'xml', 'text/plain': 'txt', 'text/markdown': 'md', 'text/css': 'css',
  'text/javascript': 'js', 'application/javascript': 'js', 'application/manifest+json': 'webmanifest', 'image/svg+xml': 'svg',
};

/**
 * The files Hugo's output formats write in a page's folder beside `index.html`: the built-in Calendar,
 * CSV, JSON and RSS (`index.ics`, `index.csv`, `index.json`, `index.xml`), and each of the config's
 * `[outputFormats]` (its `baseName`, default `index`, and its media type's suffix, `[mediaTypes]` first):
 * regisphilibert.com's `markdown` format writes `markdown.html`. Which pages list which formats (`outputs`)
 * is not read: a link to such a file of any page is taken as one Hugo writes.
 */
function outputFormatFiles(data: ConfigData): string[] {
  const files = new Set(['index.ics', 'index.csv', 'index.json', 'index.xml']);
  const ownTypes = objectSetting(data, 'mediaTypes') ?? {};
  const suffixOf = (mediaType: string): string | undefined => {
    const own = Object.entries(ownTypes).find(([name]) => name.toLowerCase() === mediaType.toLowerCase())?.[1];
    const suffixes = own && typeof own === 'object' ? (own as ConfigData)['suffixes'] ?? (own as ConfigData)['suffix'] : undefined;
    const ownSuffix = Array.isArray(suffixes) ? suffixes[0] : suffixes;
    return typeof ownSuffix === 'string' ? ownSuffix : mediaTypeSuffixes[mediaType.toLowerCase()];
  };
  for (const format of Object.values(objectSetting(data, 'outputFormats') ?? {})) {
    if (!format || typeof format !== 'object' || Array.isArray(format)) continue;
    const settings = format as ConfigData;
    const baseName = stringSetting(settings, 'baseName') ?? 'index';
    const mediaType = stringSetting(settings, 'mediaType');
    const suffix = mediaType ? suffixOf(mediaType) : undefined;
    if (suffix && !baseName.includes('/')) files.add(`${baseName}.${suffix}`);
  }
  return [...files];
}
