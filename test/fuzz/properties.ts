/**
 * The properties the core must keep whatever a repository holds. Each runs a configurable number of
 * cases: a few in `test/unit/fuzz.test.ts` (part of `npm test`), many in `scripts/fuzz.mjs`.
 */
import fc from 'fast-check';
import { createPostcraftService, type Finding } from '../../src/core/index';
import { InMemoryFileSystem } from '../../src/core/host/inMemoryFileSystem';
import type { DirectoryEntry, FileStat, SiteFileSystem } from '../../src/core/host/fileSystem';
import { parseFrontmatter } from '../../src/core/frontmatter/parse';
import { decodePostBytes } from '../../src/core/post/decodeText';
import { globMatcher, globToRegExp } from '../../src/core/settings/siteSettings';
import { isInside, relativePath } from '../../src/core/text/paths';
import { anyPostText, escapingReference, postBytes, renderPost, validPost, type PostModel } from './arbitraries';
import { applyEdits, assertFindingsInside, assertInsideSite, assertRangeInside, assertWithin, fail, linesOf, rangeOffsets } from './invariants';
import { fuzzSites, type FuzzSite } from './sites';

/**
 * Milliseconds one case may take (all calls of the case together): `POSTCRAFT_FUZZ_MAX_MS`, else 3 s in
 * the full run. A hang is seconds to hours; the slowest case seen is about one second.
 */
export const fuzzSettings = { caseBoundMs: Number(process.env['POSTCRAFT_FUZZ_MAX_MS'] ?? 3000) };

/** The slowest case seen, and how many ran. */
export class CaseStats {
  cases = 0;
  worstMs = 0;
  worstSize = 0;
  totalMs = 0;

  /** The start of the slowest input, to tell which shape it was. */
  worstSample = '';

  time<T>(input: string, what: string, run: () => T): T {
    const started = performance.now();
    const result = run();
    this.record(performance.now() - started, input, what);
    return result;
  }

  async timeAsync<T>(input: string, what: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await run();
    this.record(performance.now() - started, input, what);
    return result;
  }

  private record(ms: number, input: string, what: string): void {
    const size = input.length;
    this.cases++;
    this.totalMs += ms;
    if (ms > this.worstMs) {
      this.worstMs = ms;
      this.worstSize = size;
      this.worstSample = input.slice(0, 120);
    }
    assertWithin(ms, fuzzSettings.caseBoundMs, `${what} on ${size} characters`);
  }
}

export interface FuzzProperty {
  /** A sentence naming what must hold. */
  readonly name: string;
  /** Share of the full run's cases. */
  readonly weight: number;
  build(sites: readonly FuzzSite[], stats: CaseStats): fc.IRawProperty<unknown>;
}

const siteAndText = (sites: readonly FuzzSite[]) => fc.constantFrom(...sites).chain((site) => fc.tuple(fc.constant(site), anyPostText(site.vocabulary)));

function errorsOf(text: string): string[] {
  return (parseFrontmatter(text)?.problems ?? []).filter((problem) => problem.severity === 'error').map((problem) => problem.code);
}

export const properties: readonly FuzzProperty[] = [
  {
    name: 'checkText never throws on any post text, and every finding, related place and fix edit lies inside the document',
    weight: 30,
    build: (sites, stats) =>
      fc.property(siteAndText(sites), ([site, text]) => {
        const findings = stats.time(text, 'checkText', () => site.service.checkText(site.postPath, text));
        assertFindingsInside(text, site.postPath, site.root, findings);
      }),
  },
  {
    name: 'completion, hover and document links never throw at any offset, answer with ranges inside the document and point only at files inside the site',
    weight: 20,
    build: (sites, stats) =>
      fc.property(siteAndText(sites), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), ([site, text], positions) => {
        const offsets = positions.map((n) => n % (text.length + 1));
        const { completions, hovers, links } = stats.time(text, 'completions, hover and links', () => ({
          completions: offsets.flatMap((offset) => site.service.completions(site.postPath, text, offset)),
          hovers: offsets.map((offset) => site.service.hover(site.postPath, text, offset)),
          links: site.service.documentLinks(site.postPath, text),
        }));
        for (const entry of completions) assertRangeInside(text, entry.range, `completion "${entry.label}"`);
        for (const hover of hovers) {
          if (!hover) continue;
          assertRangeInside(text, hover.range, 'hover');
          for (const image of hover.images) assertInsideSite(site.root, image, 'hover image');
        }
        for (const link of links) {
          assertRangeInside(text, link.range, `link to ${link.target}`);
          assertInsideSite(site.root, link.target, 'document link');
        }
      }),
  },
  {
    name: 'checkFile on any bytes gives one unreadable-file notice for what is not text, and otherwise exactly what checkText gives for the decoded text',
    weight: 15,
    build: (sites, stats) =>
      fc.asyncProperty(
        fc.constantFrom(...sites).chain((site) => fc.tuple(fc.constant(site), postBytes(site.vocabulary))),
        async ([site, bytes]) => {
          site.fs.write(relativePath(site.root, site.postPath), bytes);
          const findings = await stats.timeAsync(new TextDecoder().decode(bytes), 'checkFile', () => site.service.checkFile(site.postPath));
          const decoded = decodePostBytes(bytes);
          const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
          const validUtf8 = (() => {
            try {
              new TextDecoder('utf-8', { fatal: true }).decode(bytes);
              // A stray NUL (at most one per thousand bytes of the first 8 KB) is still text.
              const sniff = bytes.subarray(0, 8192);
              return sniff.filter((byte) => byte === 0).length * 1000 <= sniff.byteLength;
            } catch {
              return false;
            }
          })();
          if (!isUtf16 && !validUtf8 && 'text' in decoded) fail('bytes that are not UTF-8 text were decoded as a post');
          if ('unreadable' in decoded) {
            if (findings.length !== 1 || findings[0]!.code !== 'unreadable-file') fail(`an unreadable file gave ${JSON.stringify(findings.map((f) => f.code))}`);
            assertRangeInside('', findings[0]!.range, 'unreadable-file notice');
            return;
          }
          assertFindingsInside(decoded.text, site.postPath, site.root, findings);
          const fromText = site.service.checkText(site.postPath, decoded.text);
          if (JSON.stringify(fromText) !== JSON.stringify(findings)) fail('checkFile and checkText disagree on the same text');
        },
      ),
  },
  {
    name: 'every quick fix edits only the target of its finding, keeps the frontmatter parseable and removes the finding it fixes',
    weight: 20,
    build: (sites, stats) =>
      fc.property(
        fc.constantFrom(...sites).chain((site) => fc.tuple(fc.constant(site), validPost(site.vocabulary))),
        ([site, model]) => {
          const text = renderPost(model);
          const before = errorsOf(text);
          if (before.some((code) => code !== 'toml-syntax')) fail(`the generated post does not parse: ${before.join(', ')}\n${text}`);
          const findings = stats.time(text, 'checkText', () => site.service.checkText(site.postPath, text));
          assertFindingsInside(text, site.postPath, site.root, findings);
          const frontmatter = parseFrontmatter(text)!;
          for (const finding of findings) {
            for (const fix of finding.fixes) {
              if (fix.edits.length === 0) continue;
              checkFix(site, model, text, frontmatter.contentRange, finding, fix.title, fix.edits);
            }
          }
          site.service.checkText(site.postPath, text);
        },
      ),
  },
  {
    name: 'image references that try to leave the site are never resolved outside it, and those climbing above the root are reported as outside the site',
    weight: 10,
    build: (sites, stats) =>
      fc.property(fc.constantFrom(...sites), fc.array(escapingReference, { minLength: 1, maxLength: 4 }), (site, references) => {
        const imageKey = site.vocabulary.imageFields.find((key) => /^[a-z]+$/i.test(key)) ?? 'image';
        const body = references.flatMap((reference) => [`![x](${reference})`, `<img src="${reference}">`, `{{< figure src="${reference}" >}}`]).join('\n');
        const text = `---\ntitle: Escape\n${imageKey}: ${JSON.stringify(references[0])}\n---\n${body}\n`;
        const { findings, links } = stats.time(text, 'checkText and links', () => ({ findings: site.service.checkText(site.postPath, text), links: site.service.documentLinks(site.postPath, text) }));
        assertFindingsInside(text, site.postPath, site.root, findings);
        for (const link of links) assertInsideSite(site.root, link.target, 'document link');
        const lines = linesOf(text);
        for (const reference of references) {
          const offset = text.indexOf(`![x](${reference})`) + 5;
          const hover = site.service.hover(site.postPath, text, offset + 1);
          for (const image of hover?.images ?? []) assertInsideSite(site.root, image, 'hover image');
          if (!/^(\.\.\/){12}[^?#%]/.test(reference)) continue;
          const finding = findings.find((candidate) => rangeOffsets(lines, candidate.range, 'finding').start === offset);
          if (finding?.code !== 'image-outside-site') fail(`"${reference}" climbs above the site but is reported as ${finding?.code ?? 'nothing'}`);
        }
      }),
  },
  {
    name: 'opening a site never throws, never reads outside the workspace folder and finishes in bounded time, whatever its config files say',
    weight: 5,
    build: (_sites, stats) =>
      fc.asyncProperty(hostileWorkspace, async (files) => {
        const disk = new InMemoryFileSystem('/', files);
        const reads: string[] = [];
        const recording: SiteFileSystem = {
          readFile: (path) => (reads.push(path), disk.readFile(path)),
          stat: (path): Promise<FileStat | undefined> => (reads.push(path), disk.stat(path)),
          readDirectory: (path): Promise<DirectoryEntry[]> => (reads.push(path), disk.readDirectory(path)),
        };
        const service = createPostcraftService({ fs: recording });
        const configs = Object.entries(files).filter(([path]) => !/\.md$|secret|site2/.test(path)).map(([path, content]) => `${path}: ${new TextDecoder().decode(content)}`).join('\n');
        const sites = await stats.timeAsync(configs, 'openWorkspace', () => service.openWorkspace([workspace]));
        const outside = reads.filter((path) => !isInside(workspace, path));
        if (outside.length > 0) fail(`read outside the workspace: ${[...new Set(outside)].slice(0, 5).join(', ')}`);
        for (const site of sites) {
          for (const post of [...site.posts.keys()].slice(0, 3)) {
            const text = new TextDecoder().decode(files[post.slice(1)] ?? new Uint8Array());
            assertFindingsInside(text, post, site.root, service.checkText(post, text));
          }
        }
      }),
  },
  {
    name: "the ignore-glob matcher agrees with the glob's regular expression on every path",
    weight: 3,
    build: (_sites, stats) =>
      fc.property(
        fc.array(fc.constantFrom('a', 'b', '.', '/', '*', '**', '**/', '?'), { maxLength: 10 }).map((parts) => parts.join('')),
        fc.array(fc.constantFrom('a', 'b', '.', '/', 'ab/'), { maxLength: 12 }).map((parts) => parts.join('')),
        (glob, path) => {
          const matched = stats.time(path, 'globMatcher', () => globMatcher(glob)(path));
          if (matched !== globToRegExp(glob).test(path)) fail(`"${glob}" on "${path}": the matcher says ${matched}, the regular expression ${!matched}`);
        },
      ),
  },
];

/** The checks of one fix, on a post generated from `model`. */
function checkFix(site: FuzzSite, model: PostModel, text: string, content: { start: number; end: number }, finding: Finding, title: string, edits: Finding['fixes'][number]['edits']): void {
  const what = `fix "${title}" of ${finding.code} "${finding.message}" (${model.format})`;
  const lines = linesOf(text);
  const target = rangeOffsets(lines, finding.range, 'finding');
  for (const edit of edits) {
    const span = rangeOffsets(lines, edit.range, what);
    if (title === `Ignore this ${finding.code} here`) {
      // A suppression comment inserted at the start of the finding's line.
      const lineStart = span.start === 0 || /[\r\n]$/.test(text.slice(0, span.start));
      if (span.start !== span.end || span.start > target.start || !lineStart || /[\r\n]/.test(text.slice(span.start, target.start))) fail(`${what}: inserts at ${span.start}-${span.end}, not at the start of its finding's line ${target.start}`);
    } else if (finding.code === 'duplicate-key') {
      // The repeat goes; where the generator keeps the last value (Jekyll), every earlier definition goes
      // instead, the first among them: each edit removes one entry inside the frontmatter.
      const first = finding.related ? rangeOffsets(lines, finding.related[0]!.range, 'first definition') : undefined;
      const keepsLast = first !== undefined && /keeps only the last value/.test(finding.message);
      const [removed, kept] = keepsLast ? [first, target] : [target, first];
      if (span.start < content.start || span.end > content.end) fail(`${what}: removes ${span.start}-${span.end}, outside the frontmatter ${content.start}-${content.end}`);
      if (kept && span.start < kept.end && kept.start < span.end) fail(`${what}: also removes the entry it keeps`);
      const removesIt = (other: { start: number; end: number }) => other.start <= removed.start && other.end >= removed.end;
      if (!edits.some((other) => removesIt(rangeOffsets(lines, other.range, what)))) fail(`${what}: no edit removes the entry ${removed.start}-${removed.end}`);
    } else if (finding.code === 'schema' && finding.message.startsWith('Missing')) {
      const atLineStart = span.start === content.end || /[\r\n]$/.test(text.slice(0, span.start));
      if (span.start !== span.end || span.start < content.start || span.start > content.end || !atLineStart) fail(`${what}: inserts at ${span.start}-${span.end}, not at a line start of the frontmatter ${content.start}-${content.end}`);
    } else if (span.start < target.start || span.end > target.end) {
      fail(`${what}: edits ${span.start}-${span.end}, outside its finding ${target.start}-${target.end}`);
    }
  }
  const fixed = applyEdits(text, edits);
  const spans = edits.map((edit) => rangeOffsets(lines, edit.range, what));
  const first = Math.min(...spans.map((span) => span.start));
  const last = Math.max(...spans.map((span) => span.end));
  if (fixed.slice(0, first) !== text.slice(0, first) || fixed.slice(fixed.length - (text.length - last)) !== text.slice(last)) fail(`${what}: changed text outside its edits`);
  const before = errorsOf(text);
  const after = errorsOf(fixed);
  if (after.length > before.length || (before.length === 0 && after.length > 0)) fail(`${what}: leaves the frontmatter unparseable (${after.join(', ')})\n--- before\n${text}\n--- after\n${fixed}`);
  if (parseFrontmatter(fixed)?.format !== model.format) fail(`${what}: the frontmatter is no longer ${model.format}`);
  // The finding it fixes is gone. Others of its kind may come: a tag fixed to the established spelling
  // makes that spelling more established, and a slip of it on the same post then shows.
  const same = (found: readonly Finding[]) => found.filter((candidate) => candidate.code === finding.code && candidate.message === finding.message).length;
  if (title === `Ignore this ${finding.code} here`) {
    // Silenced on its line (now one further down); a check that reports a repeated mistake once may then report the next one.
    const line = finding.range.start.line + 1;
    const left = site.service.checkText(site.postPath, fixed).filter((candidate) => candidate.code === finding.code && candidate.range.start.line === line);
    if (left.length > 0) fail(`${what}: still reported on its line\n--- after\n${fixed}`);
    return;
  }
  const remaining = same(site.service.checkText(site.postPath, fixed));
  const original = same(site.service.checkText(site.postPath, text));
  if (remaining >= original) fail(`${what}: "${finding.message}" went from ${original} to ${remaining}\n--- before\n${text}\n--- after\n${fixed}`);
}

// ---------------------------------------------------------------------------------------------------
// A workspace whose configs point everywhere

const workspace = '/work/site';
const outsidePaths = ['../secret', '../../secret', '/secret', '../../../../secret/authors.yml', '/secret/authors.yml', '..', '/', '', '../site2', '../site2/authors.yml', '/secret/passwd', '.', 'content', '../../secret/content.config.ts', '/secret/img'];

const hostileValue = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...outsidePaths) }, { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 30 }) });

const configTemplates: readonly ((p: readonly string[]) => Record<string, string>)[] = [
  (p) => ({
    'hugo.toml': `baseURL = "https://x.org/${p[0]}"\ncontentDir = ${JSON.stringify(p[1])}\nstaticDir = [${JSON.stringify(p[2])}, "static"]\ntheme = ${JSON.stringify(p[3])}\n[taxonomies]\ntag = "tags"\nauthor = "authors"\n[[module.mounts]]\nsource = ${JSON.stringify(p[4])}\ntarget = "static"\n`,
    'data/authors.yaml': 'jane:\n  name: Jane\n',
  }),
  (p) => ({
    '_config.yml': `source: ${JSON.stringify(p[0])}\ndata_dir: ${JSON.stringify(p[1])}\ncollections_dir: ${JSON.stringify(p[2])}\nbaseurl: ${JSON.stringify(p[3])}\ncollections:\n  authors:\n    output: true\nexclude: [${JSON.stringify(p[4])}]\n`,
  }),
  (p) => ({
    'docusaurus.config.js': `export default { baseUrl: ${JSON.stringify(p[0])}, staticDirectories: [${JSON.stringify(p[1])}], presets: [['classic', { blog: { path: ${JSON.stringify(p[2])}, authorsMapPath: ${JSON.stringify(p[3])}, tags: ${JSON.stringify(p[4])} }, docs: { path: ${JSON.stringify(p[2])} } }]], plugins: [['@docusaurus/plugin-content-blog', { path: ${JSON.stringify(p[1])}, authorsMapPath: ${JSON.stringify(p[0])} }]] };\n`,
  }),
  (p) => ({
    'astro.config.mjs': `export default defineConfig({ srcDir: ${JSON.stringify(p[0])}, publicDir: ${JSON.stringify(p[1])}, base: ${JSON.stringify(p[2])} });\n`,
    'src/content.config.ts': `const authors = defineCollection({ loader: file(${JSON.stringify(p[3])}) });\nconst people = defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(p[4])} }) });\nconst blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/blog' }), schema: z.object({ author: reference('authors'), team: z.array(reference('people')) }) });\nexport const collections = { authors, people, blog };\n`,
    'tsconfig.json': `{ "compilerOptions": { "baseUrl": ${JSON.stringify(p[1])}, "paths": { "@x/*": [${JSON.stringify(`${p[2]}/*`)}] } } }\n`,
  }),
  (p) => ({
    'eleventy.config.js': `export default function (config) {\n  config.addPassthroughCopy({ ${JSON.stringify(p[0])}: ${JSON.stringify(p[1])} });\n  config.ignores.add(${JSON.stringify(p[2])});\n  return { dir: { input: ${JSON.stringify(p[3])}, data: ${JSON.stringify(p[4])}, includes: ${JSON.stringify(p[1])} } };\n}\n`,
    'package.json': JSON.stringify({ scripts: { build: `eleventy --input=${p[3]} --output=${p[0]}` } }),
    '.eleventyignore': `${p[2]}\n${p[4]}\n`,
  }),
];

const settingsFile = (p: readonly string[]) => ({ 'postcraft.config.json': JSON.stringify({ imageFields: [p[0]], ignore: [p[1]], requiredFields: ['title'], newPostTemplate: p[2] }) });

const hostileWorkspace: fc.Arbitrary<Record<string, Uint8Array>> = fc
  .tuple(fc.constantFrom(...configTemplates), fc.array(hostileValue, { minLength: 5, maxLength: 5 }), fc.boolean(), fc.option(fc.tuple(fc.nat(), fc.constantFrom('{', '[', '(', '"', "'", '`', '\0', '\n', '/*', '//', 'defineCollection(', 'glob(', '&a [*a,*a]', '---'), fc.integer({ min: 1, max: 5_000 })), { nil: undefined }))
  .map(([template, values, withSettings, damage]) => {
    const config = { ...template(values), ...(withSettings ? settingsFile(values) : {}) };
    if (damage) {
      const names = Object.keys(config);
      const name = names[damage[0] % names.length]!;
      const text = config[name as keyof typeof config]!;
      const at = damage[0] % (text.length + 1);
      (config as Record<string, string>)[name] = text.slice(0, at) + damage[1].repeat(damage[2]) + text.slice(at);
    }
    const files: Record<string, string> = {
      ...Object.fromEntries(Object.entries(config).map(([name, content]) => [`work/site/${name}`, content])),
      'work/site/content/posts/a.md': '---\ntitle: A\ntags: [go]\nauthors: [jane]\n---\n![x](../../../../secret/img/x.png)\n',
      'work/site/src/content/blog/a.md': '---\ntitle: A\nauthor: jane\n---\n',
      'work/site/blog/2024-01-01-a.md': '---\ntitle: A\nauthors: [jane]\n---\n',
      'work/site/_posts/2024-01-01-a.md': '---\ntitle: A\nauthor: jane\n---\n',
      'work/site/archetypes/default.md': '---\ntitle: "{{ .Title }}"\n---\n',
      'work/site2/authors.yml': 'sibling:\n  name: Not in this site\n',
      'secret/authors.yml': 'leaked:\n  name: Secret\n',
      'secret/authors.json': '{"leaked": {"name": "Secret"}}',
      'secret/passwd': 'root:x:0:0:root:/root:/bin/bash\n',
      'secret/content.config.ts': 'export const collections = {};\n',
      'secret/img/x.png': 'png',
      'secret/authors/leaked.yml': 'name: Secret\n',
      'secret/posts/leak.md': '---\ntitle: Secret\n---\n',
    };
    return Object.fromEntries(Object.entries(files).map(([path, content]) => [path, new TextEncoder().encode(content)]));
  });

export interface PropertyOutcome {
  readonly name: string;
  readonly numRuns: number;
  readonly stats: CaseStats;
  readonly details: fc.RunDetails<unknown>;
}

/**
 * Runs one property for `numRuns` cases (optionally from `seed`), without throwing. `shrink: false`
 * reports the first failing case as it is: shrinking a slow case re-runs it hundreds of times.
 */
export async function runProperty(property: FuzzProperty, numRuns: number, seed?: number, shrink = true): Promise<PropertyOutcome> {
  const sites = await fuzzSites();
  const stats = new CaseStats();
  const details = (await fc.check(property.build(sites, stats), { numRuns, endOnFailure: !shrink, ...(seed === undefined ? {} : { seed }) })) as fc.RunDetails<unknown>;
  return { name: property.name, numRuns, stats, details };
}

/** How the full budget splits across properties, by weight (at least one case each). */
export function runsFor(property: FuzzProperty, total: number): number {
  const weights = properties.reduce((sum, candidate) => sum + candidate.weight, 0);
  return Math.max(1, Math.round((total * property.weight) / weights));
}
