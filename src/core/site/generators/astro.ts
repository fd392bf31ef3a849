import { astroDetection } from './detection';
import { parse as parseJsonc } from 'jsonc-parser';
import { excessiveNesting } from '../../frontmatter/limits';
import type { SiteFileSystem } from '../../host/fileSystem';
import { basename, dirname, extname, isInside, joinPath, relativePath } from '../../text/paths';
import { compiled, folderSource, inFolderSource } from './globs';
import { routeOfFile, type AstroEntrySource, type AstroPageFile, type AstroRouting } from '../routes/astro';
import { basePathOf, readText, stringSetting } from '../configFiles';
import type { FileSet } from '../fileSet';
import type { Author, SiteConfig } from '../model';
import { authorFromEntryFile, authorsFromDataFile } from './dataAuthors';
import { callArguments, declaredObject, matchingBracket, spreadEntries, objectSetting, stringItems, stringLiteralSetting, stringLiteralValue, topLevelProperties, topLevelString, withoutComments, withStringConstants } from './jsConfig';
import { defaultImageFields, plainPublishing, rootRelativeCandidates, withoutBasePath, servedImagesWhere, type GeneratorProfile, recordingConfigInputs } from './profile';
import { slug } from 'github-slugger';
import type { AstroHeadingIds } from '../../links/headingIds/githubSlugger';
import { escapeRegExp } from '../../text/regExp';
import { starlightDocsFolder, starlightDocsPattern, starlightSetup, type StarlightSetup } from './starlight';

const contentConfigNames = ['content.config.ts', 'content.config.mts', 'content.config.js', 'content.config.mjs'];
const legacyContentConfigNames = ['content/config.ts', 'content/config.mts', 'content/config.js', 'content/config.mjs'];
const entryFile = /\.(md|mdx|mdoc|json|ya?ml|toml)$/i;
const identity = (id: string) => id;

/** A collection as `src/content.config.ts` defines it, when its loader is literal enough to read. */
export interface AstroCollection {
  readonly name: string;
  /**
   * `glob({ pattern, base })` folder and patterns, `file('…')` path (both from the project root), or the
   * legacy `src/content/<name>/`.
   */
  readonly source: { readonly kind: 'glob'; readonly dir: string; readonly patterns: readonly string[] } | { readonly kind: 'folder'; readonly dir: string } | { readonly kind: 'file'; readonly file: string } | undefined;
  /** Fields of its schema that hold `reference('<collection>')` values. */
  readonly references: readonly { readonly field: string; readonly collection: string }[];
  /** Its loader has a `generateId` of the site's own: entry ids are not Astro's. */
  readonly customIds?: boolean;
  /** The fields its schema declares with `image()` and as plain strings, when the schema is an object literal Postcraft can read. */
  readonly fields?: { readonly images: readonly string[]; readonly strings: readonly string[]; readonly keys: readonly string[]; readonly keepsUndeclared: boolean };
}

interface AstroSetup {
  readonly srcDir: string;
  readonly publicDir: string;
  readonly outDir: string;
  readonly base: string | undefined;
  readonly trailingSlash: AstroRouting['trailingSlash'];
  readonly buildFormat: AstroRouting['buildFormat'];
  readonly redirects: string[];
  /** Every object `redirects` spreads was read (see `redirectKeys`). */
  readonly redirectsComplete: boolean;
  /** `undefined` when there is no content config Postcraft can read. */
  readonly collections: AstroCollection[] | undefined;
  readonly headingIds: AstroHeadingIds;
  readonly starlight: StarlightSetup | undefined;
}

/**
 * Import aliases (tsconfig `paths`) ride along on the config: Vite resolves `@assets/a.png` in Markdown and
 * `image()`. So do the endpoints that build images (`src/pages/posts/[...slug]/index.png.ts`).
 */
interface AstroSiteConfig extends SiteConfig {
  readonly importAliases: readonly (readonly [prefix: string, target: string])[];
  readonly imageEndpoints: readonly ImageEndpoint[];
  /** What the site's Markdown pipeline makes of headings (read by links/anchors headingIdStyleOf). */
  readonly astroHeadingIds: AstroHeadingIds;
  /** The collections a schema points at as authors (`authorCollections`): where `loadAuthors` reads the registry. */
  readonly authorCollections: readonly AstroCollection[];
}

/** A route that builds an image, and the file that builds it. */
interface ImageEndpoint {
  readonly route: RegExp;
  readonly file: string;
}

export const astro: GeneratorProfile = {
  ...astroDetection,

  publishing: plainPublishing,
  images: { publicFolder: 'images', besidePost: 'always', searchedWhere: servedImagesWhere, layoutsResolveFields: false, rulesGuessed: false },
  frontmatter: { failsBuildOnBadDate: false, titled: true, repeatedYamlKey: 'stops the build' },
  links: { newLinkStyle: '/', aliasesForMovedPages: false },
  newPost: {
    defaultSection: 'blog',
    datedFileNames: false,
    template: '---\ntitle: "{{ .Title }}"\ndescription: ""\npubDate: {{ now.Format "2006-01-02" }}\ntags: []\n---\n\n',
    /** The glob loader's own rule for entry ids (github-slugger), so the file name is the id it gets. */
    slug: (title) => githubSlug(title),
  },

  loadConfig: recordingConfigInputs(async (fs, root, configFile) => {
    const setup = await readSetup(fs, root, configFile);
    const collectionDirs = (setup.collections ?? []).flatMap((collection) => collectionFolders(collection.source));
    const pagesDir = joinPath(setup.srcDir, 'pages');
    const contentDir = joinPath(setup.srcDir, 'content');
    const collections = entrySources(root, setup.collections);
    const aliases = await importAliases(fs, root, setup.srcDir);
    const pages = [...(await pageFiles(fs, root, pagesDir, aliases)), ...(setup.starlight?.routes ?? [])];
    const groups = await tagGroups(fs, collections, pages);
    const config: AstroSiteConfig = {
      generator: 'astro',
      root,
      configFile: configFile ? joinPath(root, configFile) : undefined,
      // Legacy collections live in src/content/<name>/; Content Layer `glob()` loaders may point anywhere.
      contentDirs: [...new Set([contentDir, pagesDir, ...collectionDirs])],
      publicDirs: [setup.publicDir],
      assetDirs: [],
      basePath: basePathOf(setup.base),
      tagKeys: ['tags', 'categories'],
      ...(groups ? { tagGroups: groups } : {}),
      authorKeys: authorFields(setup.collections),
      imageFields: [...defaultImageFields, 'heroImage', 'ogImage', 'coverImage', 'image.src'],
      schemaFields: collections.flatMap(({ name, matches }) => {
        const fields = setup.collections?.find((collection) => collection.name === name)?.fields;
        return fields ? [{ matches, ...fields }] : [];
      }),
      ignoredDirs: [setup.outDir],
      // Starlight's docs route leaves drafts out of production builds (utils/routing/index.ts).
      ...(setup.starlight ? { publishing: { ...plainPublishing, skipsDrafts: true } } : {}),
      excludedFiles: excludedEntries(root, pagesDir, contentDir, setup.collections),
      importAliases: aliases,
      imageEndpoints: await imageEndpoints(fs, pagesDir),
      astroHeadingIds: setup.headingIds,
      authorCollections: authorCollections(setup.collections),
      routing: {
        generator: 'astro',
        pagesDir,
        trailingSlash: setup.trailingSlash,
        buildFormat: setup.buildFormat,
        pageFiles: pages,
        collections,
        redirects: setup.redirects,
        unlistedRoutes: !setup.redirectsComplete || setup.starlight?.pluginRoutes === true,
        ...(setup.starlight ? { starlight: setup.starlight } : {}),
      },
    };
    return { config, problems: [] };
  }),

  // Only a collection the schema points at with reference() is a registry: Astro then fails the build
  // for an id it does not have. A plain `author: z.string()` is free text, and stays unchecked.
  async loadAuthors(fs, config, files: FileSet) {
    const authors = new Map<string, Author>();
    // Read with the config (a change to the content config reloads it), not again here.
    for (const collection of (config as AstroSiteConfig).authorCollections ?? []) {
      const source = collection.source;
      if (!source) continue;
      if (source.kind === 'file') {
        await authorsFromDataFile(fs, source.file, identity, authors, { listIds: ['id', 'slug'] });
        continue;
      }
      for (const file of files.all()) {
        if (!isInside(source.dir, file) || !entryFile.test(file) || basename(file).startsWith('_')) continue;
        const author = await authorFromEntryFile(fs, file, (path, record) => entryId(source.kind, relativePath(source.dir, path), record));
        authors.set(author.id, author);
      }
    }
    return authors;
  },

  authorKey: identity,

  // `/a.png` is in public/ (after `base`); an alias goes where tsconfig says; anything else is relative to
  // the entry, as image() and Markdown images resolve it.
  imageCandidates(config, postPath, imagePath) {
    if (imagePath.startsWith('/')) {
      // A built image (an Open Graph card) is found as the endpoint file that builds it.
      const endpoints = 'imageEndpoints' in config ? (config as AstroSiteConfig).imageEndpoints : [];
      const route = withoutBasePath(config, imagePath);
      return [...rootRelativeCandidates(config, imagePath), ...endpoints.filter((endpoint) => endpoint.route.test(route)).map((endpoint) => endpoint.file)];
    }
    const aliases = 'importAliases' in config ? (config as AstroSiteConfig).importAliases : [];
    const alias = aliases.find(([prefix]) => imagePath.startsWith(prefix));
    if (alias) return [joinPath(alias[1], imagePath.slice(alias[0].length))];
    return [joinPath(dirname(postPath), imagePath)];
  },
};

/**
 * The id Astro gives an entry: the `slug` field if set, else the path without extension, each segment
 * slugified (glob loader); legacy data collections keep the file name as written.
 */
export function entryId(kind: 'glob' | 'folder', path: string, record: Record<string, unknown>): string {
  const slug = stringSetting(record, 'slug');
  if (slug) return slug;
  const withoutExtension = path.slice(0, path.length - extname(path).length);
  const isData = /\.(json|ya?ml|toml)$/i.test(path);
  if (kind === 'folder' && isData) return withoutExtension;
  return withoutExtension.split('/').map(githubSlug).join('/').replace(/\/index$/, '');
}

/** github-slugger's `slug()` (the package Astro's glob loader calls): lower case, punctuation dropped (but `-` and `_`), spaces to hyphens. */
export function githubSlug(segment: string): string {
  return slug(segment);
}

async function readSetup(fs: SiteFileSystem, root: string, configFile: string | undefined): Promise<AstroSetup> {
  const source = withoutComments((configFile && (await readText(fs, joinPath(root, configFile)))) ?? '');
  // The options object itself when it can be found, so that nested keys (`vite: { base }`) are not read.
  const start = /(?:defineConfig\s*\(|export\s+default|module\.exports\s*=)\s*\{/.exec(source);
  const open = start ? start.index + start[0].length - 1 : -1;
  const options = start ? source.slice(open, matchingBracket(source, open) + 1) : undefined;
  const setting = (key: string) => (options ? topLevelString(options, key) : stringLiteralSetting(source, key));
  const srcDir = joinPath(root, setting('srcDir') ?? './src');
  const build = options ? objectSetting(options, 'build') : undefined;
  const redirects = options ? objectSetting(options, 'redirects') : undefined;
  const trailingSlash = setting('trailingSlash');
  const format = build ? topLevelString(build, 'format') : undefined;
  return {
    srcDir,
    publicDir: joinPath(root, setting('publicDir') ?? './public'),
    outDir: joinPath(root, setting('outDir') ?? './dist'),
    base: setting('base'),
    trailingSlash: trailingSlash === 'always' || trailingSlash === 'never' ? trailingSlash : 'ignore',
    buildFormat: format === 'file' || format === 'preserve' ? format : 'directory',
    ...(redirects ? await redirectKeys(fs, root, source, redirects) : { redirects: [], redirectsComplete: true }),
    collections: await readCollections(fs, root, srcDir),
    headingIds: headingIdsOf(source, await astroMajorVersion(fs, root)),
    starlight: starlightSetup(source, root),
  };
}

/**
 * The URLs Astro's `redirects` option names: its keys, and those of each object it spreads that the config
 * declares or imports from a module of the site (`...redirects` of `import redirects from './redirects.js'`,
 * biomejs.dev's generated rule redirects). A spread of anything else leaves the list incomplete.
 */
async function redirectKeys(fs: SiteFileSystem, root: string, source: string, redirects: string): Promise<{ redirects: string[]; redirectsComplete: boolean }> {
  const keys = [...topLevelProperties(redirects).keys()];
  let complete = true;
  for (const spread of spreadEntries(redirects)) {
    const object = /^[\w$]+$/.test(spread) ? (declaredObject(source, spread) ?? (await importedObject(fs, root, source, spread))) : undefined;
    if (object === undefined) complete = false;
    else keys.push(...topLevelProperties(object).keys());
  }
  return { redirects: keys, redirectsComplete: complete };
}

/** The object literal a module of the site exports by default, imported by the config as `name` (a JSON file: its text). */
async function importedObject(fs: SiteFileSystem, root: string, source: string, name: string): Promise<string | undefined> {
  const from = new RegExp(`import\\s+${escapeRegExp(name)}\\s+from\\s+['"](\\.{1,2}/[^'"]+)['"]`).exec(source)?.[1];
  if (from === undefined) return undefined;
  const path = joinPath(root, from);
  if (!isInside(root, path)) return undefined;
  for (const candidate of extname(from) ? [path] : ['.js', '.mjs', '.ts', '.mts', '.json'].map((extension) => path + extension)) {
    const text = await readText(fs, candidate);
    if (text === undefined) continue;
    if (candidate.endsWith('.json')) return text.trim();
    const module = withoutComments(text);
    const start = /export\s+default\s*\{/.exec(module);
    if (!start) return undefined;
    const open = start.index + start[0].length - 1;
    const close = matchingBracket(module, open);
    return close === -1 ? undefined : module.slice(open, close + 1);
  }
  return undefined;
}

/**
 * How the site's headings get IDs. rehypeHeadingIds (@astrojs/markdown-remark, and the Satteri processor of
 * Astro 7) slugs each heading with github-slugger after smartypants; Astro 6 and before then cut one
 * trailing `-`, unless `experimental.headingIdCompat` is on; Astro 7 never does. A rehype-slug plugin sets
 * the IDs before rehypeHeadingIds runs, keeping the `-`. Smart dashes are off with `smartypants: false`
 * (`smartPunctuation: false` for Satteri); `dashes: false` turns them off where @astrojs/mdx does not read
 * it, so both are then possible.
 */
export function headingIdsOf(configSource: string, major: number | undefined): AstroHeadingIds {
  const keepsDash = /(?<![\w$])(?:rehypeSlug|rehype-slug)\b/.test(configSource) || /headingIdCompat\s*:\s*true/.test(configSource) || (major !== undefined && major >= 7);
  const smartDashes = /(?:smartypants|smartPunctuation)\s*:\s*false/.test(configSource) ? false : /dashes\s*:\s*false/.test(configSource) ? 'either' : true;
  // remark-emoji (yy933's AstroPaper blog): Astro's rehypeHeadingIds slugs the heading after the site's remark plugins ran.
  const emoji = /\bremark-?emoji\b|\bremarkEmoji\b/i.test(configSource);
  return { generator: 'astro', trailingDash: keepsDash ? 'kept' : major === undefined ? 'either' : 'cut', smartDashes, ...(emoji ? { emoji: true as const } : {}) };
}

/**
 * JSON with comments and trailing commas (package.json, tsconfig.json), or `undefined` when it nests deeper
 * than any real one: jsonc-parser recurses once per level, and thousands of `[` overflow the stack.
 */
function readJsonc(text: string): unknown {
  return excessiveNesting(text, 'json') === -1 ? parseJsonc(text, [], { allowTrailingComma: true }) : undefined;
}

/** The major version of `astro` the site's package.json asks for (`^5.2.0` → 5), when it names one. */
async function astroMajorVersion(fs: SiteFileSystem, root: string): Promise<number | undefined> {
  const text = await readText(fs, joinPath(root, 'package.json'));
  if (text === undefined) return undefined;
  const json = readJsonc(text) as { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> } | undefined;
  const range = json?.dependencies?.astro ?? json?.devDependencies?.astro;
  const major = typeof range === 'string' ? /^[\^~>=v\s]*(\d+)/.exec(range)?.[1] : undefined;
  return major === undefined ? undefined : Number(major);
}

async function readCollections(fs: SiteFileSystem, root: string, srcDir: string): Promise<AstroCollection[] | undefined> {
  for (const name of [...contentConfigNames, ...legacyContentConfigNames]) {
    const text = await readText(fs, joinPath(srcDir, name));
    if (text !== undefined) return parseCollections(withStringConstants(withoutComments(text)), root, srcDir);
  }
  return undefined;
}

/** Reads `defineCollection({ loader, schema })` calls and the names `export const collections = {…}` gives them. */
export function parseCollections(source: string, root: string, srcDir: string): AstroCollection[] {
  const names = new Map<string, string>(); // variable → collection name
  const exported = /collections\s*=\s*\{/.exec(source);
  if (exported) {
    const open = exported.index + exported[0].length - 1;
    for (const [name, value] of topLevelProperties(source.slice(open, matchingBracket(source, open) + 1))) if (/^[\w$]+$/.test(value)) names.set(value, name);
  }
  const collections: AstroCollection[] = [];
  let inside = -1; // a defineCollection( inside another's arguments is not a collection; each text is read once
  for (const match of source.matchAll(/defineCollection\s*\(/g)) {
    if (match.index < inside) continue;
    const before = source.slice(Math.max(0, match.index - 200), match.index);
    const variable = /(?:const|let|var)\s+([\w$]+)\s*=\s*$/.exec(before)?.[1] ?? /(['"]?)([\w$-]+)\1\s*:\s*$/.exec(before)?.[2];
    const factory = variable === undefined ? collectionFactory.exec(before) : null;
    if (!variable && !factory) continue;
    const open = match.index + match[0].length - 1;
    const close = matchingBracket(source, open);
    inside = close === -1 ? source.length : close;
    const args = source.slice(open + 1, close);
    const collect = (variable: string, args: string) => {
      const name = names.get(variable) ?? variable;
      const fields = args.trim().startsWith('{') ? schemaFields(topLevelProperties(args.trim()).get('schema'), source) : undefined;
      collections.push({ name, source: loaderSource(args, name, root, srcDir), references: references(args), ...(/(?<![\w$])generateId\b/.test(args) ? { customIds: true } : {}), ...(fields ? { fields } : {}) });
    };
    if (variable) collect(variable, args);
    else for (const made of factoryCalls(source, factory![1] ?? factory![3]!, factory![2] ?? factory![4]!, args)) collect(made.variable, made.args);
  }
  return collections;
}

// A function of the config that makes a collection from its first parameter: `const make = (name: string, extra = {}) =>
// defineCollection(…)`, `function make(name) { return defineCollection(…) }`.
const collectionFactory = /(?:(?:const|let|var)\s+([\w$]+)\s*=\s*\(\s*([\w$]+)\s*(?::\s*[\w$.]+)?\s*(?:,[^()]*)?\)\s*(?::\s*[\w$<>.]+\s*)?=>\s*(?:\(\s*)?|function\s+([\w$]+)\s*\(\s*([\w$]+)\s*(?::\s*[\w$.]+)?\s*(?:,[^()]*)?\)\s*(?::\s*[\w$<>.]+\s*)?\{\s*return\s+)$/;

/**
 * A collection factory's calls with a literal (`const posts = contentCollection("posts")`, or `posts: contentCollection("posts")`
 * in the exported object: candost.blog-astro's), each with the factory's arguments as that call makes them (`${name}` written out).
 */
function factoryCalls(source: string, factory: string, parameter: string, args: string): { variable: string; args: string }[] {
  const target = String.raw`(?:(?:const|let|var)\s+([\w$]+)\s*=\s*|(['"]?)([\w$-]+)\2\s*:\s*)`;
  const call = String.raw`${escapeRegExp(factory)}\s*\(\s*(['"${'`'}])([\w./@-]+)\4\s*[,)]`;
  const placeholder = new RegExp(String.raw`\$\{\s*${escapeRegExp(parameter)}\s*\}`, 'g');
  return [...source.matchAll(new RegExp(target + call, 'g'))].map((match) => ({ variable: match[1] ?? match[3]!, args: args.replace(placeholder, match[5]!) }));
}

function loaderSource(args: string, name: string, root: string, srcDir: string): AstroCollection['source'] {
  if (callArguments(args, 'docsLoader').length > 0) return { kind: 'glob', dir: starlightDocsFolder(srcDir), patterns: [starlightDocsPattern] };
  const glob = callArguments(args, 'glob')[0];
  if (glob !== undefined) {
    const options = topLevelProperties(glob.trim());
    const base = topLevelString(glob.trim(), 'base');
    const pattern = options.get('pattern') ?? '';
    const patterns = pattern.startsWith('[') ? stringItems(pattern.slice(1, pattern.lastIndexOf(']'))) : [stringLiteralValue(pattern)].filter((item): item is string => item !== undefined);
    // The glob loader's base defaults to the project root; a pattern it cannot read takes every file.
    return base === undefined && patterns.length === 0 ? undefined : { kind: 'glob', dir: joinPath(root, base ?? '.'), patterns: patterns.length > 0 ? patterns : ['**/*'] };
  }
  const file = callArguments(args, 'file')[0];
  if (file !== undefined) {
    const path = stringItems(file)[0];
    return path === undefined ? undefined : { kind: 'file', file: joinPath(root, path) };
  }
  // No loader: a legacy collection, one folder per collection in src/content/.
  return /(?<![\w$])loader\s*:/.test(args) ? undefined : { kind: 'folder', dir: joinPath(srcDir, 'content', name) };
}

/**
 * Markdown Astro never builds. Pages: a file or folder whose name starts with `_` is not a route
 * ("Excluding pages", docs.astro.build/en/guides/routing/). Legacy collections in src/content/: the
 * same for entries (content/utils `hasUnderscoreBelowContentDirectoryPath`). A glob() collection takes
 * exactly what its pattern matches below its base (tinyglobby), `_` files included when it matches them.
 */
function excludedEntries(root: string, pagesDir: string, contentDir: string, collections: AstroCollection[] | undefined): RegExp[] {
  const below = (dir: string) => relativePath(root, dir);
  const underscored = ['**/_*', '**/_*/**'];
  const globs = (collections ?? []).flatMap((collection) => (collection.source?.kind === 'glob' && isInside(root, collection.source.dir) ? [collection.source] : []));
  // A file any glob() collection takes is content, whatever other rule its folder has.
  const inAnyGlob = globs.length === 0 ? '(?!)' : `(?:${globs.map((source) => inFolderSource(below(source.dir), source.patterns)).join('|')})`;
  const unlessGlobbed = (folder: string, rest: string) => compiled(`^(?!${inAnyGlob}$)${folderSource(folder)}${rest}`);
  const underscore = '(?:[^/]*/)*_';
  const patterns = [unlessGlobbed(below(pagesDir), underscore), unlessGlobbed(below(contentDir), underscore)];
  // Below a glob() base, only what a pattern matches; a base holding the pages or src/content is left
  // to their rules (a pattern written from the project root).
  const bases = new Set(globs.flatMap(collectionFolders).filter((dir) => dir !== root && !isInside(dir, pagesDir) && !isInside(dir, contentDir)));
  for (const base of bases) patterns.push(unlessGlobbed(below(base), ''));
  return patterns;
}

/** The folders a collection's entries are in: a glob's base and the fixed start of its patterns (`src/notes` of `src/notes/**\/*.md`). */
function collectionFolders(source: AstroCollection['source']): string[] {
  if (!source || source.kind === 'file') return [];
  if (source.kind === 'folder') return [source.dir];
  const fixedStart = (pattern: string) => {
    const parts = pattern.replace(/^\.\//, '').split('/');
    const firstGlob = parts.findIndex((part) => /[*?{}[\]()!]/.test(part));
    return parts.slice(0, firstGlob === -1 ? parts.length - 1 : Math.min(firstGlob, parts.length - 1)).join('/');
  };
  return [...new Set(source.patterns.map((pattern) => joinPath(source.dir, fixedStart(pattern))))];
}

function references(args: string): { field: string; collection: string }[] {
  const found: { field: string; collection: string }[] = [];
  for (const match of args.matchAll(/(?<![\w$])(['"]?)([\w$]+)\1\s*:\s*(?:z\s*\.\s*array\s*\(\s*)?reference\s*\(\s*(['"`][^'"`]+['"`])\s*\)/g)) {
    const collection = stringLiteralValue(match[3]!);
    if (collection) found.push({ field: match[2]!, collection });
  }
  return found;
}

/**
 * The fields a collection's `schema` declares as images and as strings, when it is `z.object({…})`,
 * written there, behind `({ image }) =>`, or in a variable of the file. Only `image()` makes Astro resolve
 * a value from the entry (astro/dist/content/utils.js); a `z.string()` is whatever the site's code makes of
 * it. A schema built another way (imported, extended, transformed) is not read.
 */
export function schemaFields(schema: string | undefined, source: string): AstroCollection['fields'] {
  let text = schema?.trim();
  if (text !== undefined && /^[\w$]+$/.test(text)) {
    const declared = new RegExp(`(?<![\\w$.])(?:const|let|var)\\s+${text.replace(/\$/g, '\\$')}\\s*(?::[^=]+)?=\\s*`).exec(source);
    text = declared ? source.slice(declared.index + declared[0].length) : undefined;
  }
  // `({ image }) => z.object(…)`, `(context: SchemaContext) => { return z.object(…) }`
  text = text?.replace(/^(?:async\s+)?(?:\([^()]*\)|[\w$]+)\s*(?::\s*[\w$.<>]+\s*)?=>\s*(?:\{\s*return\s+)?/, '');
  const object = text === undefined ? undefined : zodCall(text);
  if (!object || object.callee !== 'z.object' || !object.methods.every((method) => objectKeepsFields.has(method))) return undefined;
  const fields = { images: [] as string[], strings: [] as string[] };
  declaredFields(object.args, '', fields, 0);
  // zod strips the keys an object does not declare unless told to pass them through: no page reads them.
  return { ...fields, keys: [...topLevelProperties(object.args.trim()).keys()], keepsUndeclared: object.methods.includes('passthrough') };
}

/** Methods of `z.object()` that keep its fields as written. */
const objectKeepsFields = new Set(['strict', 'passthrough', 'strip', 'partial', 'describe', 'refine', 'superRefine']);
/** Methods that make a field's value something else: its kind is then unknown. */
const changesValue = new Set(['transform', 'pipe', 'or', 'and', 'preprocess']);

function declaredFields(objectText: string, prefix: string, fields: { images: string[]; strings: string[] }, depth: number): void {
  if (!objectText.trim().startsWith('{') || depth > 4) return;
  for (const [key, value] of topLevelProperties(objectText)) {
    const call = zodCall(value);
    if (!call || call.end !== value.length || call.methods.some((method) => changesValue.has(method))) continue;
    if (call.callee === 'z.object') declaredFields(call.args, `${prefix}${key}.`, fields, depth + 1);
    const kind = fieldKind(call, 0);
    if (kind === 'image') fields.images.push(`${prefix}${key}`);
    if (kind === 'string') fields.strings.push(`${prefix}${key}`);
  }
}

/** `image()`, `z.string()`, and either in `z.array()`, `z.optional()` or `z.nullable()`, with checks and defaults chained. */
function fieldKind(call: ZodCall, depth: number): 'image' | 'string' | undefined {
  if (call.methods.some((method) => changesValue.has(method)) || depth > 4) return undefined;
  if (call.callee === 'image' && call.args.trim() === '') return 'image';
  if (call.callee === 'z.string') return 'string';
  const inner = ['z.array', 'z.optional', 'z.nullable'].includes(call.callee) ? zodCall(call.args) : undefined;
  return inner && inner.end === call.args.length ? fieldKind(inner, depth + 1) : undefined;
}

interface ZodCall {
  /** `z.string`, `image`, `z.array`… */
  readonly callee: string;
  readonly args: string;
  /** Methods chained on the call, in order (`optional`, `url`, `default`…). */
  readonly methods: readonly string[];
  /** Where the expression ends, trailing blanks included. */
  readonly end: number;
}

/** The call that `text` starts with and the methods chained on it: `z.array(image()).optional()`. */
function zodCall(text: string): ZodCall | undefined {
  const head = /^\s*((?:z\s*\.\s*)?[\w$]+)\s*\(/.exec(text);
  if (!head) return undefined;
  let close = matchingBracket(text, head[0].length - 1);
  if (close === -1) return undefined;
  const args = text.slice(head[0].length, close);
  const methods: string[] = [];
  const chained = /\s*\.\s*([\w$]+)\s*\(/y;
  for (;;) {
    chained.lastIndex = close + 1;
    const next = chained.exec(text);
    if (!next) break;
    const end = matchingBracket(text, chained.lastIndex - 1);
    if (end === -1) return undefined;
    methods.push(next[1]!);
    close = end;
  }
  const trailing = /\s*/y;
  trailing.lastIndex = close + 1;
  trailing.exec(text);
  return { callee: head[1]!.replace(/\s+/g, ''), args, methods, end: trailing.lastIndex };
}

const authorLike = /^(authors?|writers?|team|people|contributors?)$/i;

/** Collections that hold authors: referenced from an author-like field, or named like authors and referenced. */
function authorCollections(collections: AstroCollection[] | undefined): AstroCollection[] {
  const all = collections ?? [];
  const referenced = new Set(all.flatMap((collection) => collection.references).filter((ref) => authorLike.test(ref.field) || authorLike.test(ref.collection)).map((ref) => ref.collection));
  return all.filter((collection) => referenced.has(collection.name));
}

function authorFields(collections: AstroCollection[] | undefined): string[] {
  const registries = new Set(authorCollections(collections).map((collection) => collection.name));
  const fields = (collections ?? []).flatMap((collection) => collection.references).filter((ref) => registries.has(ref.collection)).map((ref) => ref.field);
  return fields.length > 0 ? [...new Set(fields)] : ['author', 'authors'];
}

/**
 * Endpoints in src/pages whose route is an image: `og.png.ts` serves `/og.png`, `[...slug]/index.png.ts`
 * any `/…/index.png` ("Static file endpoints", docs.astro.build/en/guides/endpoints/). `[param]` is one
 * path segment, `[...rest]` any number of them.
 */
async function imageEndpoints(fs: SiteFileSystem, pagesDir: string): Promise<ImageEndpoint[]> {
  const endpoints: ImageEndpoint[] = [];
  const visit = async (dir: string, route: string, depth: number): Promise<void> => {
    if (depth > 12) return;
    for (const entry of await fs.readDirectory(dir)) {
      const path = joinPath(dir, entry.name);
      if (entry.type === 'directory' && !entry.name.startsWith('_')) await visit(path, `${route}/${entry.name}`, depth + 1);
      const endpoint = /^(.+\.(?:png|jpe?g|gif|webp|avif|svg|ico))\.(?:[cm]?[jt]s)$/i.exec(entry.name);
      if (entry.type === 'file' && endpoint && !entry.name.startsWith('_')) endpoints.push({ route: routePattern(`${route}/${endpoint[1]}`), file: path });
    }
  };
  await visit(pagesDir, '', 0);
  return endpoints;
}

function routePattern(route: string): RegExp {
  const source = route
    .split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/)
    .map((part) => (part.startsWith('[...') ? '.*' : part.startsWith('[') ? '[^/]+' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${source.replace(/\/\.\*\//g, '(?:/.*)?/')}$`);
}

/** tsconfig `compilerOptions.paths` as prefix → folder; `~/` and `@/` fall back to src/ as most templates set them. */
async function importAliases(fs: SiteFileSystem, root: string, srcDir: string): Promise<[string, string][]> {
  const aliases: [string, string][] = [];
  const text = await readText(fs, joinPath(root, 'tsconfig.json'));
  if (text !== undefined) {
    // tsconfig.json is JSON with comments and trailing commas; a broken one leaves the conventional aliases.
    const json = readJsonc(text) as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
    const options = json && typeof json === 'object' ? json.compilerOptions : undefined;
    const baseUrl = typeof options?.baseUrl === 'string' ? options.baseUrl : '.';
    for (const [pattern, targets] of Object.entries(options?.paths && typeof options.paths === 'object' ? options.paths : {})) {
      const target = Array.isArray(targets) && typeof targets[0] === 'string' ? targets[0] : undefined;
      if (target === undefined || !pattern.endsWith('/*') || !target.endsWith('*')) continue;
      aliases.push([pattern.slice(0, -1), joinPath(root, baseUrl, target.slice(0, -1))]);
    }
  }
  for (const prefix of ['~/', '@/']) if (!aliases.some(([known]) => known === prefix)) aliases.push([prefix, srcDir]);
  return aliases.sort((a, b) => b[0].length - a[0].length);
}

/**
 * Every route file of src/pages, and for a dynamic page the collection its `getStaticPaths` lists when it
 * is read simply enough (see `entriesMapped`).
 */
async function pageFiles(fs: SiteFileSystem, root: string, pagesDir: string, aliases: readonly (readonly [string, string])[]): Promise<AstroPageFile[]> {
  const files: AstroPageFile[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    if (depth > 12) return;
    for (const entry of await fs.readDirectory(dir)) {
      const path = joinPath(dir, entry.name);
      if (entry.name.startsWith('_')) continue;
      if (entry.type === 'directory') await visit(path, depth + 1);
      if (entry.type !== 'file') continue;
      const route = routeOfFile(relativePath(pagesDir, path));
      if (route === undefined) continue;
      const kind = /\.[cm]?[jt]s$/i.test(entry.name) ? 'endpoint' : 'page';
      const text = kind === 'page' && route.includes('[') && entry.name.endsWith('.astro') ? ((await readText(fs, path)) ?? '') : undefined;
      const entries = text === undefined ? undefined : entriesMapped(route, text, await importedHelpers(fs, root, path, text, aliases));
      const paginates = text !== undefined && paginatesOnly(route, text);
      files.push({ file: path, route, kind, ...(entries ? { entries } : {}), ...(paginates ? { paginates: true as const } : {}) });
    }
  };
  await visit(pagesDir, 0);
  return files;
}

/**
 * Whether a dynamic page's one parameter, its last segment, is only paginate()'s page number: `getStaticPaths`
 * returns `paginate(…)` and sets no `params` of its own (Fuwari's `src/pages/[...page].astro`). Astro builds the
 * first page at the route without the number (`[...page]`) and the others at `/2`, `/3`…
 */
export function paginatesOnly(route: string, text: string): boolean {
  if (!/\/\[(?:\.\.\.)?[^\]/]+\]$/.test(route) || (route.match(/\[/g) ?? []).length !== 1) return false;
  const script = frontmatterScript(text);
  return /(?<![\w$])return\s+paginate\s*\(/.test(script) && !/(?<![\w$])params\s*:/.test(script);
}

/**
 * The collection a dynamic page lists, when its `getStaticPaths` is the common pattern: one collection
 * (`getCollection('blog')`, a filter allowed), and every `params` gives the route's one parameter an
 * entry's `id` or `slug` (`params: { slug: post.id }`, `({ id }) => ({ params: { slug: id } })`). A page
 * that paginates, or computes the parameter (`getPath(post.id)`, `post.id.replace(…)`), lists unknown URLs.
 */
export function entriesMapped(route: string, text: string, helpers = ''): AstroPageFile['entries'] {
  const params = [...route.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((match) => match[1]!);
  if (params.length !== 1) return undefined;
  const script = frontmatterScript(text);
  if (/(?<![\w$])paginate\s*\(/.test(script)) return undefined;
  const collectionsIn = (source: string) => new Set(callArguments(source, 'getCollection').map((args) => stringLiteralValue(args.split(',')[0] ?? '')));
  // The page's own getCollection, else that of the site's modules it imports (Astro Cactus's `getAllPosts()`):
  // getStaticPaths' alone where it is written as a block, for the page's rendering may read another collection
  // (doingandlearning's posts/[...slug].astro maps "posts" and shows each post's "webmentions"; cappato's
  // blog/pillar/[pillarId].astro maps a list of its own and shows the "blog" posts of each).
  const mapping = staticPathsBody(script);
  const own = collectionsIn(mapping ?? script);
  let names = own.size > 0 ? own : collectionsIn(helpers);
  // A helper that takes the collection's name (bigandy's getAllPosts("blog") → getCollection(collection)): the name
  // the page passes it.
  if (own.size === 0 && names.size === 1 && names.has(undefined)) names = literalsPassedToImports(script);
  if (names.size !== 1) return undefined;
  const collection = [...names][0];
  const mappings = [...script.matchAll(/(?<![\w$])params\s*:\s*\{([^{}]*)\}/g)].map((match) => topLevelProperties(`{${match[1]!}}`));
  if (collection === undefined || mappings.length === 0) return undefined;
  const fields = new Set(mappings.map((mapping) => (mapping.size === 1 ? entryField(script, mapping.get(params[0]!) ?? '') : undefined)));
  const field = fields.size === 1 ? [...fields][0] : undefined;
  return field === 'id' || field === 'slug' ? { collection, field } : undefined;
}

/**
 * The body of the script's `getStaticPaths` (`function getStaticPaths(…) {…}`, `const getStaticPaths = async (…) => {…}`),
 * where it is written as a block; else `undefined`.
 */
function staticPathsBody(script: string): string | undefined {
  const declared = /(?<![\w$])(?:function\s*\*?\s*getStaticPaths\s*(?=\()|getStaticPaths\s*(?::[^=;]*)?=\s*\(?\s*(?:async\s+)?(?:function\b[^(]*(?=\()|(?=\()|[\w$]+\s*=>))/.exec(script);
  if (!declared) return undefined;
  let at = declared.index + declared[0].length;
  if (script[at] === '(') {
    const parametersEnd = matchingBracket(script, at);
    if (parametersEnd === -1) return undefined;
    at = parametersEnd + 1;
  }
  const open = /^\s*(?::[^{=]*)?(?:=>)?\s*\{/.exec(script.slice(at));
  if (!open) return undefined;
  const start = at + open[0].length - 1;
  const close = matchingBracket(script, start);
  return close === -1 ? undefined : script.slice(start + 1, close);
}

/**
 * `id` or `slug` where a param's value is an entry's: `post.id` of a callback's or loop's own `post`
 * (`posts.map((post) => …)`, `for (const post of posts)`), or `id` destructured from one (`({ id }) => …`). Not the
 * field of another object (pvillega's `params: { series: meta.id }` over `{ meta: { id } }` made of a series name).
 */
function entryField(script: string, value: string): 'id' | 'slug' | undefined {
  const match = /^(?:([\w$]+)\??\.)?(id|slug)$/.exec(value);
  if (!match) return undefined;
  const [, owner, field] = match as unknown as [string, string | undefined, 'id' | 'slug'];
  const bound = owner === undefined
    ? new RegExp(`\\(\\s*\\{[^{}]*(?<![\\w$.])${field}(?![\\w$:])[^{}]*\\}`).test(script)
    : new RegExp(`(?:\\(\\s*${escapeRegExp(owner)}\\s*(?:,[^()]*)?\\)\\s*=>|(?<![\\w$.])${escapeRegExp(owner)}\\s*=>|\\bfunction\\s*[\\w$]*\\s*\\(\\s*${escapeRegExp(owner)}\\s*[,)]|\\bfor\\s*\\(\\s*(?:const|let|var)\\s+${escapeRegExp(owner)}\\s+of\\b)`).test(script);
  return bound ? field : undefined;
}

/**
 * The string literals a script passes first to the functions it imports from modules of its own (`getAllPosts("blog")`).
 * A function never given a literal takes no collection's name (candost.blog-astro's `sortPostsByDate(posts)` beside
 * `getCollectionByName("posts")`); one given a literal and something else may read any collection (`undefined`).
 */
function literalsPassedToImports(script: string): Set<string | undefined> {
  const literals = new Set<string | undefined>();
  for (const match of script.matchAll(/\bimport\s+([^'"]*?)\bfrom\s+(['"])(?!astro:)[^'"]+\2/g)) {
    for (const name of match[1]!.matchAll(/[A-Za-z_$][\w$]*/g)) {
      if (name[0] === 'type' || name[0] === 'as') continue;
      const passed = callArguments(script, name[0]).map((args) => stringLiteralValue(args.split(',')[0] ?? ''));
      if (passed.some((value) => value !== undefined)) for (const value of passed) literals.add(value);
    }
  }
  return literals;
}

/** The script between a `.astro` file's `---` fences, comments blanked. */
function frontmatterScript(text: string): string {
  return withoutComments(/^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '');
}

const maxHelperBytes = 256 * 1024;

/**
 * The site's own modules a page's script imports (relative or through an alias: `@/data/post`), comments blanked,
 * one after another: where a template's `getStaticPaths` gets its entries from a helper (Astro Cactus's
 * `getAllPosts()` calls `getCollection('post', …)` in src/data/post.ts). Only when the page calls no getCollection itself.
 */
async function importedHelpers(fs: SiteFileSystem, root: string, page: string, text: string, aliases: readonly (readonly [string, string])[]): Promise<string> {
  const script = frontmatterScript(text);
  if (/(?<![\w$])getCollection\s*\(/.test(script)) return '';
  const sources: string[] = [];
  for (const match of script.matchAll(/\bimport\s+([^'"]*?)\bfrom\s+(['"])([^'"]+)\2/g)) {
    // Only a script module whose import the page calls (`getAllPosts()`): a component (a layout listing recent posts)
    // or an unused import says nothing of what the route maps.
    const called = [...match[1]!.matchAll(/[A-Za-z_$][\w$]*/g)].some((name) => new RegExp(`(?<![\\w$.])${escapeRegExp(name[0])}\\s*\\(`).test(script.slice(match.index + match[0].length)));
    const specifier = match[3]!;
    const alias = aliases.find(([prefix]) => specifier.startsWith(prefix));
    const base = alias ? joinPath(alias[1], specifier.slice(alias[0].length)) : specifier.startsWith('.') ? joinPath(dirname(page), specifier) : undefined;
    if (!called || base === undefined || !isInside(root, base) || (extname(base) !== '' && !/\.[cm]?[jt]s$/.test(base))) continue;
    for (const candidate of extname(base) ? [base] : ['.ts', '.js', '.mjs', '.mts', '/index.ts', '/index.js'].map((extension) => base + extension)) {
      const module = await readText(fs, candidate);
      if (module === undefined) continue;
      if (module.length <= maxHelperBytes) sources.push(withoutComments(module));
      break;
    }
  }
  return sources.join('\n');
}

/**
 * Each Markdown collection's entries as a tag group (`SiteConfig.tagGroups`): Astro makes no tag pages,
 * the site's pages do, each from the collections it reads, so `Rust` on a project is no variant of the
 * blog's `rust` where only the blog has tag pages. Collections that one tag page (a route with a part
 * that starts `tag` or `categor`: `/blog/tagged/[tag]`, not `/stage`) reads with `getCollection` are one
 * group. Undefined without two groups.
 */
async function tagGroups(fs: SiteFileSystem, sources: readonly AstroEntrySource[], pages: readonly AstroPageFile[]): Promise<SiteConfig['tagGroups']> {
  if (sources.length < 2) return undefined;
  const parent = new Map<string, string>();
  const root = (name: string): string => {
    const up = parent.get(name);
    return up === undefined || up === name ? name : root(up);
  };
  for (const page of pages) {
    if (page.kind !== 'page' || !/(?<![a-z])(?:tag|categor)/i.test(page.route) || !page.file.endsWith('.astro')) continue;
    const script = frontmatterScript((await readText(fs, page.file)) ?? '');
    const [first, ...rest] = new Set(callArguments(script, 'getCollection').flatMap((args) => stringLiteralValue(args.split(',')[0] ?? '') ?? []));
    for (const name of rest) if (root(name) !== root(first!)) parent.set(root(name), root(first!));
  }
  const groups = sources.map(({ name, matches }) => ({ name: root(name), matches }));
  return new Set(groups.map((group) => group.name)).size > 1 ? groups : undefined;
}

/** The collections whose entries are Markdown files: where they are, and which files their patterns take. */
function entrySources(root: string, collections: AstroCollection[] | undefined): AstroEntrySource[] {
  const sources: AstroEntrySource[] = [];
  for (const collection of collections ?? []) {
    const source = collection.source;
    if (!source || source.kind === 'file') continue;
    const below = source.dir === root ? '' : relativePath(root, source.dir);
    const matches =
      source.kind === 'glob'
        ? compiled(`^${inFolderSource(below, source.patterns)}$`)
        : compiled(`^${folderSource(below)}(?:[^/_][^/]*/)*[^/_][^/]*\\.(?:md|mdx|mdoc|markdown)$`);
    sources.push({ name: collection.name, kind: source.kind, dir: source.dir, matches, customIds: collection.customIds === true });
  }
  return sources;
}
