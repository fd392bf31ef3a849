import type { SiteFileSystem } from '../../host/fileSystem';
import { parseFrontmatter } from '../../frontmatter/parse';
import { dirname, joinPath } from '../../text/paths';
import { basePathOf, objectSetting, readDataFile, readText, stringSetting, type ConfigData } from '../configFiles';
import type { FileSet } from '../fileSet';
import type { Author, SiteConfig } from '../model';
import { browserCandidates, defaultImageFields, firstExisting, rootRelativeCandidates, type GeneratorProfile, type LoadedSiteConfig } from './profile';

const configNames = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];
const siteFolders = ['content', 'archetypes', 'layouts', 'themes'];

/**
 * Hugo's URL normalisation of a taxonomy term (`urlize`): lower case, spaces to hyphens, and only the
 * characters Hugo keeps in a path. `Jane Doe` in a post is the term folder `content/authors/jane-doe/`.
 */
export function hugoUrlize(term: string): string {
  return term
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}\p{M}%./\\_\-#+~]/gu, '');
}

export const hugo: GeneratorProfile = {
  id: 'hugo',
  displayName: 'Hugo',

  detect(names) {
    const hugoNamed = firstExisting(names, configNames.filter((name) => name.startsWith('hugo.')));
    if (hugoNamed) return hugoNamed;
    const looksLikeHugo = siteFolders.some((folder) => names.has(folder));
    if (!looksLikeHugo) return undefined;
    return firstExisting(names, configNames) ?? (names.has('config') ? 'config/_default' : undefined);
  },

  async loadConfig(fs, root, configFile): Promise<LoadedSiteConfig> {
    const problems: string[] = [];
    const { data, file } = await readHugoConfig(fs, root, configFile, problems);
    const contentDir = joinPath(root, stringSetting(data, 'contentDir') ?? 'content');
    const themes = themeNames(data);
    const mounts = moduleMounts(data);
    const dirsFor = (target: 'static' | 'assets' | 'content', fallback: string[]): string[] => {
      const mounted = mounts.filter((mount) => mount.target === target || mount.target.startsWith(`${target}/`));
      const own = mounted.length > 0 ? mounted.map((mount) => joinPath(root, mount.source)) : fallback.map((dir) => joinPath(root, dir));
      return [...own, ...themes.map((theme) => joinPath(root, 'themes', theme, target))];
    };
    const staticSetting = data['staticDir'] ?? data['staticdir'];
    const staticDirs = Array.isArray(staticSetting) ? staticSetting.map(String) : [typeof staticSetting === 'string' ? staticSetting : 'static'];
    const taxonomies = taxonomyKeys(data);
    const config: SiteConfig = {
      generator: 'hugo',
      root,
      configFile: file,
      contentDirs: dirsFor('content', [contentDir.slice(root.length + 1) || 'content']),
      publicDirs: dirsFor('static', staticDirs),
      assetDirs: dirsFor('assets', [stringSetting(data, 'assetDir') ?? 'assets']),
      basePath: basePathOf(stringSetting(data, 'baseURL')),
      tagKeys: taxonomies.filter((key) => !isAuthorTaxonomy(key)),
      authorKeys: [...new Set(['authors', ...taxonomies.filter(isAuthorTaxonomy)])],
      imageFields: defaultImageFields,
      ignoredDirs: [joinPath(root, stringSetting(data, 'publishDir') ?? 'public'), joinPath(root, 'resources', '_gen')],
    };
    return { config, problems };
  },

  async loadAuthors(fs, config, files): Promise<Map<string, Author>> {
    const authors = new Map<string, Author>();
    // Term pages of the authors taxonomy: content/authors/<term>/_index.md
    for (const contentDir of config.contentDirs) {
      for (const key of config.authorKeys) {
        const section = joinPath(contentDir, key);
        for (const file of files.all()) {
          if (!file.startsWith(`${section}/`)) continue;
          const rest = file.slice(section.length + 1).split('/');
          if (rest.length !== 2 || (rest[1] !== '_index.md' && rest[1] !== 'index.md')) continue;
          const id = rest[0]!;
          authors.set(hugoUrlize(id), await authorFromPage(fs, file, id));
        }
      }
    }
    // Data files: data/authors.{yaml,toml,json} keyed by id
    for (const file of files.all()) {
      if (!/\/data\/authors\.(ya?ml|toml|json)$/.test(file) || dirname(dirname(file)) !== config.root) continue;
      const loaded = await readDataFile(fs, file);
      for (const [id, entry] of Object.entries(loaded?.data ?? {})) {
        if (authors.has(hugoUrlize(id))) continue;
        const record = entry && typeof entry === 'object' ? (entry as ConfigData) : {};
        authors.set(hugoUrlize(id), {
          id,
          name: stringSetting(record, 'name', 'title'),
          avatar: stringSetting(record, 'avatar', 'image', 'photo'),
          bio: stringSetting(record, 'bio', 'description'),
          definedAt: { file },
        });
      }
    }
    return authors;
  },

  authorKey: hugoUrlize,

  imageCandidates(config, postPath, imagePath) {
    if (imagePath.startsWith('/')) {
      const inAssets = config.assetDirs.map((dir) => joinPath(dir, imagePath));
      return [...rootRelativeCandidates(config, imagePath), ...inAssets];
    }
    // A render hook or template may take the path from the page bundle, from assets/ (resources.Get)
    // or from static/; a browser takes it relative to the page. Any of them is a real image.
    return [
      ...browserCandidates(config, postPath, imagePath),
      ...config.assetDirs.map((dir) => joinPath(dir, imagePath)),
      ...config.publicDirs.map((dir) => joinPath(dir, imagePath)),
    ];
  },
};

function isAuthorTaxonomy(key: string): boolean {
  return /^authors?$/i.test(key);
}

async function readHugoConfig(fs: SiteFileSystem, root: string, configFile: string | undefined, problems: string[]): Promise<{ data: ConfigData; file: string | undefined }> {
  if (configFile && configFile !== 'config/_default') {
    const file = joinPath(root, configFile);
    const loaded = await readDataFile(fs, file);
    if (loaded?.error) problems.push(`${configFile}: ${loaded.error}`);
    return { data: loaded?.data ?? {}, file };
  }
  // config/_default/: hugo.* or config.* holds the root keys; other files hold the key they are named after.
  const dir = joinPath(root, 'config', '_default');
  const data: ConfigData = {};
  let mainFile: string | undefined;
  for (const entry of await fs.readDirectory(dir)) {
    const match = /^(.+)\.(toml|ya?ml|json)$/.exec(entry.name);
    if (!match || entry.type !== 'file') continue;
    const file = joinPath(dir, entry.name);
    const loaded = await readDataFile(fs, file);
    if (loaded?.error) problems.push(`config/_default/${entry.name}: ${loaded.error}`);
    if (match[1] === 'hugo' || match[1] === 'config') {
      Object.assign(data, loaded?.data);
      mainFile = file;
    } else data[match[1]!] = loaded?.data ?? {};
  }
  return { data, file: mainFile };
}

function taxonomyKeys(data: ConfigData): string[] {
  const taxonomies = objectSetting(data, 'taxonomies');
  if (!taxonomies) return ['tags', 'categories'];
  return Object.values(taxonomies).filter((value): value is string => typeof value === 'string' && value !== '');
}

function themeNames(data: ConfigData): string[] {
  const theme = data['theme'];
  if (typeof theme === 'string') return [theme];
  return Array.isArray(theme) ? theme.filter((name): name is string => typeof name === 'string') : [];
}

interface Mount {
  source: string;
  target: string;
}

function moduleMounts(data: ConfigData): Mount[] {
  const mounts = objectSetting(data, 'module')?.['mounts'];
  if (!Array.isArray(mounts)) return [];
  return mounts
    .filter((mount): mount is ConfigData => !!mount && typeof mount === 'object')
    .map((mount) => ({ source: String(mount['source'] ?? ''), target: String(mount['target'] ?? '') }))
    .filter((mount) => mount.source !== '' && mount.target !== '');
}

async function authorFromPage(fs: SiteFileSystem, file: string, id: string): Promise<Author> {
  const text = (await readText(fs, file)) ?? '';
  const data = parseFrontmatter(text)?.data ?? {};
  const params = objectSetting(data, 'params') ?? {};
  const pick = (...keys: string[]) => stringSetting(data, ...keys) ?? stringSetting(params, ...keys);
  return {
    id,
    name: pick('title', 'name'),
    avatar: pick('avatar', 'image', 'photo', 'picture'),
    bio: pick('bio', 'description', 'summary'),
    definedAt: { file },
  };
}
