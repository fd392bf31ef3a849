import type { TextEdit } from '../checks/finding';
import { findLinks } from '../links/findLinks';
import { anchorsOf, headingIdStyleOf } from '../links/anchors';
import { relativeFilePath } from '../site/linkText';
import type { LinkReference } from '../links/model';
import { resolveLink } from '../site/resolveLink';
import { urlKey } from '../links/urlMap';
import type { ParsedPost } from '../post/parsedPost';
import { isPostPath } from '../site/fileSet';
import { compilesAsMdx } from '../post/dialect';
import { routesOf } from '../site/routes';
import type { Site } from '../site/site';
import { basename, dirname, extname, isInside, joinPath, normalizePath } from '../text/paths';
import { addListValue } from './frontmatterEdits';

/** A file or folder moved (or renamed) from one path to another. */
export interface PathMove {
  readonly from: string;
  readonly to: string;
}

export interface MoveOptions {
  /** Hugo: add each moved page's old URL to its `aliases`, so links from elsewhere on the web keep working. */
  readonly addAliases?: boolean;
}

/**
 * The edits that keep every link to the moved posts (and every relative link in them) working after the
 * move: relative file links re-relativized, URL links to the new URL (the generator's route for the new
 * path with the same frontmatter), `ref` paths and `post_url` names. `sources` are the posts whose links
 * may need a change, as their texts are now, and must include the moved posts (their frontmatter decides
 * their new URL). Edits address the files where they are before the move, as VS Code's
 * `onWillRenameFiles` applies them.
 */
export function planMoveEdits(site: Site, moves: readonly PathMove[], sources: readonly ParsedPost[], options: MoveOptions = {}): TextEdit[] {
  const newPathOf = (path: string): string | undefined => {
    for (const { from, to } of moves) {
      if (path === from) return to;
      if (isInside(from, path)) return joinPath(to, path.slice(from.length + 1));
    }
    return undefined;
  };
  const byPath = new Map(sources.map((post) => [post.path, post]));
  const newUrls = new Map<string, string | undefined>();
  const newUrlOf = (target: string, newPath: string): string | undefined => {
    if (!newUrls.has(target)) {
      const data = byPath.get(target)?.frontmatter?.data ?? {};
      newUrls.set(target, site.posts.has(target) ? routesOf(site.config.generator).pageRoute(site.config, newPath, data)?.url : undefined);
    }
    return newUrls.get(target);
  };
  const edits: TextEdit[] = [];
  for (const post of sources) {
    const newSource = newPathOf(post.path);
    for (const link of findLinks(post, site.config)) {
      if (link.absolute) continue; // the site's full address: the writer's to keep (a feed, a copy elsewhere)
      const target = resolveLink(site, post.path, link);
      if (target.kind !== 'page' && target.kind !== 'file') continue;
      const newTarget = newPathOf(target.path);
      if (newTarget === undefined && newSource === undefined) continue;
      const text = movedLinkText(site, post.path, newSource ?? post.path, link, target.path, newTarget ?? target.path, () => (newTarget ? newUrlOf(target.path, newTarget) : undefined));
      if (text !== undefined) edits.push(replacePath(post, link, text));
    }
  }
  if (options.addAliases && site.profile.links.aliasesForMovedPages) edits.push(...aliasEdits(site, sources, newPathOf, newUrlOf));
  return edits;
}

/** The link's new path part, or undefined when it stays as written. */
function movedLinkText(site: Site, from: string, newFrom: string, link: LinkReference, target: string, newTarget: string, newUrl: () => string | undefined): string | undefined {
  const unchanged = (text: string | undefined) => (text === undefined || text === pathPart(link) ? undefined : text);
  switch (link.form) {
    case 'markdown':
    case 'html': {
      if (link.path === '') return undefined;
      if (isFileLink(site, from, link, target)) return unchanged(encodeDestination(keepDotSlash(link, relativeFilePath(dirname(newFrom), newTarget))));
      if (newTarget === target) return undefined; // a URL link from a moved post: the URL stays
      const url = newUrl();
      const oldUrl = site.posts.get(target)?.route?.url;
      if (!url || url === oldUrl) return undefined;
      return unchanged(urlText(site, link, url));
    }
    case 'hugo-ref':
    case 'hugo-relref':
      return unchanged(hugoRefText(site, link, dirname(newFrom), target, newTarget));
    case 'jekyll-post_url':
      return unchanged(/\/_posts\/(.+)\.[^./]+$/.exec(newTarget.slice(site.root.length))?.[1]);
    case 'jekyll-link':
      return unchanged(newTarget.slice(site.root.length + 1));
  }
}

/** Whether a Markdown or HTML link names its target as a file relative to the post (not by URL). */
function isFileLink(site: Site, from: string, link: LinkReference, target: string): boolean {
  if (link.path.startsWith('/')) return false;
  const file = normalizePath(joinPath(dirname(from), link.path));
  return file === target || joinPath(file, 'index.html') === target || (isPostPath(link.path) && site.posts.has(file));
}

/**
 * A Hugo `ref` path to the new place in the writer's style: relative (`./`, `../`) stays relative, a
 * bare name that still names the file stays, others are paths below the content folder with or without
 * the leading `/` and the extension as written (a bundle by its folder when written so).
 */
function hugoRefText(site: Site, link: LinkReference, newFolder: string, target: string, newTarget: string): string | undefined {
  const written = link.path;
  if (written.startsWith('./') || written.startsWith('../')) return relativeFilePath(newFolder, newTarget);
  if (!written.includes('/') && basename(newTarget) === basename(target)) return undefined;
  const contentDir = site.config.contentDirs.find((dir) => isInside(dir, newTarget));
  if (!contentDir) return undefined;
  let path = newTarget.slice(contentDir.length);
  const name = basename(path);
  if (extname(written) === '') {
    // `blog/post` or a bundle `blog/post/`: no extension, and a bundle named by its folder.
    path = name === 'index.md' || name === '_index.md' ? dirname(path) : path.replace(/\.[^./]+$/, '');
    if (written.endsWith('/') && !path.endsWith('/')) path += '/';
  }
  return written.startsWith('/') ? path : path.slice(1);
}

/**
 * A URL link's new path part: with the base path where the writer wrote it, and on Jekyll inside the
 * `{{ site.baseurl }}` prefix or the `relative_url` filter the writer used.
 */
function urlText(site: Site, link: LinkReference, url: string): string {
  const written = pathPart(link);
  const baseurl = /^\{\{-?\s*site\.baseurl\s*-?\}\}/.exec(written);
  if (baseurl) return `${baseurl[0]}${encodeDestination(url)}`;
  if (written.includes('{{')) return written.replace(/(["'])[^"'{}]*\1/, (_, quote: string) => `${quote}${url}${quote}`);
  const base = site.config.basePath;
  return encodeDestination(base !== '' && link.path.startsWith(`${base}/`) ? `${base}${url}` : url);
}

/** `./x.md` keeps its `./` when the new path is beside the post as well. */
function keepDotSlash(link: LinkReference, path: string): string {
  return link.path.startsWith('./') && !path.startsWith('.') ? `./${path}` : path;
}

function aliasEdits(site: Site, sources: readonly ParsedPost[], newPathOf: (path: string) => string | undefined, newUrlOf: (target: string, newPath: string) => string | undefined): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const post of sources) {
    const newPath = newPathOf(post.path);
    const route = site.posts.get(post.path)?.route;
    if (!newPath || !route) continue;
    const url = newUrlOf(post.path, newPath);
    if (!url || url === route.url || route.aliases.includes(route.url)) continue;
    const edit = addListValue(post, 'aliases', route.url);
    if (edit) edits.push({ file: post.path, range: post.lines.rangeOf(edit.range.start, edit.range.end), newText: edit.newText });
  }
  return edits;
}

/**
 * The edits for a page whose URL changes while its file stays (a `slug`, `url` or `permalink` edited):
 * every URL link to `oldUrl` (or, while the site still knows the old URL, to the page) gets `newUrl`;
 * file, `ref` and `post_url` links name the file and stay.
 */
export function planUrlChangeEdits(site: Site, page: string, oldUrl: string, newUrl: string, sources: readonly ParsedPost[]): TextEdit[] {
  if (urlKey(oldUrl) === urlKey(newUrl)) return [];
  const edits: TextEdit[] = [];
  const base = site.config.basePath;
  for (const post of sources) {
    for (const link of findLinks(post, site.config)) {
      if ((link.form !== 'markdown' && link.form !== 'html') || link.path === '' || link.absolute || isFileLink(site, post.path, link, page)) continue;
      const withBase = base !== '' && link.path.startsWith(`${base}/`);
      const url = withBase ? link.path.slice(base.length) : link.path;
      const reached = resolveLink(site, post.path, link);
      if (!(url.startsWith('/') && urlKey(url) === urlKey(oldUrl)) && !(reached.kind === 'page' && reached.path === page && !reached.viaAlias)) continue;
      const text = urlText(site, link, newUrl);
      if (text !== pathPart(link)) edits.push(replacePath(post, link, text));
    }
  }
  return edits;
}

/**
 * The edits for a heading of `page` whose ID changes from `oldId` to `newId`: every `#oldId` fragment of
 * a link to that page (in `sources`, which include the page itself for its own `#oldId` links).
 */
export function planFragmentEdits(site: Site, page: string, oldId: string, newId: string, sources: readonly ParsedPost[]): TextEdit[] {
  if (oldId === newId) return [];
  const edits: TextEdit[] = [];
  for (const post of sources) {
    for (const link of findLinks(post, site.config)) {
      if (link.fragment !== oldId || !link.fragmentRange) continue;
      const target = resolveLink(site, post.path, link);
      if (target.kind !== 'page' || target.path !== page) continue;
      edits.push({ file: post.path, range: post.lines.rangeOf(link.fragmentRange.start, link.fragmentRange.end), newText: encodeFragment(newId, link) });
    }
  }
  return edits;
}

/** The heading whose text is at `offset` in the post (for F2 on a heading): its ID and text range. */
export function headingAt(site: Site, post: ParsedPost, offset: number): { readonly id: string; readonly text: string; readonly start: number; readonly end: number } | undefined {
  const anchors = headingAnchors(site, post);
  const anchor = anchors?.find((candidate) => candidate.text !== undefined && offset >= candidate.range.start && offset <= candidate.range.end);
  return anchor && { id: anchor.id, text: post.text.slice(anchor.range.start, anchor.range.end), start: anchor.range.start, end: anchor.range.end };
}

/**
 * The ID the heading at `start` gets once its text is `newText`, by the generator's rule (a `{#id}`
 * attribute keeps its ID; a duplicate gets its suffix).
 */
export function renamedHeadingId(site: Site, post: ParsedPost, start: number, end: number, newText: string): string | undefined {
  const text = post.text.slice(0, start) + newText + post.text.slice(end);
  const style = headingIdStyleOf(site.config);
  if (!style) return undefined;
  const anchors = anchorsOf(text.slice(post.bodyStart), post.bodyStart, { style, mdx: compilesAsMdx(site.config, post.path), goldmark: site.config.goldmarkIds, mdx1: site.config.mdx1 });
  return anchors.find((anchor) => anchor.range.start === start && anchor.text !== undefined)?.id;
}

function headingAnchors(site: Site, post: ParsedPost) {
  const style = headingIdStyleOf(site.config);
  return style ? anchorsOf(post.text.slice(post.bodyStart), post.bodyStart, { style, mdx: compilesAsMdx(site.config, post.path), goldmark: site.config.goldmarkIds, mdx1: site.config.mdx1 }) : undefined;
}

/** The path part of the destination as written: before its query or fragment. */
function pathPart(link: LinkReference): string {
  const end = link.raw.search(link.form === 'hugo-ref' || link.form === 'hugo-relref' ? /#/ : /[?#]/);
  return end === -1 ? link.raw : link.raw.slice(0, end);
}

function replacePath(post: ParsedPost, link: LinkReference, text: string): TextEdit {
  // `range` holds `raw`; the path part is its beginning.
  const found = post.text.indexOf(link.raw, link.range.start);
  const start = found !== -1 && found <= link.range.end ? found : link.range.start;
  return { file: post.path, range: post.lines.rangeOf(start, start + pathPart(link).length), newText: text };
}

/** Characters that would end a Markdown destination are percent-encoded. */
function encodeDestination(text: string): string {
  return text.replace(/[ ()<>"]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function encodeFragment(id: string, link: LinkReference): string {
  return link.form === 'markdown' || link.form === 'html' ? encodeDestination(id) : id;
}
