// The extension's vsix as the Marketplace gets it: packed by vsce from the built tree (the build step of
// `npm test`, or here when dist/ is missing), with the README of scripts/marketplaceReadme.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lazyChunkNames } from '../../scripts/lazyChunks.mjs';
import { developerSections, marketplaceReadme } from '../../scripts/marketplaceReadme.mjs';
import { projectRoot } from './support/npmPackages';
import { readZip } from './support/zip';

type Pack = (options: Record<string, unknown>) => Promise<unknown>;
// vsce's packaging without its prepublish step (a production build of everything, which `npm run package` runs).
const { pack } = createRequire(__filename)('@vscode/vsce/out/package') as { pack: Pack };

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
/** What each extension host loads: the bundle, the preview renderer and the chunks (scripts/lazyChunks.mjs). */
const extensionFiles = ['dist', 'dist/web'].flatMap((dir) => ['extension', 'render', ...lazyChunkNames].map((name) => `${dir}/${name}.js`));

describe('the vsix', () => {
  let work: string;
  let files: Map<string, Buffer>;
  before(async () => {
    if (![...extensionFiles, 'media/preview.js'].every((file) => existsSync(join(projectRoot, file)))) {
      execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: projectRoot, stdio: 'inherit' });
    }
    execFileSync(process.execPath, ['scripts/marketplaceReadme.mjs'], { cwd: projectRoot });
    work = mkdtempSync(join(tmpdir(), 'postcraft-vsix-'));
    const packagePath = join(work, 'postcraft.vsix');
    await pack({ cwd: projectRoot, packagePath, dependencies: false, allowMissingRepository: true, readmePath: 'dist/README.md' });
    files = readZip(packagePath);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds both entries with their renderer and chunks, the README, the changelog and the license, and no sources or tests', () => {
    for (const file of ['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', ...extensionFiles, 'media/icon.png', 'media/preview.js']) {
      assert.ok(files.has(`extension/${file}`), file);
    }
    const stray = [...files.keys()].filter((name) => /^extension\/(src|test|bench|scripts|packages|docs|node_modules|out|\.corpus|\.generators|\.vscode-test)\//.test(name) || /\.(ts|map|vsix|tgz)$/.test(name));
    assert.deepEqual(stray, []);
  });

  it('declares what the Marketplace shows, and no bin it does not contain', () => {
    const manifest = JSON.parse(files.get('extension/package.json')!.toString('utf8')) as Record<string, unknown>;
    assert.equal(manifest.bin, undefined);
    assert.equal(manifest.private, true, 'never published to npm, where postcraft is another package');
    assert.equal(manifest.preview, true, 'a preview while 0.x');
    assert.match(String(manifest.version), /^0\./);
    assert.equal(manifest.qna, 'marketplace');
    assert.ok(manifest.homepage && manifest.bugs && manifest.galleryBanner);
    // No repository until a public one exists: vsce would point the README's relative links at it.
    assert.equal(manifest.repository, undefined);
    assert.deepEqual(manifest.categories, ['Linters', 'Programming Languages']);
    const manifestXml = files.get('extension.vsixmanifest')!.toString('utf8');
    assert.match(manifestXml, /<GalleryFlags>Public Preview<\/GalleryFlags>/);
  });

  it("has a README whose every link and picture works from the Marketplace page", () => {
    const packaged = files.get('extension/readme.md')!.toString('utf8');
    const targets = [...packaged.matchAll(/\]\(([^)\s]+)/g), ...packaged.matchAll(/<img[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
    const anchors = new Set([...packaged.matchAll(/<a id="([^"]+)">/g)].map((match) => match[1]));
    for (const target of targets) {
      if (target.startsWith('#')) assert.ok(anchors.has(target.slice(1)), `${target} names an anchor of the README`);
      else assert.match(target, /^https:\/\//, target);
    }
    assert.match(packaged, /^## The CLI$/m);
    assert.doesNotMatch(packaged, /^## (Tests|Layout)$/m);
  });
});

describe('the production bundles', () => {
  let work: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'postcraft-bundles-'));
    execFileSync(process.execPath, ['esbuild.config.mjs', '--production', '--only=extension,web-extension', `--outbase=${work}`], { cwd: projectRoot, stdio: 'inherit' });
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  // Activation parses the whole bundle (docs/benchmarks.md, "A smaller start"); the rest loads on first use.
  it('keep what activation loads to 400 KB on the desktop and in the web worker, with each chunk beside the bundle', () => {
    for (const dir of ['dist', 'dist/web']) {
      const kilobytes = statSync(join(work, dir, 'extension.js')).size / 1024;
      assert.ok(kilobytes <= 400, `${dir}/extension.js is ${kilobytes.toFixed(1)} KB`);
      for (const chunk of lazyChunkNames) assert.ok(existsSync(join(work, dir, `${chunk}.js`)), `${dir}/${chunk}.js`);
    }
  });

  // A module a chunk holds is a stand-in in the bundle: read at load (`const x = { json: parseJsonFrontmatter }`),
  // it asks for its chunk before activation sets the loader, and activation fails (seen once in the real editor).
  it('load without asking a lazily loaded chunk for anything, on the desktop and in the web worker', () => {
    for (const dir of ['dist', 'dist/web']) {
      const bundle = join(work, dir, 'extension.js');
      // Every property name the bundle uses, so that its vscode imports find whatever they read at load.
      const names = [...new Set(readFileSync(bundle, 'utf8').match(/(?<=\.)[A-Za-z_$][\w$]*/g))];
      const anything: object = new Proxy(function () {}, { get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : anything), apply: () => anything, construct: () => anything });
      const vscode = new Proxy({}, { get: (_target, key) => (key === '__esModule' ? false : anything), ownKeys: () => names, getOwnPropertyDescriptor: () => ({ configurable: true, enumerable: true, value: anything }) });
      const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
      const load = loader._load;
      loader._load = function (request: string, ...rest: unknown[]) {
        return request === 'vscode' ? vscode : load.call(this, request, ...rest);
      };
      try {
        assert.doesNotThrow(() => createRequire(bundle)(bundle), dir);
      } finally {
        loader._load = load;
      }
    }
  });
});

describe('the Marketplace README', () => {
  it('leaves out sections that README.md has', () => {
    for (const section of developerSections) assert.match(readme, new RegExp(`^## ${section}$`, 'm'), section);
  });

  it('keeps the text of relative links and drops relative pictures, tables of them included', () => {
    const source = [
      '# Title',
      'See [the benchmarks](docs/benchmarks.md#web) and [markdown-it](https://github.com/markdown-it/markdown-it), [checks](#checks).',
      '',
      '![A screenshot](docs/images/a.png)',
      '',
      '| A | B |',
      '| --- | --- |',
      '| ![x](docs/x.png) | ![y](docs/y.png) |',
      '',
      '| Setting | Default |',
      '| --- | --- |',
      '| `a` | `1` |',
      '',
      '```md',
      '[kept](inside/code.md)',
      '```',
      '## Tests',
      'Run [them](scripts/test.mjs).',
      '## Checks',
      'Done.',
    ].join('\n');
    assert.equal(
      marketplaceReadme(source),
      [
        '# Title',
        'See the benchmarks and [markdown-it](https://github.com/markdown-it/markdown-it), [checks](#checks).',
        '',
        '| Setting | Default |',
        '| --- | --- |',
        '| `a` | `1` |',
        '',
        '```md',
        '[kept](inside/code.md)',
        '```',
        '## Checks',
        'Done.',
        '',
      ].join('\n'),
    );
  });
});
