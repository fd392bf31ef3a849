// One esbuild entry per runtime: the extension host, the CLI, the language server, the preview webview, and the
// integration suite (which runs inside the extension host). `tsc --noEmit` only type-checks.
//   node esbuild.config.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? 'external' : 'linked',
  logLevel: 'warning',
  define: { POSTCRAFT_VERSION: JSON.stringify(version) },
};

const nodeCommon = { ...common, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'] };

// VS Code for the Web: one CommonJS file each for the web worker extension host (it offers `require('vscode')`
// and nothing else); a Node built-in anywhere in the graph fails the build here.
const webCommon = { ...common, platform: 'browser', target: 'es2022', format: 'cjs', mainFields: ['browser', 'module', 'main'], external: ['vscode'] };

const integrationTests = readdirSync('test/integration')
  .filter((name) => name.endsWith('.ts'))
  .map((name) => `test/integration/${name}`);

const builds = [
  { ...nodeCommon, entryPoints: { extension: 'src/vscode/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // The preview renderer, which each extension bundle loads at the first render (src/vscode/preview/renderer.ts).
  { ...nodeCommon, entryPoints: { render: 'src/core/render/index.ts' }, outdir: 'dist' },
  { ...nodeCommon, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...nodeCommon, entryPoints: { server: 'src/server/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: { preview: 'src/webview/preview.ts' }, outdir: 'media' },
  // Tests are never minified: stack traces must point at test lines.
  { ...nodeCommon, minify: false, sourcemap: 'inline', entryPoints: integrationTests, outdir: 'out/test/integration', external: ['vscode', 'mocha'] },
  { ...webCommon, entryPoints: { extension: 'src/web/extension.ts' }, outdir: 'dist/web' },
  { ...webCommon, entryPoints: { render: 'src/core/render/index.ts' }, outdir: 'dist/web' },
  { ...webCommon, minify: false, sourcemap: 'inline', entryPoints: { index: 'test/web/index.ts' }, outdir: 'out/test/web' },
  { ...nodeCommon, minify: false, entryPoints: { runElectron: 'test/runElectron.ts' }, outdir: 'out/test', external: ['@vscode/test-electron'] },
];

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
