import { eleventyDetection } from './detection';
import type { SiteFileSystem } from '../../host/fileSystem';
import { basename, dirname, isInside, joinPath, relativePath } from '../../text/paths';
import { basePathOf, readText } from '../configFiles';
import type { SiteConfig } from '../model';
import { AuthorRegistry, authorsFromDataFile, authorsFromDataFolder, dataExtensions } from './dataAuthors';
import { allStringLiteralSettings, booleanSetting, callArguments, matchingBracket, objectSetting, stringItems, stringListSetting, stringLiteralSetting, topLevelProperties, topLevelString, splitTopLevel, stringLiteralValue, withoutComments } from './jsConfig';
import { compiled, globSource, matchingAny } from './globs';
import { parseFrontmatter } from '../../frontmatter/parse';
import { isExcludedFile } from '../pageKinds';
import { hrefOf, paginationPattern, permalinkOf, templatePattern, urlKeyOf, type DataPermalink, type EleventyRouting } from '../routes/eleventy';
import { defaultImageFields, plainPublishing, rootRelativeCandidates, withoutBasePath, servedImagesWhere, type GeneratorProfile, recordingConfigInputs } from './profile';
import type { MarkdownItAnchorIds } from '../../links/headingIds/markdownItAnchor';
import { eleventySlug } from './eleventySlug';
import { escapeRegExp } from '../../text/regExp';
import { commandFlag, packageScripts } from '../packageScripts';
import { gitIgnoredFolders } from '../gitIgnoredFolders';
import { foldersBundledToRoot } from '../buildCopies';
import { readsTabIndentation } from './frontMatterReader';
import { madeRules, redirectsPageName, redirectsPageRules } from '../../links/redirectsPage';
import { shortcodesOfRemoteImages, shortcodesWritingIds } from './eleventyShortcodes';
import { remoteOnlyImageFields } from './eleventyRemoteImageFields';

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
  /** With `headingIds: 'markdown-it-anchor'`: what the site's markdown-it does to heading text (read by links/anchors headingIdStyleOf). */
  readonly markdownItAnchor?: MarkdownItAnchorIds;
}

export const eleventy: GeneratorProfile = {
  ...eleventyDetection,

  publishing: plainPublishing,
  images: { publicFolder: 'images', besidePost: 'bundles', searchedWhere: servedImagesWhere, layoutsResolveFields: true, rulesGuessed: false },
  frontmatter: { failsBuildOnBadDate: false, titled: false, repeatedYamlKey: 'stops the build' },
  links: { newLinkStyle: '/', aliasesForMovedPages: false },
  newPost: {
    defaultSection: 'posts',
    datedFileNames: false,
    template: '---\ntitle: "{{ .Title }}"\ndate: {{ now.Format "2006-01-02" }}\ntags: []\n---\n\n',
    /** The `slugify` filter's rule (see eleventySlug.ts). */
    slug: (title) => eleventySlug(title),
  },

  loadConfig: recordingConfigInputs(async (fs, root, configFile) => {
    const file = configFile ? joinPath(root, configFile) : undefined;
    const configSource = withoutComments((file && (await readText(fs, file))) ?? '');
    const dirs = await directories(fs, root, configSource);
    // What the config's own plugin modules (`addPlugin(localPlugin)`) add counts as the config's: they run with its eleventyConfig.
    const source = file ? `${configSource}\n${await localModuleSources(fs, root, file, configSource)}` : configSource;
    const mappings = passthroughMappings(source, root);
    const remoteShortcodes = shortcodesOfRemoteImages(source);
    const remoteImageFields = await remoteOnlyImageFields(fs, [dirs.includes, ...(dirs.layouts ? [dirs.layouts] : [])], remoteShortcodes, defaultImageFields);
    // markdown-it-anchor writes its IDs into the Markdown's HTML; IdAttributePlugin then keeps them.
    const anchorIds = markdownItAnchorIds(source) ?? idAttributeIds(source);
    const loaded: EleventySiteConfig = {
      generator: 'eleventy',
      root,
      configFile: file,
      contentDirs: [dirs.input],
      // Passthrough copies are relative to the project root, minus the input folder: `src/img` and `img`
      // both end up at `/img/`. Object mappings to `/` add their source folder.
      publicDirs: [...new Set([dirs.input, root, ...mappings.filter(([, to]) => to === '/').map(([from]) => from), ...(await foldersBundledToRoot(fs, root, dirs.output))])],
      assetDirs: [],
      basePath: basePathOf(stringLiteralSetting(configSource, 'pathPrefix')),
      // `tags` makes collections; `post`/`posts` are collection names by convention (eleventy-base-blog).
      tagKeys: ['tags'],
      reservedTags: ['all', 'nav', 'post', 'posts'],
      authorKeys: ['author', 'authors'],
      imageFields: defaultImageFields,
      // Never walked: the output and dependencies. Everything else Eleventy ignores is still read (a
      // passthrough copy serves images from an ignored folder), but its Markdown is no page. An output
      // folder holding the input (`output: "."`, pages written beside their sources) is not ignored:
      // Eleventy skips it then, or it would ignore every template (EleventyFiles.getIgnores).
      ignoredDirs: [...(isInside(dirs.output, dirs.input) ? [] : [dirs.output]), joinPath(root, 'node_modules')],
      excludedFiles: await ignoredTemplates(fs, root, dirs, source),
      passthroughMappings: mappings.filter(([, to]) => to !== '/'),
      ...(anchorIds && { headingIds: 'markdown-it-anchor' as const, markdownItAnchor: anchorIds }),
      anchorShortcodes: shortcodesWritingIds(source),
      imagelessShortcodes: remoteShortcodes,
      ...(remoteImageFields.size > 0 && { remoteImageFields }),
      ...(/\beleventyImageTransformPlugin\b/.test(source) && { transformsImages: true }),
      // A rule of the site's own writes Markdown images (andreabergia's hands each to eleventy-img, served as resized webp copies).
      ...(imageRendererRule.test(source) && { markdownImageHookUnknown: true as const }),
      ...(await readsTabIndentation(fs, root, '@11ty/eleventy', [3, 1, 7])),
    };
    const config: EleventySiteConfig = { ...loaded, routing: await routing(fs, loaded, dirs, source, mappings) };
    return { config, problems: [] };
  }),

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
    const path = withoutBasePath(config, imagePath);
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
  const fromCli = (flag: string) => commandFlag(scripts, 'eleventy', flag);
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
  if (!rendersGitIgnored(source)) patterns.push(matchingAny('', await lines(joinPath(root, '.gitignore')), { orBelow: true }));
  // An ignore the config adds only under a condition (`if (!process.env.PRODUCTION_BUILD) …`, zachleat.com) may
  // not apply to the build that is published: its templates may be pages, and links to them are not broken.
  const calls = [...source.matchAll(/\.ignores\.add\(\s*(['"`])([^'"`]+)\1\s*\)/g)];
  const conditional = underCondition(source, calls.map((match) => match.index));
  const added = calls.filter((_, index) => !conditional[index]).map((match) => match[2]!);
  patterns.push(matchingAny('', added, { orBelow: true }));
  return patterns.filter((pattern): pattern is RegExp => pattern !== undefined);
}

/**
 * For each offset (ascending), whether the statement there runs only under a condition: inside an `if`/`else`
 * block, or after `if (…)`, `&&`, `||` or `?` in its own statement. One pass over the source, whatever the count.
 */
function underCondition(source: string, offsets: readonly number[]): boolean[] {
  const found: boolean[] = [];
  const blocks: boolean[] = []; // the blocks open here, each marked by whether an `if (…)` or `else` opened it
  let conditionalBlocks = 0;
  let next = 0;
  for (let i = 0; next < offsets.length; i++) {
    for (; next < offsets.length && offsets[next]! <= i; next++) {
      const before = source.slice(Math.max(0, i - 300), i + 1);
      const statement = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf('{'), before.lastIndexOf('}'), before.lastIndexOf('\n')) + 1);
      found.push(conditionalBlocks > 0 || /\bif\s*\(|&&|\|\||\?(?!\.)/.test(statement));
    }
    if (i >= source.length) break;
    if (source[i] === '{') {
      const opensCondition = /(?:\bif\s*\((?:[^(){}]|\([^(){}]*\))*\)|\belse)\s*$/.test(source.slice(Math.max(0, i - 300), i));
      blocks.push(opensCondition);
      if (opensCondition) conditionalBlocks++;
    } else if (source[i] === '}' && blocks.pop()) conditionalBlocks--;
  }
  while (found.length < offsets.length) found.push(false);
  return found;
}

/** The template languages Eleventy 3 renders by default (TemplateConfig's `templateFormats`). */
const defaultTemplateFormats = ['liquid', 'md', 'njk', 'html', '11ty.js'];
const templateEngines = new Set(['liquid', 'md', 'njk', 'html', '11ty.js', '11ty.cjs', '11ty.mjs', 'hbs', 'mustache', 'ejs', 'haml', 'pug', 'webc', '11ty.ts', '11ty.tsx', '11ty.jsx']);
const maxRoutingEntries = 20_000;
const maxTemplateBytes = 512 * 1024;

/**
 * Whether the config adds a global `eleventyComputed` that computes `permalink`: Eleventy computes only the keys the
 * object has (musikele's `addGlobalData('eleventyComputed', { tags: … })` leaves every URL as it was; Eleventy 3.1.2
 * checked). An object Postcraft cannot read (a variable, a function) may compute it.
 */
function computesPermalinkGlobally(source: string): boolean {
  return callArguments(source, 'addGlobalData').some((args) => {
    const [nameArgument, value = ''] = splitTopLevel(args);
    const name = nameArgument === undefined ? undefined : stringLiteralValue(nameArgument);
    // `addGlobalData("eleventyComputed.permalink", …)` (verlok's drafts) names the key itself.
    if (name?.startsWith('eleventyComputed.')) return name === 'eleventyComputed.permalink';
    if (name !== 'eleventyComputed') return false;
    const object = value.trim();
    return !object.startsWith('{') || object.includes('permalink');
  });
}

/**
 * What decides URLs, read once at load: data files' `permalink`s and the pages other templates (Nunjucks
 * lists, tag pages, feeds) make, from a walk of the input folder; the passthrough copies; and what makes
 * every URL unknowable (url transforms, a global `permalink`, data files under other names).
 */
async function routing(fs: SiteFileSystem, config: SiteConfig, dirs: EleventyDirs, source: string, mappings: readonly (readonly [string, string])[]): Promise<EleventyRouting> {
  const formats = templateFormats(source);
  const globalData = (await fs.readDirectory(dirs.data)).filter((entry) => entry.type === 'file').map((entry) => entry.name);
  const computedGlobally = await Promise.all(globalData.filter((name) => /^eleventyComputed\./.test(name)).map((name) => readText(fs, joinPath(dirs.data, name))));
  const permalinksUnknown =
    /\baddUrlTransform\s*\(|\bsetDataFileSuffixes\s*\(|\bsetDataFileBaseName\s*\(|\baddGlobalData\s*\(\s*['"`]permalink/.test(source) ||
    computesPermalinkGlobally(source) ||
    globalData.some((name) => /^permalink\./.test(name)) ||
    computedGlobally.some((text) => text?.includes('permalink'));
  const { dataFiles, templates } = await walkInput(fs, config, dirs, formats);
  const base: EleventyRouting = {
    generator: 'eleventy',
    inputDir: dirs.input,
    dataPermalinks: await dataPermalinks(fs, dataFiles),
    ...(await layoutRouting(fs, dirs, dataFiles)),
    permalinksUnknown,
    generatedUrls: new Set(),
    generatedPatterns: [],
    passthroughCopies: passthroughCopies(source, config.root, dirs.input, formats),
    ...(readsMarkdownImages(source) ? { markdownImageRule: true as const } : {}),
    // `addPassthroughCopy(path)` in a loop (Comandeer's blog): what it copies is not written in the config.
    ...(callArguments(source, 'addPassthroughCopy').some((args) => !args.trim().startsWith('{') && stringItems(args).length === 0) ? { copiesUnread: true as const } : {}),
    passthroughMappings: mappings,
    inputPathLinks: addsInputPathToUrl(source) ? templateFilePattern(formats) : undefined,
  };
  const urls = new Set<string>();
  const patterns: RegExp[] = [];
  const addPermalink = (permalink: string) => {
    if (/\{\{|\{%/.test(permalink)) patterns.push(templatePattern(permalink));
    else urls.add(urlKeyOf(hrefOf(permalink)));
  };
  // Virtual templates and plugins' pages (the RSS plugin's `outputPath`, `addTemplate(…, { permalink })`).
  for (const permalink of [...allStringLiteralSettings(source, 'outputPath'), ...allStringLiteralSettings(source, 'permalink')]) addPermalink(permalink);
  const aliasKeys = new Set<string>();
  for (const path of templates) {
    const text = await readText(fs, path);
    if (text === undefined || text.length > maxTemplateBytes) continue;
    const redirects = redirectsPageName.test(path) ? redirectsPageRules(text) : undefined;
    if (redirects !== undefined) for (const key of madeRules(redirects).pageDataKeys) aliasKeys.add(key);
    const data = /\.11ty\.[cm]?[jt]sx?$/i.test(path) ? javascriptTemplateData(text) : (parseFrontmatter(text)?.data ?? {});
    const result = permalinkOf(base, path, data);
    if (result.kind === 'page') {
      urls.add(urlKeyOf(result.url));
      if (data['pagination'] !== undefined) patterns.push(paginationPattern(result.url));
    } else if (result.kind === 'unknown') patterns.push(result.pattern);
  }
  patterns.push(...(await gitIgnoredInputFolders(fs, config.root, dirs.input, source)).map((url) => new RegExp(url.endsWith('*') ? `^${escapeRegExp(url.slice(0, -1))}` : `^${escapeRegExp(url)}(?:/|$)`)));
  return { ...base, generatedUrls: urls, generatedPatterns: patterns, aliasKeys: [...aliasKeys] };
}

/** `setUseGitIgnore(false)`: Eleventy renders what `.gitignore` lists too. */
function rendersGitIgnored(source: string): boolean {
  return /setUseGitIgnore\(\s*false\s*\)/.test(source);
}

/** The URLs of the input folder's git-ignored folders (`gitIgnoredFolders`), where the config renders them (`setUseGitIgnore(false)`). */
async function gitIgnoredInputFolders(fs: SiteFileSystem, root: string, input: string, source: string): Promise<string[]> {
  if (!rendersGitIgnored(source)) return [];
  return (await gitIgnoredFolders(fs, root, input)).map((folder) => `/${relativePath(input, folder)}`);
}

/**
 * `templateFormats` as the config sets it (`templateFormats: [...]`, `setTemplateFormats`, `addTemplateFormats`),
 * and the formats of the plugins that add one with `addTemplateFormats` inside their package (WebC).
 */
function templateFormats(source: string): string[] {
  const set = stringItems(callArguments(source, 'setTemplateFormats')[0] ?? '');
  const listed = set.length > 0 ? set : (stringListSetting(source, 'templateFormats')?.flatMap((item) => item.split(',')) ?? defaultTemplateFormats);
  const added = callArguments(source, 'addTemplateFormats').flatMap(stringItems);
  const fromPlugins = Object.entries(formatPlugins).filter(([name]) => importsPackage(source, name)).map(([, format]) => format);
  return [...new Set([...listed, ...added, ...fromPlugins].map((format) => format.trim().toLowerCase()).filter(Boolean))];
}

/** Plugin packages that add a template format (`eleventyConfig.addTemplateFormats` in the plugin's own code). */
const formatPlugins: Readonly<Record<string, string>> = { '@11ty/eleventy-plugin-webc': 'webc' };

function importsPackage(source: string, name: string): boolean {
  const quoted = escapeRegExp(name);
  return new RegExp(`(?:\\bfrom\\s*|\\b(?:require|import)\\s*\\(\\s*)['"\`]${quoted}['"\`]`).test(source);
}

/**
 * Whether the config adds Eleventy's InputPathToUrlTransformPlugin, which rewrites every `href` naming a
 * template's input path (`/docs/config.md`, `blog/post.md`) to that template's URL.
 */
function addsInputPathToUrl(source: string): boolean {
  const names = ['InputPathToUrlTransformPlugin', ...[...source.matchAll(/\bInputPathToUrlTransformPlugin\s+as\s+([\w$]+)/g)].map((match) => match[1]!)];
  return callArguments(source, 'addPlugin').some((args) => names.some((name) => new RegExp(`^\\s*(?:[\\w$]+\\.)?${name.replace(/\$/g, '\\$')}\\s*(?:,|$)`).test(args)));
}

/** File names of the site's templates: what the transform finds in its map of input paths. */
function templateFilePattern(formats: readonly string[]): RegExp {
  const engines = formats.filter((format) => templateEngines.has(format)).map((format) => format.replace(/\./g, '\\.'));
  return new RegExp(`\\.(?:${engines.join('|')})$`, 'i');
}

const maxLocalModules = 24;

/**
 * The sources of the project's own modules the config imports (`./config/feed.js`), and theirs in turn,
 * comments removed: plugins and helpers that call `addPlugin`, `addPassthroughCopy`, `addTemplate` on the
 * same eleventyConfig. Packages are not read (node_modules may not be installed).
 */
async function localModuleSources(fs: SiteFileSystem, root: string, configFile: string, configSource: string): Promise<string> {
  const seen = new Set([configFile]);
  const sources: string[] = [];
  const queue: [string, string][] = [[configFile, configSource]];
  while (queue.length > 0 && seen.size <= maxLocalModules) {
    const [from, source] = queue.shift()!;
    for (const match of source.matchAll(/(?:\bfrom\s*|\b(?:require|import)\s*\(\s*)(['"`])(\.{1,2}\/[^'"`\n]+)\1/g)) {
      const target = joinPath(dirname(from), match[2]!);
      // TypeScript too: sass-lang.com's eleventy.config.cjs requires ./source/helpers/engines.ts, its markdown-it.
      for (const candidate of [target, ...['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'].map((extension) => `${target}.${extension}`), joinPath(target, 'index.js'), joinPath(target, 'index.ts')]) {
        if (seen.has(candidate) || !/\.[cm]?[jt]s$/.test(candidate) || !isInside(root, candidate)) continue;
        const text = await readText(fs, candidate);
        if (text === undefined || text.length > maxTemplateBytes) continue;
        seen.add(candidate);
        const stripped = withoutComments(text);
        sources.push(stripped);
        queue.push([candidate, stripped]);
        break;
      }
    }
  }
  return sources.join('\n');
}

/** A markdown-it renderer rule of the site's own for images (`md.renderer.rules.image = …`). */
const imageRendererRule = /\brenderer\.rules\.image\s*=[^=]/;

/**
 * Whether the config or its modules give markdown-it a rule of their own for images: a renderer rule, or a core rule that reads
 * image tokens (v8.dev's inlines each /_svg/ image's file into the page).
 */
function readsMarkdownImages(source: string): boolean {
  return imageRendererRule.test(source) || (/\bcore\.ruler\.(?:push|after|before|at)\s*\(/.test(source) && /\btype\s*[!=]==?\s*['"]image['"]/.test(source));
}

/**
 * The data files (`*.11tydata.*`, `<folder>/<folder>.json`, `<template>.json`) and the templates other than
 * Markdown below the input folder, leaving out what Eleventy ignores (output, includes, data, ignores).
 */
async function walkInput(fs: SiteFileSystem, config: SiteConfig, dirs: EleventyDirs, formats: readonly string[]): Promise<{ dataFiles: string[]; templates: string[] }> {
  const dataFiles: string[] = [];
  const templates: string[] = [];
  const skipped = new Set([...config.ignoredDirs, dirs.includes, dirs.data, ...(dirs.layouts ? [dirs.layouts] : [])].filter((dir) => dir !== dirs.input));
  const otherFormats = formats.filter((format) => format !== 'md' && templateEngines.has(format));
  let visited = 0;
  const visit = async (dir: string, depth: number): Promise<void> => {
    for (const entry of await fs.readDirectory(dir)) {
      if (++visited > maxRoutingEntries) return;
      const path = joinPath(dir, entry.name);
      if (entry.name === 'node_modules' || entry.name === '.git' || skipped.has(path) || isExcludedFile(config, path)) continue;
      if (entry.type === 'directory' && depth < 16) await visit(path, depth + 1);
      if (entry.type !== 'file') continue;
      if (/\.11tydata\.(?:json|[cm]?js)$/i.test(entry.name) || (entry.name.endsWith('.json') && dir !== dirs.input)) dataFiles.push(path);
      else if (otherFormats.some((format) => entry.name.toLowerCase().endsWith(`.${format}`))) templates.push(path);
    }
  };
  await visit(dirs.input, 0);
  // The input folder's own data file (`src/src.json`) is a plain .json at its top.
  const own = joinPath(dirs.input, `${basename(dirs.input)}.json`);
  if (!dataFiles.includes(own)) dataFiles.push(own);
  return { dataFiles, templates };
}

/**
 * The `permalink` each data file base sets, the winner among its files as TemplateData merges them
 * (`.11tydata.js` over `.cjs` over `.mjs` over `.11tydata.json` over `.json`).
 */
async function dataPermalinks(fs: SiteFileSystem, files: readonly string[]): Promise<Map<string, DataPermalink>> {
  const rank = (file: string) => ['.json', '.11tydata.json', '.11tydata.mjs', '.11tydata.cjs', '.11tydata.js'].findIndex((suffix) => file.endsWith(suffix) && (suffix !== '.json' || !file.endsWith('.11tydata.json')));
  const permalinks = new Map<string, DataPermalink>();
  for (const file of [...files].sort((a, b) => rank(a) - rank(b))) {
    const text = await readText(fs, file);
    if (text === undefined || !text.includes('permalink')) continue;
    const permalink = file.endsWith('.json') ? jsonPermalink(text) : javascriptPermalink(text);
    if (permalink) permalinks.set(file.replace(/(?:\.11tydata)?\.(?:json|[cm]?js)$/i, ''), permalink);
  }
  return permalinks;
}

/**
 * What layouts say about URLs: the `permalink` each layout's front matter sets (its own, else that of the layout it is laid out
 * in), by the names `layout:` may give it (`article`, `article.njk`, `layouts/article.njk`), and the `layout` the data files set.
 */
async function layoutRouting(fs: SiteFileSystem, dirs: EleventyDirs, dataFiles: readonly string[]): Promise<Pick<EleventyRouting, 'layoutPermalinks' | 'dataLayouts'>> {
  const own = new Map<string, { readonly permalink?: string | false; readonly layout?: string }>();
  let read = 0;
  const visit = async (dir: string, prefix: string, depth: number): Promise<void> => {
    for (const entry of await fs.readDirectory(dir).catch(() => [])) {
      if (entry.type === 'directory' && depth < 3) await visit(joinPath(dir, entry.name), `${prefix}${entry.name}/`, depth + 1);
      // Templates only (an includes folder holds styles, scripts and images too), a bounded number of them.
      if (entry.type !== 'file' || !layoutTemplate.test(entry.name) || ++read > maxLayouts) continue;
      const text = await readText(fs, joinPath(dir, entry.name));
      if (text === undefined || !text.startsWith('---')) continue;
      const data = parseFrontmatter(text)?.data ?? {};
      const permalink = data['permalink'];
      const layout = data['layout'];
      const settings = { ...(typeof permalink === 'string' ? { permalink } : permalink === false ? { permalink: false as const } : {}), ...(typeof layout === 'string' ? { layout } : {}) };
      own.set(`${prefix}${entry.name}`, settings);
      own.set(`${prefix}${entry.name.replace(/\.[^.]+$/, '')}`, settings);
    }
  };
  await visit(dirs.layouts ?? dirs.includes, '', 0);
  const layoutPermalinks = new Map<string, string | false>();
  for (const name of own.keys()) {
    let settings = own.get(name);
    for (let depth = 0; settings && settings.permalink === undefined && settings.layout !== undefined && depth < 5; depth++) settings = own.get(settings.layout);
    if (settings?.permalink !== undefined) layoutPermalinks.set(name, settings.permalink);
  }
  const dataLayouts = new Map<string, string>();
  for (const file of dataFiles) {
    if (!file.endsWith('.json')) continue;
    const text = await readText(fs, file);
    if (text === undefined || !text.includes('layout')) continue;
    try {
      const layout = (JSON.parse(text) as Record<string, unknown> | null)?.['layout'];
      if (typeof layout === 'string') dataLayouts.set(file.replace(/(?:\.11tydata)?\.json$/i, ''), layout);
    } catch {
      // Eleventy fails the build on it
    }
  }
  return { ...(layoutPermalinks.size > 0 ? { layoutPermalinks } : {}), ...(dataLayouts.size > 0 ? { dataLayouts } : {}) };
}

const maxLayouts = 2000;
const layoutTemplate = /\.(?:njk|liquid|html?|md|markdown|hbs|handlebars|mustache|ejs|haml|pug|webc)$/i;

function jsonPermalink(text: string): DataPermalink | undefined {
  try {
    const data = JSON.parse(text) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
    const record = data as Record<string, unknown>;
    const computed = record['eleventyComputed'];
    if (computed && typeof computed === 'object' && 'permalink' in computed) return { unknown: true };
    if (!('permalink' in record)) return undefined;
    const value = record['permalink'];
    return typeof value === 'string' || value === false ? { value } : { unknown: true };
  } catch {
    return undefined; // Eleventy fails the build on it; that is no URL rule
  }
}

/** A data module's `permalink: "…"` (or `false`); any other mention of permalink (a function, computed data) is unknown. */
function javascriptPermalink(text: string): DataPermalink | undefined {
  const source = withoutComments(text);
  const mentions = [...source.matchAll(/(?<![\w$])permalink(?![\w$])/g)].length;
  if (mentions === 0) return undefined;
  const literal = stringLiteralSetting(source, 'permalink');
  if (mentions === 1 && literal !== undefined) return { value: literal };
  if (mentions === 1 && /(?<![\w$])['"]?permalink['"]?\s*:\s*false\b/.test(source)) return { value: false };
  const returned = mentions === 1 ? permalinkFunctionTemplate(source) : undefined;
  if (returned !== undefined) return { value: returned };
  const within = commonFolder(source);
  return within === undefined ? { unknown: true } : { unknown: true, within };
}

/** The folder (`/m/`) every template literal of a data module starts with, if they all name one; else undefined. */
function commonFolder(source: string): string | undefined {
  const folders = new Set([...source.matchAll(/`([^`]*)`/g)].map((literal) => /^\/[^/$`{]+\//.exec(literal[1]!)?.[0]));
  const [folder] = folders;
  return folders.size === 1 ? folder : undefined;
}

/**
 * A `permalink` function that returns one template literal made of text and the page's `fileSlug` or
 * `filePathStem` (`permalink: ({ page }) => `/web/${page.fileSlug}/``, Zach Leatherman's site), as the
 * permalink template that gives the same URL (`/web/{{ page.fileSlug }}/`). Eleventy calls the function
 * with the page's data and takes what it returns as the URL (TemplateContent.renderPermalink). Any other
 * body or expression: undefined (unknown).
 */
function permalinkFunctionTemplate(source: string): string | undefined {
  const head = /(?<![\w$])['"]?permalink['"]?\s*(?::\s*(?:function\s*[\w$]*\s*)?\(([^()]*)\)\s*(=>)?|:\s*([\w$]+)\s*(=>)|\(([^()]*)\)\s*(?=\{))\s*/y;
  const start = /(?<![\w$])['"]?permalink['"]?\s*[:(]/.exec(source)?.index;
  if (start === undefined) return undefined;
  head.lastIndex = start;
  const match = head.exec(source);
  if (!match) return undefined;
  const parameter = (match[1] ?? match[3] ?? match[5] ?? '').trim();
  const arrow = match[2] ?? match[4];
  const body = source.slice(head.lastIndex);
  const returned = (arrow ? /^`([^`\\]*)`/.exec(body) : null) ?? /^\{\s*return\s*`([^`\\]*)`\s*;?\s*\}/.exec(body);
  if (!returned || returned[1]!.includes('{{') || returned[1]!.includes('{%')) return undefined;
  // `{ page }` names the page itself; any other name is the data, whose `page` holds it.
  const page = /^\{\s*page\s*\}$/.test(parameter) ? 'page' : /^[A-Za-z_$][\w$]*$/.test(parameter) ? `${parameter}.page` : undefined;
  if (page === undefined) return undefined;
  let known = true;
  const template = returned[1]!.replace(/\$\{\s*([\w$.]+)\s*\}/g, (_, expression: string) => {
    const variable = expression.startsWith(`${page}.`) ? expression.slice(page.length + 1) : '';
    if (variable !== 'fileSlug' && variable !== 'filePathStem') known = false;
    return `{{ page.${variable} }}`;
  });
  return known && !template.includes('${') ? template : undefined;
}

/** What a JavaScript template's `data` says about its URL: a literal `permalink`, else one Postcraft cannot compute. */
function javascriptTemplateData(text: string): Record<string, unknown> {
  const source = withoutComments(text);
  const data: Record<string, unknown> = {};
  const permalink = javascriptPermalink(source);
  if (permalink) data['permalink'] = 'value' in permalink ? permalink.value : { build: '{{ unknown }}' };
  if (/(?<![\w$])pagination\s*:/.test(source)) data['pagination'] = {};
  return data;
}

/**
 * Files a string `addPassthroughCopy` copies (globs or folders relative to the project root), and the files
 * of non-template formats listed in `templateFormats` (copied as they are).
 */
function passthroughCopies(source: string, root: string, input: string, formats: readonly string[]): RegExp | undefined {
  const globs = callArguments(source, 'addPassthroughCopy').flatMap((args) => (args.trim().startsWith('{') ? [] : stringItems(args).slice(0, 1)));
  const sources = globs.map((glob) => `${globSource(glob.replace(/^\.\//, '').replace(/\/+$/, ''))}(?:/.*)?`);
  const copied = formats.filter((format) => !templateEngines.has(format) && /^[\w.]+$/.test(format));
  if (copied.length > 0) sources.push(`${input === root ? '' : `${globSource(relativePath(root, input))}/`}(?:.*/)?[^/]*\\.(?:${copied.map((format) => format.replace(/\./g, '\\.')).join('|')})`);
  return sources.length === 0 ? undefined : compiled(`^(?:${sources.join('|')})$`);
}

/**
 * Heading IDs when the site's Markdown library (`setLibrary('md', …)` or `amendLibrary('md', …)`, in the
 * config or a module it imports) uses markdown-it-anchor with its own slugify and suffixes. Undefined
 * (no IDs known: no broken-anchor findings) without it, or when its options are not a literal Postcraft
 * can read, or set `slugify`, `slugifyWithState`, `getTokensText` or `uniqueSlugStartIndex` (code
 * Postcraft does not run). markdown-it-attrs adds `{#id}`; `typographer` and `html` change the text.
 */
function markdownItAnchorIds(source: string): MarkdownItAnchorIds | undefined {
  if (!/\b(?:setLibrary|amendLibrary)\s*\(/.test(source)) return undefined;
  const anchor = importedAs(source, 'markdown-it-anchor');
  if (!anchor) return undefined;
  const uses = callArguments(source, 'use').map((args) => args.trim()).filter((args) => new RegExp(`^${anchor}(?:\\.default)?\\s*(?:,|$)`).test(args));
  if (uses.length === 0) return undefined;
  let levels: number[] | undefined;
  let slugify: MarkdownItAnchorIds['slugify'];
  for (const args of uses) {
    const optionsText = args.slice(args.indexOf(',') + 1).trim();
    if (!args.includes(',') || optionsText === '') continue;
    const options = /^[A-Za-z_$][\w$]*$/.test(optionsText) ? constantObject(source, optionsText) : optionsText.startsWith('{') ? optionsText : undefined;
    if (options === undefined || /\.\.\./.test(options)) return undefined;
    const properties = topLevelProperties(options);
    if (['slugifyWithState', 'getTokensText', 'uniqueSlugStartIndex'].some((key) => properties.has(key))) return undefined;
    const slugifyOption = properties.get('slugify');
    if (slugifyOption !== undefined && !(slugify = knownSlugify(source, slugifyOption))) return undefined;
    const level = properties.get('level');
    if (level !== undefined) {
      if (/^\d$/.test(level)) levels = [1, 2, 3, 4, 5, 6].filter((n) => n >= Number(level));
      else if (/^\[[\d\s,]*\]$/.test(level)) levels = level.slice(1, -1).split(',').map(Number).filter((n) => n > 0);
    }
  }
  const attributes = importedAs(source, 'markdown-it-attrs');
  const attrs = attributes !== undefined && new RegExp(`\\.use\\(\\s*${attributes}\\b`).test(source);
  // Eleventy's own markdown-it has `html: true`; `markdownIt()` of the site's own, false.
  const html = booleanSetting(source, 'html') ?? !/\bsetLibrary\s*\(/.test(source);
  return { plugin: 'markdown-it-anchor', attrs, typographer: booleanSetting(source, 'typographer') === true, html, ...(levels && { levels }), ...(slugify && { slugify }) };
}

/**
 * markdown-it-anchor's `slugify` option, when Postcraft knows the function: @sindresorhus/slugify (`slugify`, `s => slugify(s)`,
 * `s => slugify(s, { decamelize: false })`) or Eleventy's `slugify` filter (`eleventyConfig.getFilter("slugify")`, or a
 * constant holding it: zachleat.com), which is that package with `decamelize` off. Anything else: undefined.
 */
function knownSlugify(source: string, option: string): MarkdownItAnchorIds['slugify'] {
  // The site may replace Eleventy's filter with its own.
  const filter = /\baddFilter\(\s*['"`]slugify['"`]/.test(source) ? /$^/ : /^[\w$]+\.getFilter\(\s*(['"])slugify\1\s*\)$/;
  if (filter.test(option)) return { decamelize: false };
  const call = /^(?:\(?\s*([\w$]+)\s*\)?\s*=>\s*)?([\w$]+)(?:\(\s*([\w$]+)\s*(?:,\s*(\{[^{}]*\}))?\s*\))?$/.exec(option);
  if (!call || (call[1] === undefined) !== (call[3] === undefined) || call[1] !== call[3]) return undefined;
  const name = call[2]!;
  const options = call[4] === undefined ? new Map<string, string>() : topLevelProperties(call[4]);
  if ([...options.keys()].some((key) => key !== 'decamelize')) return undefined;
  const decamelize = options.get('decamelize');
  if (decamelize !== undefined && decamelize !== 'true' && decamelize !== 'false') return undefined;
  if (name === importedAs(source, '@sindresorhus/slugify')) return { decamelize: decamelize !== 'false' };
  const constant = new RegExp(`(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*=\\s*([^;\\n]+)`).exec(source)?.[1]?.trim();
  return constant !== undefined && filter.test(constant) && options.size === 0 ? { decamelize: false } : undefined;
}

/**
 * Heading IDs by Eleventy 3's IdAttributePlugin (`addPlugin(IdAttributePlugin)`): every h1–h6 without an id
 * gets Eleventy's slugify of its text (src/Plugins/IdAttributePlugin.js). With options that change the
 * selector, the slugify or which pages it runs on: undefined (no IDs known). Eleventy's markdown-it has
 * `html: true` and no typographer; a site's own library may differ (then its options are read as for markdown-it-anchor).
 */
function idAttributeIds(source: string): MarkdownItAnchorIds | undefined {
  const plugin = importedNamed(source, '@11ty/eleventy', 'IdAttributePlugin');
  if (!plugin) return undefined;
  const uses = callArguments(source, 'addPlugin').map((args) => args.trim()).filter((args) => new RegExp(`^${escapeRegExp(plugin)}\\s*(?:,|$)`).test(args));
  if (uses.length === 0 || uses.some((args) => /\b(?:selector|slugify|filter)\b/.test(args))) return undefined;
  const ownLibrary = /\bsetLibrary\s*\(/.test(source);
  return { plugin: 'id-attribute', attrs: false, typographer: booleanSetting(source, 'typographer') === true, html: booleanSetting(source, 'html') ?? !ownLibrary };
}

/** The local name of a named export imported from a module (`import { IdAttributePlugin as Ids } from '@11ty/eleventy'`, or destructured from require). */
function importedNamed(source: string, module: string, name: string): string | undefined {
  const quoted = `['"\`]${escapeRegExp(module)}['"\`]`;
  for (const match of source.matchAll(new RegExp(`(?:import\\s*(?:[\\w$]+\\s*,\\s*)?\\{([^}]*)\\}\\s*from\\s*${quoted}|(?:const|let|var)\\s*\\{([^}]*)\\}\\s*=\\s*require\\(\\s*${quoted}\\s*\\))`, 'g'))) {
    for (const part of (match[1] ?? match[2] ?? '').split(',')) {
      const [imported, local] = part.trim().split(/\s+as\s+|\s*:\s*/);
      if (imported === name) return (local ?? imported).trim();
    }
  }
  return undefined;
}

/** The name a module is imported or required as (`import x from 'm'`, `const x = require('m')`). */
function importedAs(source: string, module: string): string | undefined {
  const quoted = `['"\`]${module.replace(/[.-]/g, '\\$&')}['"\`]`;
  const match = new RegExp(`import\\s+([A-Za-z_$][\\w$]*)\\s*(?:,\\s*\\{[^}]*\\}\\s*)?from\\s*${quoted}|(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*require\\(\\s*${quoted}\\s*\\)`).exec(source);
  return match?.[1] ?? match?.[2];
}

/** The object literal a `const name = {…}` holds. */
function constantObject(source: string, name: string): string | undefined {
  const match = new RegExp(`(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*=\\s*\\{`).exec(source);
  if (!match) return undefined;
  const open = match.index + match[0].length - 1;
  const close = matchingBracket(source, open);
  return close === -1 ? undefined : source.slice(open, close + 1);
}
