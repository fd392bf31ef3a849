// The extension's bundle and its lazily loaded chunks (src/vscode/lazyChunks.ts says how they load). esbuild
// splits code only for ES modules, which neither extension host runs, so the split is done here in three builds:
// 1. the bundle, with each module of a chunk replaced by a stand-in whose exports load the chunk on first read;
// 2. each chunk, a function of the bundle's modules it shares: an import of one of Postcraft's modules (or of
//    markdown-it) that the bundle holds reads the bundle's copy (one instance of each class, one state); anything
//    else, a smaller library included, is bundled into the chunk;
// 3. the bundle again, now handing the chunks the modules they share.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';

/** Each chunk's modules: a package by name, or a source file; what they alone import comes along. */
export const lazyChunks = {
  // Readers of formats the first indexing may not meet: YAML (config files, and frontmatter the simple reader of
  // src/core/frontmatter/parse.ts declines), JSON with comments (Hugo's JSON frontmatter, Astro's tsconfig), image
  // headers, and where a TOML syntax error is (asked only when there is one).
  formats: ['yaml', 'src/core/frontmatter/yaml.ts', 'src/core/frontmatter/libyamlLeniency.ts', 'jsonc-parser', 'image-size', 'src/core/frontmatter/tomlErrors.ts', 'src/core/frontmatter/json.ts'],
  // The generators besides Hugo: their config, author, route and heading ID rules, loaded for a site of theirs.
  generators: [
    ...['jekyll', 'docusaurus', 'astro', 'eleventy'].flatMap((id) => [`src/core/site/generators/${id}.ts`, `src/core/site/routes/${id}.ts`]),
    ...['githubSlugger', 'kramdown', 'markdownItAnchor'].map((style) => `src/core/links/headingIds/${style}.ts`),
  ],
  // zod and the schemas built with it: of each generator's frontmatter (first asked by a post's check) and of postcraft.config.json.
  schemas: ['src/core/schema/frontmatterSchema.ts', 'src/core/settings/siteSettingsSchema.ts'],
  // A post's SEO facts (lengths, words, reading time, outline): asked by its first check, hover and preview, never at activation.
  seo: ['src/core/site/seoFacts.ts'],
  // The HTML entity tables markdown-it decodes `&amp;`-style references with (18 KB): read only where a post has one.
  entities: ['entities'],
  // The live preview's manager and panel, made when the first preview opens (or is restored after a reload).
  preview: ['src/vscode/preview/previewManager.ts', 'src/vscode/preview/previewPanel.ts'],
  // What the editor asks for after the first indexing: completions, hover, links, renames, fixes, new posts.
  editing: ['completions', 'documentLinks', 'hover', 'linkNavigation', 'linkUpdates', 'backlinks', 'tagClusters', 'newPost', 'renameTag', 'frontmatterEdits', 'imagePlacement', 'fixAll'].map((name) => `src/core/features/${name}.ts`),
};

export const lazyChunkNames = Object.keys(lazyChunks);

/**
 * Builds `entry` into `${outdir}/${name}.js` and each chunk into `${outdir}/${chunk}.js`, with `options`
 * (esbuild's, CommonJS). The chunk's file sets `module.exports` to its factory.
 */
export async function buildWithLazyChunks(options, { name, entry, outdir, projectRoot }) {
  const runtime = resolve(projectRoot, 'src/vscode/lazyChunks.ts');
  const items = await lazyItems(options, projectRoot);
  const keyOf = (path) => relative(projectRoot, path).split('\\').join('/');

  const buildMain = async (shared, write) => {
    const imports = [...shared].map((key, index) => `import * as m${index} from ${JSON.stringify(items.byKey.get(key)?.specifier ?? resolve(projectRoot, key))};`);
    const contents = [
      `import { registerSharedModules } from ${JSON.stringify(runtime)};`,
      ...imports,
      `registerSharedModules({ ${[...shared].map((key, index) => `${JSON.stringify(key)}: m${index}`).join(', ')} });`,
      `export * from ${JSON.stringify(resolve(projectRoot, entry))};`,
    ].join('\n');
    return esbuild.build({
      ...options,
      metafile: true,
      write,
      entryPoints: { [name]: 'postcraft-entry' },
      outdir,
      plugins: [virtualModule('postcraft-entry', contents, projectRoot), standIns(items, undefined, runtime)],
    });
  };

  // 1. The modules the bundle holds, which chunks share.
  const first = await buildMain([], false);
  const inBundle = new Set(Object.keys(first.metafile.inputs).filter((path) => !path.includes(':')).map((path) => resolve(projectRoot, path)));

  // 2. The chunks.
  const shared = new Set();
  await Promise.all(
    Object.entries(lazyChunks).map(([chunk, modules]) => {
      const contents = [
        ...modules.map((module, index) => `import * as m${index} from ${JSON.stringify(items.byKey.get(module).specifier)};`),
        `export const modules = { ${modules.map((module, index) => `${JSON.stringify(module)}: m${index}`).join(', ')} };`,
      ].join('\n');
      return esbuild.build({
        ...options,
        entryPoints: { [chunk]: `postcraft-chunk-${chunk}` },
        outdir,
        banner: { js: 'module.exports = function (postcraftSharedModule) { var module = { exports: {} }, exports = module.exports;' },
        footer: { js: 'return module.exports; };' },
        plugins: [virtualModule(`postcraft-chunk-${chunk}`, contents, projectRoot), standIns(items, chunk, runtime, { inBundle, shared, keyOf })],
      });
    }),
  );

  // A chunk that imports the core's public index makes the bundle keep every export of it alive (a namespace import):
  // the preview chunk's first build grew the bundle by 6 KB so. A chunk takes what it needs of the index from its caller.
  if (shared.has('src/core/index.ts')) throw new Error('A lazily loaded chunk imports src/core/index.ts: import the module it needs, or have the bundle hand it over');

  // 3. The bundle, sharing what the chunks import of it.
  await buildMain([...shared].sort(), true);
}

/** Every chunk's module with its chunk, its key, what to import it by, and its export names. */
async function lazyItems(options, projectRoot) {
  const byKey = new Map();
  const byPath = new Map();
  const requireHere = createRequire(resolve(projectRoot, 'package.json'));
  for (const [chunk, modules] of Object.entries(lazyChunks)) {
    for (const key of modules) {
      const isPackage = !key.startsWith('src/');
      const path = isPackage ? undefined : resolve(projectRoot, key);
      const names = isPackage ? Object.keys(requireHere(key)) : await exportNames(options, path);
      const item = { chunk, key, names: names.filter((name) => name !== '__esModule'), specifier: path ?? key, isPackage };
      byKey.set(key, item);
      if (path) byPath.set(path, item);
    }
  }
  return { byKey, byPath };
}

async function exportNames(options, path) {
  const result = await esbuild.build({ entryPoints: [path], bundle: false, format: 'esm', write: false, metafile: true, outdir: 'out/lazy-names', logLevel: 'silent', absWorkingDir: options.absWorkingDir });
  return Object.values(result.metafile.outputs).flatMap((output) => output.exports);
}

function virtualModule(specifier, contents, projectRoot) {
  return {
    name: specifier,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${specifier}$`) }, () => ({ path: specifier, namespace: 'postcraft-virtual' }));
      build.onLoad({ filter: new RegExp(`^${specifier}$`), namespace: 'postcraft-virtual' }, () => ({ contents, loader: 'js', resolveDir: projectRoot }));
    },
  };
}

/**
 * Replaces each chunk's module, except those of `ownChunk`, by its stand-in; in a chunk's build, also every
 * module the bundle holds (`sharing.inBundle`) by the bundle's copy, noting its key in `sharing.shared`.
 */
function standIns(items, ownChunk, runtime, sharing) {
  return {
    name: 'postcraft-stand-ins',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.resolving || args.namespace === 'postcraft-stand-in') return undefined;
        const packageItem = items.byKey.get(args.path);
        let item = packageItem?.isPackage ? packageItem : undefined;
        let path;
        if (!item) {
          const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { resolving: true } });
          if (resolved.errors.length > 0 || resolved.external) return resolved;
          path = resolved.path;
          item = items.byPath.get(path);
          // Packages the bundle holds are bundled again where a chunk needs them, but for markdown-it, which is large
          // and whole in the bundle; our modules are always shared.
          const shares = sharing?.inBundle.has(path) && (!path.includes('/node_modules/') || path.includes('/node_modules/markdown-it/'));
          if (!item && !shares) return resolved;
        }
        if (item && item.chunk === ownChunk) return path ? { path } : undefined;
        if (sharing) {
          const key = item ? item.key : sharing.keyOf(path);
          sharing.shared.add(key);
          // A path of its own (not `.mjs`, which would make esbuild read the stand-in as an ES module).
          return { path: `${key} (shared)`, namespace: 'postcraft-stand-in', pluginData: { shared: key } };
        }
        return { path: `${item.key} (lazy)`, namespace: 'postcraft-stand-in', pluginData: { lazy: item } };
      });
      build.onLoad({ filter: /.*/, namespace: 'postcraft-stand-in' }, ({ pluginData }) => {
        if (pluginData.shared) return { contents: `module.exports = postcraftSharedModule(${JSON.stringify(pluginData.shared)});`, loader: 'js', resolveDir: dirname(runtime) };
        const { chunk, key, names } = pluginData.lazy;
        return { contents: `module.exports = require(${JSON.stringify(runtime)}).lazyModule(${JSON.stringify(chunk)}, ${JSON.stringify(key)}, ${JSON.stringify(names)});`, loader: 'js', resolveDir: dirname(runtime) };
      });
    },
  };
}
