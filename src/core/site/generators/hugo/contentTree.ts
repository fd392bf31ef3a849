import type { LinkReference } from '../../../links/model';
import { isInsideIgnored } from '../../gitIgnoredFolders';
import { isInside } from '../../../text/paths';
import { urlKey } from '../../../links/urlMap';
import type { SiteConfig } from '../../model';
import type { RouteSite, TemplateLinkTarget } from '../../routes/generatorRoutes';
import { hugoContentFile, hugoContentFiles, hugoRoutingOf, hugoTermPath, type HugoContentFile, type HugoRouting } from '../../routes/hugo';
import { hugoTermKey, makePathSanitized } from './terms';
import { escapeRegExp } from '../../../text/regExp';
import { closestMatches } from '../../../text/similarity';

/** A node of Hugo's page tree: the content file it is built from, if any (an automatic section or a term has none). */
interface TreeNode {
  readonly path: string | undefined;
  /** Built from a Markdown post Postcraft indexes (not `.html`/`.org` content). */
  readonly isPost: boolean;
  /** Its file name, for `getSectionOrPage`'s "a section named by its `_index` file". */
  readonly fileName?: string;
}

const ambiguous: TreeNode = { path: undefined, isPost: false };

/**
 * One language's page tree, keyed as Hugo 0.111 keys it (hugolib/content_map.go): sections by their
 * lower-cased folder (`/blog/`), pages by section and their path below it, taxonomies and terms, and the
 * reverse index of last names for the logical-name lookup (`ambiguous` when two nodes share one).
 */
class LanguageTree {
  readonly sections = new Map<string, TreeNode>([['/', { path: undefined, isPost: false }]]);
  readonly pages = new Map<string, TreeNode>();
  readonly taxonomies = new Map<string, TreeNode>();
  readonly byName = new Map<string, TreeNode>();
  /** URL paths of list pages Hugo makes (sanitized, without trailing slash): sections, taxonomies, terms. */
  readonly listUrls = new Set<string>();

  constructor(readonly language: string) {}

  addName(key: string, node: TreeNode): void {
    const name = key.toLowerCase();
    const existing = this.byName.get(name);
    if (existing === undefined) this.byName.set(name, node);
    else if (existing !== node) this.byName.set(name, ambiguous);
  }
}

interface CachedTree {
  readonly tree: HugoContentTree;
  /** The site's `linkTargetsVersion` (and post count) the tree was built at. */
  readonly version: string;
}

const cache = new WeakMap<ReadonlyMap<string, unknown>, CachedTree>();

function versionOf(site: RouteSite): string {
  return `${site.linkTargetsVersion}:${site.posts.size}`;
}

/**
 * The site's Hugo page tree, built from its posts (and its other content files) when first asked for and
 * kept until a page is added or removed or a URL changes. (Keystrokes reuse it: a rebuild is a fifth of
 * a second on a 10,000-post site. A tag typed since rebuilds it only when a term URL is asked about: see
 * `unusedTermPage`.)
 */
export function hugoContentTree(site: RouteSite): HugoContentTree | undefined {
  const routing = hugoRoutingOf(site.config);
  if (!routing) return undefined;
  const cached = cache.get(site.posts);
  if (cached && cached.tree.config === site.config && cached.version === versionOf(site)) return cached.tree;
  return rebuild(site, routing);
}

function rebuild(site: RouteSite, routing: HugoRouting): HugoContentTree {
  const tree = new HugoContentTree(site, routing);
  cache.set(site.posts, { tree, version: versionOf(site) });
  return tree;
}

/** Content formats Hugo renders besides Markdown: pages too, which Postcraft does not check. */
const otherContentFormats = /\.(html?|org|adoc|asciidoc|pandoc|pdc|rst|mmark)$/i;

export class HugoContentTree {
  readonly config: SiteConfig;
  private readonly trees = new Map<string, LanguageTree>();
  /** Where term pages start that a dated `[permalinks]` pattern places (`/topics`): any URL below is taken as one of them. */
  private readonly termPatterns = new Set<string>();
  /** Whether content Postcraft does not read (Org, AsciiDoc, HTML pages; a content adapter) may use terms too. */
  private unreadContent = false;
  /** The site's `termsVersion` the terms were read at. */
  private readonly termsVersion: number | undefined;

  constructor(
    private readonly site: RouteSite,
    private readonly routing: HugoRouting,
  ) {
    this.config = site.config;
    this.termsVersion = site.termsVersion;
    // Each file once per place Hugo publishes it (hugoContentFiles): another language's fallback copy is a
    // page of that language's tree, unless a file of that language (or a mount before) takes its place.
    // A page's terms are its summary's tags and authors as they are: no copy per page.
    const files: { path: string; file: HugoContentFile; isPost: boolean; isCopy: boolean; tags: readonly string[]; authors: readonly string[] }[] = [];
    const copies: typeof files = [];
    const add = (path: string, isPost: boolean, tags: readonly string[], authors: readonly string[]) => {
      const [file, ...others] = hugoContentFiles(site.config, path, routing.defaultLanguage);
      if (!file) return;
      files.push({ path, file, isPost, isCopy: false, tags, authors });
      for (const copy of others) copies.push({ path, file: copy, isPost, isCopy: true, tags, authors });
    };
    for (const [path, post] of site.posts) add(path, true, post.tags, post.authors);
    for (const path of site.files.all()) {
      if (!(otherContentFormats.test(path) || path.endsWith('/_content.gotmpl')) || !site.config.contentDirs.some((dir) => isInside(dir, path))) continue;
      this.unreadContent = true;
      if (otherContentFormats.test(path)) add(path, false, [], []);
    }
    files.push(...copies);
    // Files below a leaf bundle's folder are its resources, not pages.
    const leafDirs = new Set(files.filter(({ file }) => file.stem === 'index' && file.dir !== '').map(({ file }) => file.dir.toLowerCase()));
    const pages = files.filter(({ file }) => !insideLeaf(leafDirs, file));
    // Branch nodes first (Hugo inserts every `_index` before it attaches pages to their nearest section).
    for (const { path, file, isPost, isCopy } of pages) {
      if (file.stem !== '_index') continue;
      const tree = this.treeFor(file.language);
      const node: TreeNode = { path, isPost, fileName: file.name.toLowerCase() };
      const key = sectionKey(file.dir);
      if (isCopy && (tree.sections.has(key) || tree.taxonomies.has(key))) continue;
      if (file.dir !== '' && this.isTaxonomyDir(file.dir)) tree.taxonomies.set(key, node); // its own route places a term page
      else {
        tree.sections.set(key, node);
        tree.listUrls.add(this.sanitize(`/${file.dir}`));
      }
    }
    // The list page of a top-level folder, sanitized once per folder (not once per page in it).
    const topUrls = new Map<string, string>();
    for (const { path, file, isPost, isCopy } of pages) {
      if (file.stem === '_index') continue;
      const tree = this.treeFor(file.language);
      const bundlePath = `/${file.stem === 'index' ? file.dir : joinDir(file.dir, file.stem)}`.toLowerCase();
      if (bundlePath.indexOf('/', 1) > 0) {
        // A page below a top-level folder makes that folder a section (CreateMissingNodes).
        const root = bundlePath.slice(0, bundlePath.indexOf('/', 1) + 1);
        if (!tree.sections.has(root)) tree.sections.set(root, { path: undefined, isPost: false });
        const slash = file.dir.indexOf('/');
        const top = slash === -1 ? file.dir : file.dir.slice(0, slash);
        let url = topUrls.get(top);
        if (url === undefined) topUrls.set(top, (url = this.sanitize(`/${top}`)));
        tree.listUrls.add(url);
      }
      const section = longestPrefix(tree.sections, `${parentDir(bundlePath)}/`.replace(/^\/\/$/, '/'))!;
      const name = bundlePath.slice(section.length).replace(/^\//, '');
      if (isCopy && tree.pages.has(pageKey(section, name))) continue;
      const node: TreeNode = { path, isPost };
      tree.pages.set(pageKey(section, name), node);
      tree.addName(name.slice(name.lastIndexOf('/') + 1), node);
    }
    for (const tree of this.trees.values()) {
      for (const [key, node] of tree.sections) tree.addName(lastName(key), node);
    }
    // Taxonomies, and a term page for every term a page of the language uses.
    const authorTaxonomies = routing.taxonomies.filter((plural) => /^authors?$/i.test(plural));
    const tagTaxonomies = routing.taxonomies.filter((plural) => !/^authors?$/i.test(plural));
    for (const language of new Set([...this.trees.keys(), routing.defaultLanguage])) {
      const tree = this.treeFor(language);
      for (const plural of routing.taxonomies) {
        const key = sectionKey(plural);
        if (!tree.taxonomies.has(key)) tree.taxonomies.set(key, { path: undefined, isPost: false });
        tree.listUrls.add(this.sanitize(`/${plural}`));
      }
    }
    // A term is used by many pages: its nodes and URLs are the same each time, made once per language.
    const termsSeen = new Map<string, { readonly tags: Set<string>; readonly authors: Set<string> }>();
    const addTerms = (tree: LanguageTree, taxonomy: 'tags' | 'authors', terms: readonly string[], seen: Set<string>) => {
      for (const term of terms) {
        if (seen.has(term)) continue;
        seen.add(term);
        const termKey = hugoTermKey(term, { removePathAccents: site.config.removePathAccents });
        // Postcraft's tags merge every tag-like taxonomy: the term is given one node in each of them, the
        // same one (its `_index` file's, if it has one), so that it is not taken for two pages of one name.
        const plurals = taxonomy === 'authors' ? authorTaxonomies : tagTaxonomies;
        const shared = plurals.map((plural) => tree.taxonomies.get(sectionKey(`${plural}/${termKey}`))).find(Boolean) ?? { path: undefined, isPost: false };
        for (const plural of plurals) {
          const key = sectionKey(`${plural}/${termKey}`);
          if (!tree.taxonomies.has(key)) tree.taxonomies.set(key, shared);
          const url = hugoTermPath(site.config, routing, plural, term, termKey);
          if (url) tree.listUrls.add(url);
          else this.termPatterns.add(this.sanitize(routing.permalinks.term[plural]!.split(':')[0]!).replace(/\/+$/, ''));
        }
      }
    };
    for (const { file, tags, authors } of pages) {
      if (tags.length === 0 && authors.length === 0) continue;
      let seen = termsSeen.get(file.language);
      if (!seen) termsSeen.set(file.language, (seen = { tags: new Set(), authors: new Set() }));
      const tree = this.treeFor(file.language);
      addTerms(tree, 'tags', tags, seen.tags);
      addTerms(tree, 'authors', authors, seen.authors);
    }
    for (const tree of this.trees.values()) for (const [key, node] of tree.taxonomies) tree.addName(lastName(key), node);
  }

  private treeFor(language: string): LanguageTree {
    let tree = this.trees.get(language);
    if (!tree) this.trees.set(language, (tree = new LanguageTree(language)));
    return tree;
  }

  private isTaxonomyDir(dir: string): boolean {
    const parts = dir.split('/');
    return parts.length <= 2 && this.routing.taxonomies.includes(parts[0]!.toLowerCase());
  }

  private sanitize(path: string): string {
    return makePathSanitized(path, { removePathAccents: this.config.removePathAccents, disablePathToLower: this.routing.disablePathToLower });
  }

  /**
   * Whether Hugo makes a page at this URL path (below the base path) from no file of its own: the home
   * page, section, taxonomy and term lists (and their `/page/N/` pages and `index.xml` feeds), the
   * sitemap, robots.txt and 404 page, in each language's tree below its prefix.
   */
  isGeneratedUrl(url: string): boolean {
    const answer = this.generated(url);
    if (answer || !this.stale()) return answer;
    return rebuild(this.site, this.routing).generated(url);
  }

  private generated(url: string): boolean {
    let path = url.replace(/[?#].*$/, '');
    if (!path.startsWith('/')) path = `/${path}`;
    const disabled = this.routing.disableKinds;
    const prefixes = Object.entries(this.routing.languagePrefixes);
    const prefixed = prefixes.find(([, prefix]) => prefix !== '' && isInside(`/${prefix}`, path));
    const languages = prefixed ? [prefixed[0]] : prefixes.filter(([, prefix]) => prefix === '').map(([code]) => code);
    if (prefixed) path = path.slice(prefixed[1].length + 1) || '/';
    // A multilingual site also writes the default language's home (a redirect) and sitemap below its code.
    const defaultHome = `/${this.routing.defaultLanguage}`;
    if (!prefixed && prefixes.length > 1 && !this.routing.multihost && isInside(defaultHome, path)) {
      const rest = path.slice(defaultHome.length);
      if (rest === '' || rest === '/' || rest === '/index.html' || rest === '/sitemap.xml') return true;
    }
    if (path === '/sitemap.xml') return !disabled.includes('sitemap');
    if (path === '/robots.txt') return !disabled.includes('robotstxt');
    if (path === '/404.html') return !disabled.includes('404');
    // With every language in a subfolder, Hugo writes a redirect to the default one at the root.
    if (!prefixed && (path === '/' || path === '/index.html') && languages.length === 0) return true;
    let key = path;
    if (key.endsWith('/index.xml')) {
      if (disabled.includes('rss')) return false;
      key = key.slice(0, -'index.xml'.length);
    }
    key = key.replace(/\/index\.html$/, '/').replace(/\.html$/, '').replace(/\/+$/, '');
    const paged = new RegExp(`^(.*)/${escapeRegExp(this.routing.paginatePath)}/\\d+$`).exec(key);
    if (paged) key = paged[1]!;
    if (key === '') return !disabled.includes('home');
    // Below a mount whose source is absent (a submodule not fetched), Postcraft cannot know the pages: silence.
    if (this.routing.absentContentFolders.some((target) => isInsideIgnored(target.endsWith('*') ? `${this.sanitize(`/${target.slice(0, -1)}`)}*` : this.sanitize(`/${target}`), key) || isInsideIgnored(`/${target}`, key))) return true;
    for (const start of this.termPatterns) if (isInside(start || '/', key)) return true; // placed by their pages' dates: silence
    if (this.otherFormatPage(key)) return true;
    if (this.outputFormatFile(url, path, languages)) return true;
    return languages.some((language) => this.trees.get(language)?.listUrls.has(key) ?? false);
  }

  /**
   * Asked of a URL that is no page and no list Hugo makes (see isGeneratedUrl): the taxonomy whose term page it would
   * be, with the URLs of the used terms spelt closest. Hugo makes a term page only for a term a page of the language
   * has (or an `_index` file describes): `/tags/unused/` is a 404 (hugo 0.111.3). Undefined where that is not the
   * question, or where Postcraft may not know every term: terms a `cascade` gives, content it does not read (see
   * `unreadContent`), folders absent from the copy, term pages disabled or placed by a `[permalinks]` pattern.
   */
  unusedTermPage(url: string): { readonly taxonomy: string; readonly closest: readonly string[] } | undefined {
    // A tag typed since the tree was built keeps it (see hugoContentTree): a term question asks a current one.
    if (this.termsVersion !== this.site.termsVersion || this.stale()) return rebuild(this.site, this.routing).unusedTermPage(url);
    const routing = this.routing;
    if (this.unreadContent || routing.absentContentFolders.length > 0 || this.config.unrenderedPages?.givesTerms) return undefined;
    if (routing.disableKinds.includes('term') || routing.disableKinds.includes('taxonomy')) return undefined;
    // The link's fragment is cut already: a `#` here is the term's own (`C#`, written `%23`), which Hugo keeps.
    let path = url.replace(/\?.*$/, '');
    if (!path.startsWith('/')) path = `/${path}`;
    const prefixed = Object.entries(routing.languagePrefixes).find(([, prefix]) => prefix !== '' && isInside(`/${prefix}`, path));
    const language = prefixed?.[0] ?? routing.defaultLanguage;
    if (prefixed) path = path.slice(prefixed[1].length + 1) || '/';
    const key = path.replace(/\/index\.(?:html|xml)$/, '/').replace(/\.html$/, '').replace(/\/+$/, '').replace(new RegExp(`/${escapeRegExp(routing.paginatePath)}/\\d+$`), '');
    const [, plural, term, ...below] = key.split('/');
    if (plural === undefined || term === undefined || term === '' || below.length > 0) return undefined;
    const taxonomy = routing.taxonomies.find((name) => this.sanitize(`/${name}`) === `/${plural}`);
    if (taxonomy === undefined || routing.permalinks.term[taxonomy] !== undefined) return undefined;
    const tree = this.trees.get(language);
    let written: string;
    try {
      written = decodeURIComponent(term);
    } catch {
      return undefined;
    }
    const used = [...(tree?.listUrls ?? [])].filter((listUrl) => listUrl.startsWith(`/${plural}/`) && listUrl.indexOf('/', plural.length + 2) === -1);
    const lowerCase = `/${plural}/${written}`.toLowerCase();
    // A term written as it is used (a URL whose letters only the link's encoding or case changed): not for this rule.
    if (used.some((listUrl) => listUrl === `/${plural}/${written}` || listUrl.toLowerCase() === lowerCase) || tree?.taxonomies.has(sectionKey(`${taxonomy}/${written}`))) return undefined;
    const prefix = prefixed ? `/${prefixed[1]}` : '';
    const names = used.map((listUrl) => listUrl.slice(plural.length + 2));
    // As a link writes them: a term's `#`, `?`, `%` or space escaped (`/tags/c%23-9/`).
    return { taxonomy, closest: closestMatches(written.toLowerCase(), names, 3).map((name) => `${prefix}/${plural}/${name.replace(/[%#? ]/g, encodeURIComponent)}/`) };
  }

  /** `/events/index.ics`: a file an output format writes in the folder of a page or list (see HugoRouting.outputFiles). */
  private outputFormatFile(url: string, path: string, languages: readonly string[]): boolean {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!this.routing.outputFiles.includes(name)) return false;
    const folder = urlKey(url.replace(/[?#].*$/, '').slice(0, -name.length));
    if (this.pageUrlKeys().has(folder)) return true;
    const key = path.slice(0, -name.length).replace(/\/+$/, '');
    return key === '' || languages.some((language) => this.trees.get(language)?.listUrls.has(key) ?? false);
  }

  /** The URL keys of the pages, made once per tree (a tree is rebuilt when the pages change, see `stale`). */
  private pageUrlKeys(): ReadonlySet<string> {
    if (!this.pageUrls) {
      this.pageUrls = new Set();
      for (const page of this.site.posts.values()) if (page.route) this.pageUrls.add(urlKey(page.route.url));
    }
    return this.pageUrls;
  }

  private pageUrls: Set<string> | undefined;

  /**
   * A page Hugo renders from a content format Postcraft does not check (Org, AsciiDoc, HTML, Pandoc,
   * reStructuredText) at its file's path: `/posts/x` from `content/posts/x.org` or `…/x/index.org`.
   * (Its slug, url or permalink are not read: such a page found elsewhere is only missed, never reported.)
   */
  private otherFormatPage(key: string): boolean {
    const files = this.site.files;
    return this.site.config.contentDirs.some((dir) => otherFormatExtensions.some((extension) => files.has(`${dir}${key}${extension}`) || files.has(`${dir}${key}/index${extension}`) || files.has(`${dir}${key}/_index${extension}`)));
  }

  private stale(): boolean {
    const cached = cache.get(this.site.posts);
    return !cached || cached.tree !== this || cached.version !== versionOf(this.site);
  }

  /**
   * The page a `ref`/`relref` names (`byName`), or a template's `.Page.GetPage` finds (not by name: only
   * ref and relref take that "potentially ambiguous lookup"), by Hugo 0.111's lookup (hugolib/pagecollections.go
   * getContentNode; `GetPage "date.md"` finds no content/methods/date.md from another section, checked with hugo 0.111.3).
   */
  resolveRef(fromPath: string, link: LinkReference, byName = true): TemplateLinkTarget {
    const answer = this.lookUp(fromPath, link, byName);
    const staleFind = answer.status === 'found' && !this.site.posts.has(answer.path);
    if ((answer.status === 'missing' || staleFind) && this.stale()) return rebuild(this.site, this.routing).lookUp(fromPath, link, byName);
    return answer;
  }

  private lookUp(fromPath: string, link: LinkReference, byName: boolean): TemplateLinkTarget {
    const from = hugoContentFile(this.config, fromPath, this.routing.defaultLanguage);
    const ref = link.path;
    const pathc = from ? joinDir(from.dir, from.name) : fromPath;
    // `#heading` alone (or nothing) is this page.
    if (ref === '') return { status: 'found', path: fromPath };
    const lang = link.options?.['lang'];
    let language = from?.language ?? this.routing.defaultLanguage;
    if (lang !== undefined && lang !== '' && lang !== language) {
      if (!this.config.languages?.codes.has(lang) && lang !== this.routing.defaultLanguage) return { status: 'missing', why: `REF_NOT_FOUND: Ref "${ref}": no site found with lang "${lang}"` };
      language = lang;
    }
    const tree = this.trees.get(language) ?? new LanguageTree(language);
    const notFound = (what: string): TemplateLinkTarget => ({ status: 'missing', why: `REF_NOT_FOUND: Ref "${ref}" from page "${pathc}": ${what}` });
    const found = this.contentNode(tree, from, ref, byName);
    if (found === 'ambiguous') return notFound(`page reference "${this.joined(from, ref)}" is ambiguous`);
    if (!found) return this.belowAbsentFolder(this.joined(from, ref)) ? { status: 'unknown' } : notFound('page not found');
    return found.path && found.isPost ? { status: 'found', path: found.path } : { status: 'unknown' };
  }

  /** Whether a content path lies in a folder whose pages Postcraft cannot know (`absentContentFolders`). */
  private belowAbsentFolder(contentPath: string): boolean {
    const path = contentPath.toLowerCase().replace(/\.[^./]*$/, '').replace(/\/+$/, '');
    return this.routing.absentContentFolders.some((target) => isInsideIgnored(`/${target.toLowerCase()}`, path));
  }

  /**
   * The ref made absolute against the page's folder: a leaf bundle's is the folder above, unless the ref climbs
   * (hugo 0.111), or always (`fromBundleParent`: Hugo ≥ 0.123, where docsy.dev's bundle links `../language/`).
   */
  private joined(from: HugoContentFile | undefined, written: string, fromBundleParent = false): string {
    const ref = written.trim().toLowerCase() || '/';
    if (!from || ref.startsWith('/')) return ref.startsWith('/') ? ref : `/${ref}`;
    const base = from.stem === 'index' && (fromBundleParent || !ref.startsWith('..')) ? parentDir(`/${from.dir}`) : `/${from.dir}`;
    return goJoin(base.toLowerCase(), ref);
  }

  private contentNode(tree: LanguageTree, from: HugoContentFile | undefined, written: string, byName: boolean): TreeNode | 'ambiguous' | undefined {
    const inRef = written.trim().toLowerCase() || '/';
    const simple = byName && shouldDoSimpleLookup(inRef);
    const ref = this.joined(from, written);
    const first = this.sectionOrPage(tree, ref);
    if (first.node) return first.node;
    // Hugo ≥ 0.124 trims a trailing slash first (hugolib/pagecollections.go getContentNode, gohugoio/hugo#12096), so
    // crossplane's `/v1.20/concepts/providers/` names providers.md: either Hugo's answer is taken.
    if (ref.length > 1 && ref.endsWith('/')) {
      const trimmed = this.sectionOrPage(tree, ref.replace(/\/+$/, ''));
      if (trimmed.node) return trimmed.node;
    }
    // Hugo ≥ 0.123 reads a climbing ref of a leaf bundle from the folder above it too: either Hugo's answer is taken.
    if (from?.stem === 'index' && inRef.startsWith('..')) {
      const climbed = this.sectionOrPage(tree, this.joined(from, written, true));
      if (climbed.node) return climbed.node;
    }
    if (!inRef.startsWith('/')) {
      const again = this.sectionOrPage(tree, `/${inRef}`);
      if (again.node) return again.node;
      // Trimmed there too by Hugo ≥ 0.124 (tomy0000000/blog's `relref "posts/2024-march-dump/"` from another post, hugo 0.154).
      const trimmed = inRef.length > 1 && inRef.endsWith('/') ? this.sectionOrPage(tree, `/${inRef.replace(/\/+$/, '')}`) : undefined;
      if (trimmed?.node) return trimmed.node;
    }
    // A term or taxonomy page, from the page's folder, else (Hugo ≥ 0.124, glaforge.dev's `ref "tags/retrieval-augmented-generation/"`)
    // from the content root.
    let belowTaxonomy = false;
    for (const path of inRef.startsWith('/') ? [ref] : [ref, `/${inRef}`]) {
      const pref = path.endsWith('/') ? path : `${path}/`;
      const taxonomy = longestPrefix(tree.taxonomies, pref);
      if (taxonomy !== undefined && slashCount(pref) === slashCount(taxonomy)) return tree.taxonomies.get(taxonomy);
      belowTaxonomy ||= taxonomy !== undefined;
    }
    if (belowTaxonomy || !simple) return undefined;
    const named = tree.byName.get(goBase(first.name));
    return named === ambiguous ? 'ambiguous' : named;
  }

  /** hugo 0.111 getSectionOrPage: a section by its folder (or its `_index` file), else a page of the nearest section. */
  private sectionOrPage(tree: LanguageTree, ref: string): { node?: TreeNode; name: string } {
    const pref = ref.endsWith('/') ? ref : `${ref}/`;
    const section = longestPrefix(tree.sections, pref);
    const node = section === undefined ? undefined : tree.sections.get(section);
    if (node && section === pref) return { node, name: '' };
    const filename = ref.slice(section?.length ?? 0).replace(/^\//, '');
    const nameOf = (withoutExtension: string) => {
      const name = withoutExtension.endsWith(`.${tree.language}`) ? withoutExtension.slice(0, -tree.language.length - 1) : withoutExtension;
      return name.replace(/\/_?index$/, '');
    };
    // hugo 0.111 cuts any extension (`0.9.0` looks up `0.9`); Hugo ≥ 0.123 only a content format's, so docsy.dev's
    // `0.9.0/` names 0.9.0.md: either Hugo's answer is taken.
    const stripped = filename.replace(/\.[^./]*$/, '');
    const names = stripped === filename || contentExtension.test(filename) ? [nameOf(stripped)] : [nameOf(stripped), nameOf(filename)];
    if (section === undefined || !node) return { name: names[0]! };
    if (node.fileName !== undefined && node.fileName === filename) return { node, name: names[0]! };
    for (const name of names) {
      const page = tree.pages.get(pageKey(section, name));
      if (page) return { node: page, name };
    }
    return { name: names[0]! };
  }
}

function insideLeaf(leafDirs: ReadonlySet<string>, file: HugoContentFile): boolean {
  const dir = file.dir.toLowerCase();
  for (let at = file.stem === 'index' ? parentDir(`/${dir}`).slice(1) : dir; at !== ''; at = parentDir(`/${at}`).slice(1)) if (leafDirs.has(at)) return true;
  return false;
}

function sectionKey(dir: string): string {
  const clean = dir.toLowerCase().replace(/^\/+|\/+$/g, '');
  return clean === '' ? '/' : `/${clean}/`;
}

function pageKey(section: string, name: string): string {
  return `${section}\0${name}`;
}

/** The last name of a tree key (`/blog/tech/` → `tech`, `/` → `/`), as Hugo's reverse index keys it. */
function lastName(key: string): string {
  return key === '/' ? '/' : goBase(key);
}

function joinDir(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function parentDir(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '' : path.slice(0, slash);
}

/** The longest key of `map` that `path` starts with (keys end with `/`, so whole folders only). */
function longestPrefix(map: ReadonlyMap<string, unknown>, path: string): string | undefined {
  for (let end = path.length; end > 0; end = path.lastIndexOf('/', end - 2) + 1) {
    const candidate = path.slice(0, end);
    if (map.has(candidate)) return candidate;
    if (end === 1) break;
  }
  return undefined;
}

/** For `myarticle.md` and `/myarticle.md`, not `./myarticle` or `section/myarticle` (hugo 0.111 shouldDoSimpleLookup). */
function shouldDoSimpleLookup(ref: string): boolean {
  if (ref.startsWith('.')) return false;
  const slashes = slashCount(ref);
  if (slashes > 1) return false;
  return slashes === 0 || ref.startsWith('/');
}

function slashCount(text: string): number {
  let count = 0;
  for (const char of text) if (char === '/') count++;
  return count;
}

/** Go's path.Base. */
function goBase(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's path.Join of an absolute base and a relative path. */
function goJoin(base: string, ref: string): string {
  const out: string[] = [];
  for (const segment of `${base}/${ref}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}


/** A content format's extension, which Hugo ≥ 0.123 cuts from a ref (any other stays part of the name). */
const contentExtension = /\.(?:md|markdown|mdown|mkd|mkdn|mdwn|html|htm|org|adoc|asciidoc|ad|pandoc|pdc|rst|mmark)$/i;

/** The extensions of `otherContentFormats`, to look a page's file up by its URL. */
const otherFormatExtensions = ['.html', '.htm', '.org', '.adoc', '.asciidoc', '.pandoc', '.pdc', '.rst', '.mmark'];
