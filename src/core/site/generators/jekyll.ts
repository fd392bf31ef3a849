import type { SiteFileSystem } from '../../host/fileSystem';
import { basename, dirname, extname, joinPath } from '../../text/paths';
import { basePathOf, objectSetting, readDataFile, readText, stringSetting, type ConfigData } from '../configFiles';
import { isPostPath } from '../fileSet';
import type { SiteConfig } from '../model';
import { addAuthorRecords, authorFromEntryFile, AuthorRegistry, authorsFromDataFile, authorsFromDataFolder, dataExtensions } from './dataAuthors';
import { jekyllExcludedFiles } from './jekyllEntryFilter';
import { defaultImageFields, firstExisting, rootRelativeCandidates, type GeneratorProfile } from './profile';

const identity = (id: string) => id;

/** Jekyll's EntryFilter skips names starting with `_`, `.` or `#` (and backups ending in `~`) unless `include:` lists them. */
const specialName = /^[_.#]|~$/;

/** Jekyll 4 always adds these to `exclude:` (Configuration::DEFAULT_EXCLUDES). */
const defaultExcludes = ['.sass-cache', '.jekyll-cache', 'gemfiles', 'Gemfile', 'Gemfile.lock', 'node_modules', 'vendor/bundle', 'vendor/cache', 'vendor/gems', 'vendor/ruby'];

export const jekyll: GeneratorProfile = {
  id: 'jekyll',
  displayName: 'Jekyll',
  detect: (names) => firstExisting(names, ['_config.yml', '_config.yaml', '_config.toml']),

  async loadConfig(fs, root, configFile) {
    const file = configFile ? joinPath(root, configFile) : undefined;
    const loaded = file ? await readDataFile(fs, file) : undefined;
    const data = loaded?.data ?? {};
    const source = joinPath(root, stringSetting(data, 'source') ?? '.');
    const include = stringList(data['include']);
    const exclude = [...defaultExcludes, ...stringList(data['exclude'])].filter((entry) => !include.includes(entry));
    // Folders excluded by name are not even listed (node_modules, vendor/bundle); the rest is in excludedFiles.
    const excludedFolders = exclude.filter((entry) => !/[*?[\\]/.test(entry)).map((entry) => joinPath(source, entry));
    const config: SiteConfig = {
      generator: 'jekyll',
      root,
      configFile: file,
      // Every file with frontmatter below the source folder is a page; posts, drafts and collections too.
      contentDirs: [source],
      publicDirs: [source],
      assetDirs: [],
      basePath: basePathOf(stringSetting(data, 'baseurl')),
      tagKeys: ['tags', 'categories', 'tag', 'category'],
      // Jekyll reads `tags: a b` as two tags (a string of tags is split on spaces).
      splitTagWords: true,
      authorKeys: ['author', 'authors'],
      // jekyll-seo-tag takes `image.path`; Minimal Mistakes and similar themes use `header.*`.
      imageFields: [...defaultImageFields, 'image.path', 'header.image', 'header.teaser', 'header.overlay_image', 'header.og_image'],
      ignoredDirs: [joinPath(root, stringSetting(data, 'destination') ?? '_site'), ...(await specialFolders(fs, source, data)), ...excludedFolders],
      frontmatterRequired: !(await rendersFilesWithoutFrontmatter(fs, root, data)),
      excludedFiles: jekyllExcludedFiles({ source: source === root ? '' : source.slice(root.length + 1), exclude, include, collections: collectionNames(data), collectionsDir: stringSetting(data, 'collections_dir') ?? '' }),
    };
    return { config, problems: loaded?.error ? [`${configFile}: ${loaded.error}`] : [] };
  },

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

  // `/assets/x.png` is served from the source folder (after `baseurl`). A relative path is taken from
  // the page's folder or, as `relative_url` and jekyll-seo-tag treat it, from the site root.
  imageCandidates: (config, postPath, imagePath) =>
    imagePath.startsWith('/') ? rootRelativeCandidates(config, imagePath) : [joinPath(dirname(postPath), imagePath), ...config.publicDirs.map((dir) => joinPath(dir, imagePath))],
};

/** Top-level folders Jekyll does not read as pages: `_`/`.`-named ones other than posts, drafts and collections. */
async function specialFolders(fs: SiteFileSystem, source: string, data: ConfigData): Promise<string[]> {
  const included = new Set(stringList(data['include']).map((entry) => entry.replace(/^\/|\/$/g, '')));
  const collectionsDir = stringSetting(data, 'collections_dir') ?? '';
  // Collections are read from collections_dir even when its name starts with `_`.
  const read = collectionsDir === '' ? new Set(['_posts', '_drafts', ...collectionNames(data).map((name) => `_${name}`)]) : new Set([collectionsDir.replace(/^\/+/, '').split('/')[0]!]);
  return (await fs.readDirectory(source))
    .filter((entry) => entry.type === 'directory' && specialName.test(entry.name) && !included.has(entry.name) && !read.has(entry.name))
    .map((entry) => joinPath(source, entry.name));
}

/** `collections:` is a list of names or a map of name → settings. */
function collectionNames(data: ConfigData): string[] {
  const collections = data['collections'];
  if (Array.isArray(collections)) return collections.map(String);
  return collections && typeof collections === 'object' ? Object.keys(collections) : [];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : typeof value === 'string' ? [value] : [];
}

/**
 * Jekyll builds only files that start with frontmatter; others are static files. The
 * jekyll-optional-front-matter plugin makes Markdown without it pages too, and GitHub Pages (the
 * github-pages gem) always enables that plugin (https://pages.github.com/versions/, "enabled by default").
 */
async function rendersFilesWithoutFrontmatter(fs: SiteFileSystem, root: string, data: ConfigData): Promise<boolean> {
  const plugins = [...stringList(data['plugins']), ...stringList(data['gems'])];
  if (plugins.includes('jekyll-optional-front-matter') || plugins.includes('github-pages')) return true;
  const gemfile = await readText(fs, joinPath(root, 'Gemfile'));
  return gemfile !== undefined && /^\s*gem\s+["'](github-pages|jekyll-optional-front-matter)["']/m.test(gemfile);
}
