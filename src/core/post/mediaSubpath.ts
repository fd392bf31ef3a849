import type { ImageReference } from './imageReferences';
import type { ParsedPost } from './parsedPost';
import { msg } from '../l10n/message';
import { normalizePath } from '../text/paths';

/**
 * How the Chirpy theme (jekyll-theme-chirpy, the most used Jekyll blog theme) serves a post's images: its
 * `refactor-content.html` rewrites every `<img src>` of the rendered post, and its post layout the `image`
 * field, putting the post's media subpath before each path.
 * - Chirpy 7 (`media_subpath`, media-url.html): any path without a `:` becomes `/<subpath>/<path>` with
 *   doubled slashes collapsed, a root path as much as a bare name.
 * - Chirpy 5 and 6 (`img_path`): the subpath goes before the path as written; before a root path that
 *   makes `/<subpath>//<path>`, which Postcraft leaves alone, so only other paths are rewritten.
 * A post without a subpath is left to Jekyll's own rules, which already take a bare name from the site's root as
 * Chirpy 7 serves it (`a.png` at `/a.png`).
 */
export interface MediaSubpath {
  /** The frontmatter keys the theme reads, the first one set wins (both where the version is unknown). */
  readonly keys: readonly ('media_subpath' | 'img_path')[];
  /** The frontmatter fields the theme's layouts show through the same rule. */
  readonly fields: readonly string[];
  /** The site's CDN setting goes before every such path: the images are served from another address. */
  readonly servedElsewhere?: true;
}

/**
 * The path Chirpy serves `path` at after the post's `subpath` (read from `key`): undefined where it leaves the path
 * alone, 'elsewhere' where the subpath is an address of its own (a CDN), so the image is not one of the site's files.
 */
export function servedAfterSubpath(key: MediaSubpath['keys'][number], subpath: string, path: string): string | 'elsewhere' | undefined {
  if (path.includes(':') || (key === 'img_path' && path.startsWith('/'))) return undefined;
  if (subpath.includes(':')) return 'elsewhere';
  // As the browser reads it: doubled slashes once, `..` taken away (Chirpy 5's `/p/../../x.png`).
  return normalizePath(`/${subpath}/${path}`);
}

/** The post's media subpath: the first of the theme's keys its frontmatter sets to a string. */
export function postSubpath(post: ParsedPost, rule: MediaSubpath): { key: MediaSubpath['keys'][number]; subpath: string } | undefined {
  const data = post.frontmatter?.data;
  for (const key of rule.keys) {
    const value = data?.[key];
    if (typeof value === 'string' && value.trim() !== '') return { key, subpath: value.trim() };
  }
  return undefined;
}

/** Where the theme serves a path the post writes: the path, and the frontmatter key that moved it there. */
export type ServedPath = { readonly path: string; readonly key: MediaSubpath['keys'][number] } | 'elsewhere' | undefined;

/**
 * Where the theme serves each image path of this post (see servedAfterSubpath), or undefined where it serves them as
 * written: a post without a media path on a site without a CDN.
 */
export function themeServedPath(post: ParsedPost, rule: MediaSubpath | undefined): ((path: string) => ServedPath) | undefined {
  if (!rule) return undefined;
  if (rule.servedElsewhere) return (path) => (path.includes(':') ? undefined : 'elsewhere');
  const set = postSubpath(post, rule);
  if (!set) return undefined;
  return (path) => {
    const served = servedAfterSubpath(set.key, set.subpath, path);
    return served === undefined || served === 'elsewhere' ? served : { path: served, key: set.key };
  };
}

/**
 * The references as the theme serves them: the body's Markdown and HTML images, and the `image` field the post layout
 * shows. Template arguments and other fields keep their paths; an image served from another address is no file to check.
 */
export function withMediaSubpath(references: readonly ImageReference[], post: ParsedPost, rule: MediaSubpath | undefined, isShownField: (reference: ImageReference) => boolean): readonly ImageReference[] {
  const servedPath = themeServedPath(post, rule);
  if (!servedPath) return references;
  const shownByTheme = (reference: ImageReference) => !reference.guess && (reference.origin === 'markdown' || reference.origin === 'html' || (reference.origin === 'frontmatter' && isShownField(reference)));
  return references.flatMap((reference) => {
    const served = shownByTheme(reference) ? servedPath(reference.path) : undefined;
    if (served === undefined) return [reference];
    if (served === 'elsewhere') return [];
    return [{ ...reference, path: served.path, servedAfter: msg('the theme serves it at "{0}", after the post\'s {1}', served.path, served.key) }];
  });
}
