import { noCancellation, throwIfCancelled, type CancellationToken } from './host/cancellation';
import { confinedFileSystem } from './host/confinedFileSystem';
import type { SiteFileSystem } from './host/fileSystem';
import { TimeSlices } from './host/timeSlices';
import { silentLogger, type Logger } from './host/logger';
import type { Finding } from './checks/finding';
import { fragmentChecks, runChecks, type CheckOptions } from './checks/runChecks';
import { checkWhileIndexing, finishCheck, type HalfChecked } from './checks/twoPassCheck';
import { describeUnreadable, readPostText } from './post/decodeText';
import { parsePost, type ParsedPost } from './post/parsedPost';
import { detectSites } from './site/detect';
import { isImagePath } from './site/fileSet';
import { summarizePost } from './site/postSummary';
import { importedMarkdown } from './post/partialImports';
import { Site } from './site/site';
import { siteSettingsFileName } from './settings/siteSettings';
import { basename, isInside } from './text/paths';
import { completionsAt, type CompletionEntry } from './features/completions';
import { documentLinks, type DocumentLink } from './features/documentLinks';
import { hoverAt, type HoverInfo } from './features/hover';

export interface PostcraftHost {
  readonly fs: SiteFileSystem;
  readonly logger?: Logger;
  /**
   * Whether every post will be checked right after the sites are opened (the CLI always; the extension
   * when it checks the whole workspace): each post is then checked as it is indexed, and read once.
   */
  readonly checksAfterOpening?: () => boolean;
}

export type FileChange = 'created' | 'changed' | 'deleted';

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

  /** Detects and indexes every site in the given folders (replacing those already open). */
  async openWorkspace(folders: readonly string[], token: CancellationToken = noCancellation): Promise<readonly Site[]> {
    const detected = (await Promise.all(folders.map((folder) => detectSites(this.host.fs, folder, token)))).flat();
    const sites: Site[] = [];
    this.halfChecked.clear();
    const checkEach = this.host.checksAfterOpening?.() === true ? (site: Site, post: ParsedPost) => this.halfChecked.set(post.path, checkWhileIndexing(site, post)) : undefined;
    try {
      for (const { root, profile, configFile } of detected) {
        throwIfCancelled(token);
        const started = Date.now();
        const site = await Site.load(this.host.fs, root, profile, configFile, token, checkEach);
        this.logger.info(`Indexed ${profile.displayName} site ${root}: ${site.posts.size} posts, ${site.files.size} files, ${site.authors.size} authors, ${site.tags.size} tags in ${Date.now() - started} ms`);
        for (const problem of site.configProblems) this.logger.warn(`${root}: ${problem}`);
        sites.push(site);
      }
    } catch (error) {
      this.halfChecked.clear(); // a cancelled run's findings belong to sites that were never opened
      throw error;
    }
    this.sites = sites;
    return sites;
  }

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
    if (!site.builds(post.frontmatter)) {
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

  /** Completions at `offset` of the post's text. */
  completions(path: string, text: string, offset: number): CompletionEntry[] {
    const parsed = this.parse(path, text);
    return parsed ? completionsAt(parsed.site, parsed.post, offset) : [];
  }

  hover(path: string, text: string, offset: number): HoverInfo | undefined {
    const parsed = this.parse(path, text);
    return parsed ? hoverAt(parsed.site, parsed.post, offset) : undefined;
  }

  documentLinks(path: string, text: string): DocumentLink[] {
    const parsed = this.parse(path, text);
    return parsed ? documentLinks(parsed.site, parsed.post) : [];
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

  /** Findings for a post as saved on disk; unreadable files get one finding saying why. */
  async checkFile(path: string, options: CheckOptions = {}): Promise<Finding[]> {
    const site = this.siteFor(path);
    if (!site || !(site.isPost(path) || site.isFragment(path))) return [];
    const half = this.halfChecked.get(path);
    if (half) {
      this.halfChecked.delete(path);
      return finishCheck(site, half, options);
    }
    const decoded = await readPostText(confinedFileSystem(this.host.fs, site.root), path);
    if (!decoded) return [];
    if ('unreadable' in decoded) {
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return [{ file: path, range, severity: 'warning', code: 'unreadable-file', message: describeUnreadable(decoded.unreadable), fixes: [] }];
    }
    return this.checkText(path, decoded.text, options);
  }

  /** Every post and fragment of a site, read in parallel; reports progress and stops when cancelled. */
  async checkSite(site: Site, options: CheckOptions = {}, token: CancellationToken = noCancellation, onProgress?: (progress: SiteCheckProgress) => void): Promise<Finding[]> {
    const paths = site.checkedFiles();
    const results: Finding[][] = new Array(paths.length);
    let next = 0;
    let done = 0;
    const slices = new TimeSlices();
    const worker = async () => {
      while (next < paths.length) {
        await slices.next();
        const index = next++;
        if (index >= paths.length) break;
        results[index] = await this.checkFile(paths[index]!, options);
        throwIfCancelled(token);
        onProgress?.({ done: ++done, total: paths.length });
      }
    };
    await Promise.all(Array.from({ length: Math.min(32, paths.length) }, worker));
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
    return scope;
  }

  private async updateIndex(path: string, change: FileChange): Promise<'none' | 'post' | 'site'> {
    const site = this.siteFor(path);
    if (!site) return 'none';
    const name = basename(path);
    if (name === siteSettingsFileName || (site.config.configFile && path === site.config.configFile)) return 'site'; // caller reopens
    if (change === 'deleted') site.removeFile(path);
    else site.files.add(path);
    const definesAuthors = site.definesAuthors(path);
    if (change !== 'deleted' && site.isPost(path)) await site.indexFile(this.host.fs, path);
    else if (change !== 'deleted' && site.isFragment(path)) await site.indexFragment(this.host.fs, path);
    if (definesAuthors || site.definesAuthors(path)) {
      await site.refreshAuthors(this.host.fs);
      return 'site';
    }
    return isImagePath(path) || change !== 'changed' ? 'site' : 'post';
  }
}

export function createPostcraftService(host: PostcraftHost): PostcraftService {
  return new PostcraftService(host);
}
