import type { OffsetRange } from '../frontmatter/model';
import type { GoldmarkIdOptions, HeadingIdStyle } from '../links/model';
import type { SiteRouting } from './routes/siteRouting';
import type { GeneratorId, SchemaFields } from '../post/dialect';
import type { MediaSubpath } from '../post/mediaSubpath';
import type { PublishingRules } from './generators/profile';
import type { RemoteImageTemplates } from './generators/hugo/remoteImages';

export type { GeneratorId };

/** What a site's configuration says, in the terms every check needs. All paths absolute. */
export interface SiteConfig {
  readonly generator: GeneratorId;
  readonly root: string;
  /** The file the generator reads its settings from, if any. */
  readonly configFile: string | undefined;
  /** Folders whose Markdown/MDX files are posts or pages. */
  readonly contentDirs: string[];
  /** The generator's publishing rules as the site's config sets them (Hugo `buildFuture`…); else the profile's (`Site.publishing`). */
  readonly publishing?: PublishingRules;
  /** Folders served at the site root: `/img/a.png` is looked for in each. */
  readonly publicDirs: string[];
  /** Folders an image can also be taken from by name (Hugo `assets/` through `resources.Get`). */
  readonly assetDirs: string[];
  /**
   * Folders (or files) mounted below the root of a public or asset folder (a Hugo module mount with
   * `target: static/img/logos`): served at `/img/logos/…`, or named `img/logos/…` for `resources.Get`.
   */
  readonly subfolderMounts?: readonly SubfolderMount[];
  /** The path part of the site's base URL (`/blog` for `https://x.org/blog/`), stripped from `/…` paths. */
  readonly basePath: string;
  /**
   * Base paths another config of the site sets, which a build may be run with (Jekyll's `--config _config.yml,_config_prod.yml`:
   * w3.org/WAI deploys below /WAI); stripped from `/…` paths too.
   */
  readonly otherBasePaths?: readonly string[];
  /** Frontmatter keys holding tags and other free taxonomies (`tags`, `categories`, …). */
  readonly tagKeys: string[];
  /** A string of tags is split on spaces (Jekyll), rather than taken as one tag. */
  readonly splitTagWords?: boolean;
  /** Tag values that name something else to the generator (Eleventy's `post` collection): never typos. */
  readonly reservedTags?: readonly string[];
  /**
   * Posts whose tags are a vocabulary of their own, by group (paths below the root; the first group
   * whose pattern takes a post): the generator makes each group's tag pages apart, so a spelling in one
   * is no variant of another's (Astro: each collection, unless one tag page reads several). Posts of
   * no group are one more group.
   */
  readonly tagGroups?: readonly { readonly name: string; readonly matches: RegExp }[];
  /**
   * The posts whose tag values the generator makes tags of, by path; the others' are plain data (Jekyll's site.tags
   * and site.categories hold posts only: a page's `tags:` makes no tag page). Absent: every post's.
   */
  readonly taggedPosts?: RegExp;
  /** Lists of allowed tags for the posts of a folder, and how the generator treats others (Docusaurus `tags.yml`). */
  readonly tagRegistries?: readonly TagRegistry[];
  /** Frontmatter keys naming authors. */
  readonly authorKeys: string[];
  /**
   * Every author value is a term the generator makes a page of, whether or not the registry describes it (a Hugo
   * authors taxonomy: Wowchemy lists co-authors without a profile by name): a name the registry lacks is no mistake
   * unless it is close to one it has.
   */
  readonly authorsAreTerms?: true;
  /** Frontmatter keys holding image paths. */
  /** The host the site is published at, lower case (Hugo's `baseURL`, Jekyll's `url`, Docusaurus's `url`): a link to it is a link into the site. */
  readonly siteHost?: string;
  readonly imageFields: string[];
  /** The site's own shortcodes whose templates show no file: their arguments are no images (Hugo, see hugo/shortcodeTemplates.ts; Eleventy, see eleventyShortcodes.ts). */
  readonly imagelessShortcodes?: ReadonlySet<string>;
  /** Frontmatter image fields the layouts only pass to shortcodes writing an address on another host (Eleventy, see eleventyRemoteImageFields.ts). */
  readonly remoteImageFields?: ReadonlySet<string>;
  /** The site's own shortcodes whose templates may write ids: a page calling one has anchors Postcraft cannot list (Hugo, see hugo/shortcodeTemplates.ts). */
  readonly anchorShortcodes?: ReadonlySet<string>;
  /** Shortcodes that, called with `{{% %}}`, write no heading or id of their own (Hugo, see hugo/shortcodeTemplates.ts); any other such call may. */
  readonly markdownShortcodesWithoutIds?: ReadonlySet<string>;
  /**
   * Markdown images may not be shown as they are: Hugo, a theme or module not on disk (fetched at build time), and not known to show
   * them as they are (hugo/unseenLayouts.ts), may bring a render hook that resizes them; Eleventy, the config replaces markdown-it's image rule.
   */
  readonly markdownImageHookUnknown?: true;
  /**
   * Hugo: there are layouts, every one is on disk or known to leave assets/ alone (hugo/unseenLayouts.ts), and the embedded
   * image hook is off: a Markdown image naming a file of assets/ gets it published only through an image hook on disk.
   */
  readonly assetsNeedImageHook?: true;
  /** Hugo: the layouts may resize images (or Postcraft cannot read them all): a page resource named in frontmatter may be shown only resized. */
  readonly layoutsMayResize?: true;
  /** Hugo: a theme or module whose layouts are not on disk (a submodule the checkout lacks, a module fetched at build time). */
  readonly layoutsUnseen?: true;
  /** Hugo: the site's templates write images they find no file for from another host (see hugo/remoteImages.ts). */
  readonly remoteImageTemplates?: RemoteImageTemplates;
  /** A theme that serves a post's images after a path its frontmatter sets (Jekyll's Chirpy, see post/mediaSubpath.ts). */
  readonly mediaSubpath?: MediaSubpath;
  /** Folders of git submodules the checkout lacks (see absentSubmodules.ts): what a post names in them is not known to be missing. */
  readonly absentSubmoduleDirs?: readonly string[];
  /** Folders whose images a script of the build re-encodes before the generator runs (see buildCopies.ts): their weight is not known. */
  readonly reencodedImageDirs?: readonly string[];
  /** The image copies a plugin writes at build time (Jekyll's jekyll-imagemagick, see jekyll/imagemagick.ts). */
  readonly generatedImageCopies?: GeneratedImageCopies;
  /** By include file, then parameter: the path an include's template writes before the value (Jekyll, see jekyll/includeTemplates.ts). */
  readonly includeImagePrefixes?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** By include file: the parameters its template writes as an `<img>`'s `src` (Jekyll, see jekyll/includeTemplates.ts). */
  readonly includeImageParameters?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The include files (Jekyll `_includes/`) by their path there: a value Postcraft only guesses is an image that names
   * one is an include's name (`file: icons/folder.svg`, inlined by `{% include {{ include.file }} %}`), not an image.
   */
  readonly includeFiles?: ReadonlySet<string>;
  /** Content types whose own layouts write ids Postcraft cannot list, with those layouts' names: a page they lay out has anchors Postcraft cannot list (Hugo, see hugo/typeLayouts.ts). */
  readonly anchorTypes?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Import aliases (tsconfig `paths`) as prefix → folder, where the generator resolves them (Astro's Vite). */
  readonly importAliases?: readonly (readonly [prefix: string, target: string])[];
  /** Components the site's MDX pages get without importing them (Docusaurus' swizzled `src/theme/MDXComponents`), its own ones by name. */
  readonly globalComponents?: ReadonlySet<string>;
  /** Layouts (by name) that write IDs they compute: a page laid out by one has anchors Postcraft cannot list (Jekyll, see jekyll/idComputingLayouts.ts). */
  readonly idComputingLayouts?: ReadonlySet<string>;
  /** Each content type's own layouts by name, and whether the page one lays out has its content rendered (Hugo, see hugo/typeLayouts.ts `TypeLayouts`). */
  readonly contentLayouts?: ReadonlyMap<string, ReadonlyMap<string, boolean>>;
  /** `.md` files are compiled as MDX too (Docusaurus), so their `import`s are real; else only `.mdx` files. */
  readonly markdownIsMdx?: boolean;
  /** What a schema declares of the frontmatter of some posts (Astro collections: `image()` or plain string fields). */
  readonly schemaFields?: readonly SchemaFields[];
  /** Folders never indexed (build output, dependencies). */
  readonly ignoredDirs: string[];
  /**
   * Files the generator never builds, as patterns on the path below the site's root (`content/_x.md`,
   * no leading slash): Hugo `ignoreFiles`, Jekyll `exclude`, Docusaurus's `_` files. Never checked.
   */
  readonly excludedFiles?: readonly RegExp[];
  /** The languages of a multilingual site (Hugo): a post's language comes from its file name or content folder. */
  readonly languages?: SiteLanguages;
  /** Hugo's `removePathAccents`: `Inés` names the term page `ines`, not `inés`. */
  readonly removePathAccents?: boolean;
  /**
   * A Markdown file without frontmatter is copied as it is, never built, so nothing in it is checked
   * (Jekyll, unless jekyll-optional-front-matter or GitHub Pages makes such files pages: then only a file of one of
   * `names`, its base name upper-cased, which the plugin never makes a page, unless the config's `include` names it).
   */
  readonly frontmatterRequired?: boolean | { readonly names: ReadonlySet<string>; readonly included: readonly string[] };
  /**
   * Pages the generator reads but never renders at a URL of their own (Hugo: headless bundles, build
   * options `render: never`, also through `cascade`, and a leaf bundle's Markdown resources). They need
   * no title; where they are shown, a template includes them.
   */
  readonly unrenderedPages?: UnrenderedPages;
  /** What the config says about URLs (permalink patterns, base routes), for the generator's URL rules (site/routes/). */
  readonly routing?: SiteRouting;
  /** How headings get their IDs, where the config chooses (Hugo's `autoHeadingIDType`); else the generator's default. */
  readonly headingIds?: HeadingIdStyle;
  /** What else Goldmark's settings give heading IDs from (Hugo), see `GoldmarkIdOptions`. */
  readonly goldmarkIds?: GoldmarkIdOptions;
  /** Markdown is read by MDX 1's remark-parse 8 (Docusaurus 2), where `[text][label]` is a link whatever the labels defined. */
  readonly mdx1?: true;
  /**
   * Raw HTML in Markdown never reaches the page: Hugo's Goldmark writes `<!-- raw HTML omitted -->` in its place unless
   * `markup.goldmark.renderer.unsafe` is on. Its images and links are then none of the page's.
   */
  readonly omitsRawHtml?: boolean;
  /**
   * The generator's YAML reader takes tabs as indentation (gray-matter 4's js-yaml 3, which Eleventy before 3.1.7
   * and Docusaurus before 3.10 read front matter with; js-yaml 4 and YAML 1.2 refuse them).
   */
  readonly yamlTabIndentation?: boolean;
  /** The build re-encodes and resizes the images pages show (Eleventy's eleventyImageTransformPlugin): no image is served as it is. */
  readonly transformsImages?: boolean;
}

export interface SubfolderMount {
  /** The mounted folder or file. */
  readonly source: string;
  /** Whether it is served like `publicDirs` or found like `assetDirs`. */
  readonly component: 'static' | 'assets';
  /** Where below that root it is mounted, without slashes at either end (`img/logos`). */
  readonly at: string;
}

export interface UnrenderedPages {
  /** Whether the page at `path`, with this frontmatter data, is never rendered on its own. */
  includes(path: string, frontmatter: Readonly<Record<string, unknown>> | undefined): boolean;
  /** Whether a `cascade` gives pages taxonomy terms (tags, categories…), which their own frontmatter does not show. */
  readonly givesTerms?: boolean;
}

export interface SiteLanguages {
  readonly defaultLanguage: string;
  /** The language codes the site declares (with the default), in lower case as the generator reads them. */
  readonly codes: ReadonlySet<string>;
  /**
   * Content folders and their language, in the order a post's language is looked up; `mountedAt`, the
   * folder of the site's content tree a folder is mounted at (Hugo `target: content/docs` → `/docs`), if not its root.
   */
  readonly contentDirs: readonly { readonly dir: string; readonly language: string; readonly mountedAt?: string }[];
}

export interface SourceLocation {
  readonly file: string;
  readonly range?: OffsetRange;
}

export interface Author {
  readonly id: string;
  readonly name: string | undefined;
  readonly avatar: string | undefined;
  readonly bio: string | undefined;
  readonly definedAt: SourceLocation;
}

export interface TagRegistry {
  /** The posts it applies to. */
  readonly folder: string;
  readonly tags: ReadonlySet<string>;
  readonly file: string;
  /** How the generator reacts to a tag outside the registry; `off` means it accepts it. */
  readonly severity: 'error' | 'warning' | 'info' | 'off';
}

/**
 * What jekyll-imagemagick (al-folio turns it on) writes at build time: for each image of an input folder with an input
 * format, a copy in each output format, whole (`photo.webp`) and at each width (`photo-480.webp`). al-folio's
 * figure.liquid and hand-written `<img>` tags name those copies, which are in no repository.
 */
export interface GeneratedImageCopies {
  readonly dirs: readonly string[];
  readonly widths: readonly number[];
  /** Lower case, with their dot. */
  readonly inputFormats: readonly string[];
  readonly outputFormats: readonly string[];
}
