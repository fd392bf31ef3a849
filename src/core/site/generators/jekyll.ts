import { joinPath } from '../../text/paths';
import { basePathOf, objectSetting, readDataFile, stringSetting } from '../configFiles';
import type { Author, SiteConfig } from '../model';
import { addAuthorRecords, authorsFromDataFile } from './dataAuthors';
import { browserCandidates, defaultImageFields, firstExisting, type GeneratorProfile } from './profile';

const identity = (id: string) => id;

export const jekyll: GeneratorProfile = {
  id: 'jekyll',
  displayName: 'Jekyll',
  detect: (names) => firstExisting(names, ['_config.yml', '_config.yaml', '_config.toml']),

  async loadConfig(fs, root, configFile) {
    const file = configFile ? joinPath(root, configFile) : undefined;
    const loaded = file ? await readDataFile(fs, file) : undefined;
    const data = loaded?.data ?? {};
    const source = joinPath(root, stringSetting(data, 'source') ?? '.');
    const excluded = Array.isArray(data['exclude']) ? data['exclude'].map((entry) => joinPath(source, String(entry))) : [];
    const config: SiteConfig = {
      generator: 'jekyll',
      root,
      configFile: file,
      // Jekyll builds every file with frontmatter below the source folder: posts, pages and collections.
      contentDirs: [source],
      publicDirs: [source],
      assetDirs: [],
      basePath: basePathOf(stringSetting(data, 'baseurl')),
      tagKeys: ['tags', 'categories', 'tag', 'category'],
      authorKeys: ['author', 'authors'],
      imageFields: defaultImageFields,
      ignoredDirs: [joinPath(root, stringSetting(data, 'destination') ?? '_site'), joinPath(source, 'vendor'), joinPath(source, '.bundle'), ...excluded],
    };
    return { config, problems: loaded?.error ? [`${configFile}: ${loaded.error}`] : [] };
  },

  async loadAuthors(fs, config) {
    const authors = new Map<string, Author>();
    for (const name of ['authors.yml', 'authors.yaml', 'authors.json', 'authors.toml']) {
      await authorsFromDataFile(fs, joinPath(config.contentDirs[0] ?? config.root, '_data', name), identity, authors);
    }
    // jekyll-seo-tag and many themes also accept `authors:` in _config.yml
    if (config.configFile) {
      const site = await readDataFile(fs, config.configFile);
      const inline = site ? objectSetting(site.data, 'authors') : undefined;
      if (inline) addAuthorRecords(inline, config.configFile, identity, authors);
    }
    return authors;
  },

  authorKey: identity,
  imageCandidates: (config, postPath, imagePath) =>
    imagePath.startsWith('/') ? browserCandidates(config, postPath, imagePath) : [...browserCandidates(config, postPath, imagePath), joinPath(config.root, imagePath)],
};
