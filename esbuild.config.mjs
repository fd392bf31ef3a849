// One esbuild entry per runtime: the extension host, the CLI, the language server, the preview webview, and the
// integration suite (which runs inside the extension host). `tsc --noEmit` only type-checks.
//   node esbuild.config.mjs [--production] [--watch] [--only=cli,language-server,extension,web-extension] [--outbase=dir]
// The CLI and the language server are built into their npm packages (packages/cli, packages/language-server) with
// every dependency bundled, so their tarballs need nothing from the registry; `npm pack` there runs this with --only.
import * as esbuild from 'esbuild';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIdentity } from './scripts/buildIdentity.mjs';
import { buildWithLazyChunks, lazyChunkNames } from './scripts/lazyChunks.mjs';

// Paths below are from the project root, wherever npm runs this (esbuild's own working directory is fixed at import).
const projectRoot = dirname(fileURLToPath(import.meta.url));
process.chdir(projectRoot);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
// Elsewhere than the project (test/unit/vsix.test.ts measures a production build there): each outdir below `dir`.
const outbase = process.argv.find((arg) => arg.startsWith('--outbase='))?.slice('--outbase='.length);
const versionOf = (packageJson) => JSON.parse(readFileSync(packageJson, 'utf8')).version;
const version = versionOf('package.json');
// Caches key on it besides the version (scripts/buildIdentity.mjs).
const build = JSON.stringify(buildIdentity(projectRoot));

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? 'external' : 'linked',
  logLevel: 'warning',
  absWorkingDir: projectRoot,
  define: { POSTCRAFT_VERSION: JSON.stringify(version), POSTCRAFT_BUILD: build },
};

const nodeCommon = { ...common, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'] };

// VS Code for the Web: one CommonJS file each for the web worker extension host (it offers `require('vscode')`
// and nothing else); a Node built-in anywhere in the graph fails the build here.
const webCommon = { ...common, platform: 'browser', target: 'es2022', format: 'cjs', mainFields: ['browser', 'module', 'main'], external: ['vscode'] };

const integrationTests = readdirSync('test/integration')
  .filter((name) => name.endsWith('.ts'))
  .map((name) => `test/integration/${name}`);

/**
 * A bin of an npm package in packages/: its version is the package's own, and it ships the project's LICENSE.
 * `apart`: modules the bin requires by a relative path that become bundles of their own beside it (their
 * name: the module's), loaded when first required.
 */
function packageBin(packageName, entry, apart = {}) {
  const packageDir = `packages/${packageName}`;
  copyFileSync('LICENSE', `${packageDir}/LICENSE`);
  const names = Object.keys(apart);
  return {
    ...nodeCommon,
    name: packageName,
    entryPoints: { [entry.name]: entry.source, ...apart },
    outdir: `${packageDir}/dist`,
    banner: { js: '#!/usr/bin/env node' },
    define: { POSTCRAFT_VERSION: JSON.stringify(versionOf(`${packageDir}/package.json`)), POSTCRAFT_BUILD: build },
    plugins: names.length === 0 ? [] : [requiredApart(names)],
  };
}

/** `require('./name')` of a module built apart stays a require of `./name.js`, the bundle beside this one. */
function requiredApart(names) {
  return {
    name: 'required-apart',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^\\./(${names.join('|')})$`) }, (args) => (args.kind === 'require-call' ? { path: `${args.path}.js`, external: true } : undefined));
    },
  };
}

const allBuilds = [
  // The extension bundles leave what activation does not need (the YAML and other format readers, zod and its
  // schemas, the generators besides Hugo, the editing features) to chunks loaded on first use
  // (scripts/lazyChunks.mjs), except in --watch, which builds them whole.
  { ...nodeCommon, name: 'extension', lazyChunks: { name: 'extension', entry: 'src/vscode/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // The preview renderer, which each extension bundle loads at the first render (src/vscode/preview/renderer.ts).
  { ...nodeCommon, entryPoints: { render: 'src/core/render/index.ts' }, outdir: 'dist' },
  // The checks apart (src/cli/checking.ts): a re-run that the last run's snapshot answers loads only the front.
  packageBin('cli', { name: 'cli', source: 'src/cli/main.ts' }, { checking: 'src/cli/checking.ts' }),
  packageBin('language-server', { name: 'server', source: 'src/server/main.ts' }),
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: { preview: 'src/webview/preview.ts' }, outdir: 'media' },
  // Tests are never minified: stack traces must point at test lines.
  { ...nodeCommon, minify: false, sourcemap: 'inline', entryPoints: integrationTests, outdir: 'out/test/integration', external: ['vscode', 'mocha'] },
  {
    ...webCommon,
    name: 'web-extension',
    define: { ...webCommon.define, POSTCRAFT_LAZY_CHUNKS: JSON.stringify(watch ? [] : lazyChunkNames) },
    lazyChunks: { name: 'extension', entry: 'src/web/extension.ts' },
    outdir: 'dist/web',
  },
  { ...webCommon, entryPoints: { render: 'src/core/render/index.ts' }, outdir: 'dist/web' },
  { ...webCommon, minify: false, sourcemap: 'inline', entryPoints: { index: 'test/web/index.ts' }, outdir: 'out/test/web' },
  { ...nodeCommon, minify: false, entryPoints: { runElectron: 'test/runElectron.ts' }, outdir: 'out/test', external: ['@vscode/test-electron'] },
];
const builds = allBuilds
  .filter((options) => !only || only.includes(options.name))
  .map(({ name, ...options }) => (outbase ? { ...options, outdir: join(outbase, options.outdir) } : options));

if (watch) {
  const whole = ({ lazyChunks, ...options }) => (lazyChunks ? { ...options, entryPoints: { [lazyChunks.name]: lazyChunks.entry } } : options);
  const contexts = await Promise.all(builds.map((options) => esbuild.context(whole(options))));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map(({ lazyChunks, ...options }) => (lazyChunks ? buildWithLazyChunks(options, { ...lazyChunks, outdir: options.outdir, projectRoot }) : esbuild.build(options))));
}
