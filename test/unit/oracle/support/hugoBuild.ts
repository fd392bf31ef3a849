// Builds a Hugo site with the real `hugo` (Debian's 0.111) in a throwaway copy and reads back, through a
// layout of our own, every page it made: file, kind, language, title, date, draft and taxonomy terms.
// Following /work/shared/generators/NOTES.md, the site's own layouts (and its themes') are removed, so
// templates written for a newer Hugo do not stop the build, and every shortcode the content calls that
// is not built into Hugo gets a stub.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseFrontmatter } from '../../../../src/core/frontmatter/parse';
import type { GeneratorBuild, GeneratorPage, RejectedFile } from './generatorPages';
import { hugoOracleLayout } from './oracleTemplates';
import { buildTimeoutMs, copySite, describeExit, filesNamedIn, listFiles } from './siteCopy';

const marker = 'POSTCRAFT-ORACLE';

/**
 * Hugo 0.111's embedded shortcodes (tpl/tplimpl/embedded/templates/shortcodes) that work offline; the
 * others (`tweet`, `instagram`, `vimeo_simple`, …) fetch from the network and are stubbed like the site's own.
 */
const offlineBuiltins = new Set(['figure', 'gist', 'highlight', 'param', 'ref', 'relref', 'youtube', 'vimeo']);

export function hugoAvailable(): boolean {
  return spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;
}

interface OracleOutput {
  languages: string[];
  pages: { file: string; kind: string; language: string; title: string; date: string; dateRead: boolean; draft: boolean; url: string }[];
  terms: { taxonomy: string; term: string; file: string; language: string }[];
}

export function buildWithHugo(root: string, options: { maxRejected?: number } = {}): GeneratorBuild {
  const copy = copySite(root, 'hugo');
  try {
    prepareForOracle(copy.site);
    const rejected: RejectedFile[] = [];
    const oracleConfig = join(copy.dir, 'oracle.toml');
    const outputFormats = new Set<string>();
    for (;;) {
      const out = join(copy.dir, 'out');
      rmSync(out, { recursive: true, force: true });
      writeFileSync(oracleConfig, oracleConfigText(outputFormats));
      const config = [...rootConfigs.filter((name) => existsSync(join(copy.site, name))).slice(0, 1).map((name) => join(copy.site, name)), oracleConfig].join(',');
      const result = spawnSync('hugo', ['--source', copy.site, '--config', config, '--destination', out, '--cacheDir', join(copy.dir, 'cache'), '--buildDrafts', '--buildFuture', '--buildExpired', '--enableGitInfo=false'], {
        encoding: 'utf8',
        timeout: buildTimeoutMs,
        maxBuffer: 512 * 1024 * 1024,
        env: { ...process.env, HUGO_ENVIRONMENT: 'production' },
      });
      const output = `${result.stdout}\n${result.stderr}`;
      if (result.status === 0) return { generator: 'hugo', rejected, ...readOracleOutput(out, copy.site, hugoBasePath(copy.site, config)) };
      // An output format a newer Hugo or a missing theme defines: defined here as plain text, it only has to exist.
      const unknownFormats = [...output.matchAll(/OutputFormat with key "([^"]+)" not found/g)].map((match) => match[1]!).filter((name) => !outputFormats.has(name));
      if (unknownFormats.length > 0) {
        for (const name of unknownFormats) outputFormats.add(name);
        continue;
      }
      // A theme or module that is not in the copy (a git submodule never cloned): its layouts would be removed anyway.
      const missingModules = [...output.matchAll(/module "([^"]+)" not found/g)].map((match) => match[1]!).filter((name) => !existsSync(join(copy.site, 'themes', name, 'theme.toml')));
      if (missingModules.length > 0 && !missingModules.some((name) => existsSync(join(copy.site, 'themes', name, '.postcraft-stub')))) {
        for (const name of missingModules) {
          mkdirSync(join(copy.site, 'themes', name), { recursive: true });
          writeFileSync(join(copy.site, 'themes', name, '.postcraft-stub'), '');
        }
        continue;
      }
      // A content file Hugo refuses (a bad ref, frontmatter it cannot read) stops the whole build: leave it out and try again.
      const culprits = filesNamedIn(output, copy.site).filter((file) => existsSync(join(copy.site, file)));
      if (culprits.length === 0 || rejected.length >= (options.maxRejected ?? 50)) {
        return { generator: 'hugo', pages: [], rejected, languages: [], failure: describeExit(result) || distinctErrors(output, copy.site) };
      }
      for (const file of culprits) {
        rejected.push({ file, message: messageAbout(output, copy.site, file) });
        rmSync(join(copy.site, file));
      }
    }
  } finally {
    copy.dispose();
  }
}

/** Hugo reads the first of these at the root; with `--config` it must be named (config/_default/ is read anyway). */
const rootConfigs = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

/** Settings over the site's own: old `disableKinds` spellings are not fatal, missing output formats exist. */
function oracleConfigText(outputFormats: ReadonlySet<string>): string {
  const formats = [...outputFormats].map((name) => `[outputFormats.${JSON.stringify(name)}]\nmediaType = "text/plain"\nbaseName = ${JSON.stringify(`postcraft-${name.toLowerCase()}`)}\n`);
  return ['ignoreErrors = ["error-disable-taxonomy"]', ...formats].join('\n');
}

function prepareForOracle(site: string): void {
  rmSync(join(site, 'layouts'), { recursive: true, force: true });
  const themes = join(site, 'themes');
  if (existsSync(themes)) for (const theme of readdirSync(themes)) rmSync(join(themes, theme, 'layouts'), { recursive: true, force: true });
  mkdirSync(join(site, 'layouts', 'shortcodes'), { recursive: true });
  writeFileSync(join(site, 'layouts', 'index.html'), hugoOracleLayout);
  for (const [name, closed] of shortcodesCalled(site)) {
    if (offlineBuiltins.has(name)) continue;
    const file = join(site, 'layouts', 'shortcodes', `${name}.html`);
    mkdirSync(join(file, '..'), { recursive: true });
    // Hugo insists: a shortcode with a closing tag must use .Inner, one without must not.
    writeFileSync(file, closed ? '{{ .Inner }}' : '');
  }
}

/** Each shortcode the content calls (`{{< name … >}}`, `{{% name %}}`), and whether it is ever closed. */
function shortcodesCalled(site: string): Map<string, boolean> {
  const called = new Map<string, boolean>();
  const contentFiles = listFiles(site).filter((file) => !file.startsWith('layouts/') && /\.(md|markdown|mdown|html?|org|adoc|pandoc|rst)$/i.test(file));
  for (const file of contentFiles) {
    const text = readFileSync(join(site, file), 'utf8');
    for (const match of text.matchAll(/\{\{[<%]\s*(\/)?\s*([\w][\w./-]*)/g)) {
      const name = match[2]!;
      if (name.endsWith('.inline')) continue;
      called.set(name, (called.get(name) ?? false) || match[1] === '/');
    }
  }
  return called;
}

function messageAbout(output: string, site: string, file: string): string {
  const line = output.split('\n').find((candidate) => candidate.includes(`${site}${sep}${file}`)) ?? '';
  return line.replace(/^ERROR \d{4}\/\d\d\/\d\d [\d:]+ /, '').replaceAll(`${site}${sep}`, '').trim();
}

/**
 * `.RelPermalink` as Postcraft's routes give it: below the base path (`/blog/posts/a/` → `/posts/a/`)
 * and decoded (`/caf%C3%A9/` → `/café/`), as link paths are compared.
 */
export function urlBelowBasePath(relPermalink: string, basePath: string): string {
  const below = basePath && (relPermalink === basePath || relPermalink.startsWith(`${basePath}/`)) ? relPermalink.slice(basePath.length) || '/' : relPermalink;
  try {
    return decodeURI(below);
  } catch {
    return below;
  }
}

/** The path of the site's baseURL as Hugo reads it (`hugo config`): `/blog` for `https://example.org/blog/`. */
function hugoBasePath(site: string, config: string): string {
  const result = spawnSync('hugo', ['config', '--source', site, '--config', config], { encoding: 'utf8', timeout: buildTimeoutMs });
  const baseURL = /^baseurl = "(.*)"$/m.exec(result.stdout ?? '')?.[1] ?? '';
  try {
    return new URL(baseURL, 'http://placeholder').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

function readOracleOutput(out: string, site: string, basePath: string): Omit<GeneratorBuild, 'generator' | 'rejected'> {
  const home = listFiles(out)
    .filter((file) => file.endsWith('.html'))
    .map((file) => readFileSync(join(out, file), 'utf8'))
    .find((text) => text.startsWith(marker));
  if (!home) return { pages: [], languages: [], failure: 'Hugo built the site but rendered no oracle home page (is the home page disabled?)' };
  const data = JSON.parse(home.slice(marker.length)) as OracleOutput;
  const relativeFile = (file: string) => relative(site, file).split(sep).join('/');
  const termsOf = new Map<string, { tags: string[]; authors: string[] }>();
  for (const entry of data.terms) {
    const key = `${entry.language}\0${relativeFile(entry.file)}`;
    const terms = termsOf.get(key) ?? { tags: [], authors: [] };
    (/^authors?$/i.test(entry.taxonomy) ? terms.authors : terms.tags).push(entry.term);
    termsOf.set(key, terms);
  }
  const pages: GeneratorPage[] = data.pages.map((page) => {
    const file = relativeFile(page.file);
    const terms = termsOf.get(`${page.language}\0${file}`);
    return {
      file,
      kind: page.kind,
      language: page.language,
      title: page.title,
      derivesTitle: page.kind !== 'page',
      date: page.date || undefined,
      draft: page.draft,
      // Hugo leaves `.Params.date` empty when it could not parse the frontmatter's date.
      droppedDates: !page.dateRead && frontmatterKeys(join(site, file)).includes('date') ? ['date'] : [],
      tags: [...new Set(terms?.tags ?? [])].sort(),
      authors: [...new Set(terms?.authors ?? [])].sort(),
      // A page Hugo renders at no URL (headless, `render: never`) has an empty .RelPermalink: not compared.
      ...(page.url ? { url: urlBelowBasePath(page.url, basePath) } : {}),
    };
  });
  return { pages, languages: data.languages.length > 1 ? data.languages : [] };
}

/** The top-level keys of a content file's frontmatter (only whether `date` is there is asked). */
function frontmatterKeys(path: string): string[] {
  if (!existsSync(path)) return [];
  return Object.keys(parseFrontmatter(readFileSync(path, 'utf8'))?.data ?? {});
}

/** Hugo's error lines, each kind once, without timestamps and temp paths: what stopped the build. */
function distinctErrors(output: string, site: string): string {
  const lines = output
    .split('\n')
    .filter((line) => /\bERROR\b|^Error/.test(line))
    .map((line) => line.replace(/^ERROR \d{4}\/\d\d\/\d\d [\d:]+ /, 'ERROR ').replaceAll(`${site}${sep}`, ''));
  return [...new Set(lines)].slice(0, 8).join('\n') || output.trim().split('\n').slice(0, 8).join('\n');
}

/** One `ref`/`relref` call in a content file, and what Hugo rendered for it. */
export interface RenderedRef {
  /** The content file, relative to the site root. */
  readonly file: string;
  readonly form: 'ref' | 'relref';
  /** The shortcode's arguments as written (`"posts/a.md"`, `path="a.md" lang="fr"`). */
  readonly args: string;
  /** What Hugo rendered (`/blog/posts/a/#x`), or undefined when it reported REF_NOT_FOUND. */
  readonly rendered: string | undefined;
}

export interface RefBuild {
  readonly refs: readonly RenderedRef[];
  /** Every page with a URL, by the file it is built from (relative to the site root) and its language. */
  readonly pages: readonly { file: string; language: string; url: string }[];
  /** The REF_NOT_FOUND lines Hugo printed. */
  readonly notFound: readonly string[];
  /** The path of the site's baseURL (`/blog`), which rendered refs carry. */
  readonly basePath: string;
  readonly failure?: string;
}

const refShortcode = /\{\{([<%])\s*(ref|relref)\s+(.*?)\s*[>%]\}\}/g;
const notFoundMarker = 'POSTCRAFT-REF-NOT-FOUND';

/**
 * Builds a site with the real `hugo`, every page rendering its content, with REF_NOT_FOUND a warning
 * (`refLinksErrorLevel`) and a marker for the URL Hugo gives a ref it cannot resolve: what each
 * `ref`/`relref` call in the content became. Each call is numbered in the copy, so its output is found
 * in the HTML (`POSTCRAFT-REF-7:/blog/a/:END`).
 */
export function buildRefsWithHugo(root: string): RefBuild {
  const copy = copySite(root, 'hugo-refs');
  try {
    prepareForOracle(copy.site);
    for (const layout of ['single', 'list']) {
      mkdirSync(join(copy.site, 'layouts', '_default'), { recursive: true });
      writeFileSync(join(copy.site, 'layouts', '_default', `${layout}.html`), '{{ .Content }}');
    }
    const calls: { file: string; form: 'ref' | 'relref'; args: string }[] = [];
    for (const file of listFiles(copy.site).filter((name) => !name.startsWith('layouts/') && /\.(md|markdown)$/i.test(name))) {
      const path = join(copy.site, file);
      const text = readFileSync(path, 'utf8');
      const numbered = text.replace(refShortcode, (call: string, _delimiter: string, form: 'ref' | 'relref', args: string) => {
        calls.push({ file, form, args });
        return `POSTCRAFT-REF-${calls.length - 1}:${call}:END`;
      });
      if (numbered !== text) writeFileSync(path, numbered);
    }
    const oracleConfig = join(copy.dir, 'oracle.toml');
    writeFileSync(oracleConfig, ['ignoreErrors = ["error-disable-taxonomy"]', 'refLinksErrorLevel = "WARNING"', `refLinksNotFoundURL = "${notFoundMarker}"`].join('\n'));
    const config = [...rootConfigs.filter((name) => existsSync(join(copy.site, name))).slice(0, 1).map((name) => join(copy.site, name)), oracleConfig].join(',');
    const out = join(copy.dir, 'out');
    const result = spawnSync('hugo', ['--source', copy.site, '--config', config, '--destination', out, '--cacheDir', join(copy.dir, 'cache'), '--buildDrafts', '--buildFuture', '--buildExpired', '--enableGitInfo=false'], {
      encoding: 'utf8',
      timeout: buildTimeoutMs,
      env: { ...process.env, HUGO_ENVIRONMENT: 'production' },
    });
    const output = `${result.stdout}\n${result.stderr}`;
    if (result.status !== 0) return { refs: [], pages: [], notFound: [], basePath: '', failure: describeExit(result) || distinctErrors(output, copy.site) };
    const rendered = new Map<number, string>();
    for (const file of listFiles(out).filter((name) => name.endsWith('.html'))) {
      for (const match of readFileSync(join(out, file), 'utf8').matchAll(/POSTCRAFT-REF-(\d+):(.*?):END/g)) rendered.set(Number(match[1]), match[2]!);
    }
    const basePath = hugoBasePath(copy.site, config);
    const oracle = readOracleOutput(out, copy.site, basePath);
    return {
      refs: calls.map((call, index) => {
        const value = rendered.get(index);
        return { ...call, rendered: value === undefined || value.includes(notFoundMarker) ? undefined : unescapeHtml(value) };
      }),
      pages: oracle.pages.flatMap((page) => (page.url !== undefined ? [{ file: page.file, language: page.language ?? '', url: page.url }] : [])),
      notFound: output.split('\n').filter((line) => line.includes('REF_NOT_FOUND')).map((line) => line.replaceAll(`${copy.site}${sep}`, '')),
      basePath,
    };
  } finally {
    copy.dispose();
  }
}

function unescapeHtml(text: string): string {
  return text.replaceAll('&amp;', '&').replaceAll('&#34;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>');
}
