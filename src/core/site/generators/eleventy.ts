import { joinPath } from '../../text/paths';
import { basePathOf, readText } from '../configFiles';
import type { Author, SiteConfig } from '../model';
import { authorsFromDataFile } from './dataAuthors';
import { stringLiteralSetting } from './jsConfig';
import { browserCandidates, defaultImageFields, firstExisting, type GeneratorProfile } from './profile';

const identity = (id: string) => id;

export const eleventy: GeneratorProfile = {
  id: 'eleventy',
  displayName: 'Eleventy',
  detect: (names) => firstExisting(names, ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts', '.eleventy.js', '.eleventy.cjs']),

  async loadConfig(fs, root, configFile) {
    const file = configFile ? joinPath(root, configFile) : undefined;
    const source = (file && (await readText(fs, file))) ?? '';
    const input = joinPath(root, stringLiteralSetting(source, 'input') ?? '.');
    const config: SiteConfig = {
      generator: 'eleventy',
      root,
      configFile: file,
      contentDirs: [input],
      // Passthrough copies keep their paths, so `/img/a.png` usually sits in the input folder or the root.
      publicDirs: [...new Set([input, root])],
      assetDirs: [],
      basePath: basePathOf(stringLiteralSetting(source, 'pathPrefix')),
      tagKeys: ['tags'],
      authorKeys: ['author', 'authors'],
      imageFields: defaultImageFields,
      ignoredDirs: [joinPath(root, stringLiteralSetting(source, 'output') ?? '_site')],
    };
    return { config, problems: [] };
  },

  async loadAuthors(fs, config) {
    const authors = new Map<string, Author>();
    const dataDir = joinPath(config.contentDirs[0] ?? config.root, '_data');
    for (const name of ['authors.json', 'authors.yaml', 'authors.yml']) await authorsFromDataFile(fs, joinPath(dataDir, name), identity, authors);
    return authors;
  },

  authorKey: identity,
  imageCandidates: browserCandidates,
};
