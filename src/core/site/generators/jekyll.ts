import { jekyllDetection } from './detection';
import type { SiteFileSystem } from '../../host/fileSystem';
import { basename, dirname, extname, joinPath, relativePath } from '../../text/paths';
import { basePathOf, hostOf, withHost, objectSetting, readDataFile, readText, stringSetting, type ConfigData } from '../configFiles';
import { isPostPath } from '../fileSet';
import type { SiteConfig } from '../model';
import { msg } from '../../l10n/message';
import type { JekyllCollection, JekyllDefaultsSet, JekyllRouting } from '../routes/jekyll';
import { addAuthorRecords, authorFromEntryFile, AuthorRegistry, authorsFromDataFile, authorsFromDataFolder, dataExtensions } from './dataAuthors';
import { jekyllExcludedFiles } from './jekyllEntryFilter';
import { defaultImageFields, rootRelativeCandidates, servedImagesWhere, type GeneratorProfile, recordingConfigInputs } from './profile';
import { isJekyllDocument, slugify, writtenWithoutLayout } from '../routes/jekyll';
import { isJekyllTemplatePage, jekyllTemplatePageUrls, templatePageScope } from './jekyll/templatePages';
import { readLocalPlugins } from './jekyll/localPlugins';
import { readIncludeTemplates } from './jekyll/includeTemplates';
import { readIdComputingLayouts } from './jekyll/idComputingLayouts';
import { readJekyllTemplateWords } from './jekyll/templateWords';
import { chirpyMediaSubpath } from './jekyll/chirpyMedia';
import { imagemagickCopies, isGeneratedCopy } from './jekyll/imagemagick';

const identity = (id: string) => id;

/** Jekyll's EntryFilter skips names starting with `_`, `.` or `#` (and backups ending in `~`) unless `include:` lists them. */
const specialName = /^[_.#]|~$/;

/** Jekyll 4 always adds these to `exclude:` (Configuration::DEFAULT_EXCLUDES). */
const defaultExcludes = ['.sass-cache', '.jekyll-cache', 'gemfiles', 'Gemfile', 'Gemfile.lock', 'node_modules', 'vendor/bundle', 'vendor/cache', 'vendor/gems', 'vendor/ruby'];

export const jekyll: GeneratorProfile = {
  ...jekyllDetection,

  publishing: { skipsDrafts: true, skipsFuturePosts: true, skipsExpiredPages: false },
  images: {
    publicFolder: 'assets/images',
    besidePost: 'bundles',
    searchedWhere: servedImagesWhere,
    layoutsResolveFields: true,
    rulesGuessed: false,
    writtenByBuild: (config, files, file) => !!config.generatedImageCopies && isGeneratedCopy(config.generatedImageCopies, files, file),
  },
  // Every document, of a collection as of posts, is titled from its file name (Document#populate_title, jekyll
  // 4.3.1 and 4.4.1: `_docs/rendering-process.md` → "Rendering Process"); a page is not.
  frontmatter: { failsBuildOnBadDate: true, titled: true, titleFromFileName: (path, config) => isJekyllDocument(config, path), readsDate: (path, config) => isJekyllDocument(config, path), showsNoTitle: (path, config, data) => writtenWithoutLayout(config, path, data), repeatedYamlKey: 'keeps the last' },
  links: { newLinkStyle: '/', aliasesForMovedPages: false },
  newPost: {
    defaultSection: '_posts',
    datedFileNames: true,
    template: '---\nlayout: post\ntitle: "{{ .Title }}"\ndate: {{ now.Format "2006-01-02 15:04:05 -0700" }}\ntags: []\n---\n\n',
    /** `Utils.slugify` in its default mode, as jekyll-compose names posts: Unicode letters and digits stay, the rest one hyphen. */
    slug: (title) => slugify(title),
  },

  loadConfig: recordingConfigInputs(async (fs, root, configFile) => {
    const file = configFile ? joinPath(root, configFile) : undefined;
    const loaded = file ? await readDataFile(fs, file) : undefined;
    const data = loaded?.data ?? {};
    const source = joinPath(root, stringSetting(data, 'source') ?? '.');
    const include = stringList(data['include']);
    const exclude = [...defaultExcludes, ...stringList(data['exclude'])].filter((entry) => !include.includes(entry));
    // Folders excluded by name are not even listed (node_modules, vendor/bundle); the rest is in excludedFiles.
    const excludedFolders = exclude.filter((entry) => !/[*?[\\]/.test(entry)).map((entry) => joinPath(source, entry));
    const gemfile = await readText(fs, joinPath(root, 'Gemfile'));
    const otherBasePaths = await otherConfigBasePaths(fs, root, file, basePathOf(stringSetting(data, 'baseurl')));
    const includesDir = joinPath(source, stringSetting(data, 'includes_dir') ?? '_includes');
    const includes = await readIncludeTemplates(fs, includesDir);
    const layoutsDir = joinPath(source, stringSetting(data, 'layouts_dir') ?? '_layouts');
    const idComputingLayouts = await readIdComputingLayouts(fs, layoutsDir);
    const mediaSubpath = await chirpyMediaSubpath(fs, root, includesDir, data, gemfile);
    const plugins = loadedPlugins(data, gemfile);
    // `safe: true`, which GitHub Pages' own build sets, loads none of the site's own plugins.
    const safe = data['safe'] === true || plugins.includes('github-pages');
    const localPlugins = safe ? undefined : await readLocalPlugins(fs, stringList(data['plugins_dir'] ?? '_plugins').map((dir) => joinPath(source, dir)));
    const templateWords = await readJekyllTemplateWords(fs, data, [layoutsDir, includesDir, ...(safe ? [] : stringList(data['plugins_dir'] ?? '_plugins').map((dir) => joinPath(source, dir)))]);
    const pluginPages = localPlugins?.pageFolders ?? [];
    const followsFileLinks = rewritesFileLinks(plugins, gemfile) || localPlugins?.rewritesFileLinks === true;
    // A plugin gem, which `safe: true` (GitHub Pages' build) does not run.
    const generatedImageCopies = safe ? undefined : imagemagickCopies(data, plugins, source);
    const config: SiteConfig = {
      generator: 'jekyll',
      root,
      configFile: file,
      // Every file with frontmatter below the source folder is a page; posts, drafts and collections too.
      contentDirs: [source],
      publicDirs: [source],
      assetDirs: [],
      basePath: basePathOf(stringSetting(data, 'baseurl')),
      ...(otherBasePaths.length > 0 ? { otherBasePaths } : {}),
      ...withHost(hostOf(stringSetting(data, 'url'))),
      tagKeys: ['tags', 'categories', 'tag', 'category'],
      // site.tags and site.categories (and the tag pages themes and plugins make of them) hold posts only: a page's or
      // another collection's `tags:` is plain data (kubevirt.io's quickstart pages tag `Kubernetes`).
      taggedPosts: /(?:^|\/)_(?:posts|drafts)\//,
      // Jekyll reads `tags: a b` as two tags (a string of tags is split on spaces).
      splitTagWords: true,
      authorKeys: ['author', 'authors'],
      // jekyll-seo-tag takes `image.path`; Minimal Mistakes and similar themes use `header.*`.
      imageFields: [...new Set([...defaultImageFields, 'image.path', 'header.image', 'header.teaser', 'header.overlay_image', 'header.og_image', ...(mediaSubpath?.fields ?? [])])],
      ignoredDirs: [joinPath(root, stringSetting(data, 'destination') ?? '_site'), ...(await specialFolders(fs, source, data)), ...excludedFolders],
      frontmatterRequired: rendersFilesWithoutFrontmatter(plugins, data, gemfile) ? { names: runs(plugins, 'jekyll-readme-index', gemfile) ? neverPagesUnlessReadme : neverPagesWithoutFrontmatter, included: include } : true,
      ...(includes.files.size > 0 ? { includeFiles: includes.files } : {}),
      ...(includes.imagePrefixes.size > 0 ? { includeImagePrefixes: includes.imagePrefixes } : {}),
      ...(includes.imageParameters.size > 0 ? { includeImageParameters: includes.imageParameters } : {}),
      ...(idComputingLayouts.size > 0 ? { idComputingLayouts } : {}),
      ...(templateWords ? { templateWords } : {}),
      ...(mediaSubpath ? { mediaSubpath } : {}),
      ...(generatedImageCopies ? { generatedImageCopies } : {}),
      excludedFiles: jekyllExcludedFiles({ source: source === root ? '' : source.slice(root.length + 1), exclude, include, collections: collectionNames(data), collectionsDir: stringSetting(data, 'collections_dir') ?? '' }),
      routing: {
        ...jekyllRouting(data, source, plugins),
        ...(pluginPages.length > 0 ? { pluginPageFolders: pluginPages } : {}),
        ...(!followsFileLinks ? { fileLinksAsWritten: true as const } : {}),
        ...(followsFileLinks && readsRootFileLinks(plugins, await readText(fs, joinPath(root, 'Gemfile.lock'))) ? { rootFileLinks: objectSetting(data, 'relative_links')?.['collections'] === true ? ('pages and documents' as const) : ('pages' as const) } : {}),
      },
      // `future: true` publishes posts dated later; `show_drafts: true` is `--drafts` in the config, and
      // `unpublished: true` builds pages with `published: false` (drafts to Postcraft too): either silences links to drafts.
      publishing: { skipsDrafts: data['show_drafts'] !== true && data['unpublished'] !== true, skipsFuturePosts: data['future'] !== true, skipsExpiredPages: false },
      // kramdown gives headings no IDs with `auto_ids: false`; else its own auto IDs (the default).
      ...(objectSetting(data, 'kramdown')?.['auto_ids'] === false ? { headingIds: 'kramdown-explicit' as const } : {}),
    };
    const problems = loaded?.error ? [msg('{0}: {1}', configFile ?? '_config.yml', loaded.error)] : [];
    // made-mistakes-jekyll's `source: .tmp/src`, a folder its gulp build writes: Jekyll builds nothing without it, nor checks Postcraft.
    if (source !== root && (await fs.stat(source))?.type !== 'directory') problems.push(msg('{0} sets source: {1}, a folder that does not exist (a build step may write it): no post is checked', configFile ?? '_config.yml', relativePath(root, source)));
    return { config, problems };
  }),

  /**
   * Jekyll has no author model of its own: themes look `page.author` up in `site.data.authors`
   * (jekyll-seo-tag, Minimal Mistakes, Chirpy) or in an `authors:` map of _config.yml (`site.authors`:
   * Mediumish and its kin). So authors are checked only when the site defines one of these registries
   * (or an authors collection); without one, `author:` is free text and never reported.
   */
  async loadAuthors(fs, config, files) {
    const authors = new AuthorRegistry();
    // jekyll-seo-tag: a string not found in site.data.authors is the author's name, so a display name
    // (or any name with a space) is valid; a single word that is no key is most likely a mistyped key.
    authors.matchNames = true;
    authors.isFreeText = (value) => /\S\s+\S/.test(value);
    const site = config.configFile ? ((await readDataFile(fs, config.configFile))?.data ?? {}) : {};
    const source = config.publicDirs[0] ?? config.root;
    // `authors:` in _config.yml wins over _data (as the jekyll-author plugin documents).
    const inline = objectSetting(site, 'authors');
    if (inline) addAuthorRecords(inline, config.configFile!, identity, authors);
    const dataDir = joinPath(source, stringSetting(site, 'data_dir') ?? '_data');
    for (const extension of dataExtensions) await authorsFromDataFile(fs, joinPath(dataDir, `authors${extension}`), identity, authors);
    await authorsFromDataFolder(fs, joinPath(dataDir, 'authors'), identity, authors); // _data/authors/jane.yml → site.data.authors.jane
    // An `authors` collection (Jekyll's step-by-step tutorial): posts name the `short_name` of an entry.
    if (collectionNames(site).includes('authors')) {
      const folder = joinPath(source, stringSetting(site, 'collections_dir') ?? '', '_authors');
      for (const file of files.all()) {
        if (!file.startsWith(`${folder}/`) || !isPostPath(file)) continue;
        const author = await authorFromEntryFile(fs, file, (path, record) => stringSetting(record, 'short_name') ?? basename(path).slice(0, -extname(path).length));
        if (!authors.has(author.id)) authors.set(author.id, author);
      }
    }
    return authors;
  },

  authorKey: identity,

  templatePages: {
    load: jekyllTemplatePageUrls,
    isSource: (config, path) => isJekyllTemplatePage(templatePageScope(config), path),
  },

  // `/assets/x.png` is served from the source folder (after `baseurl`). A relative path is taken from
  // the page's folder or, as `relative_url` and jekyll-seo-tag treat it, from the site root.
  imageCandidates: (config, postPath, imagePath) =>
    (imagePath.startsWith('/') ? rootRelativeCandidates(config, imagePath) : [joinPath(dirname(postPath), imagePath), ...config.publicDirs.map((dir) => joinPath(dir, imagePath))]),
};

/** Top-level folders Jekyll does not read as pages: `_`/`.`-named ones other than posts, drafts and collections. */
async function specialFolders(fs: SiteFileSystem, source: string, data: ConfigData): Promise<string[]> {
  const included = new Set(includedSpecialFolders(data));
  const collectionsDir = stringSetting(data, 'collections_dir') ?? '';
  // Collections are read from collections_dir even when its name starts with `_`.
  const read = collectionsDir === '' ? new Set(['_posts', '_drafts', ...collectionNames(data).map((name) => `_${name}`)]) : new Set([collectionsDir.replace(/^\/+/, '').split('/')[0]!]);
  return (await fs.readDirectory(source))
    .filter((entry) => entry.type === 'directory' && specialName.test(entry.name) && !included.has(entry.name) && !read.has(entry.name))
    .map((entry) => joinPath(source, entry.name));
}

/** The top-level `_` folders the config's `include` names (`_pages`, goyllo.github.io's), without slashes. */
function includedSpecialFolders(data: ConfigData): string[] {
  return stringList(data['include']).map((entry) => entry.replace(/^\/|\/$/g, '')).filter((entry) => specialName.test(entry) && !entry.includes('/'));
}

/** `collections:` is a list of names or a map of name → settings. */
function collectionNames(data: ConfigData): string[] {
  const collections = data['collections'];
  if (Array.isArray(collections)) return collections.map(String);
  return collections && typeof collections === 'object' ? Object.keys(collections) : [];
}

/**
 * What `_config.yml` says about URLs, with Jekyll 4.3's defaults (Configuration::DEFAULTS): the
 * `permalink` style `date`, collections (posts always written), `defaults:`, `markdown_ext`, and the
 * settings of the plugins that make pages (jekyll-feed, jekyll-sitemap, jekyll-paginate, jekyll-archives).
 */
function jekyllRouting(data: ConfigData, source: string, plugins: string[]): JekyllRouting {
  const collections: Record<string, JekyllCollection> = {};
  const configured = data['collections'];
  for (const label of collectionNames(data)) {
    const metadata = configured && typeof configured === 'object' && !Array.isArray(configured) ? (configured as ConfigData)[label] : undefined;
    const settings = metadata && typeof metadata === 'object' && !Array.isArray(metadata) ? (metadata as ConfigData) : {};
    const output = settings['output'];
    const permalink = settings['permalink'];
    collections[label] = { output: output !== undefined && output !== null && output !== false, ...(typeof permalink === 'string' ? { permalink } : {}) };
  }
  collections['posts'] = { ...collections['posts'], output: true };
  const defaults = (Array.isArray(data['defaults']) ? data['defaults'] : []).filter(
    (set): set is JekyllDefaultsSet => !!set && typeof set === 'object' && !!(set as ConfigData)['values'] && typeof (set as ConfigData)['values'] === 'object' && !Array.isArray((set as ConfigData)['values']),
  );
  const has = (plugin: string) => plugins.includes(plugin);
  const paginatePath = paginationPath(data, has('jekyll-paginate') || has('github-pages'), has('jekyll-paginate-v2'));
  const feed = objectSetting(data, 'feed');
  const archives = has('jekyll-archives') ? archiveSettings(objectSetting(data, 'jekyll-archives')) : undefined;
  const timezone = data['timezone'];
  const included = includedSpecialFolders(data);
  return {
    generator: 'jekyll',
    source,
    collectionsDir: joinPath(source, stringSetting(data, 'collections_dir') ?? ''),
    permalink: typeof data['permalink'] === 'string' && data['permalink'] !== '' ? data['permalink'] : 'date',
    collections,
    defaults,
    markdownExtensions: (typeof data['markdown_ext'] === 'string' ? data['markdown_ext'] : 'markdown,mkdown,mkdn,mkd,md').split(',').map((ext) => `.${ext.trim().toLowerCase()}`),
    ...(typeof timezone === 'string' && timezone !== '' ? { timezone } : {}),
    plugins,
    // `include: [_pages]`: a `_` folder Jekyll walks like any other (entry_filter.rb keeps what `include` names first).
    ...(included.length > 0 ? { includedSpecialFolders: included } : {}),
    ...(stringList(data['include']).length > 0 ? { included: stringList(data['include']).map((entry) => entry.replace(/^\/+|\/+$/g, '')) } : {}),
    ...(paginatePath ? { paginatePath } : {}),
    ...(has('jekyll-feed') ? { feedPath: (feed && typeof feed['path'] === 'string' ? feed['path'] : undefined) ?? '/feed.xml' } : {}),
    ...(archives ? { archives } : {}),
  };
}

/** jekyll-paginate: `paginate_path` (default `/page:num`) once `paginate:` is set; jekyll-paginate-v2: `pagination.permalink`. */
function paginationPath(data: ConfigData, paginate: boolean, paginateV2: boolean): string | undefined {
  if (paginate && data['paginate'] !== undefined && data['paginate'] !== null && data['paginate'] !== false) return stringSetting(data, 'paginate_path') ?? '/page:num';
  const pagination = objectSetting(data, 'pagination');
  if (paginateV2 && pagination?.['enabled'] === true) return typeof pagination['permalink'] === 'string' ? pagination['permalink'] : '/page/:num/';
  return undefined;
}

/** jekyll-archives: the kinds it makes (none unless `enabled:` names them or says `all`) and their permalinks. */
function archiveSettings(settings: ConfigData | undefined): JekyllRouting['archives'] {
  const enabled = settings?.['enabled'];
  const kinds = ['year', 'month', 'day', 'tags', 'categories'];
  const permalinks: Record<string, string> = { year: '/:year/', month: '/:year/:month/', day: '/:year/:month/:day/', tag: '/tag/:name/', category: '/category/:name/' };
  const configured = settings?.['permalinks'];
  if (configured && typeof configured === 'object') for (const [kind, permalink] of Object.entries(configured)) if (typeof permalink === 'string') permalinks[kind] = permalink;
  return { enabled: enabled === 'all' || enabled === true ? kinds : stringList(enabled).filter((kind) => kinds.includes(kind)), permalinks };
}

/**
 * The plugins a build loads: `plugins:` (or the older `gems:`) and, since Bundler requires the gems of a
 * Gemfile's `jekyll_plugins` group, the Gemfile's gems (all of them: a page a plugin may make is better
 * counted than a link to it reported broken).
 */
function loadedPlugins(data: ConfigData, gemfile: string | undefined): string[] {
  const gems = [...(gemfile ?? '').matchAll(/^\s*gem\s+["']([\w.-]+)["']/gm)].map((match) => match[1]!);
  return [...new Set([...stringList(data['plugins']), ...stringList(data['gems']), ...gems])];
}

/**
 * Whether the build runs `plugin`: loaded, or one GitHub Pages enables by default where the site is built with the
 * github-pages gem, or has no Gemfile, which Pages builds with that gem (https://pages.github.com/versions/).
 */
function runs(plugins: readonly string[], plugin: string, gemfile: string | undefined): boolean {
  return plugins.includes(plugin) || ((plugins.includes('github-pages') || gemfile === undefined) && pagesDefaultPlugins.has(plugin));
}

/** The plugins GitHub Pages runs whatever the config says (github/pages-gem lib/github-pages/plugins.rb `DEFAULT_PLUGINS`), those Postcraft knows. */
const pagesDefaultPlugins: ReadonlySet<string> = new Set(['jekyll-optional-front-matter', 'jekyll-readme-index', 'jekyll-relative-links']);

/**
 * Whether the build turns a link to a page's `.md` file into the page's URL: jekyll-relative-links does, and
 * GitHub Pages runs it (the github-pages gem, or a site with no Gemfile, which Pages builds with that gem). A
 * site with its own Gemfile and without the plugin leaves `[B](b.md)` as written (jekyll 4.3.1: href="b.md").
 */
function rewritesFileLinks(plugins: readonly string[], gemfile: string | undefined): boolean {
  return runs(plugins, 'jekyll-relative-links', gemfile);
}

/**
 * Whether jekyll-relative-links reads a link with a leading `/` (`/_pages/team.md`) as a source path from the site's
 * source folder: it does from 0.7.0 (its path_from_root); 0.6.1, which GitHub Pages pins, read it from the page's
 * own folder. The version is Gemfile.lock's; a Gemfile that names the plugin without a lock gets the newest.
 */
function readsRootFileLinks(plugins: readonly string[], lock: string | undefined): boolean {
  const locked = lock === undefined ? undefined : /^\s+jekyll-relative-links \((\d+)\.(\d+)/m.exec(lock);
  if (locked) return Number(locked[1]) > 0 || Number(locked[2]) >= 7;
  return plugins.includes('jekyll-relative-links') && !plugins.includes('github-pages');
}

/**
 * The base paths the site's other configs set (`_config_prod.yml`, `_config.staging.yml`): a build run with
 * `--config _config.yml,_config_prod.yml` serves the pages below that one, and links are written with it.
 */
async function otherConfigBasePaths(fs: SiteFileSystem, root: string, main: string | undefined, basePath: string): Promise<string[]> {
  const paths = new Set<string>();
  for (const entry of await fs.readDirectory(root).catch(() => [])) {
    const path = joinPath(root, entry.name);
    if (entry.type !== 'file' || path === main || !/^_config[._-][\w.-]*\.ya?ml$/i.test(entry.name)) continue;
    const other = (await readDataFile(fs, path))?.data;
    const base = other && typeof other['baseurl'] === 'string' ? basePathOf(other['baseurl']) : '';
    if (base !== '' && base !== basePath) paths.add(base);
  }
  return [...paths];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : typeof value === 'string' ? [value] : [];
}

/**
 * Jekyll builds only files that start with frontmatter; others are static files. The
 * jekyll-optional-front-matter plugin makes Markdown without it pages too, and GitHub Pages always enables it.
 */
function rendersFilesWithoutFrontmatter(plugins: readonly string[], data: Readonly<Record<string, unknown>>, gemfile: string | undefined): boolean {
  // The plugin stands down where `optional_front_matter: { enabled: false }` or `require_front_matter: true` (generator.rb `disabled?`).
  return runs(plugins, 'jekyll-optional-front-matter', gemfile) && objectSetting(data, 'optional_front_matter')?.['enabled'] !== false && data['require_front_matter'] !== true;
}

/**
 * Files jekyll-optional-front-matter never makes pages without frontmatter, by base name (`FILENAME_BLACKLIST`,
 * lib/jekyll-optional-front-matter.rb, benbalter/jekyll-optional-front-matter at 56357ae): a repository's README,
 * licence and contributing guides stay files, unless the config's `include` names them.
 */
const neverPagesWithoutFrontmatter: ReadonlySet<string> = new Set(['README', 'LICENSE', 'LICENCE', 'COPYING', 'CODE_OF_CONDUCT', 'CONTRIBUTING', 'ISSUE_TEMPLATE', 'PULL_REQUEST_TEMPLATE']);
/** jekyll-readme-index (GitHub Pages runs it) makes a README a folder's index page where the folder has none: taken for a page, as before. */
const neverPagesUnlessReadme: ReadonlySet<string> = new Set([...neverPagesWithoutFrontmatter].filter((name) => name !== 'README'));
