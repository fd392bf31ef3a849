import type { LinkReference } from '../../links/model';
import type { UrlMap } from '../../links/urlMap';
import type { FileSet } from '../fileSet';
import type { SiteConfig } from '../model';
import type { PostSummary } from '../postSummary';
import type { PageRoute } from './model';
import type { ImageOrigin } from '../../post/imageReferences';

/** What URL rules may consult of a site: its config, its files and its pages (with their routes). */
export interface RouteSite {
  readonly config: SiteConfig;
  readonly files: FileSet;
  readonly posts: ReadonlyMap<string, PostSummary>;
  /** Grows when a page is added or removed or its URL or anchors change: what rules derive from the pages is current while it stays. */
  readonly linkTargetsVersion: number;
  /** Grows when a page's tags or authors change (the term pages a generator makes of them); absent: never. */
  readonly termsVersion?: number;
  /** Every page's URL (links/urlMap.ts), current with the posts' routes. */
  urlMap(): UrlMap;
}

/** The page a template link (Hugo `ref`, Jekyll `post_url`) names, as the generator's lookup finds it. */
export type TemplateLinkTarget =
  | { readonly status: 'found'; readonly path: string }
  /** The generator fails the build (Hugo REF_NOT_FOUND, Jekyll "Could not find post"); `why` in its terms. */
  | { readonly status: 'missing'; readonly why: string }
  /** Postcraft cannot follow this form or option: nothing is claimed. */
  | { readonly status: 'unknown' };

/** One generator's URL rules: where it publishes pages and files, and how it looks up template links. */
export interface GeneratorRoutes {
  /** The URL of the page built from `path` with this frontmatter, or undefined when no page of its own is rendered. */
  pageRoute(config: SiteConfig, path: string, data: Readonly<Record<string, unknown>>): PageRoute | undefined;
  /** Files a root-relative URL path (with the base path or below it) may be served from, best first: static folders, bundle resources. */
  fileCandidates(config: SiteConfig, url: string): string[];
  /**
   * Whether the generator makes a page at this URL path from no file of its own: home, section and term
   * lists, pagination, feeds, archives. Such a URL is never reported broken.
   */
  isGeneratedUrl(site: RouteSite, url: string): boolean;
  /**
   * For a URL that is no page and that `isGeneratedUrl` turned down: the taxonomy whose term page it would be, where
   * the generator makes term pages only for the terms pages use (Hugo), with used terms' URLs spelt closest.
   */
  unusedTermPage?(site: RouteSite, url: string): { readonly taxonomy: string; readonly closest: readonly string[] } | undefined;
  /**
   * Whether the site also builds pages at URLs Postcraft cannot list (routes a plugin adds, redirects read from
   * code): a URL no page has is then reported only where a page looks like the one meant.
   */
  buildsUnlistedUrls?(config: SiteConfig): boolean;
  /**
   * Whether the generator turns a relative link to the Markdown file `target` into the page's URL
   * (Docusaurus: only between files of one plugin instance). Without it, a link to a page's file is taken
   * to reach it: a generator that leaves `.md` links as written may still have a render hook that does not.
   */
  followsFileLink?(config: SiteConfig, fromPath: string, target: string): boolean;
  /**
   * Source files a link names, in the order the generator looks them up, where it rewrites such links to
   * their page's URL: Docusaurus's Markdown links to `.md` files (beside the file, then the plugin's
   * content paths, `@site/`), Eleventy's InputPathToUrl (the input folder first). Empty or undefined
   * where no such rule applies: a relative link is then a file beside the post, a `/` link a URL.
   */
  linkedSourceFiles?(config: SiteConfig, fromPath: string, link: Pick<LinkReference, 'form' | 'path'>): readonly string[] | undefined;
  /**
   * Where the generator publishes `file`, which is no page, when it copies files only at their own path and
   * turns no relative file link into their URL (Jekyll, Astro): its URL path (with the base path), or `unpublished`.
   * Undefined where a file beside a page may be served beside the page's URL: a relative link to one is then
   * taken as reaching it. Defined, the browser's rule holds: the link reaches what the page's URL leads to.
   */
  publishedFileUrl?(config: SiteConfig, file: string): { readonly url: string } | 'unpublished' | undefined;
  /**
   * Why `file`, where an image written as `path` is found in the source, is not on the built site: Jekyll copies nothing below a
   * `_`, `.`, `#` or `~` folder (`special-folder`); Eleventy copies only what a passthrough copy names (`not-copied`). Undefined
   * where the build publishes it. `origin`: where the image is written (a Markdown image may go through a rule of the site's own).
   */
  unpublishedImageFile?(config: SiteConfig, file: string, path: string, origin: ImageOrigin): 'special-folder' | 'not-copied' | undefined;
  /** The URL a root-relative link written in `fromPath` reaches, where the generator changes it (Docusaurus adds a translated page's locale). */
  linkUrl?(config: SiteConfig, fromPath: string, url: string): string | undefined;
  /** The page a template link names; only for the forms this generator has. */
  resolveTemplateLink?(site: RouteSite, fromPath: string, link: LinkReference): TemplateLinkTarget;
  /** A template link to no page (or one not built) only warns, and the build goes on (Hugo's `refLinksErrorLevel: WARNING`); else it stops the build. */
  templateLinksToNothingWarn?(config: SiteConfig): boolean;
  /**
   * A Markdown link as the site's link render hook takes it (Hugo): the page it looks the destination up as
   * (`found`), or a destination it handles its own way (`unknown`). Undefined: the hook passes the
   * destination through as written, or there is no hook, and the link is what the browser makes of it.
   */
  resolveHookedLink?(site: RouteSite, fromPath: string, link: LinkReference): TemplateLinkTarget | undefined;
}
