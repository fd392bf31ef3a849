import type { SiteFileSystem } from '../../host/fileSystem';
import { dirname, extname, joinPath } from '../../text/paths';
import { isImagePath, type FileSet } from '../fileSet';
import type { FileList } from '../../links/model';
import type { Author, GeneratorId, SiteConfig } from '../model';
import { msg, type Message } from '../../l10n/message';
import type { ImageOrigin } from '../../post/imageReferences';

export interface LoadedSiteConfig {
  readonly config: SiteConfig;
  /** Things the generator would complain about in its config, in words for the writer. */
  readonly problems: Message[];
}

/**
 * What a loaded config was made of: the files its loader read or looked for (a missing one it tried,
 * such as Astro's `src/content.config.ts` before `src/content/config.ts`, counts: creating it changes the
 * config) and the folders it listed (Hugo's `config/_default/`, Eleventy's `_data/`). A change to one
 * of these leaves the config stale: the site must be opened again.
 */
export interface ConfigInputs {
  readonly files: ReadonlySet<string>;
  readonly folders: ReadonlySet<string>;
}

/** A config whose loader recorded its inputs (see `recordingConfigInputs`); the field survives the Site's copies of the config. */
interface WithConfigInputs {
  readonly configInputs?: ConfigInputs;
}

/**
 * Wraps a profile's `loadConfig` so that every file it reads (through any helper) is recorded as an
 * input of the config: each generator declares its inputs by reading them, and no list can fall
 * behind what the loader actually reads.
 */
export function recordingConfigInputs(load: GeneratorProfile['loadConfig']): GeneratorProfile['loadConfig'] {
  return async (fs, root, configFile) => {
    const files = new Set<string>();
    const folders = new Set<string>();
    if (configFile) files.add(joinPath(root, configFile));
    const recording: SiteFileSystem = {
      readFile: (path, maxBytes) => (files.add(path), fs.readFile(path, maxBytes)),
      stat: (path) => (files.add(path), fs.stat(path)),
      readDirectory: (path) => (folders.add(path), fs.readDirectory(path)),
      ...(fs.realPath ? { realPath: (path: string) => fs.realPath!(path) } : {}),
    };
    const loaded = await load(recording, root, configFile);
    const configInputs: ConfigInputs = { files, folders };
    return { ...loaded, config: { ...loaded.config, configInputs } as SiteConfig & WithConfigInputs };
  };
}

/** Pages, not settings: a loader may list their folders (Astro's `src/pages/`, Hugo's content) but a new post does not change the config. */
const pageFile = /\.(md|markdown|mdx|mdown|mkd|mdoc)$/i;

/**
 * Whether a change to `path` leaves the config stale: a file the loader read or tried, or (created or
 * deleted, neither a page, an image nor a folder) a file directly in a folder it listed.
 */
export function isConfigInput(config: SiteConfig, path: string, change?: 'created' | 'changed' | 'deleted'): boolean {
  const inputs = (config as SiteConfig & WithConfigInputs).configInputs;
  if (!inputs) return config.configFile === path;
  if (inputs.files.has(path) || path === config.configFile) return true;
  // A folder (no extension) created or deleted in a listed one is a section of pages, as are Markdown files and images.
  const extension = extname(path);
  if (change === 'changed' || extension === '' || pageFile.test(extension) || isImagePath(path)) return false;
  return inputs.folders.has(dirname(path));
}

/** Everything Postcraft knows about one generator's rules, in one place. */
export interface GeneratorProfile {
  readonly id: GeneratorId;
  readonly displayName: string;
  /**
   * The config files (or folder) whose presence can mark a folder as this generator's site: `detect`
   * returns one of these, and each is a `workspaceContains:` activation event in package.json (a unit
   * test holds the two together), so the extension starts in any site Postcraft would recognise.
   */
  readonly configFiles: readonly string[];
  /** The config file that marks `names` (a folder's entries) as this generator's site, if any. */
  detect(names: ReadonlySet<string>): string | undefined;
  /**
   * The config file the folder's package.json scripts name (`eleventy --config=.eleventy.ts`), for a folder no config
   * file of any generator marks: relative to the folder, and checked to be a file there (see site/detect.ts).
   */
  configFromScripts?(scripts: string): string | undefined;
  /** Folders that make a folder nothing else marks a site of this generator without a config file (its defaults apply). */
  readonly markerFolders?: readonly string[];
  loadConfig(fs: SiteFileSystem, root: string, configFile: string | undefined): Promise<LoadedSiteConfig>;
  /** The author registry, keyed by `authorKey(id)`. */
  loadAuthors(fs: SiteFileSystem, config: SiteConfig, files: FileSet): Promise<Map<string, Author>>;
  /**
   * Content folders the config names outside the folder that holds it (Docusaurus's `path: '../docs'`): the site
   * is then read from a folder above, where the workspace holds them (see site/detect.ts).
   */
  contentBeyondRoot?(fs: SiteFileSystem, root: string, configFile: string | undefined): Promise<readonly string[]>;
  /**
   * Pages the generator renders from files Postcraft does not read as posts (Jekyll's `.html` pages with a
   * `permalink`): their URL keys (`urlKey`), and which files they are read from.
   */
  readonly templatePages?: {
    load(fs: SiteFileSystem, config: SiteConfig, files: FileList): Promise<ReadonlySet<string>>;
    isSource(config: SiteConfig, path: string): boolean;
  };
  /** How the generator matches an author named in a post to a registry entry. */
  /**
   * The registry key a name written in a post matches. With the site's config, the key the generator's
   * options make of it where they differ (Hugo's `removePathAccents`: `Inés Muñoz` → `ines-munoz`).
   */
  authorKey(name: string, config?: SiteConfig): string;
  /** Where the generator would look for an image a post refers to, best first (`origin`: how the post names it). */
  imageCandidates(config: SiteConfig, postPath: string, imagePath: string, origin?: ImageOrigin): string[];
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
  /** Which pages the generator leaves out of a default build (a link to one is broken on the live site). */
  readonly publishing: PublishingRules;
  /** Where images go and how sure Postcraft is about where the generator looks for them. */
  readonly images: ImageRules;
  /** What the generator itself makes of a post's frontmatter (as opposed to what themes do). */
  readonly frontmatter: FrontmatterRules;
  /** How links between posts are written and kept when a post moves. */
  readonly links: LinkRules;
  /** Where a new post goes and the frontmatter it starts with, when the site shows no habit of its own. */
  readonly newPost: NewPostRules;
  /**
   * A page that registers a new author, for the "Create author" fix, or undefined where the generator
   * has no such page (authors in a data file) or `name` cannot be one folder.
   */
  authorStub?(config: SiteConfig, name: string): { path: string; content: string } | undefined;
}

export interface PublishingRules {
  /** Drafts are built only on request (Hugo `--buildDrafts`, Jekyll `--drafts`, Docusaurus in production). */
  readonly skipsDrafts: boolean;
  /** Posts dated in the future are built only from that day (Hugo `buildFuture`, Jekyll `future` off). */
  readonly skipsFuturePosts: boolean;
  /** Pages past their expiry date are no longer built (Hugo `expiryDate` with `buildExpired` off). */
  readonly skipsExpiredPages: boolean;
}

export interface ImageRules {
  /** The folder under the first public folder where a new image goes when the site shows no habit (`img` for Docusaurus). */
  readonly publicFolder: string;
  /** A new image goes beside the post: `always` (Astro imports images relative to the post), or only for a page bundle's `index.md`. */
  readonly besidePost: 'always' | 'bundles';
  /** Where the generator looked for a missing image, in words for the message. */
  readonly searchedWhere: Message;
  /**
   * The generator never resolves a frontmatter image field itself: its themes' layouts do, each in its
   * own way (Hugo's `images` and `cover.image`, Jekyll's `image`, Eleventy's any key), so a missing one
   * is only a warning. Docusaurus (`image` resolved from the post by its MDX loader) and Astro (a
   * collection's `image()` schema) resolve them as the post's own images.
   */
  readonly layoutsResolveFields: boolean;
  /** Without a known generator the resolution rule is a guess: a missing image is a warning, not an error. */
  readonly rulesGuessed: boolean;
  /** Whether a plugin of the site's writes this image file at build time (Jekyll's jekyll-imagemagick copies), so its absence is no fault. */
  readonly writtenByBuild?: (config: SiteConfig, files: FileSet, file: string) => boolean;
}

/** The frontmatter keys each generator reads and their types are in schema/frontmatterSchema.ts, by generator id. */
export interface FrontmatterRules {
  /**
   * A `date` the generator cannot read stops the build: Hugo ("unable to parse date"), Jekyll 4.3
   * ("Invalid date '…': Document '…' does not have a valid date in the YAML front matter", checked with
   * jekyll build). Elsewhere it is a warning.
   */
  readonly failsBuildOnBadDate: boolean;
  /**
   * The generator gives a page's title a meaning of its own. Eleventy does not: no front matter key is
   * required, and a site's layouts read whatever key they like (`newstitle`, `heading`…).
   */
  readonly titled: boolean;
  /** The generator titles this post from its file name (Jekyll's `_posts/2024-01-02-my-post.md` → "My Post"). */
  titleFromFileName?(path: string, config: SiteConfig): boolean;
  /** Whether the generator reads this page's `date` at all (Jekyll: its documents' only, Document#merge_date!; a page's is data). Undefined: yes. */
  readsDate?(path: string, config: SiteConfig): boolean;
  /** The generator writes this page with nothing around its text, so no title of it shows (a Jekyll page with no layout). */
  showsNoTitle?(path: string, config: SiteConfig, data: Readonly<Record<string, unknown>>): boolean;
  /**
   * What the generator's YAML reader makes of a key written twice: `stops the build` (js-yaml, which Eleventy,
   * Docusaurus and Astro read front matter with: "duplicated mapping key"); `keeps the last` (Jekyll's Psych);
   * `reads one value` (Hugo 0.111.3: the same value twice reads as once, two values as neither). Undefined: unknown.
   */
  readonly repeatedYamlKey?: 'stops the build' | 'keeps the last' | 'reads one value';
}

export interface LinkRules {
  /**
   * How a new link to a post is written when the site shows no habit: a relative Markdown file
   * (`file.md`, which Docusaurus resolves and plain Markdown viewers follow) or a site URL (`/`; the
   * others publish a `.md` link as it is).
   */
  readonly newLinkStyle: 'file.md' | '/';
  /** A moved post can keep its old URL through an `aliases` frontmatter list (Hugo writes redirect pages for them). */
  readonly aliasesForMovedPages: boolean;
  /**
   * The build itself reports a fragment no element of the page has (Docusaurus: "Broken anchor on source page",
   * `onBrokenAnchors`), even one that names the page's title, which a browser shows from its top anyway.
   */
  readonly buildChecksAnchors?: true;
}

export interface NewPostRules {
  /** The folder under the first content folder for posts when the site has none yet (`_posts` for Jekyll). */
  readonly defaultSection: string;
  /** New post files are named `YYYY-MM-DD-slug.md` (Jekyll requires it; Docusaurus takes the date from it). */
  readonly datedFileNames: boolean;
  /** The frontmatter of a new post, as a Go-template-like archetype (`{{ .Title }}`, `{{ now.Format "…" }}`, `{{ .Date }}`). */
  readonly template: string;
  /** The site's own templates for a post in `section`, best first (Hugo's `archetypes/<section>.md`, then `default.md`). */
  archetypes?(root: string, section: string): string[];
  /**
   * The slug of a new post's file name, made from its title by the generator's own rule (Hugo's
   * `urlize`, Jekyll's `slugify`, github-slugger, Eleventy's `slugify` filter), so the writer's language
   * stays: `Straße in Köln` is `straße-in-köln` for Hugo. May be empty or hold `/`; newPost.ts makes it one file name.
   */
  slug(title: string, config: SiteConfig): string;
}

/** The rules of a generator that publishes everything it finds and resolves images as a browser does. */
export const plainPublishing: PublishingRules = { skipsDrafts: false, skipsFuturePosts: false, skipsExpiredPages: false };

/** The message words for a generator that serves images from public folders. */
export const servedImagesWhere = msg('where the site serves images from');

/**
 * Frontmatter keys whose value is an image by documentation: `images` (Hugo's embedded opengraph,
 * twitter_cards and schema templates), `image` (jekyll-seo-tag, Docusaurus), and the covers of the most
 * used themes (`cover.image` PaperMod, `cover` Terminal, `featured_image` Ananke, `featuredImage` LoveIt).
 * Other keys whose value looks like an image path (`thumbnail`, `hero`, `og_image`…) are checked too, as
 * guesses (see post/frontmatterImages.ts): how a site's own templates resolve them is not known.
 */
export const defaultImageFields = ['image', 'images', 'cover', 'cover.image', 'featured_image', 'featuredImage'];

/** The path below the site's base path (`/blog/img/a.png` → `/img/a.png` for a site at `/blog/`). */
export function withoutBasePath(config: Pick<SiteConfig, 'basePath'> & Partial<Pick<SiteConfig, 'otherBasePaths'>>, path: string): string {
  const below = (base: string) => base !== '' && (path === base || path.startsWith(`${base}/`));
  // Called for every root path a post holds: no array is made for the common site with one base path.
  const base = below(config.basePath) ? config.basePath : config.otherBasePaths?.find(below);
  return base === undefined ? path : path.slice(base.length) || '/';
}

/** A URL path below the base path, in each public folder. */
export function publicFolderCandidates(config: SiteConfig, path: string): string[] {
  return config.publicDirs.map((dir) => joinPath(dir, path));
}

/** Site-root paths (`/img/a.png`) map into each public folder once the base path is removed. */
export function rootRelativeCandidates(config: SiteConfig, imagePath: string): string[] {
  return publicFolderCandidates(config, withoutBasePath(config, imagePath));
}

/** The default rule of the web: relative to the post's folder, root paths in the public folders. */
export function browserCandidates(config: SiteConfig, postPath: string, imagePath: string): string[] {
  return imagePath.startsWith('/') ? rootRelativeCandidates(config, imagePath) : [joinPath(dirname(postPath), imagePath)];
}

export function firstExisting(names: ReadonlySet<string>, candidates: readonly string[]): string | undefined {
  return candidates.find((name) => names.has(name));
}
