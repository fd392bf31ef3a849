import { joinPath } from '../../text/paths';
import type { SiteConfig } from '../model';
import { browserCandidates, defaultImageFields, plainPublishing, servedImagesWhere, type GeneratorProfile } from './profile';
import { slugify } from '../routes/jekyll';

/** A folder of Markdown with no known generator: links resolve as a browser or GitHub would. */
export const plainMarkdown: GeneratorProfile = {
  id: 'markdown',
  displayName: 'Markdown',

  publishing: plainPublishing,
  images: { publicFolder: 'images', besidePost: 'bundles', searchedWhere: servedImagesWhere, layoutsResolveFields: false, rulesGuessed: true },
  frontmatter: { failsBuildOnBadDate: false, titled: true },
  links: { newLinkStyle: 'file.md', aliasesForMovedPages: false },
  newPost: {
    defaultSection: 'posts',
    datedFileNames: false,
    template: `---\ntitle: "{{ .Title }}"\ndate: ${'{{ .Date }}'}\ndraft: true\ntags: []\n---\n\n`,
    /** No generator to follow: the title's letters and digits in any language, the rest one hyphen. */
    slug: (title) => slugify(title),
  },
  configFiles: [],
  detect: () => undefined,
  async loadConfig(_fs, root) {
    const config: SiteConfig = {
      generator: 'markdown',
      root,
      configFile: undefined,
      contentDirs: [root],
      publicDirs: [root],
      assetDirs: [],
      basePath: '',
      tagKeys: ['tags', 'categories'],
      authorKeys: [],
      imageFields: defaultImageFields,
      // Dependencies and build output of whatever builds this folder.
      ignoredDirs: ['vendor', '_site', 'public', 'dist', 'build', 'out', 'target'].map((dir) => joinPath(root, dir)),
    };
    return { config, problems: [] };
  },
  loadAuthors: async () => new Map(),
  authorKey: (id) => id,
  imageCandidates: browserCandidates,
};
