import type { SiteFileSystem } from '../../../host/fileSystem';
import { readPostText } from '../../../post/decodeText';
import { parseFrontmatter } from '../../../frontmatter/parse';
import { basename, dirname, isInside, joinPath } from '../../../text/paths';
import type { ConfigData } from '../../configFiles';
import { isPostPath } from '../../fileSet';
import type { SiteConfig, UnrenderedPages } from '../../model';
import { frontmatterSyntaxOf } from '../../pageKinds';
import { alwaysIgnored } from '../../walk';
import { hugoPostLanguage } from './languages';
import { fewWildcards, hugoGlob } from './mountFilters';

/** A folder Hugo reads content from, and where its files sit in the site's content tree (a mount's target). */
export interface ContentRoot {
  readonly dir: string;
  /** `''` for a folder mounted at `content`, `/docs` for one mounted at `content/docs`. */
  readonly prefix: string;
}

type Values = Readonly<Record<string, unknown>>;

/** One `cascade` entry: the front matter it gives the pages its target matches. */
interface Cascade {
  readonly values: Values;
  readonly matches: (page: PageFacts) => boolean;
}

interface PageFacts {
  readonly kind: string;
  readonly language: string;
  /** The content path as Hugo 0.111 matches it (`/docs/a.md`) and as newer Hugo does (`/docs/a`). */
  readonly paths: readonly string[];
}

/**
 * Pages Hugo reads but never renders at a URL of their own, which therefore need no title: a headless
 * page (`headless: true`; a leaf bundle's `index.md` in 0.111, any page in newer Hugo), a page whose build
 * options say `render: never` (or false), from its own front matter or through `cascade` (in the site's
 * config, top level or per language, and in a section's `_index.md` for the section and all below it),
 * and the Markdown files inside a leaf bundle, which are resources of its page. Hugo 0.111 reads `_build`
 * and `_target`; newer Hugo `build` and `target` (its `_build` still wins): both are read. A cascade is a
 * list of entries or one entry (whose target hugo 0.111 ignores, applying it everywhere; newer Hugo and
 * Postcraft honour it, as the site means); a `target` narrows it by `path` (a glob on the content path, both Hugo
 * 0.111's `/docs/a.md` and newer Hugo's `/docs/a`), `kind`, `lang` (or `sites.matrix.languages`) and
 * `environment` (matched if `production` or `development` does). The page's own keys win over a cascade's,
 * a nearer section's over a farther one's and the config's. Sources: hugo 0.111 hugolib/page__meta.go
 * (setMetadata), resources/page/page_matcher.go, resources/page/pagemeta/pagemeta.go
 * (DecodeBuildConfig); https://gohugo.io/content-management/build-options/ — checked with hugo 0.111.3
 * (`hugo list all` gives such pages no permalink, or leaves them out).
 *
 * Section cascades and bundles are read once, when the site is loaded.
 */
export async function loadUnrenderedPages(fs: SiteFileSystem, data: ConfigData, config: SiteConfig, roots: readonly ContentRoot[], branchFolders?: Set<string>): Promise<UnrenderedPages> {
  const walked = { bundles: new Set<string>(), sectionCascades: new Map<string, { language: string; cascades: Cascade[] }[]>(), branches: branchFolders };
  const configCascades = new Map<string, Cascade[]>([['', readCascades(data['cascade'])]]);
  const languageSettings = data['languages'];
  if (isTable(languageSettings)) {
    for (const [code, settings] of Object.entries(languageSettings)) if (isTable(settings)) configCascades.set(code.toLowerCase(), readCascades(settings['cascade']));
  }
  const languageOf = (path: string) => hugoPostLanguage(config, path) ?? config.languages?.defaultLanguage ?? 'en';
  await Promise.all(roots.map((root) => walkContent(fs, root, root.dir, walked, languageOf)));
  return new HugoUnrenderedPages(roots, walked.bundles, walked.sectionCascades, configCascades, new Set(config.tagKeys.concat(config.authorKeys).map((key) => key.toLowerCase())), languageOf);
}

class HugoUnrenderedPages implements UnrenderedPages {
  constructor(
    private readonly roots: readonly ContentRoot[],
    private readonly bundles: ReadonlySet<string>,
    private readonly sectionCascades: ReadonlyMap<string, readonly { language: string; cascades: Cascade[] }[]>,
    private readonly configCascades: ReadonlyMap<string, readonly Cascade[]>,
    private readonly taxonomies: ReadonlySet<string>,
    private readonly languageOf: (path: string) => string,
  ) {}

  get givesTerms(): boolean {
    const cascades = [...[...this.configCascades.values()].flat(), ...[...this.sectionCascades.values()].flatMap((entries) => entries.flatMap((entry) => entry.cascades))];
    return cascades.some((cascade) => Object.keys(cascade.values).some((key) => this.taxonomies.has(key)));
  }

  includes(path: string, frontmatter: Values | undefined): boolean {
    if (this.insideBundle(path)) return true;
    // Each key comes from the page, else from the nearest cascade whose target matches: `_build` as a whole.
    return unrenderedBy({ ...this.inherited(path), ...lowerCaseKeys(frontmatter ?? {}) });
  }

  private inherited(path: string): Record<string, unknown> {
    const inherited: Record<string, unknown> = {};
    const root = this.rootOf(path);
    if (!root) return inherited;
    const language = this.languageOf(path);
    const cascades = [...this.sectionCascadesAbove(root.prefix + dirname(path).slice(root.dir.length), language), ...(this.configCascades.get(language) ?? []), ...(this.configCascades.get('') ?? [])];
    if (cascades.length === 0) return inherited; // most sites: no cascade to match, no page facts to work out for each page
    const page = this.facts(path, root, language);
    for (const cascade of cascades) {
      if (!cascade.matches(page)) continue;
      for (const [key, value] of Object.entries(cascade.values)) if (!(key in inherited)) inherited[key] = value;
    }
    return inherited;
  }

  /** A file of a leaf bundle other than its `index.md` (one in a folder below it is a resource too). */
  private insideBundle(path: string): boolean {
    const root = this.rootOf(path);
    const ownFolder = dirname(path);
    for (let dir = /^index\./.test(basename(path)) ? dirname(ownFolder) : ownFolder; root && isInside(root.dir, dir); dir = dirname(dir)) {
      if (this.bundles.has(dir)) return true;
      if (dir === root.dir) break;
    }
    return false;
  }

  /** Cascades of the `_index` pages of the page's section and every section above it, nearest first. */
  private *sectionCascadesAbove(virtualDir: string, language: string): Generator<Cascade> {
    // A section's own cascade applies to its `_index` page too (hugo 0.111 setMetadata).
    for (let dir = virtualDir; ; dir = dir.slice(0, dir.lastIndexOf('/'))) {
      for (const entry of this.sectionCascades.get(dir) ?? []) if (entry.language === language) yield* entry.cascades;
      if (dir === '') return;
    }
  }

  private rootOf(path: string): ContentRoot | undefined {
    let best: ContentRoot | undefined;
    for (const root of this.roots) if (isInside(root.dir, path) && (!best || root.dir.length > best.dir.length)) best = root;
    return best;
  }

  private facts(path: string, root: ContentRoot, pageLanguage: string): PageFacts {
    const filePath = (root.prefix + path.slice(root.dir.length)).toLowerCase();
    const name = basename(filePath);
    const logicalName = name.replace(/(\.[^./]+)?\.[^./]+$/, (_suffixes, language: string | undefined) => (language && language.slice(1) !== pageLanguage ? language : ''));
    const folder = dirname(filePath) === '/' ? '' : dirname(filePath);
    const isList = logicalName === '_index';
    const logicalPath = isList || logicalName === 'index' ? folder || '/' : `${folder}/${logicalName}`;
    const depth = folder === '' ? 0 : folder.split('/').length - 1;
    const inTaxonomy = this.taxonomies.has(folder.split('/')[1] ?? '');
    const kind = !isList ? 'page' : depth === 0 ? 'home' : inTaxonomy && depth === 1 ? 'taxonomy' : inTaxonomy && depth === 2 ? 'term' : 'section';
    return { kind, language: pageLanguage, paths: [filePath, logicalPath] };
  }
}

/** Whether these front matter keys (lower case) say the page is not rendered. */
function unrenderedBy(values: Values): boolean {
  if ('headless' in values && goTrue(values['headless'])) return true;
  const build = values['_build'] ?? values['build'];
  if (!isTable(build)) return false;
  const render = lowerCaseKeys(build)['render'];
  // DecodeBuildConfig reads false (and 0) as never; any other word but never, always and link as always.
  return render === false || render === 0 || render === 'never' || (typeof render === 'string' && yamlFalseWords.has(render));
}

/** Go YAML (yaml.v2) reads these as false, so Hugo's `render: no` is false, then never. */
const yamlFalseWords = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', '0', 'f', 'F', 'false', 'False', 'FALSE']);
/** spf13/cast ToBool with yaml.v2's YAML 1.1 words. */
const goTrueWords = new Set(['1', 't', 'T', 'true', 'True', 'TRUE', 'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);

function goTrue(value: unknown): boolean {
  return value === true || (typeof value === 'number' && value !== 0) || (typeof value === 'string' && goTrueWords.has(value));
}

/** A `cascade` value: one entry or a list of them (newer Hugo's reading of a single table, with its target). */
function readCascades(value: unknown): Cascade[] {
  const entries = Array.isArray(value) ? value.filter(isTable) : isTable(value) ? [value] : [];
  return entries.map((entry) => {
    const values = lowerCaseKeys(entry);
    const target = values['_target'] ?? values['target'];
    return { values, matches: isTable(target) ? targetMatcher(lowerCaseKeys(target)) : () => true };
  });
}

function targetMatcher(target: Values): (page: PageFacts) => boolean {
  const glob = (key: string) => (typeof target[key] === 'string' && target[key] !== '' ? safeGlob(String(target[key])) : undefined);
  const path = glob('path');
  const kind = glob('kind');
  const environment = glob('environment');
  const sites = isTable(target['sites']) ? lowerCaseKeys(target['sites']) : {};
  const matrix = isTable(sites['matrix']) ? lowerCaseKeys(sites['matrix']) : {};
  const languageGlobs = [target['lang'], ...(Array.isArray(matrix['languages']) ? matrix['languages'] : [])].filter((item): item is string => typeof item === 'string' && item !== '').map(safeGlob);
  return (page) =>
    (!path || page.paths.some((candidate) => path.test(candidate))) &&
    (!kind || kind.test(page.kind)) &&
    (!environment || environment.test('production') || environment.test('development')) &&
    (languageGlobs.length === 0 || languageGlobs.some((language) => language.test(page.language)));
}

/** A glob as Hugo matches it (lower case, see mountFilters.ts). One Postcraft cannot (safely) run matches everything: the lenient answer. */
function safeGlob(glob: string): RegExp {
  if (!fewWildcards(glob)) return /^/;
  try {
    return hugoGlob(glob);
  } catch {
    return /^/;
  }
}

async function walkContent(
  fs: SiteFileSystem,
  root: ContentRoot,
  dir: string,
  found: { bundles: Set<string>; sectionCascades: Map<string, { language: string; cascades: Cascade[] }[]>; branches?: Set<string> | undefined },
  languageOf: (path: string) => string,
): Promise<void> {
  const entries = await fs.readDirectory(dir);
  const files = entries.filter((entry) => entry.type === 'file' && isPostPath(entry.name));
  if (files.some((entry) => /^index\./.test(entry.name))) {
    found.bundles.add(dir); // everything below is the bundle's: no pages, no sections
    return;
  }
  // Folders with an `_index` file, by their place in the content tree (`docs/sub`): sections for the URL rules.
  if (found.branches && files.some((file) => /^_index\./.test(file.name))) found.branches.add((root.prefix + dir.slice(root.dir.length)).replace(/^\/+/, ''));
  for (const entry of files.filter((file) => /^_index\./.test(file.name))) {
    const path = joinPath(dir, entry.name);
    const decoded = await readPostText(fs, path);
    if (!decoded || !('text' in decoded) || !/cascade/i.test(decoded.text)) continue;
    const cascade = lowerCaseKeys(parseFrontmatter(decoded.text, frontmatterSyntaxOf('hugo'))?.data ?? {})['cascade'];
    const cascades = readCascades(cascade);
    if (cascades.length === 0) continue;
    const virtualDir = root.prefix + dir.slice(root.dir.length);
    const list = found.sectionCascades.get(virtualDir) ?? [];
    list.push({ language: languageOf(path), cascades });
    found.sectionCascades.set(virtualDir, list);
  }
  const subdirs = entries.filter((entry) => entry.type === 'directory' && !entry.name.startsWith('.') && !alwaysIgnored.has(entry.name));
  await Promise.all(subdirs.map((entry) => walkContent(fs, root, joinPath(dir, entry.name), found, languageOf)));
}

function lowerCaseKeys(values: Values): Record<string, unknown> {
  const lowered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (key !== '__proto__') lowered[key.toLowerCase()] = value;
  return lowered;
}

function isTable(value: unknown): value is Values {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}
