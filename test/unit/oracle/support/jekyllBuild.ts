// Builds a Jekyll site with the real `jekyll` (Debian's 4.3) in a throwaway copy, with drafts, future and
// unpublished posts, and reads back every page and document through a page of our own that prints them
// as JSON (oracleTemplates.ts): path, collection, title, date, draft, tags, categories, authors and URL.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { GeneratorBuild, GeneratorPage, RejectedFile } from './generatorPages';
import { jekyllOraclePage } from './oracleTemplates';
import { buildTimeoutMs, copySite, describeExit, filesNamedIn, isContentFile, listFiles } from './siteCopy';

const oraclePage = 'postcraft-oracle.json';

export function jekyllAvailable(): boolean {
  return spawnSync('jekyll', ['--version'], { stdio: 'ignore' }).status === 0;
}

interface OracleEntry {
  path: string;
  kind: string;
  title: unknown;
  date: string | null;
  draft: boolean | null;
  tags: unknown;
  categories: unknown;
  author: unknown;
  authors: unknown;
  url: unknown;
}

export interface JekyllBuildOptions {
  readonly maxRejected?: number;
  /** Called with the folder Jekyll wrote the site to, before the copy is removed (to read the pages it rendered). */
  readonly readOutput?: (out: string) => void;
}

export function buildWithJekyll(root: string, options: JekyllBuildOptions = {}): GeneratorBuild {
  const copy = copySite(root, 'jekyll');
  try {
    // The Gemfile would make Jekyll ask Bundler for gems it cannot download here; Debian's gems are used instead.
    rmSync(join(copy.site, 'Gemfile'), { force: true });
    rmSync(join(copy.site, 'Gemfile.lock'), { force: true });
    writeFileSync(join(copy.site, oraclePage), jekyllOraclePage);
    quoteSymbolsInConfig(join(copy.site, '_config.yml'));
    // Stylesheets are no pages, and Debian's Sass (sassc) cannot read a current site's Sass modules.
    for (const file of listFiles(copy.site).filter((name) => /\.s[ac]ss$/i.test(name))) rmSync(join(copy.site, file));
    const rejected: RejectedFile[] = [];
    const oracleConfig = join(copy.dir, 'oracle-config.yml');
    const missingPlugins = new Set<string>();
    for (;;) {
      const out = join(copy.dir, 'out');
      rmSync(out, { recursive: true, force: true });
      const configs = [...siteConfigs.filter((name) => existsSync(join(copy.site, name))).slice(0, 1).map((name) => join(copy.site, name))];
      if (missingPlugins.size > 0) {
        writeFileSync(oracleConfig, JSON.stringify({ plugins: sitePlugins(configs[0]).filter((name) => !missingPlugins.has(name)) }));
        configs.push(oracleConfig);
      }
      const result = spawnSync('jekyll', ['build', '--source', copy.site, ...(configs.length > 0 ? ['--config', configs.join(',')] : []), '--destination', out, '--drafts', '--future', '--unpublished', '--quiet'], {
        encoding: 'utf8',
        timeout: buildTimeoutMs,
        maxBuffer: 512 * 1024 * 1024,
        env: { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true', JEKYLL_ENV: 'production' },
      });
      // Without its colours: an escape code right after a file name would be taken for part of it.
      const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[\d+m/g, '');
      if (result.status === 0 && existsSync(join(out, oraclePage))) {
        options.readOutput?.(out);
        return { generator: 'jekyll', rejected, pages: readOracleOutput(join(out, oraclePage), out), languages: [] };
      }
      // A plugin gem Debian does not have: left out (plugins add pages such as feeds and sitemaps, not posts).
      const missing = /you don't have (\S+) or one of its dependencies/.exec(output)?.[1];
      // A plugin of the site's own (_plugins/x.rb) that needs a gem Debian lacks: left out of the copy.
      if (missing?.startsWith(`${copy.site}/_plugins/`) && existsSync(missing)) {
        rmSync(missing);
        continue;
      }
      if (missing && !missingPlugins.has(missing)) {
        missingPlugins.add(missing);
        continue;
      }
      // Jekyll stops at the first file it cannot read (an invalid date) or render (a Liquid error): leave it out and try again.
      const culprits = [...new Set([...filesNamedIn(output, copy.site), ...relativeFilesNamedIn(output).filter(isContentFile)])].filter((file) => existsSync(join(copy.site, file)));
      if (result.status === 0 || culprits.length === 0 || rejected.length >= (options.maxRejected ?? 50)) {
        return { generator: 'jekyll', pages: [], rejected, languages: [], failure: describeExit(result) || output.replace(/\x1b\[\d+m/g, '').trim().split('\n').filter((line) => !/^\s+from |-{8}|--trace|additional information/.test(line)).slice(0, 6).join('\n') || 'Jekyll wrote no oracle page' };
      }
      for (const file of culprits) {
        rejected.push({ file, message: (output.split('\n').find((line) => line.includes(file)) ?? '').replaceAll(`${copy.site}/`, '').replace(/\x1b\[\d+m/g, '').trim() });
        rmSync(join(copy.site, file));
      }
    }
  } finally {
    copy.dispose();
  }
}

/**
 * Debian patches Jekyll 4.3.1 to read YAML with Psych's safe_load, which refuses `permalink: :title` (a Ruby
 * Symbol); upstream Jekyll reads it through SafeYAML as the string ":title". Quoting such values in the
 * copy's config gives the upstream reading.
 */
function quoteSymbolsInConfig(file: string): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const quoted = text.replace(/^(\s*[\w-]+:[ \t]+)(:[^\s#'"]*)[ \t]*$/gm, '$1"$2"');
  if (quoted !== text) writeFileSync(file, quoted);
}

const siteConfigs = ['_config.yml', '_config.yaml', '_config.toml'];

/** The site's `plugins:` (or the older `gems:`) list. */
function sitePlugins(configFile: string | undefined): string[] {
  if (!configFile || !configFile.endsWith('yml')) return [];
  const data = (parseYaml(readFileSync(configFile, 'utf8'), { uniqueKeys: false }) ?? {}) as Record<string, unknown>;
  const plugins = data['plugins'] ?? data['gems'];
  return Array.isArray(plugins) ? plugins.map(String) : [];
}

/** Liquid errors name the file relative to the source: `… in _posts/2024-01-01-a.md`. */
function relativeFilesNamedIn(output: string): string[] {
  return [...output.matchAll(/(?:\bin|Document) '?([^\s']+\.(?:md|markdown|mkdn|mkd|html?))\b/g)].map((match) => match[1]!);
}

/** `notes/travel/_posts/x.md` → notes, travel: Jekyll makes them the post's categories. */
function folderCategories(path: string): Set<string> {
  const at = path.indexOf('_posts/');
  return new Set(at > 0 ? path.slice(0, at).split('/').filter(Boolean) : []);
}

function readOracleOutput(file: string, out: string): GeneratorPage[] {
  const { pages } = JSON.parse(readFileSync(file, 'utf8')) as { pages: (OracleEntry | null)[] };
  return pages
    .filter((entry): entry is OracleEntry => entry !== null)
    .map((entry) => {
      const isDocument = entry.kind !== 'page';
      return {
        file: entry.path,
        kind: entry.kind,
        language: undefined,
        title: typeof entry.title === 'string' ? entry.title : entry.title == null ? '' : String(entry.title),
        // Posts and drafts get a title from the file name (Jekyll::Document#populate_title).
        derivesTitle: entry.kind === 'posts',
        date: entry.date ?? undefined,
        draft: entry.draft === true,
        droppedDates: [],
        // Documents have tags and categories as lists (a string split on spaces); a page keeps them as written and no tag page lists it.
        // The folders above `_posts/` are categories too; Postcraft's tags are the ones the frontmatter writes.
        tags: isDocument ? [...new Set([...strings(entry.tags), ...strings(entry.categories).filter((category) => !folderCategories(entry.path).has(category))])].sort() : undefined,
        authors: [...new Set([...strings(entry.author), ...strings(entry.authors)])].sort(),
        ...writtenUrl(entry.url, out),
      };
    });
}

/**
 * The page's URL below the baseurl, decoded (URL.unescape_path) as Jekyll writes the file, and only
 * when it wrote one: documents of a collection without `output` have a URL but no file.
 */
function writtenUrl(url: unknown, out: string): { url?: string } {
  if (typeof url !== 'string' || !url.startsWith('/')) return {};
  const decoded = decodeURIComponent(url);
  // Page#destination and Document#destination: a folder's index.html, else the output extension added when missing.
  const files = decoded.endsWith('/') ? [`${decoded}index.html`] : [decoded, `${decoded}.html`];
  return files.some((candidate) => existsSync(join(out, candidate))) ? { url: decoded } : {};
}

function strings(value: unknown): string[] {
  if (value == null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).filter((item) => item != null).map((item) => String(item));
}
