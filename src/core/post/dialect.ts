import type { MediaSubpath } from './mediaSubpath';
import { extname } from '../text/paths';

export type GeneratorId = 'hugo' | 'jekyll' | 'docusaurus' | 'astro' | 'eleventy' | 'markdown';

/** The part of a site's configuration that decides how one post reads (SiteConfig has these fields). */
export interface PostDialect {
  readonly generator: GeneratorId;
  readonly root: string;
  /** Frontmatter keys whose values are image paths (`cover.image` reaches into a map). */
  readonly imageFields: readonly string[];
  readonly markdownIsMdx?: boolean;
  /** The site's own shortcodes whose templates show no file (Hugo, see hugo/shortcodeTemplates.ts): their arguments are no images. */
  readonly imagelessShortcodes?: ReadonlySet<string>;
  /** Frontmatter image fields the layouts only pass to shortcodes writing an address on another host (Eleventy, see eleventyRemoteImageFields.ts). */
  readonly remoteImageFields?: ReadonlySet<string>;
  /** The include files (Jekyll `_includes/`) by their path there: a guessed image naming one is that include's name. */
  readonly includeFiles?: ReadonlySet<string>;
  /** By include file, then parameter: the path an include's template writes before the parameter's value (Jekyll, see jekyll/includeTemplates.ts). */
  readonly includeImagePrefixes?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** By include file: the parameters its template writes as an `<img>`'s `src`: their values are images, no guess (Jekyll). */
  readonly includeImageParameters?: ReadonlyMap<string, ReadonlySet<string>>;
  /** What a schema declares of the frontmatter of some posts (Astro content collections), where Postcraft can read it. */
  readonly schemaFields?: readonly SchemaFields[];
  /**
   * Every word of the site's templates, lower case, where Postcraft can read them all (Hugo, see hugo/templateWords.ts; Jekyll, jekyll/templateWords.ts):
   * a guessed image in a frontmatter key no template names is data no page shows.
   */
  readonly templateWords?: ReadonlySet<string>;
  /** A theme that serves a post's images after a path its frontmatter sets (Jekyll's Chirpy, see mediaSubpath.ts). */
  readonly mediaSubpath?: MediaSubpath;
}

/**
 * The fields a collection's schema declares, for the posts it takes: images the generator resolves
 * from the entry (Astro `image()`), and plain strings, which are whatever the site's code makes of
 * them. Names dotted below an object (`cover.src`); other fields keep the site's rules.
 */
export interface SchemaFields {
  /** The posts' paths below the site's root. */
  readonly matches: RegExp;
  readonly images: readonly string[];
  readonly strings: readonly string[];
  /** Every top-level key the schema declares (Astro: a collection without `title` wants none). */
  readonly keys: readonly string[];
  /** Whether the entries keep the keys the schema does not declare (zod's `passthrough()`); else the site's pages never see them. */
  readonly keepsUndeclared: boolean;
}

/**
 * Whether the generator compiles the post as MDX (imports, JSX, `{expressions}`): every `.mdx` file,
 * and Docusaurus `.md` files unless its `markdown.format` says otherwise. The checks and the preview
 * both ask here, so they read a post the same way.
 */
export function compilesAsMdx(config: Pick<PostDialect, 'markdownIsMdx'>, path: string): boolean {
  return config.markdownIsMdx === true || extname(path) === '.mdx';
}
