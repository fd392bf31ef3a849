import type { SiteFileSystem } from '../../host/fileSystem';
import { dirname, joinPath } from '../../text/paths';
import type { FileSet } from '../fileSet';
import type { Author, GeneratorId, SiteConfig } from '../model';

export interface LoadedSiteConfig {
  readonly config: SiteConfig;
  /** Things the generator would complain about in its config, in words for the writer. */
  readonly problems: string[];
}

/** Everything Postcraft knows about one generator's rules, in one place. */
export interface GeneratorProfile {
  readonly id: GeneratorId;
  readonly displayName: string;
  /** The config file that marks `names` (a folder's entries) as this generator's site, if any. */
  detect(names: ReadonlySet<string>): string | undefined;
  loadConfig(fs: SiteFileSystem, root: string, configFile: string | undefined): Promise<LoadedSiteConfig>;
  /** The author registry, keyed by `authorKey(id)`. */
  loadAuthors(fs: SiteFileSystem, config: SiteConfig, files: FileSet): Promise<Map<string, Author>>;
  /** How the generator matches an author named in a post to a registry entry. */
  /**
   * The registry key a name written in a post matches. With the site's config, the key the generator's
   * options make of it where they differ (Hugo's `removePathAccents`: `Inés Muñoz` → `ines-munoz`).
   */
  authorKey(name: string, config?: SiteConfig): string;
  /** Where the generator would look for an image a post refers to, best first. */
  imageCandidates(config: SiteConfig, postPath: string, imagePath: string): string[];
  /**
   * The language of a post on a multilingual site (`es` for Hugo's `post.es.md`), or undefined where the
   * site has one language. Tags are compared within one language.
   */
  postLanguage?(config: SiteConfig, postPath: string): string | undefined;
  /**
   * The key under which the generator merges tags into one term page (Hugo urlizes: `JavaScript` and
   * `javascript` are one page). Two spellings with one key are never a misspelling of each other.
   * Without it, tags are told apart exactly (Jekyll: `Ruby` and `ruby` are two pages).
   */
  tagTerm?(tag: string, config?: SiteConfig): string;
}

/**
 * Frontmatter keys whose value is an image by documentation: `images` (Hugo's embedded opengraph,
 * twitter_cards and schema templates), `image` (jekyll-seo-tag, Docusaurus), and the covers of the most
 * used themes (`cover.image` PaperMod, `cover` Terminal, `featured_image` Ananke, `featuredImage` LoveIt).
 * Other keys whose value looks like an image path (`thumbnail`, `hero`, `og_image`…) are checked too, as
 * guesses (see post/frontmatterImages.ts): how a site's own templates resolve them is not known.
 */
export const defaultImageFields = ['image', 'images', 'cover', 'cover.image', 'featured_image', 'featuredImage'];

/** Site-root paths (`/img/a.png`) map into each public folder once the base path is removed. */
export function rootRelativeCandidates(config: SiteConfig, imagePath: string): string[] {
  let path = imagePath;
  if (config.basePath && (path === config.basePath || path.startsWith(`${config.basePath}/`))) path = path.slice(config.basePath.length) || '/';
  return config.publicDirs.map((dir) => joinPath(dir, path));
}

/** The default rule of the web: relative to the post's folder, root paths in the public folders. */
export function browserCandidates(config: SiteConfig, postPath: string, imagePath: string): string[] {
  return imagePath.startsWith('/') ? rootRelativeCandidates(config, imagePath) : [joinPath(dirname(postPath), imagePath)];
}

export function firstExisting(names: ReadonlySet<string>, candidates: readonly string[]): string | undefined {
  return candidates.find((name) => names.has(name));
}
