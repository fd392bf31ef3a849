import type { OffsetRange } from '../frontmatter/model';

/** How a link is written: the generator resolves each form by its own rule. */
export type LinkForm = 'markdown' | 'html' | 'hugo-ref' | 'hugo-relref' | 'jekyll-post_url' | 'jekyll-link';

/**
 * A link in a post to a page, a file or a heading. External URLs (`https:`, `//host`, but not the site's
 * own address), `mailto:` and other schemes, and destinations holding template expressions (`{{ … }}`,
 * `{% … %}`) are never links here.
 */
export interface LinkReference {
  readonly form: LinkForm;
  /** The destination as written (a template's argument without its quotes). */
  readonly raw: string;
  /** Where `raw` stands in the post: a fix replaces exactly this. */
  readonly range: OffsetRange;
  /** The path part, decoded (`%20` → space), without query or fragment; `''` for `#heading` alone. */
  readonly path: string;
  /** The fragment, decoded, without its `#`; undefined when there is none. */
  readonly fragment?: string;
  /** Where the fragment's text (after `#`) stands, for fixes that change only the heading. */
  readonly fragmentRange?: OffsetRange;
  /** Hugo `ref`/`relref` options: `lang`, `outputFormat`. */
  readonly options?: Readonly<Record<string, string>>;
  /**
   * Written with the site's own address (`https://example.org/docs/x/#y`): `path` is the URL's path. A page
   * it reaches has its fragment checked; a URL the site does not build may be served by something else.
   */
  readonly absolute?: true;
}

/** A place a fragment can name: a heading's ID (by the generator's rule) or an explicit anchor. */
export interface Anchor {
  readonly id: string;
  /** The heading's text, for completion and did-you-mean; undefined for `<a id>`/`name`. */
  readonly text?: string;
  /** Where the heading's text (or the anchor's id) stands in the post, as body offsets. */
  readonly range: OffsetRange;
}

/**
 * How a generator turns heading text into IDs. Hugo: Goldmark's `autoHeadingIDType` (`github`,
 * `github-ascii`, `blackfriday`); Jekyll: kramdown's auto IDs; Docusaurus: github-slugger with `{#id}`;
 * Astro: github-slugger after smartypants, one trailing `-` dropped, no `{#id}` (rehypeHeadingIds);
 * Eleventy with markdown-it-anchor's default slugify: `markdown-it-anchor`.
 * `goldmark-explicit`, `kramdown-explicit`: headings get no IDs of their own making (Hugo `autoHeadingID = false`, kramdown
 * `auto_ids: false`), only those written with them (`## Text {#id}`), and footnotes theirs.
 */
export type HeadingIdStyle = 'github' | 'github-ascii' | 'blackfriday' | 'kramdown' | 'github-slugger' | 'astro' | 'markdown-it-anchor' | 'goldmark-explicit' | 'kramdown-explicit';

/** The site's files as the link model reads them (the site's FileSet has these). */
export interface FileList {
  has(path: string): boolean;
  all(): Iterable<string>;
}

/** A page with its URL and the URLs that redirect to it (the site's PostSummary has these). */
export interface RoutedPage {
  readonly route: { readonly url: string; readonly aliases: readonly string[] } | undefined;
}

/** What Hugo's Goldmark settings change in heading IDs beyond their style. */
export interface GoldmarkIdOptions {
  /** Definition-list terms get IDs as headings do (Hugo ≥ 0.144's `markup.goldmark.parser.autoDefinitionTermID`). */
  readonly definitionTerms?: true;
  /** `enableEmoji`: an emoji shortcode (`:lock:`) is an emoji, which adds nothing to the ID. */
  readonly emoji?: true;
  /** `markup.highlight`'s line-number settings, where they give code lines IDs (see headingIds/codeLineAnchors.ts). */
  readonly highlight?: HighlightDefaults;
}

/** Hugo's `markup.highlight` defaults for line numbers and their anchors; a code block's own options override them. */
export interface HighlightDefaults {
  readonly lineNos: boolean;
  readonly anchorLineNos: boolean;
  readonly lineNoStart: number;
  /** A prefix for every block's line IDs; unset: each block's own (`hl-<ordinal>`). */
  readonly lineAnchors?: string;
}
