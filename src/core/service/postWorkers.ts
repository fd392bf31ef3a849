import type { SiteFileSystem } from '../host/fileSystem';
import { noCancellation } from '../host/cancellation';
import { confinedFileSystem } from '../host/confinedFileSystem';
import { readPostText } from '../post/decodeText';
import { parsePost } from '../post/parsedPost';
import { importedMarkdown } from '../post/partialImports';
import { LineIndex, type Position } from '../text/lineIndex';
import { generators, plainMarkdown } from '../site/generators';
import type { GeneratorId } from '../site/model';
import { summarizePost, type PostSummary } from '../site/postSummary';
import { Site } from '../site/site';
import { checkWhileIndexing, KnownPositions, type HalfChecked } from '../checks/twoPassCheck';

/**
 * The seam for indexing a site's posts on other threads (the CLI's worker pool, src/cli/postWorkerPool.ts).
 * The core stays free of threads: it says what a worker needs to rebuild the site (`SiteRecipe`), what
 * it sends back per post (`IndexedPost`, plain data a structured clone keeps whole), and runs both ends
 * (`indexPostsHere` in the worker, `Site.load` applying the results in the posts' order).
 */
export interface PostWorkers {
  /**
   * Reads, parses, summarises and (`check`) half-checks `paths`: their results in the same order, or
   * `undefined` to index them on this thread (a site too small to pay for the workers' start).
   */
  indexPosts(recipe: SiteRecipe, paths: readonly string[], check: boolean): Promise<readonly IndexedPost[]> | undefined;
}

/** What `Site.load` has read of a site before its posts: enough for a worker to load the same site. */
export interface SiteRecipe {
  readonly root: string;
  readonly generator: GeneratorId;
  readonly configFile: string | undefined;
  /** Every file the walk listed, in its order (the site's file set, hence image and link resolution). */
  readonly files: readonly string[];
  readonly truncated: boolean;
}

/** One post as a worker indexed it: what `Site.indexFile` would record, and the checks' first half. */
export type IndexedPost =
  | { readonly path: string; readonly kind: 'gone' }
  | { readonly path: string; readonly kind: 'no-page' }
  | { readonly path: string; readonly kind: 'page'; readonly summary: PostSummary; readonly imports: readonly string[] | undefined; readonly half: SentHalfChecked | undefined };

/** `HalfChecked` with its line index as data (a class does not survive a structured clone). */
export interface SentHalfChecked extends Omit<HalfChecked, 'head'> {
  readonly headText: string;
  readonly positions: ReadonlyMap<number, Position> | undefined;
}

/** A worker's copy of the site: its config, files, authors and link context, with no posts. */
export async function loadSiteForWorker(fs: SiteFileSystem, recipe: SiteRecipe): Promise<Site> {
  const profile = generators.find((candidate) => candidate.id === recipe.generator)?.profile() ?? plainMarkdown;
  return (await Site.open(fs, recipe.root, profile, recipe.configFile, noCancellation, recipe)).site;
}

/** In a worker: each post indexed as `Site.indexFile` does, with `checkWhileIndexing` when `check`. */
export async function indexPostsHere(fs: SiteFileSystem, site: Site, paths: readonly string[], check: boolean): Promise<IndexedPost[]> {
  const confined = confinedFileSystem(fs, site.root);
  const indexed: IndexedPost[] = [];
  for (const path of paths) {
    const decoded = await readPostText(confined, path);
    if (!decoded) {
      indexed.push({ path, kind: 'gone' });
      continue;
    }
    if (!('text' in decoded)) {
      indexed.push({ path, kind: 'page', summary: summarizePost({ path, text: '', bodyStart: 0, frontmatter: undefined }, site.config, site.languageOf(path)), imports: undefined, half: undefined });
      continue;
    }
    const post = parsePost(path, decoded.text, site.frontmatterSyntax);
    if (!site.builds(post.frontmatter, path)) {
      indexed.push({ path, kind: 'no-page' });
      continue;
    }
    indexed.push({ path, kind: 'page', summary: summarizePost(post, site.config, site.languageOf(path)), imports: importedMarkdown(post, site.config), half: check ? sent(await checkWhileIndexing(site, post)) : undefined });
  }
  return indexed;
}

function sent({ head, ...rest }: HalfChecked): SentHalfChecked {
  return { ...rest, headText: head.text, positions: head.lines instanceof KnownPositions ? head.lines.known : undefined };
}

/** The `HalfChecked` a worker sent, as `checkWhileIndexing` made it. */
export function receivedHalfChecked(path: string, { headText, positions, ...rest }: SentHalfChecked): HalfChecked {
  const lines = positions ? new KnownPositions(headText, positions) : new LineIndex(headText);
  return { ...rest, head: { path, text: headText, lines, frontmatter: undefined, bodyStart: headText.length } };
}
