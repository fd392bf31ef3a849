import { joinPath } from '../../text/paths';
import { basePathOf, readText } from '../configFiles';
import type { FileSet } from '../fileSet';
import type { Author, SiteConfig } from '../model';
import { authorFromEntryFile, authorsFromDataFile } from './dataAuthors';
import { stringLiteralSetting } from './jsConfig';
import { browserCandidates, defaultImageFields, firstExisting, type GeneratorProfile } from './profile';

const configNames = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs'];
const identity = (id: string) => id;

export const astro: GeneratorProfile = {
  id: 'astro',
  displayName: 'Astro',
  detect: (names) => firstExisting(names, configNames),

  async loadConfig(fs, root, configFile) {
    const file = configFile ? joinPath(root, configFile) : undefined;
    const source = (file && (await readText(fs, file))) ?? '';
    const srcDir = stringLiteralSetting(source, 'srcDir') ?? './src';
    const publicDir = stringLiteralSetting(source, 'publicDir') ?? './public';
    const config: SiteConfig = {
      generator: 'astro',
      root,
      configFile: file,
      contentDirs: [joinPath(root, srcDir, 'content'), joinPath(root, srcDir, 'pages'), joinPath(root, srcDir, 'data')],
      publicDirs: [joinPath(root, publicDir)],
      assetDirs: [],
      basePath: basePathOf(stringLiteralSetting(source, 'base')),
      tagKeys: ['tags', 'categories'],
      authorKeys: ['author', 'authors'],
      imageFields: [...defaultImageFields, 'heroImage', 'ogImage'],
      ignoredDirs: [joinPath(root, stringLiteralSetting(source, 'outDir') ?? 'dist')],
    };
    return { config, problems: [] };
  },

  async loadAuthors(fs, config, files: FileSet) {
    const authors = new Map<string, Author>();
    const srcDir = config.contentDirs[0] ? joinPath(config.contentDirs[0], '..') : joinPath(config.root, 'src');
    // A content collection named authors: one entry per file (id = file name), or one data file of entries.
    for (const folder of [joinPath(srcDir, 'content', 'authors'), joinPath(srcDir, 'data', 'authors')]) {
      for (const file of files.all()) {
        if (file.startsWith(`${folder}/`) && /\.(json|ya?ml|md|mdx)$/.test(file) && !file.slice(folder.length + 1).includes('/')) {
          const author = await authorFromEntryFile(fs, file);
          authors.set(author.id, author);
        }
      }
    }
    for (const name of ['authors.json', 'authors.yaml', 'authors.yml']) {
      for (const dir of [joinPath(srcDir, 'data'), joinPath(srcDir, 'content')]) await authorsFromDataFile(fs, joinPath(dir, name), identity, authors);
    }
    return authors;
  },

  authorKey: identity,
  imageCandidates: browserCandidates,
};
