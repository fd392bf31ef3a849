// Builds an Eleventy site with the real Eleventy (the pinned 3.x `npm test` installs into .generators/eleventy/)
// in a throwaway copy, `eleventy --to=json`, and reads back every template it wrote: file, title, draft flag
// and authors as its data cascade gives them, and its URL (`page.url`). The site's config runs inside a config of our own that records
// each template's data; packages the config imports that are not installed get a stub when they only add
// filters, shortcodes or HTML transforms (they never change which files are pages), else the site is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GeneratorBuild, GeneratorPage, RejectedFile } from './generatorPages';
import { buildTimeoutMs, copySite, describeExit, isContentFile } from './siteCopy';

/** Where scripts/generators.mjs installs Eleventy. */
const eleventyDir = resolve(__dirname, '..', '..', '..', '..', '.generators', 'eleventy');
const eleventyCommand = join(eleventyDir, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');

/** The config files Eleventy 3 looks for, first found wins (TemplateConfig.js `projectConfigPaths`). */
const configNames = ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs'];

/**
 * Plugins that only add filters, shortcodes, transforms or pages of their own (a feed), never decide which of
 * the site's templates are built: a stub of them leaves the page list as the real plugin would.
 */
const pageNeutralPlugins = new Set(['@11ty/eleventy-img', '@11ty/eleventy-plugin-rss', '@11ty/eleventy-plugin-syntaxhighlight', '@11ty/eleventy-navigation']);

export function eleventyAvailable(): boolean {
  return existsSync(eleventyCommand);
}

/** The site's Eleventy config file, relative to its root. */
export function eleventyConfigFile(root: string): string | undefined {
  return configNames.find((name) => existsSync(join(root, name)));
}

/** Packages the site's config imports that this install lacks: `stubbed` stand in for page-neutral plugins, `missing` stop the oracle. */
export function missingPackages(root: string): { stubbed: string[]; missing: string[] } {
  const config = eleventyConfigFile(root);
  const source = config ? readFileSync(join(root, config), 'utf8') : '';
  const absent = [...new Set(importedPackages(source))].filter((name) => !existsSync(join(eleventyDir, 'node_modules', name, 'package.json'))).sort();
  return { stubbed: absent.filter((name) => pageNeutralPlugins.has(name)), missing: absent.filter((name) => !pageNeutralPlugins.has(name)) };
}

interface RecordedTemplate {
  inputPath: string;
  title: unknown;
  draft: unknown;
  author: unknown;
  authors: unknown;
}

interface OracleOutput {
  /** Every template Eleventy wrote (its `--to=json` results). */
  written: { inputPath: string; url: unknown }[];
  /** The data cascade of each template, before computed data, as the preprocessor saw it. */
  templates: RecordedTemplate[];
}

export function buildWithEleventy(root: string, options: { maxRejected?: number } = {}): GeneratorBuild {
  const copy = copySite(root, 'eleventy');
  try {
    const { stubbed, missing } = missingPackages(copy.site);
    if (missing.length > 0) return { generator: 'eleventy', pages: [], rejected: [], languages: [], failure: `the config imports ${missing.join(', ')}, which is not installed` };
    linkPackages(copy.dir, stubbed, importedNames(readConfig(copy.site)));
    const outputFile = join(copy.dir, 'oracle.json');
    const oracleConfig = join(copy.dir, 'postcraft-oracle.config.mjs');
    writeFileSync(oracleConfig, oracleConfigText(copy.site, outputFile));
    const rejected: RejectedFile[] = [];
    for (;;) {
      rmSync(outputFile, { force: true });
      const result = spawnSync(process.execPath, [eleventyCommand, `--config=${oracleConfig}`, '--to=json', '--quiet'], {
        cwd: copy.site,
        encoding: 'utf8',
        timeout: buildTimeoutMs,
        maxBuffer: 512 * 1024 * 1024,
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      });
      const output = `${result.stdout}\n${result.stderr}`;
      if (result.status === 0 && existsSync(outputFile)) return { generator: 'eleventy', rejected, pages: readOracleOutput(outputFile), languages: [] };
      // Eleventy stops at the first template whose front matter it cannot read: leave it out and try again.
      const culprits = templatesNamedIn(output).filter((file) => existsSync(join(copy.site, file)) && !rejected.some((entry) => entry.file === file));
      if (result.status === 0 || culprits.length === 0 || rejected.length >= (options.maxRejected ?? 50)) {
        return { generator: 'eleventy', pages: [], rejected, languages: [], failure: describeExit(result) || errorLines(output) || 'Eleventy wrote no oracle output' };
      }
      for (const file of culprits) {
        rejected.push({ file, message: errorLines(output.split('\n').filter((line) => line.includes(file)).join('\n')).split('\n')[0] ?? '' });
        rmSync(join(copy.site, file));
      }
    }
  } finally {
    copy.dispose();
  }
}

function readConfig(site: string): string {
  const config = eleventyConfigFile(site);
  return config ? readFileSync(join(site, config), 'utf8') : '';
}

/** Bare package names the config imports or requires (`@scope/name`, `name`), not Node's own modules. */
function importedPackages(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"]+)\1/g)].map((match) => match[2]!);
  return specifiers
    .filter((specifier) => !/^(\.|\/|node:)/.test(specifier))
    .map((specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'))
    .filter((name) => !builtinModules.includes(name));
}

/** Names taken from each package: `import { a, b as c } from "x"` or `const { a, b: c } = require("x")` give x → [a, b]. */
function importedNames(source: string): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const imports = source.matchAll(/\bimport\s+(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2/g);
  const requires = source.matchAll(/\{([^}]*)\}\s*=\s*require\s*\(\s*(['"])([^'"]+)\2/g);
  for (const match of [...imports, ...requires]) {
    const taken = match[1]!.split(',').map((item) => item.trim().split(/\s+as\s+|\s*:\s*/)[0]!.trim()).filter((item) => /^[\w$]+$/.test(item));
    names.set(match[3]!, [...(names.get(match[3]!) ?? []), ...taken]);
  }
  return names;
}

/**
 * The copy resolves packages as the site would: the installed Eleventy (for `import … from "@11ty/eleventy"`)
 * from `site/node_modules`, and stubs from the folder above it, where Node looks next.
 */
function linkPackages(dir: string, stubbed: readonly string[], names: Map<string, string[]>): void {
  symlinkSync(join(eleventyDir, 'node_modules'), join(dir, 'site', 'node_modules'), 'dir');
  for (const name of stubbed) {
    const folder = join(dir, 'node_modules', ...name.split('/'));
    mkdirSync(folder, { recursive: true });
    // CommonJS, so both `require` and `import` load it; Node finds the named exports in `module.exports.x =`.
    const named = (names.get(name) ?? []).filter((item) => item !== 'default').map((item) => `module.exports.${item} = stub;`);
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, main: 'index.cjs' }));
    writeFileSync(join(folder, 'index.cjs'), [`// A stub of ${name} for Postcraft's oracle: a plugin that does nothing.`, 'const stub = function postcraftStubPlugin() {};', 'module.exports = stub;', ...named, ''].join('\n'));
  }
}

/** Our config: runs the site's own, then records every template's data and what Eleventy wrote. */
function oracleConfigText(site: string, outputFile: string): string {
  const config = eleventyConfigFile(site);
  const siteModule = config ? `await import(${JSON.stringify(pathToFileURL(join(site, config)).href)})` : '{}';
  return `// Postcraft's oracle: the site's config, plus a record of each template's data and of what was written.
import { writeFileSync } from 'node:fs';
const site = ${siteModule};
export const config = site.config;
export default async function (eleventyConfig) {
  const returned = typeof site.default === 'function' ? await site.default(eleventyConfig) : undefined;
  const templates = [];
  eleventyConfig.addPreprocessor('postcraft-oracle', '*', (data) => {
    templates.push({ inputPath: data.page.inputPath, title: data.title ?? null, draft: data.draft ?? null, author: data.author ?? null, authors: data.authors ?? null });
  });
  eleventyConfig.on('eleventy.after', ({ results }) => {
    writeFileSync(${JSON.stringify(outputFile)}, JSON.stringify({ written: results.map((entry) => ({ inputPath: entry.inputPath, url: entry.url })), templates }));
  });
  return returned;
}
`;
}

/** Eleventy names a template it could not read relative to the project: `./content/blog/a.md`. */
function templatesNamedIn(output: string): string[] {
  return [...new Set([...output.matchAll(/\.\/([^\s'"`()]+)/g)].map((match) => match[1]!.replace(/[.,:)]+$/, '')))].filter(isContentFile);
}

function errorLines(output: string): string {
  return output
    .replace(/\x1b\[\d+m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^at |^\(Repeated|^Original error stack trace|node --trace/.test(line))
    .slice(0, 6)
    .join('\n');
}

function readOracleOutput(file: string): GeneratorPage[] {
  const { written, templates } = JSON.parse(readFileSync(file, 'utf8')) as OracleOutput;
  const dataByPath = new Map(templates.map((template) => [template.inputPath, template]));
  const pages = new Map<string, GeneratorPage>();
  for (const entry of written) {
    const path = entry.inputPath.replace(/^\.\//, '');
    const data = dataByPath.get(entry.inputPath);
    // A paginated template writes several pages from one file: one page of Postcraft's.
    if (pages.has(path)) continue;
    pages.set(path, {
      file: path,
      kind: 'template',
      language: undefined,
      title: typeof data?.title === 'string' ? data.title : data?.title == null ? '' : String(data.title),
      // Eleventy makes up no title.
      derivesTitle: false,
      date: undefined,
      // Eleventy has no drafts of its own: the `draft` a site's preprocessor reads, as the cascade gives it.
      draft: data?.draft === true,
      droppedDates: [],
      // Tags are collections in Eleventy, not tag pages (the site's templates may make some).
      tags: undefined,
      authors: [...new Set([...strings(data?.author), ...strings(data?.authors)])].sort(),
      // `page.url`, below pathPrefix; `false` for `permalink: false` (rendered, never written).
      ...(typeof entry.url === 'string' ? { url: entry.url } : {}),
    });
  }
  return [...pages.values()];
}

function strings(value: unknown): string[] {
  if (value == null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).filter((item) => typeof item === 'string' || typeof item === 'number').map((item) => String(item));
}
