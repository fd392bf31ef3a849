import type { SiteFileSystem } from '../../host/fileSystem';
import { dirname, isInside, joinPath, relativePath } from '../../text/paths';
import { basePathOf, readText } from '../configFiles';
import type { SiteConfig } from '../model';
import { AuthorRegistry, authorsFromDataFile, authorsFromDataFolder, dataExtensions } from './dataAuthors';
import { callArguments, objectSetting, stringItems, stringLiteralSetting, topLevelProperties, topLevelString, stringLiteralValue, withoutComments } from './jsConfig';
import { matchingAny } from './globs';
import { defaultImageFields, firstExisting, rootRelativeCandidates, type GeneratorProfile } from './profile';

const identity = (id: string) => id;

interface EleventyDirs {
  readonly input: string;
  readonly output: string;
  readonly includes: string;
  readonly layouts: string | undefined;
  readonly data: string;
}

/** `addPassthroughCopy({ from: to })` pairs ride along on the config: `/to/a.png` is the file `from/a.png`. */
interface EleventySiteConfig extends SiteConfig {
  readonly passthroughMappings: readonly (readonly [from: string, urlPrefix: string])[];
}

export const eleventy: GeneratorProfile = {
  id: 'eleventy',
  displayName: 'Eleventy',
  // Eleventy 3 reads the first of .eleventy.js, eleventy.config.{js,mjs,cjs} (TemplateConfig's
  // projectConfigPaths); the others only by --config, so they come last.
  detect: (names) => firstExisting(names, ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts', '.eleventy.cjs']),

  async loadConfig(fs, root, configFile) {
    const file = configFile ? joinPath(root, configFile) : undefined;
    const source = withoutComments((file && (await readText(fs, file))) ?? '');
    const dirs = await directories(fs, root, source);
    const mappings = passthroughMappings(source, root);
    const config: EleventySiteConfig = {
      generator: 'eleventy',
      root,
      configFile: file,
      contentDirs: [dirs.input],
      // Passthrough copies are relative to the project root, minus the input folder: `src/img` and `img`
      // both end up at `/img/`. Object mappings to `/` add their source folder.
      publicDirs: [...new Set([dirs.input, root, ...mappings.filter(([, to]) => to === '/').map(([from]) => from)])],
      assetDirs: [],
      basePath: basePathOf(stringLiteralSetting(source, 'pathPrefix')),
      // `tags` makes collections; `post`/`posts` are collection names by convention (eleventy-base-blog).
      tagKeys: ['tags'],
      reservedTags: ['all', 'nav', 'post', 'posts'],
      authorKeys: ['author', 'authors'],
      imageFields: defaultImageFields,
      // Never walked: the output and dependencies. Everything else Eleventy ignores is still read (a
      // passthrough copy serves images from an ignored folder), but its Markdown is no page.
      ignoredDirs: [dirs.output, joinPath(root, 'node_modules')],
      excludedFiles: await ignoredTemplates(fs, root, dirs, source),
      passthroughMappings: mappings.filter(([, to]) => to !== '/'),
    };
    return { config, problems: [] };
  },

  async loadAuthors(fs, config) {
    // Templates look authors up in global data (`authors[author]`); a display name matches as well.
    const authors = new AuthorRegistry();
    authors.matchNames = true;
    const source = withoutComments((config.configFile && (await readText(fs, config.configFile))) ?? '');
    const dataDir = (await directories(fs, config.root, source)).data;
    for (const extension of dataExtensions) await authorsFromDataFile(fs, joinPath(dataDir, `authors${extension}`), identity, authors, { listIds: ['id', 'key', 'slug'] });
    await authorsFromDataFolder(fs, joinPath(dataDir, 'authors'), identity, authors); // _data/authors/jane.json → authors.jane
    return authors;
  },

  authorKey: identity,

  // `/img/a.png` from the passthrough folders (after pathPrefix) or an object mapping; a relative path
  // from the template's folder, as the Image HTML transform and co-located passthrough copies read it.
  // A bare `img/a.png` may also be a front matter value a layout prefixes with `/`: accepted from the
  // passthrough folders too.
  imageCandidates(config, postPath, imagePath) {
    const besideFile = joinPath(dirname(postPath), imagePath);
    if (/^\.\.?\//.test(imagePath)) return [besideFile];
    if (!imagePath.startsWith('/')) return [besideFile, ...config.publicDirs.map((dir) => joinPath(dir, imagePath))];
    const candidates = rootRelativeCandidates(config, imagePath);
    const mappings = 'passthroughMappings' in config ? (config as EleventySiteConfig).passthroughMappings : [];
    const path = rootRelativeCandidates({ ...config, publicDirs: ['/'] }, imagePath)[0]!;
    for (const [from, prefix] of mappings) if (path.startsWith(prefix)) candidates.push(joinPath(from, path.slice(prefix.length)));
    return candidates;
  },
};

/**
 * Input, output, includes, layouts and data folders: from `dir: {…}` (returned or `export const
 * config`), the v3 `setInputDirectory()`-style calls, or `--input=` in package.json scripts.
 * Output is relative to the project, the others to the input folder.
 */
async function directories(fs: SiteFileSystem, root: string, source: string): Promise<EleventyDirs> {
  const dir = objectSetting(source, 'dir');
  const fromDir = (key: string) => (dir ? topLevelString(dir, key) : undefined);
  const fromCall = (name: string) => stringItems(callArguments(source, name)[0] ?? '')[0];
  const scripts = await packageScripts(fs, root);
  // Within one command: up to the next `eleventy`, `&`, `|`, `;` or line, so each start scans its own stretch only.
  const fromCli = (flag: string) => new RegExp(`eleventy\\b(?:(?!eleventy\\b)[^&|;\\n])*--${flag}[= ](['"]?)([^\\s'"]+)\\1`).exec(scripts)?.[2];
  const input = joinPath(root, fromCli('input') ?? fromCall('setInputDirectory') ?? fromDir('input') ?? '.');
  const layouts = fromCall('setLayoutsDirectory') ?? fromDir('layouts');
  return {
    input,
    output: joinPath(root, fromCli('output') ?? fromCall('setOutputDirectory') ?? fromDir('output') ?? '_site'),
    includes: joinPath(input, fromCall('setIncludesDirectory') ?? fromDir('includes') ?? '_includes'),
    layouts: layouts === undefined ? undefined : joinPath(input, layouts),
    data: joinPath(input, fromCall('setDataDirectory') ?? fromDir('data') ?? '_data'),
  };
}

async function packageScripts(fs: SiteFileSystem, root: string): Promise<string> {
  try {
    const json = JSON.parse((await readText(fs, joinPath(root, 'package.json'))) ?? '{}') as { scripts?: Record<string, unknown> };
    return Object.values(json.scripts ?? {}).filter((script) => typeof script === 'string').join('\n');
  } catch {
    return '';
  }
}

/** `addPassthroughCopy({ 'src/img': 'img' })` → [root/src/img, '/img/']; globs keep their folder part. */
function passthroughMappings(source: string, root: string): [string, string][] {
  const mappings: [string, string][] = [];
  for (const args of callArguments(source, 'addPassthroughCopy')) {
    if (!args.trim().startsWith('{')) continue;
    for (const [from, to] of topLevelProperties(args.trim())) {
      const target = stringLiteralValue(to);
      if (target === undefined) continue;
      const folder = from.split('/').filter((segment) => !/[*?{[]/.test(segment)).join('/');
      const prefix = `/${target.replace(/^\.?\/+|\/+$/g, '')}`;
      mappings.push([joinPath(root, folder), prefix === '/' ? '/' : `${prefix}/`]);
    }
  }
  return mappings;
}

/**
 * What Eleventy never renders (Files.js `getIgnoreGlobs`): the includes, layouts and data folders (unless
 * one is the input folder), and the lines of `.eleventyignore` in the project root and the input folder
 * and of the root `.gitignore` (unless `setUseGitIgnore(false)`), each a glob relative to the file's
 * folder (no gitignore semantics, no `!` negation), and `ignores.add()` globs (project-relative). A glob
 * that names a folder ignores everything in it.
 */
async function ignoredTemplates(fs: SiteFileSystem, root: string, dirs: EleventyDirs, source: string): Promise<RegExp[]> {
  const below = (dir: string) => (dir === root ? '' : relativePath(root, dir));
  const patterns: (RegExp | undefined)[] = [];
  const folders = [dirs.includes, dirs.layouts, dirs.data].filter((dir): dir is string => dir !== undefined && !isInside(dir, dirs.input) && isInside(root, dir));
  patterns.push(matchingAny('', folders.map(below), { orBelow: true }));
  const lines = async (file: string) => ((await readText(fs, file)) ?? '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'));
  for (const dir of new Set([root, dirs.input])) patterns.push(matchingAny(below(dir), await lines(joinPath(dir, '.eleventyignore')), { orBelow: true }));
  if (!/setUseGitIgnore\(\s*false\s*\)/.test(source)) patterns.push(matchingAny('', await lines(joinPath(root, '.gitignore')), { orBelow: true }));
  const added = [...source.matchAll(/\.ignores\.add\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((match) => match[2]!);
  patterns.push(matchingAny('', added, { orBelow: true }));
  return patterns.filter((pattern): pattern is RegExp => pattern !== undefined);
}
