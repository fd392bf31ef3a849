import { docusaurusDetection } from './detection';
import type { SiteFileSystem } from '../../host/fileSystem';
import { allBefore, installedReleases } from '../installedVersion';
import { generatedIndexSlugs } from './docusaurus/generatedIndexes';
import { globalComponents } from './docusaurus/globalComponents';
import { dirname, isInside, joinPath, normalizePath, relativePath } from '../../text/paths';
import { basePathOf, hostOf, withHost, readDataFile, readText } from '../configFiles';
import { readLocalPlugins, type AddedRoute, type ContentKind } from './docusaurus/localPlugins';
import { readsTabIndentation } from './frontMatterReader';
import type { Author, SiteConfig, TagRegistry } from '../model';
import { authorsFromDataFile } from './dataAuthors';
import { matchingAny, notMatchingAny } from './globs';
import { booleanSetting, declaredObject, matchingBracket, objectSetting, stringItems, stringListSetting, stringLiteralSetting, topLevelProperties, topLevelString, withoutComments } from './jsConfig';
import { defaultImageFields, rootRelativeCandidates, servedImagesWhere, type GeneratorProfile, recordingConfigInputs } from './profile';
import { docusaurusSiteDir, translationFolders, type DocusaurusDocsVersion, type DocusaurusRouting } from '../routes/docusaurus';
import { slug } from 'github-slugger';
import { escapeRegExp } from '../../text/regExp';

const identity = (id: string) => id;

/** One content plugin instance: its folder (from the site root) and the files it takes from there. */
export interface ContentPlugin {
  readonly id: string;
  readonly path: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export interface BlogPlugin extends ContentPlugin {
  readonly authorsMapPath: string;
  readonly tags: string | undefined;
  readonly onInlineTags: string;
}

interface ContentPlugins {
  readonly blogs: BlogPlugin[];
  readonly docs: ContentPlugin[];
  readonly pages: ContentPlugin[];
}

/** The site's locales; translated content lives in `<path>/<locale>/docusaurus-plugin-content-<kind>[-<id>]/`. */
export interface DocusaurusLocales {
  readonly defaultLocale: string;
  readonly locales: readonly string[];
  /** The `i18n.path` folder, absolute. */
  readonly dir: string;
  /** The same, from the site root. */
  readonly path: string;
}

interface DocusaurusSiteConfig extends SiteConfig {
  readonly locales: DocusaurusLocales;
}

/**
 * `GlobExcludeDefault` of @docusaurus/utils (globUtils.ts): files and folders starting with `_` are
 * partials, tests are not content. The default `exclude` of the blog, docs and pages plugins.
 */
export const defaultExclude = ['**/_*.{js,jsx,ts,tsx,md,mdx}', '**/_*/**', '**/*.test.{js,jsx,ts,tsx}', '**/__tests__/**'];
const defaultInclude = { blog: ['**/*.{md,mdx}'], docs: ['**/*.{md,mdx}'], pages: ['**/*.{js,jsx,ts,tsx,md,mdx}'] };

export const docusaurus: GeneratorProfile = {
  ...docusaurusDetection,

  publishing: { skipsDrafts: true, skipsFuturePosts: false, skipsExpiredPages: false },
  images: { publicFolder: 'img', besidePost: 'bundles', searchedWhere: servedImagesWhere, layoutsResolveFields: false, rulesGuessed: false },
  // A doc or blog post without `title` is titled by its first `#` heading, else its file name (docs.ts
  // `frontMatter.title ?? contentTitle ?? baseID`, blogUtils.ts `?? parsedBlogFileName.text`); a page by the site's.
  frontmatter: { failsBuildOnBadDate: false, titled: true, titleFromFileName: () => true, repeatedYamlKey: 'stops the build' },
  links: { newLinkStyle: 'file.md', aliasesForMovedPages: false, buildChecksAnchors: true },
  newPost: {
    defaultSection: 'blog',
    datedFileNames: true,
    template: '---\ntitle: "{{ .Title }}"\nauthors: []\ntags: []\n---\n\n',
    /** github-slugger, the slugger Docusaurus gives headings: Unicode letters stay, punctuation goes. */
    slug: (title) => slug(title),
  },

  // The site's folder is the config's (`siteDir`): the root may be a folder above it that holds content the config
  // names outside it (`path: '../docs'`, see `contentBeyondRoot`).
  loadConfig: recordingConfigInputs(async (fs, root, configFile) => {
    const { file, siteDir, source, plugins, locales, folders, local } = await readContentFolders(fs, root, configFile);
    const routing = await routingOf(fs, siteDir, source, plugins, locales, local.routes);
    const config: DocusaurusSiteConfig = {
      generator: 'docusaurus',
      root,
      configFile: file,
      contentDirs: [...new Set(folders.map((folder) => joinPath(siteDir, folder.dir)))],
      publicDirs: (stringListSetting(source, 'staticDirectories') ?? ['static']).map((dir) => joinPath(siteDir, dir)),
      assetDirs: [],
      basePath: basePathOf(stringLiteralSetting(source, 'baseUrl')),
      ...withHost(hostOf(stringLiteralSetting(source, 'url')) ?? (await publishedHost(fs, siteDir, source))),
      tagKeys: ['tags'],
      // `author:` (singular) is the legacy free-text name; only `authors:` names keys of authors.yml.
      authorKeys: ['authors'],
      imageFields: defaultImageFields,
      // `markdown: { format: 'mdx' }` is the default; 'md' and 'detect' leave `.md` files plain Markdown.
      markdownIsMdx: !/\bmarkdown\s*:\s*\{[^}]*?\bformat\s*:\s*['"](?:md|detect)['"]/.test(source),
      ...(await withGlobalComponents(fs, siteDir)),
      ignoredDirs: [joinPath(siteDir, 'build')],
      excludedFiles: [
        ...folders.flatMap(({ files, pattern }) => {
          const below = relativePath(root, normalizePath(joinPath(siteDir, pattern)));
          const excluded = matchingAny(below, files.exclude);
          return [notMatchingAny(below, files.include), ...(excluded ? [excluded] : [])];
        }),
        ...unbuiltVersions(root, siteDir, routing),
        ...(await unreadTranslations(fs, root, routing)),
      ],
      locales,
      routing,
      ...(await tagRegistries(fs, siteDir, plugins, locales)),
      ...(await readsTabIndentation(fs, siteDir, '@docusaurus/core', [3, 10, 0])),
      ...(await readsMdx1(fs, siteDir)),
    };
    return { config, problems: [] };
  }),

  async contentBeyondRoot(fs, root, configFile) {
    const { siteDir, folders } = await readContentFolders(fs, root, configFile);
    return folders.map((folder) => joinPath(siteDir, folder.dir)).filter((dir) => !isInside(root, dir));
  },

  // Each blog reads its own `authorsMapPath` (default authors.yml, relative to the blog folder);
  // a key that is not there fails the build ("Blog author with key … not found").
  // A locale reads the translated map first (i18n/<locale>/docusaurus-plugin-content-blog/authors.yml,
  // getDataFilePath): its keys count too.
  async loadAuthors(fs, config) {
    const authors = new Map<string, Author>();
    const source = await readConfigSource(fs, config.configFile);
    const { blogs } = contentPlugins(source, (await readLocalPlugins(fs, docusaurusSiteDir(config), source)).wrappedContent);
    const locales = localesOf(config);
    for (const blog of blogs) {
      await authorsFromDataFile(fs, joinPath(docusaurusSiteDir(config), blog.path, blog.authorsMapPath), identity, authors);
      for (const folder of locales ? localizedFolders('blog', blog, locales) : []) await authorsFromDataFile(fs, joinPath(docusaurusSiteDir(config), folder, blog.authorsMapPath), identity, authors);
    }
    return authors;
  },

  authorKey: identity,

  // An inline tag's page is `/tags/<kebabCase(label)>` and posts are grouped by that permalink
  // (@docusaurus/utils tags.ts normalizeTag, groupTaggedItems): `Astro` and `astro` are one page,
  // `JavaScript` (java-script) and `javascript` are two.
  tagTerm: kebabCase,

  // A translation is a post of its locale; on a multilingual site the other posts are the default locale's.
  postLanguage(config, postPath) {
    const locales = localesOf(config);
    if (!locales || locales.locales.length < 2) return undefined;
    if (!isInside(locales.dir, postPath)) return locales.defaultLocale;
    return postPath.slice(locales.dir.length + 1).split('/')[0];
  },

  // The mdx-loader's rules (transformImage): `@site/…` from the site folder, `/…` from the static
  // folders, anything else relative to the file. A bare `img/a.png` in front matter `image:` goes
  // through useBaseUrl instead (static/img/a.png); the profile cannot tell the two apart, so it
  // accepts both for bare paths and stays strict for `./` and `../`. An `import` or `require()` is
  // webpack's: `/…` from each static folder, then the site folder (@docusaurus/core webpack/base.js
  // `resolve.roots`), so OpenKruise's `require('/static/img/x.png')` is static/img/x.png.
  imageCandidates(config, postPath, imagePath, origin) {
    if (imagePath.startsWith('@site/')) return [joinPath(docusaurusSiteDir(config), imagePath.slice('@site/'.length))];
    if (imagePath.startsWith('/')) return origin === 'import' ? [...rootRelativeCandidates(config, imagePath), joinPath(docusaurusSiteDir(config), imagePath)] : rootRelativeCandidates(config, imagePath);
    const besideFile = joinPath(dirname(postPath), imagePath);
    return /^\.\.?\//.test(imagePath) ? [besideFile] : [besideFile, ...config.publicDirs.map((dir) => joinPath(dir, imagePath))];
  },
};

/** lodash's `kebabCase`: accents dropped, words split at case changes, letters and digits, lower-cased, joined by `-`. */
export function kebabCase(text: string): string {
  const deburred = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  const words = deburred.replace(/['\u2019]/g, '').match(/\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+|[\p{L}\p{M}]+/gu) ?? [];
  return words.map((word) => word.toLowerCase()).join('-');
}

/**
 * The blog's predefined tags (`tags.yml` beside the posts, keys are tag ids). Tags outside it are
 * "inline tags", which `onInlineTags` lets through (ignore), logs, warns about (the default) or
 * fails the build on (throw).
 */
async function tagRegistries(fs: SiteFileSystem, root: string, plugins: ContentPlugins, locales: DocusaurusLocales): Promise<{ tagRegistries: TagRegistry[] }> {
  const registries: TagRegistry[] = [];
  for (const blog of plugins.blogs) {
    if (!blog.tags) continue;
    const severity = blog.onInlineTags === 'throw' ? 'error' : blog.onInlineTags === 'ignore' ? 'off' : blog.onInlineTags === 'log' ? 'info' : 'warning';
    const original = joinPath(root, blog.path, blog.tags);
    // A translated blog reads its own tags.yml if it has one, else the original (getDataFilePath).
    for (const folder of [blog.path, ...localizedFolders('blog', blog, locales)].map((dir) => joinPath(root, dir))) {
      let file = joinPath(folder, blog.tags);
      let loaded = await readDataFile(fs, file);
      if (!loaded && file !== original) loaded = await readDataFile(fs, (file = original));
      if (loaded) registries.push({ folder, tags: new Set(Object.keys(loaded.data)), file, severity });
    }
  }
  return { tagRegistries: registries };
}

async function readConfigSource(fs: SiteFileSystem, file: string | undefined): Promise<string> {
  return withoutComments((file && (await readText(fs, file))) ?? '');
}

/**
 * The blog, docs and pages instances: the classic preset's `blog:`/`docs:`/`pages:` options (unless
 * `false`) and every `@docusaurus/plugin-content-*` plugin entry, with their literal `path:`, `id:`,
 * `include:` and `exclude:` (an `exclude` list that is not all literals, such as `[...GlobExcludeDefault,
 * 'x']`, keeps the defaults as well).
 */
export function contentPlugins(source: string, wrappedContent: ReadonlyMap<string, ContentKind> = new Map()): ContentPlugins {
  const presets = /(?<![\w$])presets\s*:\s*\[/.exec(source);
  const presetText = presets ? source.slice(presets.index, matchingBracket(source, presets.index + presets[0].length - 1) + 1) : source;
  const plugins: ContentPlugins = { blogs: [], docs: [], pages: [] };
  const assumed = new Set<ContentPlugin>(); // preset instances no option names: an explicit plugin takes their place
  const add = (kind: 'blog' | 'docs' | 'pages', options: string, isAssumed = false) => {
    const include = globList(options, 'include') ?? defaultInclude[kind];
    const exclude = globList(options, 'exclude', defaultExclude) ?? defaultExclude;
    const common = { id: topLevelString(options, 'id') ?? 'default', path: topLevelString(options, 'path') ?? (kind === 'blog' ? 'blog' : kind === 'docs' ? 'docs' : 'src/pages'), include, exclude };
    // Two instances of one plugin with one id fail the build ("used 2 times with ID"): the first counts.
    const list: ContentPlugin[] = kind === 'blog' ? plugins.blogs : plugins[kind];
    const same = list.findIndex((plugin) => plugin.id === common.id);
    if (same !== -1 && !assumed.has(list[same]!)) return;
    if (same !== -1) list.splice(same, 1);
    const tags = /(?<![\w$])tags\s*:\s*(false|null)\b/.test(options) ? undefined : (topLevelString(options, 'tags') ?? 'tags.yml');
    const plugin = kind === 'blog' ? { ...common, authorsMapPath: topLevelString(options, 'authorsMapPath') ?? 'authors.yml', tags, onInlineTags: topLevelString(options, 'onInlineTags') ?? 'warn' } : common;
    if (isAssumed) assumed.add(plugin);
    pluginOptions.set(plugin, options);
    if (kind === 'blog') plugins.blogs.push(plugin as BlogPlugin);
    else plugins[kind].push(plugin);
  };
  // A config that lists plugins and names no preset has only those plugins (core/lib/server/plugins/configs.js
  // `loadPluginConfigs`): jellyfin.org lists plugin-content-blog with id blog-main at /posts, and no blog serves /blog.
  // A config Postcraft reads nothing of is taken for the classic preset's.
  const namesPresets = presets !== null || /(?<![\w$])presets\b/.test(source) || !/(?<![\w$])plugins\s*:/.test(source);
  for (const kind of namesPresets ? (['blog', 'docs', 'pages'] as const) : []) {
    const options = objectSetting(presetText, kind);
    if (options !== false) add(kind, options ?? '{}', options === undefined);
  }
  // The plugin by its package name, or a local plugin that wraps one (see LocalPlugins.wrappedContent).
  const local = [...wrappedContent.keys()].map(escapeRegExp).join('|');
  const pluginName = new RegExp(`(['"])(?:(?:@docusaurus\\/plugin-|docusaurus-plugin-)?content-(blog|docs|pages)${local ? `|(${local})` : '()'})\\1\\s*(,\\s*\\{)?(?:,\\s*([\\w$]+)\\s*\\])?`, 'g');
  let inside = -1; // a plugin name inside another plugin's options is part of them, not a plugin
  for (const match of source.matchAll(pluginName)) {
    if (match.index < inside) continue;
    // The package imported for its types (jellyfin.org's `import * as Blog from '@docusaurus/plugin-content-blog'`) is no instance.
    if (/(?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\()\s*$/.test(source.slice(Math.max(0, match.index - 20), match.index))) continue;
    if (presetText !== source && match.index >= (presets?.index ?? 0) && match.index < (presets?.index ?? 0) + presetText.length) continue;
    const open = match.index + match[0].length - 1;
    const close = match[4] ? matchingBracket(source, open) : -1;
    if (close !== -1) inside = close;
    const options = match[4] ? source.slice(open, close + 1) : match[5] ? (declaredObject(source, match[5]) ?? '{}') : '{}';
    add((match[2] as ContentKind | undefined) ?? wrappedContent.get(match[3]!)!, options);
  }
  return plugins;
}

/** The options object each instance was written with (`{}` for a preset instance no option names), for its URL settings. */
const pluginOptions = new WeakMap<ContentPlugin, string>();

/** A literal list of globs written directly in the options; with items it cannot read, they plus `fallback`. */
function globList(options: string, key: string, fallback: readonly string[] = []): string[] | undefined {
  const value = topLevelProperties(options).get(key);
  if (value === undefined || !value.startsWith('[')) return undefined;
  const items = value.slice(1, value.lastIndexOf(']'));
  const literals = stringItems(items);
  const onlyLiterals = !/[\w$]/.test(items.replace(/(['"`])(?:(?!\1)[^\\]|\\.)*\1/g, ''));
  return onlyLiterals ? literals : [...new Set([...fallback, ...literals])];
}

/** `i18n: { defaultLocale, locales, path }`; without a literal `locales`, the folders found in the i18n folder. */
async function readLocales(fs: SiteFileSystem, root: string, source: string): Promise<DocusaurusLocales> {
  const options = objectSetting(source, 'i18n') || '{}';
  const defaultLocale = topLevelString(options, 'defaultLocale') ?? 'en';
  const path = normalizePath(topLevelString(options, 'path') ?? 'i18n');
  const dir = joinPath(root, path);
  const listed = stringListSetting(options, 'locales');
  const found = listed ?? (await fs.readDirectory(dir)).filter((entry) => entry.type === 'directory').map((entry) => entry.name);
  return { defaultLocale, locales: [...new Set([defaultLocale, ...found])], dir, path };
}

function localesOf(config: SiteConfig): DocusaurusLocales | undefined {
  return 'locales' in config ? (config as DocusaurusSiteConfig).locales : undefined;
}

/**
 * Where a plugin's translations are (getPluginI18nPath): `<i18n>/<locale>/docusaurus-plugin-content-<kind>`,
 * `-<id>` for an instance other than the default. The default locale may have a folder too.
 */
function localizedFolders(kind: 'blog' | 'docs' | 'pages', plugin: ContentPlugin, locales: DocusaurusLocales): string[] {
  const name = `docusaurus-plugin-content-${kind}${plugin.id === 'default' ? '' : `-${plugin.id}`}`;
  return locales.locales.map((locale) => joinPath(locales.path, locale, name));
}

interface ContentFolder {
  /** The folder, from the site root. */
  readonly dir: string;
  /** The same as a glob where versions vary (`versioned_docs/*`), for the plugin's include and exclude globs. */
  readonly pattern: string;
  readonly files: ContentPlugin;
}

/**
 * Every folder a content plugin reads Markdown from: its path, the versioned docs (`versioned_docs/
 * version-x/`, `<id>_versioned_docs/` for another instance), and their translations (`current/` and
 * `version-x/` in the docs' translation folder). Include and exclude apply within each.
 */
function contentFolders(plugins: ContentPlugins, locales: DocusaurusLocales): ContentFolder[] {
  const folders: ContentFolder[] = [];
  const add = (dir: string, pattern: string, files: ContentPlugin) => folders.push({ dir, pattern, files });
  for (const blog of plugins.blogs) {
    add(blog.path, blog.path, blog);
    for (const folder of localizedFolders('blog', blog, locales)) add(folder, folder, blog);
  }
  for (const docs of plugins.docs) {
    add(docs.path, docs.path, docs);
    const versioned = docs.id === 'default' ? 'versioned_docs' : `${docs.id}_versioned_docs`;
    add(versioned, `${versioned}/*`, docs);
    for (const folder of localizedFolders('docs', docs, locales)) add(folder, `${folder}/*`, docs);
  }
  for (const pages of plugins.pages) {
    add(pages.path, pages.path, pages);
    for (const folder of localizedFolders('pages', pages, locales)) add(folder, folder, pages);
  }
  return folders;
}

/** The config's text, its content plugins and locales, and the folders they read, from the config's folder (`siteDir`). */
async function readContentFolders(fs: SiteFileSystem, root: string, configFile: string | undefined) {
  const file = configFile ? joinPath(root, configFile) : undefined;
  const siteDir = file ? dirname(file) : root;
  const source = await readConfigSource(fs, file);
  const local = await readLocalPlugins(fs, siteDir, source);
  const plugins = contentPlugins(source, local.wrappedContent);
  const locales = await readLocales(fs, siteDir, source);
  return { file, siteDir, source, plugins, locales, local, folders: contentFolders(plugins, locales) };
}

/**
 * The settings Docusaurus makes URLs from: `trailingSlash`, the locales, and each content instance's
 * route base paths (the plugins' option defaults when not written as literals) and docs versions.
 */
async function routingOf(fs: SiteFileSystem, root: string, source: string, plugins: ContentPlugins, locales: DocusaurusLocales, pluginRoutes: readonly AddedRoute[]): Promise<DocusaurusRouting> {
  const options = (plugin: ContentPlugin) => pluginOptions.get(plugin) ?? '{}';
  const setting = (plugin: ContentPlugin, key: string, fallback: string) => topLevelString(options(plugin), key) ?? fallback;
  const trailingSlash = booleanSetting(source, 'trailingSlash');
  return {
    generator: 'docusaurus',
    ...(trailingSlash === undefined ? {} : { trailingSlash }),
    defaultLocale: locales.defaultLocale,
    otherLocales: locales.locales.filter((locale) => locale !== locales.defaultLocale),
    i18nDir: locales.dir,
    blogs: plugins.blogs.map((blog) => ({
      id: blog.id,
      dir: joinPath(root, blog.path),
      routeBasePath: setting(blog, 'routeBasePath', 'blog'),
      tagsBasePath: setting(blog, 'tagsBasePath', 'tags'),
      pageBasePath: setting(blog, 'pageBasePath', 'page'),
      archiveBasePath: topLevelProperties(options(blog)).get('archiveBasePath') === 'null' ? null : setting(blog, 'archiveBasePath', 'archive'),
      authorsBasePath: setting(blog, 'authorsBasePath', 'authors'),
      ...(topLevelProperties(options(blog)).has('truncateMarker') ? { ownTruncateMarker: true as const } : {}),
    })),
    docs: await Promise.all(
      plugins.docs.map(async (docs) => {
        const versions = await docsVersions(fs, root, docs, options(docs));
        const slugs = await generatedIndexSlugs(fs, root, versions.map((version) => version.dir));
        return {
          id: docs.id,
          dir: joinPath(root, docs.path),
          routeBasePath: setting(docs, 'routeBasePath', 'docs'),
          tagsBasePath: setting(docs, 'tagsBasePath', 'tags'),
          versions,
          numberPrefixes: topLevelProperties(options(docs)).get('numberPrefixParser') !== 'false',
          ...(slugs.length > 0 ? { generatedIndexSlugs: slugs } : {}),
        };
      }),
    ),
    pages: plugins.pages.map((pages) => ({ id: pages.id, dir: joinPath(root, pages.path), routeBasePath: setting(pages, 'routeBasePath', '/') })),
    ...(pluginRoutes.length > 0 ? { pluginRoutes } : {}),
  };
}

/**
 * The files of the versions a docs instance has a folder for but does not build: one versions.json does not list
 * (OpenKruise's versioned_docs/version-v1.5), or `onlyIncludeVersions` leaves out (version-v1.6), and their
 * translations (`i18n/<locale>/docusaurus-plugin-content-docs[-<id>]/version-<name>/`). As `excludedFiles`,
 * tested on the path below the site's root.
 */
function unbuiltVersions(root: string, siteDir: string, routing: DocusaurusRouting): RegExp[] {
  const translations = escapeRegExp(relativePath(root, routing.i18nDir));
  return routing.docs.flatMap((docs) => {
    const built = docs.versions.filter((version) => version.name !== 'current').map((version) => escapeRegExp(`version-${version.name}`));
    const versioned = escapeRegExp(relativePath(root, joinPath(siteDir, `${docs.id === 'default' ? '' : `${docs.id}_`}versioned_docs`)));
    const translated = `${translations}/[^/]+/docusaurus-plugin-content-docs${docs.id === 'default' ? '' : escapeRegExp(`-${docs.id}`)}`;
    const keep = built.length > 0 ? `(?!(?:${built.join('|')})/)` : '';
    return [versioned, translated].map((folder) => new RegExp(`^${folder}/${keep}version-[^/]+/`));
  });
}

/**
 * Translated files no plugin reads: a plugin lists the files of its own folder and takes each from the translation
 * where one has the same path (blogUtils generateBlogPosts, docs readVersionDocs: getFolderContainingFile over
 * getContentPathList). A translation with no such file, or beside it under another extension (apache/answer-website's
 * zh-CN `index.md` beside the `index.mdx` that blog/ has), is never built (docusaurus 3.1.1 and 3.10.2). As `excludedFiles`.
 */
async function unreadTranslations(fs: SiteFileSystem, root: string, routing: DocusaurusRouting): Promise<RegExp[]> {
  const unread: string[] = [];
  for (const { dir, sourceDir } of translationFolders(routing)) {
    const translated = await markdownBelow(fs, dir, '');
    if (translated.length === 0) continue;
    const sources = new Set(await markdownBelow(fs, sourceDir, ''));
    for (const file of translated) if (!sources.has(file)) unread.push(relativePath(root, joinPath(dir, file)));
  }
  return unread.length === 0 ? [] : [new RegExp(`^(?:${unread.map(escapeRegExp).join('|')})$`)];
}

/** The Markdown and MDX files below a folder, by their path below it. */
async function markdownBelow(fs: SiteFileSystem, dir: string, below: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readDirectory(joinPath(dir, below))) {
    const path = below === '' ? entry.name : `${below}/${entry.name}`;
    if (entry.type === 'directory' && !entry.name.startsWith('.') && entry.name !== 'node_modules') found.push(...(await markdownBelow(fs, dir, path)));
    else if (entry.type === 'file' && /\.mdx?$/.test(entry.name)) found.push(path);
  }
  return found;
}

/**
 * `onlyIncludeVersions` written as literals and a slice of the versions file: OpenKruise's
 * `(() => ['current', ...versions.slice(0, 3)])()`, where `versions = require('./versions.json')`. Undefined for
 * any other expression (`isDev ? ['current'] : undefined` says nothing of the production build).
 */
function versionsSliced(options: string, released: readonly string[]): string[] | undefined {
  const key = /(?<![\w$])onlyIncludeVersions\s*:/.exec(options);
  if (!key) return undefined;
  const open = options.indexOf('[', key.index + key[0].length);
  if (open === -1 || !/^[\s(){}=>]*(?:return\s*)?$/.test(options.slice(key.index + key[0].length, open))) return undefined;
  const list = options.slice(open + 1, matchingBracket(options, open));
  const names: string[] = [];
  for (const item of list.match(/\.\.\.\s*[\w$]+\.slice\([^)]*\)|(['"])[^'"]*\1|[^,\s][^,]*/g) ?? []) {
    const literal = /^(['"])([^'"]*)\1$/.exec(item);
    const slice = /^\.\.\.\s*[\w$]*versions\.slice\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)$/i.exec(item.trim());
    if (literal) names.push(literal[2]!);
    else if (slice) names.push(...released.slice(Number(slice[1]), slice[2] === undefined ? undefined : Number(slice[2])));
    else return undefined;
  }
  return names;
}

/**
 * The versions a docs instance builds (versions/files.ts readVersionNames, version.ts): `current` from
 * its folder unless `includeCurrentVersion: false`, and those of `[<id>_]versions.json` from
 * `[<id>_]versioned_docs/version-<name>/`. The last version (`lastVersion`, else the newest released
 * one) is at the route base path itself; `current` is at `next` when others are released.
 */
async function docsVersions(fs: SiteFileSystem, root: string, docs: ContentPlugin, options: string): Promise<DocusaurusDocsVersion[]> {
  const properties = topLevelProperties(options);
  const prefix = docs.id === 'default' ? '' : `${docs.id}_`;
  const released = properties.get('disableVersioning') === 'true' ? [] : await readVersionsFile(fs, joinPath(root, `${prefix}versions.json`));
  const names = properties.get('includeCurrentVersion') === 'false' || released.includes('current') ? released : ['current', ...released];
  const only = stringListSetting(options, 'onlyIncludeVersions') ?? versionsSliced(options, released);
  const included = only ? names.filter((name) => only.includes(name)) : names;
  const last = topLevelString(options, 'lastVersion') ?? included.find((name) => name !== 'current') ?? 'current';
  const paths = objectSetting(options, 'versions') || '{}';
  const folderOf = (name: string) => (name === 'current' ? joinPath(root, docs.path) : joinPath(root, `${prefix}versioned_docs`, `version-${name}`));
  // Without the current version, a released one whose folder is missing (the build would stop: "The docs folder does not
  // exist for version") is made by the site's build from the docs folder, as `docs:version` makes it (pnpm.io's
  // `copy-docs` script copies docs/ to versioned_docs/version-11.x before `docusaurus build`).
  const copiedFromDocs = names.includes('current') ? undefined : await firstMissingFolder(fs, included.map(folderOf));
  return included.map((name) => {
    const written = topLevelProperties(paths).get(name);
    const custom = written?.startsWith('{') ? topLevelString(written, 'path') : undefined;
    const path = custom ?? (name === last ? '' : name === 'current' ? 'next' : name);
    const dir = folderOf(name);
    return { name, dir: dir === copiedFromDocs ? folderOf('current') : dir, path };
  });
}

async function firstMissingFolder(fs: SiteFileSystem, folders: readonly string[]): Promise<string | undefined> {
  for (const folder of folders) if ((await fs.stat(folder))?.type !== 'directory') return folder;
  return undefined;
}

async function readVersionsFile(fs: SiteFileSystem, file: string): Promise<string[]> {
  const text = await readText(fs, file);
  if (text === undefined) return [];
  try {
    const names: unknown = JSON.parse(text);
    return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return []; // the build fails on it; the versions it would read are unknown
  }
}

/**
 * The host of a `url` the config does not write as a literal: `url: packageJson.homepage` (Prettier's site)
 * read from package.json, else the GitHub Pages `static/CNAME` beside it.
 */
async function publishedHost(fs: SiteFileSystem, root: string, source: string): Promise<string | undefined> {
  if (/\burl\s*:\s*[\w$]+\.homepage\b/.test(source)) {
    const homepage = (await readDataFile(fs, joinPath(root, 'package.json')))?.data['homepage'];
    if (typeof homepage === 'string') return hostOf(homepage);
  }
  const cname = (await readText(fs, joinPath(root, 'static', 'CNAME')))?.trim().split(/\s+/)[0];
  return cname && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(cname) ? cname.toLowerCase() : undefined;
}

async function withGlobalComponents(fs: SiteFileSystem, siteDir: string): Promise<{ globalComponents?: ReadonlySet<string> }> {
  const names = await globalComponents(fs, siteDir);
  return names.size > 0 ? { globalComponents: names } : {};
}

/** `mdx1` where the site builds with Docusaurus 2, whose Markdown is MDX 1's (remark-parse 8); Docusaurus 3 reads MDX 3. */
async function readsMdx1(fs: SiteFileSystem, siteDir: string): Promise<{ mdx1?: true }> {
  const releases = await installedReleases(fs, siteDir, '@docusaurus/core');
  return releases && allBefore(releases, [3, 0, 0]) ? { mdx1: true } : {};
}
