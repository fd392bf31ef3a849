import type { SiteFileSystem } from '../../host/fileSystem';
import { dirname, joinPath } from '../../text/paths';
import { basePathOf, readDataFile, readText } from '../configFiles';
import type { Author, SiteConfig, TagRegistry } from '../model';
import { authorsFromDataFile } from './dataAuthors';
import { matchingBracket, objectSetting, stringListSetting, stringLiteralSetting, topLevelString, withoutComments } from './jsConfig';
import { defaultImageFields, firstExisting, rootRelativeCandidates, type GeneratorProfile } from './profile';

const identity = (id: string) => id;

interface ContentPlugins {
  readonly blogs: { readonly path: string; readonly authorsMapPath: string; readonly tags: string | undefined; readonly onInlineTags: string }[];
  readonly docs: string[];
  readonly pages: string[];
}

export const docusaurus: GeneratorProfile = {
  id: 'docusaurus',
  displayName: 'Docusaurus',
  detect: (names) => firstExisting(names, ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.mts']),

  async loadConfig(fs, root, configFile) {
    const file = configFile ? joinPath(root, configFile) : undefined;
    const source = await readConfigSource(fs, file);
    const plugins = contentPlugins(source);
    const folders = [...plugins.blogs.map((blog) => blog.path), ...plugins.docs, ...plugins.pages];
    // Versioned copies of the docs are rendered too (versioned_docs/version-1.0/…).
    if (plugins.docs.length > 0) folders.push('versioned_docs');
    const config: SiteConfig = {
      generator: 'docusaurus',
      root,
      configFile: file,
      contentDirs: [...new Set(folders)].map((dir) => joinPath(root, dir)),
      publicDirs: (stringListSetting(source, 'staticDirectories') ?? ['static']).map((dir) => joinPath(root, dir)),
      assetDirs: [],
      basePath: basePathOf(stringLiteralSetting(source, 'baseUrl')),
      tagKeys: ['tags'],
      // `author:` (singular) is the legacy free-text name; only `authors:` names keys of authors.yml.
      authorKeys: ['authors'],
      imageFields: defaultImageFields,
      // `markdown: { format: 'mdx' }` is the default; 'md' and 'detect' leave `.md` files plain Markdown.
      markdownIsMdx: !/\bmarkdown\s*:\s*\{[^}]*?\bformat\s*:\s*['"](?:md|detect)['"]/.test(source),
      ignoredDirs: [joinPath(root, 'build')],
      ...(await tagRegistries(fs, root, plugins)),
    };
    return { config, problems: [] };
  },

  // Each blog reads its own `authorsMapPath` (default authors.yml, relative to the blog folder);
  // a key that is not there fails the build ("Blog author with key … not found").
  async loadAuthors(fs, config) {
    const authors = new Map<string, Author>();
    const { blogs } = contentPlugins(await readConfigSource(fs, config.configFile));
    for (const blog of blogs) await authorsFromDataFile(fs, joinPath(config.root, blog.path, blog.authorsMapPath), identity, authors);
    return authors;
  },

  authorKey: identity,

  // The mdx-loader's rules (transformImage): `@site/…` from the site folder, `/…` from the static
  // folders, anything else relative to the file. A bare `img/a.png` in front matter `image:` goes
  // through useBaseUrl instead (static/img/a.png); the profile cannot tell the two apart, so it
  // accepts both for bare paths and stays strict for `./` and `../`.
  imageCandidates(config, postPath, imagePath) {
    if (imagePath.startsWith('@site/')) return [joinPath(config.root, imagePath.slice('@site/'.length))];
    if (imagePath.startsWith('/')) return rootRelativeCandidates(config, imagePath);
    const besideFile = joinPath(dirname(postPath), imagePath);
    return /^\.\.?\//.test(imagePath) ? [besideFile] : [besideFile, ...config.publicDirs.map((dir) => joinPath(dir, imagePath))];
  },
};

/**
 * The blog's predefined tags (`tags.yml` beside the posts, keys are tag ids). Tags outside it are
 * "inline tags", which `onInlineTags` lets through (ignore), logs, warns about (the default) or
 * fails the build on (throw).
 */
async function tagRegistries(fs: SiteFileSystem, root: string, plugins: ContentPlugins): Promise<{ tagRegistries: TagRegistry[] }> {
  const registries: TagRegistry[] = [];
  for (const blog of plugins.blogs) {
    if (!blog.tags) continue;
    const folder = joinPath(root, blog.path);
    const file = joinPath(folder, blog.tags);
    const loaded = await readDataFile(fs, file);
    if (!loaded) continue;
    const severity = blog.onInlineTags === 'throw' ? 'error' : blog.onInlineTags === 'ignore' ? 'off' : blog.onInlineTags === 'log' ? 'info' : 'warning';
    registries.push({ folder, tags: new Set(Object.keys(loaded.data)), file, severity });
  }
  return { tagRegistries: registries };
}

async function readConfigSource(fs: SiteFileSystem, file: string | undefined): Promise<string> {
  return withoutComments((file && (await readText(fs, file))) ?? '');
}

/**
 * The blog, docs and pages instances: the classic preset's `blog:`/`docs:`/`pages:` options (unless
 * `false`) and every `@docusaurus/plugin-content-*` plugin entry, with their literal `path:`.
 */
export function contentPlugins(source: string): ContentPlugins {
  const presets = /(?<![\w$])presets\s*:\s*\[/.exec(source);
  const presetText = presets ? source.slice(presets.index, matchingBracket(source, presets.index + presets[0].length - 1) + 1) : source;
  const plugins: ContentPlugins = { blogs: [], docs: [], pages: [] };
  const add = (kind: 'blog' | 'docs' | 'pages', options: string) => {
    if (kind === 'blog') {
      const tags = /(?<![\w$])tags\s*:\s*(false|null)\b/.test(options) ? undefined : (topLevelString(options, 'tags') ?? 'tags.yml');
      plugins.blogs.push({ path: topLevelString(options, 'path') ?? 'blog', authorsMapPath: topLevelString(options, 'authorsMapPath') ?? 'authors.yml', tags, onInlineTags: topLevelString(options, 'onInlineTags') ?? 'warn' });
    }
    else plugins[kind].push(topLevelString(options, 'path') ?? (kind === 'docs' ? 'docs' : 'src/pages'));
  };
  for (const kind of ['blog', 'docs', 'pages'] as const) {
    const options = objectSetting(presetText, kind);
    if (options !== false) add(kind, options ?? '{}');
  }
  const pluginName = /(['"])(?:@docusaurus\/plugin-|docusaurus-plugin-)?content-(blog|docs|pages)\1\s*(,\s*\{)?/g;
  let inside = -1; // a plugin name inside another plugin's options is part of them, not a plugin
  for (const match of source.matchAll(pluginName)) {
    if (match.index < inside) continue;
    if (presetText !== source && match.index >= (presets?.index ?? 0) && match.index < (presets?.index ?? 0) + presetText.length) continue;
    const open = match.index + match[0].length - 1;
    const close = match[3] ? matchingBracket(source, open) : -1;
    if (close !== -1) inside = close;
    const options = match[3] ? source.slice(open, close + 1) : '{}';
    add(match[2] as 'blog' | 'docs' | 'pages', options);
  }
  return plugins;
}
