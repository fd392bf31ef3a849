import { throwIfCancelled, type CancellationToken } from '../host/cancellation';
import { absentSubmoduleFolders } from './absentSubmodules';
import { imageFoldersReencodedByBuild } from './buildCopies';
import type { SiteFileSystem } from '../host/fileSystem';
import { eachInSlices, TimeSlices } from '../host/timeSlices';
import { confinedFileSystem } from '../host/confinedFileSystem';
import { listingOnce } from '../host/listingOnce';
import { readPostText } from '../post/decodeText';
import { parseFrontmatter } from '../frontmatter/parse';
import type { FrontmatterSyntax } from '../frontmatter/split';
import { frontmatterSyntaxOf, inAuthorsSection, isExcludedFile } from './pageKinds';
import type { Frontmatter } from '../frontmatter/model';
import { parsePost, type ParsedPost } from '../post/parsedPost';
import { basename, extname, isInside, isInsideAny, relativePath } from '../text/paths';
import { FileSet, isPostPath } from './fileSet';
import type { GeneratorProfile, PublishingRules } from './generators/profile';
import type { Author, SiteConfig } from './model';
import { summarizePost, type PostSummary } from './postSummary';
import { makesTags } from './tagValues';
import { TagIndex } from './tagIndex';
import { PartialIndex } from './partialIndex';
import { importedMarkdown } from '../post/partialImports';
import { inAlwaysIgnoredFolder, walkFiles } from './walk';
import { UrlMap } from '../links/urlMap';
import { msg, type Message } from '../l10n/message';
import { ImageWeights } from './imageWeights';
import { isHostRedirectFile, loadHostRedirects, noHostRedirects, type HostRedirects } from '../links/hostRedirects';
import { isTemplateFile, loadTemplateIds } from '../links/templateIds';
import type { PageRoute } from './routes/model';
import type { Anchor } from '../links/model';
import type { SiteSettings } from '../settings/siteSettings';
import { loadSiteSettings } from '../settings/siteSettings';

const readConcurrency = 64;

/** May return a promise (a check that first weighs the post's images): the post's indexing waits for it. */
export type PostParsed = (site: Site, post: ParsedPost) => void | Promise<void>;

/**
 * What an earlier run knew of a post whose file has not changed since (see core/cache/): its summary and
 * the partials it imports, recorded without reading the post. Undefined: read it.
 */
export type KnownPost = (site: Site, path: string) => Promise<{ readonly summary: PostSummary; readonly imports: readonly string[] } | undefined>;

/** One static site: its rules, its files, its posts' tags and its authors. Updated file by file. */
export class Site {
  readonly tags = new TagIndex();
  readonly posts = new Map<string, PostSummary>();
  /** The Markdown files posts import (MDX partials), see `isFragment`. */
  readonly partials = new PartialIndex();
  authors = new Map<string, Author>();
  /** The host's redirects and rewrites (vercel.json, netlify.toml, _redirects): URLs that reach a page without a file. */
  hostRedirects: HostRedirects = noHostRedirects;
  /** IDs the site's templates write on the pages they lay out (see links/templateIds.ts). */
  templateIds: ReadonlySet<string> = new Set();
  /** URL keys of pages rendered from files that are no posts (`GeneratorProfile.templatePages`). */
  templatePageUrls: ReadonlySet<string> = new Set();
  /** The weights of the images posts show, weighed as checks need them (see imageWeights.ts), kept current as images change. */
  readonly heavyImages: ImageWeights;
  truncated = false;
  /**
   * Every post and fragment is indexed, so every page's URL is known (set by `indexFragments`, the last step of
   * indexing). Until then a check must not claim what another page's URL decides (see pageImages.ts).
   */
  allIndexed = false;

  private constructor(
    readonly profile: GeneratorProfile,
    readonly config: SiteConfig,
    readonly settings: SiteSettings,
    readonly configProblems: readonly Message[],
    readonly files: FileSet,
    fs: SiteFileSystem,
  ) {
    this.heavyImages = new ImageWeights(fs, settings.heavyImageBytes);
    this.ignoredDirs = new Set(config.ignoredDirs);
    this.frontmatterSyntax = config.yamlTabIndentation ? { ...frontmatterSyntaxOf(config.generator), tabIndentation: true } : frontmatterSyntaxOf(config.generator);
  }

  /** The frontmatter blocks the generator reads (`+++` TOML and JSON are Hugo's). */
  readonly frontmatterSyntax: FrontmatterSyntax;

  /** Which pages a default build leaves out: the generator's rules, as the site's config sets them. */
  get publishing(): PublishingRules {
    return this.config.publishing ?? this.profile.publishing;
  }

  /** Whether the page is past its expiry date, so that the build leaves it out (Hugo without `buildExpired`). */
  hasExpired(summary: PostSummary, now = Date.now()): boolean {
    const expires = summary.route?.expires;
    return expires !== undefined && this.publishing.skipsExpiredPages && Date.parse(expires) <= now;
  }

  /** `config.ignoredDirs`, for lookups by ancestor. */
  private readonly ignoredDirs: ReadonlySet<string>;

  /**
   * `onPostParsed` is given each post read while indexing, parsed: a caller that checks the whole site
   * right after loading (the CLI) checks it then, and no post is read or parsed twice.
   */
  static async load(unconfined: SiteFileSystem, root: string, profile: GeneratorProfile, configFile: string | undefined, token: CancellationToken, onPostParsed?: PostParsed, knownPost?: KnownPost): Promise<Site> {
    const { site, files } = await Site.open(unconfined, root, profile, configFile, token);
    await site.indexPosts(confinedFileSystem(unconfined, root), files.filter((file) => site.isPost(file)), token, onPostParsed, knownPost);
    await site.indexFragments(unconfined, token);
    return site;
  }

  /**
   * The site before its posts: config, settings, files, authors and link context. `listed` stands for
   * the walk when the files are known (a worker thread rebuilding the site its parent walked).
   */
  static async open(unconfined: SiteFileSystem, root: string, profile: GeneratorProfile, configFile: string | undefined, token: CancellationToken, listed?: { readonly files: readonly string[]; readonly truncated: boolean }): Promise<{ site: Site; files: readonly string[] }> {
    const confined = confinedFileSystem(unconfined, root); // configs, data and links never lead the reads out of the site
    // The config loader and the walk list the same folders (Hugo's content tree): each is read once here.
    const fs = listingOnce(confined);
    try {
      return await Site.openWith(fs, confined, root, profile, configFile, token, listed);
    } finally {
      fs.release();
    }
  }

  private static async openWith(fs: SiteFileSystem, confined: SiteFileSystem, root: string, profile: GeneratorProfile, configFile: string | undefined, token: CancellationToken, listed: { readonly files: readonly string[]; readonly truncated: boolean } | undefined): Promise<{ site: Site; files: readonly string[] }> {
    const loaded = await profile.loadConfig(fs, root, configFile);
    const problems = [...loaded.problems];
    const config: SiteConfig = loaded.config.excludedFiles ? { ...loaded.config, excludedFiles: usablePatterns(loaded.config.excludedFiles, problems) } : loaded.config;
    const settings = await loadSiteSettings(fs, root);
    throwIfCancelled(token);
    const walked = listed ?? (await walkFiles(fs, root, { ignoredDirs: config.ignoredDirs, token }));
    if (walked.truncated) problems.push(msg('only the first {0} files were listed; posts and images after them are not checked', walked.files.length));
    // Tens of thousands of files: added in time slices, like everything else that loops over the site.
    const files = new FileSet();
    const slices = new TimeSlices();
    for (const file of walked.files) {
      files.add(file);
      await slices.next();
    }
    const reencoded = await imageFoldersReencodedByBuild(fs, root);
    const absentSubmodules = await absentSubmoduleFolders(fs, root, files);
    for (const folder of absentSubmodules) problems.push(msg('the git submodule {0} is not checked out (git submodule update --init): images and files in it are not checked', relativePath(root, folder)));
    const site = new Site(
      profile,
      { ...config, imageFields: settings.imageFields ?? config.imageFields, ...(reencoded.length > 0 ? { reencodedImageDirs: reencoded } : {}), ...(absentSubmodules.length > 0 ? { absentSubmoduleDirs: absentSubmodules } : {}) },
      settings.settings,
      [...problems, ...settings.problems],
      files,
      confined,
    );
    site.truncated = walked.truncated;
    site.authors = await profile.loadAuthors(fs, site.config, site.files); // before the posts, which onPostParsed may check
    await site.loadLinkContext(fs);
    throwIfCancelled(token);
    return { site, files: walked.files };
  }

  /** A partial may import another: each is read once, for its imports, until no new one turns up. */
  async indexFragments(unconfined: SiteFileSystem, token: CancellationToken): Promise<void> {
    const fs = confinedFileSystem(unconfined, this.root);
    const read = new Set<string>();
    for (let pending = this.fragments(); pending.length > 0; pending = this.fragments().filter((path) => !read.has(path))) {
      for (const path of pending) {
        read.add(path);
        await this.indexFragment(fs, path);
      }
      throwIfCancelled(token);
    }
    this.allIndexed = true;
  }

  get root(): string {
    return this.config.root;
  }

  /** A Markdown file the generator renders as a page or post. */
  isPost(path: string): boolean {
    if (!isPostPath(path) || !isInside(this.root, path) || inAlwaysIgnoredFolder(path.slice(this.root.length))) return false;
    const inContent = this.config.contentDirs.some((dir) => isInside(dir, path));
    return inContent && !isInsideAny(this.ignoredDirs, path) && !this.settings.isIgnored(path) && !this.isExcluded(path);
  }

  /**
   * A Markdown file that is no page but that a post (or such a file) imports: an MDX partial, whose
   * content the generator builds into the importing page with its images resolved from the partial
   * (see importedMarkdown). Only its images are checked; a partial nothing imports is not checked.
   */
  isFragment(path: string): boolean {
    return this.partials.isImported(path) && isPostPath(path) && !this.isPost(path) && !inAlwaysIgnoredFolder(path.slice(this.root.length)) && !isInsideAny(this.ignoredDirs, path) && !this.settings.isIgnored(path);
  }

  /** Every fragment (see `isFragment`), sorted. */
  fragments(): string[] {
    return [...this.partials.imported()].filter((path) => this.isFragment(path)).sort();
  }

  /** Every file a whole-site check checks: the posts and the fragments, sorted. */
  checkedFiles(): string[] {
    return [...this.posts.keys(), ...this.fragments()].sort();
  }

  /** A file the generator's own rules leave out of the build (`SiteConfig.excludedFiles`). */
  isExcluded(path: string): boolean {
    return isExcludedFile(this.config, path);
  }

  /** The post's language on a multilingual site, else undefined. */
  languageOf(path: string): string | undefined {
    return this.profile.postLanguage?.(this.config, path);
  }

  findAuthor(name: string): Author | undefined {
    // The registry is keyed by its entries as written; the site's options may name the same entry otherwise.
    return this.authors.get(this.profile.authorKey(name)) ?? this.authors.get(this.profile.authorKey(name, this.config));
  }

  /** Whether the generator builds a page from the file at `path` with this frontmatter (see `SiteConfig.frontmatterRequired`). */
  builds(frontmatter: Frontmatter | undefined, path: string): boolean {
    const required = this.config.frontmatterRequired;
    if (frontmatter !== undefined || !required) return true;
    if (required === true) return false;
    const name = basename(path);
    return !required.names.has(name.replace(/\.[^.]*$/, '').toUpperCase()) || required.included.some((entry) => entry === name || entry === relativePath(this.root, path));
  }

  /** Takes a file that is no longer a page (its frontmatter went) out of the index; the file stays. */
  forgetPost(path: string): void {
    this.partials.forget(path);
    const previous = this.posts.get(path);
    if (!previous) return;
    this.tags.remove(path, this.indexedTags(path, previous));
    this.posts.delete(path);
    this.linkTargetsChanged();
  }

  /**
   * Counts changes to what links reach: a page's URL or aliases, its anchors, a page gone. Posts whose
   * links were checked before a change may have other findings now (the editor re-checks open posts).
   */
  linkTargetsVersion = 0;

  private linkTargetsChanged(): void {
    this.urls = undefined;
    this.linkTargetsVersion++;
  }

  /** Every page's URL (see links/urlMap.ts), current with the posts' routes. */
  urlMap(): UrlMap {
    return (this.urls ??= new UrlMap(this.posts));
  }

  private urls: UrlMap | undefined;

  /**
   * Counts changes to the posts' tags and authors: the term pages Hugo makes (see HugoContentTree.unusedTermPage).
   * Apart from `linkTargetsVersion`, so that typing a tag rebuilds nothing that a term URL does not ask for.
   */
  termsVersion = 0;

  /** Records a post's current tags and authors (from disk or from an open editor's text). */
  updatePost(path: string, summary: PostSummary): void {
    const previous = this.posts.get(path);
    this.posts.set(path, summary);
    if (!previous || !sameTags(previous.tags, summary.tags) || !sameTags(previous.authors, summary.authors)) this.termsVersion++;
    if (!previous || !sameRoute(previous.route, summary.route)) this.linkTargetsChanged();
    // A draft is built by no generator, nor an expired page by Hugo: links to it and URL collisions with it change.
    else if (!sameAnchorIds(previous?.anchors, summary.anchors) || previous.draft !== summary.draft || previous.route?.expires !== summary.route?.expires) this.linkTargetsVersion++;
    // Unchanged tags leave the index (and what is derived from it) as it is: most keystrokes.
    if (previous && sameTags(previous.tags, summary.tags)) return;
    if (previous) this.tags.remove(path, this.indexedTags(path, previous));
    this.tags.add(path, this.indexedTags(path, summary));
  }

  /** The post's tags as the generator counts them: none where it makes no tags of them (`SiteConfig.taggedPosts`). */
  private indexedTags(path: string, summary: PostSummary): readonly string[] {
    return makesTags(this.config, path) ? summary.tags : [];
  }

  /**
   * Forgets a deleted file. A path the index holds no file at may be a deleted folder: everything in it
   * goes. (Build output — `public/` rewritten by `hugo server` — is in ignored folders, and a name with
   * an extension is taken for a file the index never held, so neither costs a scan of every file.)
   */
  removeFile(path: string): void {
    const known = this.files.has(path) || this.posts.has(path);
    if (!known && (extname(path) !== '' || isInsideAny(this.ignoredDirs, path))) return;
    const gone = known ? [path] : [...this.files.all()].filter((file) => isInside(path, file));
    for (const file of gone) {
      this.files.delete(file);
      this.forgetPost(file);
    }
  }

  /** Whether a change to `path` may change what links reach besides pages: the host's redirects, the templates' IDs. */
  affectsLinkContext(path: string): boolean {
    return isHostRedirectFile(path) || this.hostRedirects.files.includes(path) || isTemplateFile(path) || this.profile.templatePages?.isSource(this.config, path) === true;
  }

  async loadLinkContext(unconfined: SiteFileSystem): Promise<void> {
    const fs = confinedFileSystem(unconfined, this.root);
    this.hostRedirects = await loadHostRedirects(fs, this.root, this.files, this.config.publicDirs);
    this.templateIds = await loadTemplateIds(fs, this.files);
    this.templatePageUrls = (await this.profile.templatePages?.load(fs, this.config, this.files)) ?? new Set();
    this.linkTargetsVersion++;
  }

  /** Weighs an image file again after it changed on disk (or forgets it, gone), if it was weighed. */
  async reweighImage(path: string): Promise<void> {
    await this.heavyImages.reweigh(path, this.files.has(path));
  }

  async refreshAuthors(fs: SiteFileSystem): Promise<void> {
    this.authors = await this.profile.loadAuthors(confinedFileSystem(fs, this.root), this.config, this.files);
  }

  /** Whether a change to `path` may change the author registry: a data file, an authors section or collection, or a file an author came from. */
  definesAuthors(path: string): boolean {
    const authorsDataFile = /\/(_data|data)\/authors(\/|\.)|\/authors\.(ya?ml|json|toml)$/.test(path);
    return authorsDataFile || inAuthorsSection(this.config, path) || [...this.authors.values()].some((author) => author.definedAt.file === path);
  }

  async indexFile(fs: SiteFileSystem, path: string, onPostParsed?: PostParsed): Promise<void> {
    const decoded = await readPostText(confinedFileSystem(fs, this.root), path);
    if (!decoded) return;
    if (!('text' in decoded)) return this.updatePost(path, summarizePost({ path, text: '', bodyStart: 0, frontmatter: undefined }, this.config, this.languageOf(path)));
    const post = onPostParsed ? parsePost(path, decoded.text, this.frontmatterSyntax) : undefined;
    const frontmatter = post ? post.frontmatter : parseFrontmatter(decoded.text, this.frontmatterSyntax);
    if (!this.builds(frontmatter, path)) return this.forgetPost(path);
    if (post) await onPostParsed!(this, post);
    const source = { path, text: decoded.text, bodyStart: frontmatter?.blockRange.end ?? 0, frontmatter };
    this.partials.record(path, importedMarkdown(source, this.config));
    this.updatePost(path, summarizePost(source, this.config, this.languageOf(path)));
  }

  /** Records what a fragment imports in turn (a partial's partials are built into the page too). */
  async indexFragment(fs: SiteFileSystem, path: string): Promise<void> {
    const decoded = await readPostText(confinedFileSystem(fs, this.root), path);
    if (decoded && 'text' in decoded) this.partials.record(path, importedMarkdown(parsePost(path, decoded.text, this.frontmatterSyntax), this.config));
  }

  async indexPosts(fs: SiteFileSystem, paths: readonly string[], token: CancellationToken, onPostParsed: PostParsed | undefined, knownPost?: KnownPost): Promise<void> {
    await eachInSlices(paths, readConcurrency, async (path) => {
      const known = await knownPost?.(this, path);
      if (known) {
        this.partials.record(path, known.imports);
        this.updatePost(path, known.summary);
      } else await this.indexFile(fs, path, onPostParsed);
      throwIfCancelled(token);
    });
  }
}

function sameAnchorIds(a: readonly Anchor[] | undefined, b: readonly Anchor[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((anchor, index) => anchor.id === b[index]!.id));
}

function sameRoute(a: PageRoute | undefined, b: PageRoute | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.url === b.url && sameTags(a.aliases, b.aliases));
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

/**
 * The exclusion patterns V8 can run. One built from a config of thousands of globs can be "too large",
 * which V8 says only when the pattern is first used: tried once here, so that a config Postcraft
 * cannot follow leaves those files checked instead of stopping every check.
 */
function usablePatterns(patterns: readonly RegExp[], problems: Message[]): readonly RegExp[] {
  const usable = patterns.filter((pattern) => {
    try {
      pattern.test('');
      return true;
    } catch {
      return false;
    }
  });
  if (usable.length < patterns.length) problems.push(msg('some of the files the config excludes are described by patterns too large to follow: those files are checked'));
  return usable;
}
