import { checkOptionsKey } from './checks/checkOptionsKey';
import { seoFacts, type SeoFacts } from './site/seoFacts';
import { noCancellation, throwIfCancelled, type CancellationToken } from './host/cancellation';
import { confinedFileSystem } from './host/confinedFileSystem';
import type { SiteFileSystem } from './host/fileSystem';
import { eachInSlices } from './host/timeSlices';
import { silentLogger, type Logger } from './host/logger';
import type { Finding } from './checks/finding';
import { fragmentChecks, runChecks, type CheckOptions } from './checks/runChecks';
import { checkWhileIndexing, finishCheck, type HalfChecked } from './checks/twoPassCheck';
import { weighShownImages } from './checks/brokenImages';
import { describeUnreadable, readPostText } from './post/decodeText';
import { described, formatMessage, type Message, type Translate } from './l10n/message';
import { parsePost, type ParsedPost } from './post/parsedPost';
import { detectSites, type DetectedSite } from './site/detect';
import { checkCacheOf, loadSiteWithCache, type CachedSite, type CheckCache } from './cache/checkCache';
import { isImagePath } from './site/fileSet';
import { summarizePost } from './site/postSummary';
import { importedMarkdown } from './post/partialImports';
import { receivedHalfChecked, type PostWorkers } from './service/postWorkers';
import { Site } from './site/site';
import { isConfigInput, type GeneratorProfile } from './site/generators/profile';
import { siteSettingsFileName } from './settings/siteSettings';
import { basename, isInside, joinPath } from './text/paths';
import type { EditorDocument } from './text/editorDocument';
import { sitePathOfUri } from './text/uris';
import { completionsAt, type CompletionEntry } from './features/completions';
import { documentLinks, type DocumentLink } from './features/documentLinks';
import { hoverAt, type HoverInfo } from './features/hover';
import { linkDestinationAt } from './features/linkNavigation';
import { headingAt, planFragmentEdits, planMoveEdits, planUrlChangeEdits, renamedHeadingId, type MoveOptions, type PathMove } from './features/linkUpdates';
import { backlinksTo, type Backlink } from './features/backlinks';
import type { OpenText } from './features/renameTag';
import type { TextEdit } from './checks/finding';
import type { Range } from './text/lineIndex';
import { LineIndex } from './text/lineIndex';
import { decodePostBytes } from './post/decodeText';
import { routesOf } from './site/routes';
import { dirname, extname } from './text/paths';
import { postPaths, postsByAuthor } from './site/siteOverview';
import { tagClusters, type TagCluster } from './features/tagClusters';
import { planNewPost, postSections, type NewPostPlan, type NewPostRequest } from './features/newPost';
import { planTagRename } from './features/renameTag';
import { addListValue, type OffsetEdit } from './features/frontmatterEdits';
import { planImageInsertion, type ChosenDestination, type ImageInsertion } from './features/imagePlacement';
import { fixAll, type FixAllResult } from './features/fixAll';

export interface PostcraftHost {
  readonly fs: SiteFileSystem;
  readonly logger?: Logger;
  /**
   * Whether every post will be checked right after the sites are opened (the CLI always; the extension
   * when it checks the whole workspace): each post is then checked as it is indexed, and read once.
   */
  readonly checksAfterOpening?: () => boolean;
  /** Other threads that index a large site's posts (the CLI's `--jobs`); without it, all on this one. */
  readonly postWorkers?: PostWorkers;
  /** The language of the text features write (hover, completion details, link tooltips); English unless set. Findings stay English, with their template. */
  readonly translate?: Translate;
}

export type FileChange = 'created' | 'changed' | 'deleted';

/** An open site as plain data. */
export interface SiteSummary {
  readonly root: string;
  /** The generator's name as shown to writers (`Hugo`, `Jekyll`, …). */
  readonly generator: string;
  readonly posts: number;
  /** Why parts of the site may be unseen (a config Postcraft cannot read, a site too large to list); the fronts show them translated. */
  readonly configProblems: readonly Message[];
}

/** What the status bar says of a site: its posts (without list and author pages), its other pages, tags and authors. */
export interface SiteStatus extends SiteSummary {
  readonly otherPages: number;
  readonly tags: number;
  readonly authors: number;
}

/** A site's posts by tag, by author and the drafts (the Posts view), as plain data. */
export interface PostsOverview {
  readonly site: SiteSummary;
  /** Every tag with its posts, in the tag index's order; `registered` when an author of the registry has that name. */
  readonly tags: readonly { readonly tag: string; readonly posts: readonly string[]; readonly registered: boolean }[];
  /** Every author with their posts, most posts first; `registered` when the site's authors registry knows the name. */
  readonly authors: readonly { readonly author: string; readonly posts: readonly string[]; readonly registered: boolean }[];
  readonly drafts: readonly string[];
  /** Each page's title, whether it is a draft, and its publication date (`YYYY-MM-DD…`) when it has one. */
  readonly pages: ReadonlyMap<string, { readonly title: string | undefined; readonly draft: boolean; readonly date: string | undefined }>;
}

export interface SiteCheckProgress {
  readonly done: number;
  readonly total: number;
}

/**
 * The one entry point of the core: the extension, the CLI and the tests all start here.
 * Holds the sites of the open workspace and keeps them current as files change.
 */
export class PostcraftService {
  private sites: Site[] = [];
  private readonly logger: Logger;

  constructor(private readonly host: PostcraftHost) {
    this.logger = host.logger ?? silentLogger;
  }

  get openSites(): readonly Site[] {
    return this.sites;
  }

  /**
   * Detects and indexes every site in the given folders (replacing those already open). With `warm`
   * (the editor's warm start), posts unchanged since `warm.previous` are not read, each post's findings
   * for `warm.options` are ready for `checkFile`, and `checkCache` holds the cache to keep for next time.
   */
  async openWorkspace(folders: readonly string[], token: CancellationToken = noCancellation, warm?: WarmOpen): Promise<readonly Site[]> {
    const detected = (await Promise.all(folders.map((folder) => detectSites(this.host.fs, folder, token)))).flat();
    if (warm) return this.openWarm(detected, warm, token);
    const sites: Site[] = [];
    this.halfChecked.clear();
    this.knownFindings = undefined;
    const checkEach = this.host.checksAfterOpening?.() === true ? async (site: Site, post: ParsedPost) => void this.halfChecked.set(post.path, await checkWhileIndexing(site, post)) : undefined;
    try {
      for (const { root, profile, configFile } of detected) {
        throwIfCancelled(token);
        const started = Date.now();
        const site = this.host.postWorkers ? await this.loadWithWorkers(this.host.postWorkers, root, profile, configFile, token, checkEach !== undefined) : await Site.load(this.host.fs, root, profile, configFile, token, checkEach);
        this.logger.info(`Indexed ${profile.displayName} site ${root}: ${site.posts.size} posts, ${site.files.size} files, ${site.authors.size} authors, ${site.tags.size} tags in ${Date.now() - started} ms`);
        for (const problem of site.configProblems) this.logger.warn(`${root}: ${formatMessage(problem)}`);
        sites.push(site);
      }
    } catch (error) {
      this.halfChecked.clear(); // a cancelled run's findings belong to sites that were never opened
      throw error;
    }
    this.sites = sites;
    return sites;
  }

  /**
   * `Site.load` with the posts indexed (and half-checked) by `workers`, their results recorded in the
   * posts' order; a site the workers decline is indexed here as usual.
   */
  private async loadWithWorkers(workers: PostWorkers, root: string, profile: GeneratorProfile, configFile: string | undefined, token: CancellationToken, check: boolean): Promise<Site> {
    const { site, files } = await Site.open(this.host.fs, root, profile, configFile, token);
    const paths = files.filter((file) => site.isPost(file));
    const elsewhere = workers.indexPosts({ root, generator: profile.id, configFile, files, truncated: site.truncated }, paths, check);
    if (!elsewhere) {
      await site.indexPosts(this.host.fs, paths, token, check ? async (indexed, post) => void this.halfChecked.set(post.path, await checkWhileIndexing(indexed, post)) : undefined);
    } else {
      for (const indexed of await elsewhere) {
        if (indexed.kind === 'no-page') site.forgetPost(indexed.path);
        if (indexed.kind !== 'page') continue;
        if (indexed.half) this.halfChecked.set(indexed.path, receivedHalfChecked(indexed.path, indexed.half));
        if (indexed.imports) site.partials.record(indexed.path, indexed.imports);
        site.updatePost(indexed.path, indexed.summary);
      }
      throwIfCancelled(token);
    }
    await site.indexFragments(this.host.fs, token);
    return site;
  }

  /**
   * The folders that are sites by their own say (a generator's config file, or a plain folder holding
   * `postcraft.config.json`), found without indexing anything: a `config.toml` that is not Hugo's
   * (`.cargo/config.toml`, a tool's settings) makes none, so the editor need not index such a workspace.
   */
  async findSites(folders: readonly string[], token: CancellationToken = noCancellation): Promise<readonly { readonly root: string; readonly generator: string }[]> {
    const detected = (await Promise.all(folders.map((folder) => detectSites(this.host.fs, folder, token)))).flat();
    // A folder nothing marks is checked as plain Markdown, but is no site unless postcraft.config.json makes it one.
    const own = await Promise.all(detected.map(async (site) => site.profile.id !== 'markdown' || (await this.host.fs.stat(joinPath(site.root, siteSettingsFileName))) !== undefined));
    return detected.filter((_, index) => own[index]).map(({ root, profile }) => ({ root, generator: profile.displayName }));
  }

  private async openWarm(detected: readonly DetectedSite[], warm: WarmOpen, token: CancellationToken): Promise<readonly Site[]> {
    const startedAt = Date.now();
    const sites: Site[] = [];
    const cached = new Map<string, CachedSite>();
    const findings = new Map<string, readonly Finding[]>();
    for (const found of detected) {
      throwIfCancelled(token);
      const loaded = await loadSiteWithCache(this.host.fs, found, warm.options, warm.previous?.sites[found.root], warm.version, startedAt, token);
      const { site } = loaded;
      this.logger.info(`Indexed ${site.profile.displayName} site ${site.root} from the cache in ${Date.now() - startedAt} ms: ${loaded.reused} posts unchanged, ${loaded.checked} read`);
      for (const problem of site.configProblems) this.logger.warn(`${site.root}: ${formatMessage(problem)}`);
      for (const [path, fileFindings] of loaded.findings) findings.set(path, fileFindings);
      cached.set(site.root, loaded.cached);
      sites.push(site);
    }
    this.halfChecked.clear();
    this.knownFindings = { options: checkOptionsKey(warm.options), findings };
    this.checkCache = checkCacheOf(cached, warm.previous);
    this.sites = sites;
    return sites;
  }

  /** The cache the last warm `openWorkspace` made, to keep for the next start. */
  checkCache: CheckCache | undefined;

  /** Each file's findings from a warm `openWorkspace`, for the options it checked with, until a change drops them. */
  private knownFindings: { readonly options: string; readonly findings: Map<string, readonly Finding[]> } | undefined;

  /** The innermost site that holds `path`. */
  siteFor(path: string): Site | undefined {
    let best: Site | undefined;
    for (const site of this.sites) if (isInside(site.root, path) && (!best || site.root.length > best.root.length)) best = site;
    return best;
  }

  /**
   * Parses the text of a post (an open editor's, maybe unsaved) and records its tags in the index.
   * The last parse of each open post is kept, so diagnostics, completion and hover share one parse.
   */
  parse(path: string, text: string): { site: Site; post: ParsedPost } | undefined {
    const site = this.siteFor(path);
    if (!site || !site.isPost(path)) return undefined;
    const cached = this.recentParses.get(path);
    if (cached?.text === text) return { site, post: cached };
    const post = parsePost(path, text, site.frontmatterSyntax);
    if (!site.builds(post.frontmatter, path)) {
      site.forgetPost(path); // a file the generator copies as it is: nothing in it to check
      return undefined;
    }
    site.updatePost(path, summarizePost(post, site.config, site.languageOf(path)));
    // A partial the text imports now is checked from the next whole-site check on.
    site.partials.record(path, importedMarkdown(post, site.config));
    this.recentParses.delete(path);
    this.recentParses.set(path, post);
    if (this.recentParses.size > 32) this.recentParses.delete(this.recentParses.keys().next().value!);
    return { site, post };
  }

  private readonly recentParses = new Map<string, ParsedPost>();

  /**
   * Each post's findings from while it was indexed, until its site-wide checks run (see
   * `checksAfterOpening`). A change on disk drops what it may have made stale.
   */
  private readonly halfChecked = new Map<string, HalfChecked>();

  // Documents by URI and version (text/editorDocument.ts), for fronts that hold editor documents (the
  // language server): thin wrappers over the path-based methods below, which the other fronts call.

  /** The site path of a document's URI (text/uris.ts); undefined for a URI that names no file. */
  documentPath(document: EditorDocument): string | undefined {
    return sitePathOfUri(document.uri);
  }

  /**
   * `parse` of a document, keyed by (uri, version): while the version stands, the last parse is reused
   * without reading or comparing the text.
   */
  parseDocument(document: EditorDocument): { site: Site; post: ParsedPost } | undefined {
    const path = this.documentPath(document);
    if (path === undefined) return undefined;
    const site = this.siteFor(path);
    if (!site?.isPost(path)) return undefined; // as `parse` answers, without reading the text
    const key = `${document.version}\u0000${document.uri}`;
    const cached = this.recentParses.get(path);
    if (cached && this.parsedVersions.get(cached) === key) return { site, post: cached };
    const parsed = this.parse(path, document.getText());
    if (parsed) this.parsedVersions.set(parsed.post, key);
    return parsed;
  }

  /** The (uri, version) each recent parse of a document was made for. */
  private readonly parsedVersions = new WeakMap<ParsedPost, string>();

  /** Findings for a document's current text (`checkText`). */
  checkDocument(document: EditorDocument, options: CheckOptions = {}): Finding[] {
    const parsed = this.parseDocument(document);
    if (parsed) return runChecks(parsed.site, parsed.post, options);
    const path = this.documentPath(document);
    // A partial that posts import is checked as a fragment (see `checkText`); other files have nothing to check.
    return path !== undefined && this.siteFor(path)?.isFragment(path) ? this.checkText(path, document.getText(), options) : [];
  }

  completionsInDocument(document: EditorDocument, offset: number): CompletionEntry[] {
    const parsed = this.parseDocument(document);
    return parsed ? completionsAt(parsed.site, parsed.post, offset, this.host.translate) : [];
  }

  hoverInDocument(document: EditorDocument, offset: number): HoverInfo | undefined {
    const parsed = this.parseDocument(document);
    return parsed ? hoverAt(parsed.site, parsed.post, offset, this.host.translate) : undefined;
  }

  linksInDocument(document: EditorDocument): DocumentLink[] {
    const parsed = this.parseDocument(document);
    return parsed ? documentLinks(parsed.site, parsed.post, this.host.translate) : [];
  }

  /** `definition` in a document: its text is the parsed one, so `parse` finds it at once. */
  async definitionInDocument(document: EditorDocument, offset: number, openText: OpenText = noOpenText): Promise<{ readonly path: string; readonly range: Range } | undefined> {
    const parsed = this.parseDocument(document);
    return parsed ? this.definition(parsed.post.path, parsed.post.text, offset, openText) : undefined;
  }

  /** Completions at `offset` of the post's text. */
  completions(path: string, text: string, offset: number): CompletionEntry[] {
    const parsed = this.parse(path, text);
    return parsed ? completionsAt(parsed.site, parsed.post, offset, this.host.translate) : [];
  }

  hover(path: string, text: string, offset: number): HoverInfo | undefined {
    const parsed = this.parse(path, text);
    return parsed ? hoverAt(parsed.site, parsed.post, offset, this.host.translate) : undefined;
  }

  /** Lengths, words, reading time and outline of a post (preview card, hover, status bar); `undefined` outside a site's posts. */
  seoFacts(path: string, text: string): SeoFacts | undefined {
    const parsed = this.parse(path, text);
    return parsed ? seoFacts(parsed.site, parsed.post) : undefined;
  }

  documentLinks(path: string, text: string): DocumentLink[] {
    const parsed = this.parse(path, text);
    return parsed ? documentLinks(parsed.site, parsed.post, this.host.translate) : [];
  }

  /**
   * Where the link at `offset` leads: the page or file it reaches, at the heading its fragment names.
   * The target's text is the open editor's (`openText`) or the saved file's, where the heading's line is.
   */
  async definition(path: string, text: string, offset: number, openText: OpenText = noOpenText): Promise<{ readonly path: string; readonly range: Range } | undefined> {
    const parsed = this.parse(path, text);
    const destination = parsed && linkDestinationAt(parsed.site, parsed.post, offset);
    if (!destination) return undefined;
    const start = { line: 0, character: 0 };
    if (!destination.anchor) return { path: destination.path, range: { start, end: start } };
    const targetText = destination.path === path ? text : (openText(destination.path) ?? (await this.readText(destination.path)));
    if (targetText === undefined) return { path: destination.path, range: { start, end: start } };
    const lines = new LineIndex(targetText);
    return { path: destination.path, range: lines.rangeOf(destination.anchor.range.start, destination.anchor.range.end) };
  }

  /**
   * The edits that keep links working when posts or folders move (`from` → `to`, before the move): links
   * to them across their sites, their own relative links, and (`addAliases`, Hugo) their old URL as an alias.
   */
  async planMove(moves: readonly PathMove[], options: MoveOptions = {}, openText: OpenText = noOpenText, token: CancellationToken = noCancellation): Promise<TextEdit[]> {
    const edits: TextEdit[] = [];
    for (const site of this.sites) {
      const inSite = moves.filter((move) => isInside(site.root, move.from) && isInside(site.root, move.to));
      if (inSite.length === 0) continue;
      const moved = [...site.posts.keys(), ...site.files.all()].filter((file) => inSite.some((move) => isInside(move.from, file)));
      if (moved.length === 0) continue;
      // Only a post that names a moved file somehow (its name, its folder's, its URL's last segment) can link to it.
      const needles = new Set<string>();
      for (const file of moved) {
        const name = basename(file);
        const stem = name.slice(0, name.length - extname(name).length);
        needles.add(stem === 'index' || stem === '_index' ? basename(dirname(file)) : stem);
        const url = site.posts.get(file)?.route?.url;
        if (url) needles.add(basename(url.replace(/\/+$/, '').replace(/\.html$/, '')) || url);
      }
      const movedPosts = new Set(moved.filter((file) => site.posts.has(file)));
      const sources = await this.readPosts(site, openText, token, (file, text) => movedPosts.has(file) || [...needles].some((needle) => needle !== '' && text.includes(needle)));
      edits.push(...planMoveEdits(site, inSite, sources, options));
    }
    return edits;
  }

  /** The page's old and new URL when `text` publishes it elsewhere than `savedText` (a `slug`, `url` or `permalink` edited). */
  urlChange(path: string, savedText: string, text: string): { readonly oldUrl: string; readonly newUrl: string } | undefined {
    const site = this.siteFor(path);
    if (!site?.isPost(path)) return undefined;
    const routeOf = (source: string) => routesOf(site.config.generator).pageRoute(site.config, path, parsePost(path, source, site.frontmatterSyntax).frontmatter?.data ?? {});
    const oldUrl = routeOf(savedText)?.url;
    const newUrl = routeOf(text)?.url;
    return oldUrl && newUrl && oldUrl !== newUrl ? { oldUrl, newUrl } : undefined;
  }

  /**
   * The edits for a page whose URL changes from what `savedText` gives to what `text` gives (a `slug`
   * edited): every URL link to the old URL across the site. Empty when the URL stays.
   */
  async planUrlChange(path: string, savedText: string, text: string, openText: OpenText = noOpenText, token: CancellationToken = noCancellation): Promise<TextEdit[]> {
    const site = this.siteFor(path);
    const change = this.urlChange(path, savedText, text);
    if (!site || !change) return [];
    const needle = basename(change.oldUrl.replace(/\/+$/, '').replace(/\.html$/, ''));
    const sources = await this.readPosts(site, (file) => (file === path ? text : openText(file)), token, (_file, source) => source.includes(needle));
    return planUrlChangeEdits(site, path, change.oldUrl, change.newUrl, sources);
  }

  /** The heading whose text the cursor is on, for renaming it (F2); undefined elsewhere. */
  headingToRename(path: string, text: string, offset: number): { readonly range: Range; readonly text: string } | undefined {
    const parsed = this.parse(path, text);
    const heading = parsed && headingAt(parsed.site, parsed.post, offset);
    return heading && { range: parsed.post.lines.rangeOf(heading.start, heading.end), text: heading.text };
  }

  /** Renames the heading at `offset` to `newText`, and every `#fragment` across the site that named its old ID. */
  async planHeadingRename(path: string, text: string, offset: number, newText: string, openText: OpenText = noOpenText, token: CancellationToken = noCancellation): Promise<TextEdit[]> {
    const parsed = this.parse(path, text);
    const heading = parsed && headingAt(parsed.site, parsed.post, offset);
    if (!parsed || !heading) return [];
    const { site, post } = parsed;
    const edits: TextEdit[] = [{ file: path, range: post.lines.rangeOf(heading.start, heading.end), newText }];
    const newId = renamedHeadingId(site, post, heading.start, heading.end, newText);
    if (newId === undefined || newId === heading.id) return edits;
    const sources = await this.readPosts(site, (file) => (file === path ? text : openText(file)), token, (_file, source) => source.includes(heading.id));
    return [...edits, ...planFragmentEdits(site, path, heading.id, newId, sources)];
  }

  /** Every link across the post's site that reaches it. */
  async backlinks(path: string, openText: OpenText = noOpenText, token: CancellationToken = noCancellation): Promise<Backlink[]> {
    const site = this.siteFor(path);
    if (!site?.posts.has(path)) return [];
    return backlinksTo(site, path, await this.readPosts(site, openText, token));
  }

  /** The site's posts as their texts are now (open editors first); `keep` skips the parse of posts that cannot matter. */
  private async readPosts(site: Site, openText: OpenText, token: CancellationToken, keep: (path: string, text: string) => boolean = () => true): Promise<ParsedPost[]> {
    const paths = [...site.posts.keys()];
    const posts: ParsedPost[] = [];
    await eachInSlices(paths, 32, async (path) => {
      const text = openText(path) ?? (await this.readText(path));
      throwIfCancelled(token);
      if (text !== undefined && keep(path, text)) posts.push(parsePost(path, text, site.frontmatterSyntax));
    });
    return posts.sort((a, b) => a.path.localeCompare(b.path));
  }

  private async readText(path: string): Promise<string | undefined> {
    const site = this.siteFor(path);
    const bytes = site ? await confinedFileSystem(this.host.fs, site.root).readFile(path) : undefined;
    if (!bytes) return undefined;
    const decoded = decodePostBytes(bytes);
    return 'text' in decoded ? decoded.text : undefined;
  }

  /** Findings for a post's current text. Synchronous: fast enough for every keystroke. */
  checkText(path: string, text: string, options: CheckOptions = {}): Finding[] {
    const parsed = this.parse(path, text);
    if (parsed) return runChecks(parsed.site, parsed.post, options);
    const site = this.siteFor(path);
    if (!site?.isFragment(path)) return [];
    const fragment = parsePost(path, text, site.frontmatterSyntax);
    site.partials.record(path, importedMarkdown(fragment, site.config));
    return runChecks(site, fragment, options, fragmentChecks);
  }

  /**
   * The post's text with every safe fix applied (one preferred fix, in this post alone), checked again
   * until none is left (features/fixAll.ts): what `--fix` writes and fix-all on save applies.
   */
  fixText(path: string, text: string, options: CheckOptions = {}): FixAllResult {
    const result = fixAll(path, text, (current) => this.checkText(path, current, options));
    // The index holds the text given until the fixed one is saved or applied (the editor's change then records it).
    if (result.text !== text) this.parse(path, text);
    return result;
  }

  /** Findings for a post as saved on disk; unreadable files get one finding saying why. */
  async checkFile(path: string, options: CheckOptions = {}): Promise<Finding[]> {
    const site = this.siteFor(path);
    if (!site || !(site.isPost(path) || site.isFragment(path))) return [];
    const known = this.knownFindings?.options === checkOptionsKey(options) ? this.knownFindings.findings.get(path) : undefined;
    if (known) {
      this.knownFindings!.findings.delete(path);
      return [...known];
    }
    const half = this.halfChecked.get(path);
    if (half) {
      this.halfChecked.delete(path);
      return finishCheck(site, half, options);
    }
    const decoded = await readPostText(confinedFileSystem(this.host.fs, site.root), path);
    if (!decoded) return [];
    if ('unreadable' in decoded) {
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return [{ file: path, range, severity: 'warning', code: 'unreadable-file', ...described(describeUnreadable(decoded.unreadable)), fixes: [] }];
    }
    const parsed = this.parse(path, decoded.text);
    await weighShownImages(site, parsed?.post ?? parsePost(path, decoded.text, site.frontmatterSyntax), !parsed);
    return this.checkText(path, decoded.text, options);
  }

  /**
   * The weighing of images a synchronous check (`checkText`) asked for before they were weighed: its
   * heavy-image findings may differ once it is done (see ImageWeights).
   */
  imagesWeighing(path: string): Promise<void> | undefined {
    return this.siteFor(path)?.heavyImages.pending;
  }

  /** Every post and fragment of a site, read in parallel; reports progress and stops when cancelled. */
  async checkSite(site: Site, options: CheckOptions = {}, token: CancellationToken = noCancellation, onProgress?: (progress: SiteCheckProgress) => void): Promise<Finding[]> {
    const paths = site.checkedFiles();
    const results: Finding[][] = new Array(paths.length);
    let done = 0;
    await eachInSlices(paths, 32, async (path, index) => {
      results[index] = await this.checkFile(path, options);
      throwIfCancelled(token);
      onProgress?.({ done: ++done, total: paths.length });
    });
    return results.flat();
  }

  /**
   * Keeps the index current when a file changes on disk. Returns whether findings elsewhere may have
   * changed (an image, an author or the config), so the caller can re-check open posts.
   */
  async fileChanged(path: string, change: FileChange): Promise<'none' | 'post' | 'site'> {
    const scope = await this.updateIndex(path, change);
    if (scope === 'site') this.halfChecked.clear();
    else this.halfChecked.delete(path);
    if (scope === 'site') this.knownFindings = undefined;
    else this.knownFindings?.findings.delete(path);
    return scope;
  }

  private async updateIndex(path: string, change: FileChange): Promise<'none' | 'post' | 'site'> {
    const site = this.siteFor(path);
    if (!site) return 'none';
    const name = basename(path);
    if (name === siteSettingsFileName || isConfigInput(site.config, path, change)) return 'site'; // caller reopens (see needsReopen)
    if (change === 'deleted') site.removeFile(path);
    else site.files.add(path);
    const definesAuthors = site.definesAuthors(path);
    const linkTargets = site.linkTargetsVersion;
    if (isImagePath(path)) await site.reweighImage(path);
    if (change !== 'deleted' && site.isPost(path)) await site.indexFile(this.host.fs, path);
    else if (change !== 'deleted' && site.isFragment(path)) await site.indexFragment(this.host.fs, path);
    if (site.affectsLinkContext(path)) {
      await site.loadLinkContext(this.host.fs);
      return 'site';
    }
    if (definesAuthors || site.definesAuthors(path)) {
      await site.refreshAuthors(this.host.fs);
      return 'site';
    }
    // A page's new URL or headings change what other posts' links reach.
    return isImagePath(path) || change !== 'changed' || site.linkTargetsVersion !== linkTargets ? 'site' : 'post';
  }

  /** Grows whenever a page's URL, aliases or anchors change in any open site (see Site.linkTargetsVersion). */
  get linkTargetsVersion(): number {
    return this.sites.reduce((sum, site) => sum + site.linkTargetsVersion, 0);
  }

  /** The open sites as plain data, for fronts that report them (the language server's log and messages). */
  siteSummaries(): SiteSummary[] {
    return this.sites.map(summaryOf);
  }

  /** The open sites' folders, and whether each is a generator's site (else a folder of plain Markdown): what an editor watches. */
  siteFolders(): { readonly root: string; readonly generator: boolean }[] {
    return this.sites.map((site) => ({ root: site.root, generator: site.profile.id !== 'markdown' }));
  }

  /** The innermost open site holding `path`, as plain data. */
  siteOf(path: string): SiteSummary | undefined {
    const site = this.siteFor(path);
    return site && summaryOf(site);
  }

  /** A page of an open site (indexed, see Site.posts): its site's root, its title and whether it is a draft. */
  pageInfo(path: string): { readonly root: string; readonly title: string | undefined; readonly draft: boolean } | undefined {
    const site = this.siteFor(path);
    const summary = site?.posts.get(path);
    return summary && { root: site!.root, title: summary.title, draft: summary.draft };
  }

  /** Whether `path` is a page of an open site or a folder holding some. */
  holdsPages(path: string): boolean {
    const site = this.siteFor(path);
    if (!site) return false;
    if (site.posts.has(path)) return true;
    for (const post of site.posts.keys()) if (isInside(path, post)) return true;
    return false;
  }

  /** Records an editor's text of a post in the index now (its tags, title, links), as `parse` does. */
  updateText(path: string, text: string): void {
    this.parse(path, text);
  }

  /** Whether `offset` of the post's text is in its frontmatter (or before its body); `undefined` outside a site's posts. */
  inFrontmatter(path: string, text: string, offset: number): boolean | undefined {
    const parsed = this.parse(path, text);
    return parsed && offset < parsed.post.bodyStart;
  }

  /** The frontmatter key tags go under in a post, and the site's tags the post lacks with their counts. */
  tagsToAdd(path: string): { readonly key: string; readonly tags: readonly { readonly tag: string; readonly count: number }[] } | undefined {
    const site = this.siteFor(path);
    if (!site) return undefined;
    const current = new Set(site.posts.get(path)?.tags ?? []);
    return { key: site.config.tagKeys[0] ?? 'tags', tags: site.tags.all().filter((usage) => !current.has(usage.tag)).map(({ tag, count }) => ({ tag, count })) };
  }

  /** The frontmatter key authors go under in a post, and the site's registry of authors. */
  authorsToAdd(path: string): { readonly key: string; readonly authors: readonly { readonly id: string; readonly name: string | undefined; readonly bio: string | undefined }[] } | undefined {
    const site = this.siteFor(path);
    if (!site) return undefined;
    const key = site.config.authorKeys.find((candidate) => candidate === 'authors') ?? site.config.authorKeys[0] ?? 'authors';
    return { key, authors: [...site.authors.values()].map(({ id, name, bio }) => ({ id, name, bio })) };
  }

  /**
   * The edit that adds `value` to the list under `key` of the post's text, in its style; or why not.
   * Reads the text alone: the index is not updated (the editor's change will be).
   */
  listValueEdit(path: string, text: string, key: string, value: string): { readonly edit: OffsetEdit } | { readonly problem: 'not-a-post' | 'no-frontmatter' | 'not-a-list' } {
    const site = this.siteFor(path);
    if (!site) return { problem: 'not-a-post' };
    const post = parsePost(path, text, site.frontmatterSyntax);
    if (!post.frontmatter) return { problem: 'no-frontmatter' };
    const edit = addListValue(post, key, value);
    return edit ? { edit } : { problem: 'not-a-list' };
  }

  /** Where an image dropped or pasted into a post goes and how the post refers to it (see features/imagePlacement.ts). */
  planImageInsertion(postPath: string, image: { readonly name: string; readonly path?: string | undefined }, taken: ReadonlySet<string> = new Set(), chosen?: ChosenDestination, text?: string): ImageInsertion | undefined {
    const site = this.siteFor(postPath);
    // The post's text, where it has one: its frontmatter may move where the theme serves its images (Chirpy's media_subpath).
    return site && planImageInsertion(site, postPath, image, taken, new Date(), chosen, text === undefined ? undefined : parsePost(postPath, text, site.frontmatterSyntax));
  }

  /** How many files (posts and fragments) a check of the site at `root` reads. */
  checkedFileCount(root: string): number {
    return this.siteAt(root)?.checkedFiles().length ?? 0;
  }

  /**
   * Checks every post and fragment of the open site at `root`: the files it checked and their findings.
   * The fronts that report site by site (the editor publishes each site's diagnostics as it is done).
   */
  async checkSiteAt(root: string, options: CheckOptions = {}, token: CancellationToken = noCancellation, onProgress?: (progress: SiteCheckProgress) => void): Promise<{ readonly checkedFiles: readonly string[]; readonly findings: Finding[] }> {
    const site = this.siteAt(root);
    if (!site) return { checkedFiles: [], findings: [] };
    const findings = await this.checkSite(site, options, token, onProgress);
    return { checkedFiles: site.checkedFiles(), findings };
  }

  /** The site of a post (`path` is one of its posts) as plain data, or `undefined`. */
  siteOfPost(path: string): SiteSummary | undefined {
    const site = this.siteFor(path);
    return site?.isPost(path) ? summaryOf(site) : undefined;
  }

  /** The status bar's counts for the site holding `path`, or for the first open site without a path. */
  siteStatus(path?: string): SiteStatus | undefined {
    const site = path === undefined ? this.sites[0] : this.siteFor(path);
    if (!site) return undefined;
    const posts = postPaths(site).length;
    return { ...summaryOf(site), posts, otherPages: site.posts.size - posts, tags: site.tags.size, authors: postsByAuthor(site).size };
  }

  /** The Posts view's data for every open site. */
  postsOverview(): PostsOverview[] {
    return this.sites.map((site) => {
      const pages = new Map([...site.posts].map(([path, summary]) => [path, { title: summary.title, draft: summary.draft, date: summary.route?.date }]));
      const authors = [...postsByAuthor(site)]
        .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
        .map(([author, posts]) => ({ author, posts, registered: site.findAuthor(author) !== undefined }));
      return {
        site: summaryOf(site),
        tags: site.tags.all().map((usage) => ({ tag: usage.tag, posts: [...usage.posts], registered: site.findAuthor(usage.tag) !== undefined })),
        authors,
        drafts: postPaths(site).filter((path) => site.posts.get(path)!.draft),
        pages,
      };
    });
  }

  /** The tags of the site at `root` with the number of posts using each, in the tag index's order. */
  tagUsages(root: string): { readonly tag: string; readonly count: number }[] {
    return this.siteAt(root)?.tags.all().map(({ tag, count }) => ({ tag, count })) ?? [];
  }

  /** Clusters of near-duplicate tags of the site at `root` (typos, case, plurals, separators). */
  tagClusters(root: string): TagCluster[] {
    const site = this.siteAt(root);
    return site ? tagClusters(site) : [];
  }

  /** Folders holding posts of the site at `root`, most used first, as `section` values for `planNewPost`. */
  postSections(root: string): { section: string; posts: number }[] {
    const site = this.siteAt(root);
    return site ? postSections(site) : [];
  }

  /** Where and with what text a new post of the site at `root` goes (see features/newPost.ts). */
  async planNewPost(root: string, request: NewPostRequest): Promise<NewPostPlan | undefined> {
    const site = this.siteAt(root);
    return site ? planNewPost(this.host.fs, site, request) : undefined;
  }

  /** The edits that rename each tag of `from` to `to` in every post of the site at `root` (open editors' texts first). */
  async planTagRename(root: string, from: readonly string[], to: string, openText: OpenText = noOpenText, token: CancellationToken = noCancellation): Promise<TextEdit[]> {
    const site = this.siteAt(root);
    const edits: TextEdit[] = [];
    for (const tag of site ? from : []) edits.push(...(await planTagRename(this.host.fs, site!, tag, to, openText, token)));
    return edits;
  }

  private siteAt(root: string): Site | undefined {
    return this.sites.find((site) => site.root === root);
  }

  /**
   * Whether a change to `path` means the sites must be opened again: `postcraft.config.json`, or an input
   * of a site's generator config (its config file, Hugo's `config/_default/*`, Astro's `src/content.config.ts`,
   * Docusaurus' `tags.yml`, Eleventy's directory data files: whatever the profile's loader read, see
   * generators/profile.ts `isConfigInput`). `change` matters for a file created in a folder the loader listed.
   */
  needsReopen(path: string, change: FileChange = 'changed'): boolean {
    const site = this.siteFor(path);
    return site !== undefined && (basename(path) === siteSettingsFileName || isConfigInput(site.config, path, change));
  }

  /**
   * Checks every post and fragment of every open site: each checked file with its findings (an empty
   * list where it has none, so a front can clear what it showed before). Progress counts all sites' files.
   */
  async checkWorkspace(options: CheckOptions = {}, token: CancellationToken = noCancellation, onProgress?: (progress: SiteCheckProgress) => void): Promise<Map<string, Finding[]>> {
    const byFile = new Map<string, Finding[]>();
    const total = this.sites.reduce((sum, site) => sum + site.checkedFiles().length, 0);
    let before = 0;
    for (const site of this.sites) {
      for (const path of site.checkedFiles()) byFile.set(path, []);
      const findings = await this.checkSite(site, options, token, ({ done }) => onProgress?.({ done: before + done, total }));
      throwIfCancelled(token);
      for (const finding of findings) byFile.get(finding.file)?.push(finding);
      before += site.checkedFiles().length;
    }
    return byFile;
  }
}

const noOpenText: OpenText = () => undefined;

/** What a warm start opens the workspace with (see `openWorkspace`). */
export interface WarmOpen {
  /** The cache kept from the last start, if any (`readCheckCache`). */
  readonly previous: CheckCache | undefined;
  /** The options the whole-site check will ask `checkFile` for. */
  readonly options: CheckOptions;
  /** Postcraft's version: a cache of another is not used. */
  readonly version: string;
}

function summaryOf(site: Site): SiteSummary {
  return { root: site.root, generator: site.profile.displayName, posts: site.posts.size, configProblems: site.configProblems };
}

export function createPostcraftService(host: PostcraftHost): PostcraftService {
  return new PostcraftService(host);
}
