import { joinPath } from '../../text/paths';
import { basePathOf, readText } from '../configFiles';
import type { Author, SiteConfig } from '../model';
import { authorsFromDataFile } from './dataAuthors';
import { allStringLiteralSettings, stringLiteralSetting } from './jsConfig';
import { browserCandidates, defaultImageFields, firstExisting, rootRelativeCandidates, type GeneratorProfile } from './profile';

const identity = (id: string) => id;

export const docusaurus: GeneratorProfile = {
  id: 'docusaurus',
  displayName: 'Docusaurus',
  detect: (names) => firstExisting(names, ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.mts']),

  async loadConfig(fs, root, configFile) {
    const file = configFile ? joinPath(root, configFile) : undefined;
    const source = (file && (await readText(fs, file))) ?? '';
    // Content plugins take `path:` (default blog/ and docs/); a literal one is honoured.
    const paths = allStringLiteralSettings(source, 'path').filter((path) => !path.includes('://') && !path.startsWith('/'));
    const contentDirs = [...new Set(['blog', 'docs', ...paths])].map((dir) => joinPath(root, dir));
    const staticDirs = allStringLiteralSettings(source, 'staticDirectories');
    const config: SiteConfig = {
      generator: 'docusaurus',
      root,
      configFile: file,
      contentDirs,
      publicDirs: (staticDirs.length ? staticDirs : ['static']).map((dir) => joinPath(root, dir)),
      assetDirs: [],
      basePath: basePathOf(stringLiteralSetting(source, 'baseUrl')),
      tagKeys: ['tags'],
      authorKeys: ['authors'],
      imageFields: [...defaultImageFields, 'image'],
      ignoredDirs: [joinPath(root, 'build')],
    };
    return { config, problems: [] };
  },

  async loadAuthors(fs, config) {
    const authors = new Map<string, Author>();
    for (const dir of config.contentDirs) {
      for (const name of ['authors.yml', 'authors.yaml', 'authors.json']) await authorsFromDataFile(fs, joinPath(dir, name), identity, authors);
    }
    return authors;
  },

  authorKey: identity,
  // Markdown images go through webpack: relative to the file; `/x` paths come from static/.
  imageCandidates: (config, postPath, imagePath) =>
    imagePath.startsWith('/') ? rootRelativeCandidates(config, imagePath) : browserCandidates(config, postPath, imagePath),
};
