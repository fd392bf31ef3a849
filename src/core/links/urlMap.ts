import type { RoutedPage } from './model';
import { basename } from '../text/paths';
import { CandidateIndex } from '../text/similarity';

/** A page found at a URL: the file it is built from, and whether the URL is one of its aliases (a redirect). */
export interface PageAtUrl {
  readonly path: string;
  readonly viaAlias: boolean;
}

/**
 * Every page's URL (and alias), for the lookups links need: by URL as a browser reaches it, by letter
 * case, and by last segment (a post moved to another folder or date keeps its slug). Built from the
 * pages' routes when first asked for after a route changed; most keystrokes change none.
 */
export class UrlMap {
  private readonly byKey = new Map<string, PageAtUrl>();
  /** The first page to list each alias, even where a page's own URL is there too. */
  private readonly aliasByKey = new Map<string, string>();
  private byLowerKey: Map<string, string> | undefined;
  private bySlug: Map<string, string[]> | undefined;

  constructor(posts: ReadonlyMap<string, RoutedPage>) {
    for (const [path, post] of posts) {
      if (!post.route) continue;
      for (const alias of post.route.aliases) {
        const key = urlKey(alias);
        if (this.byKey.has(key)) continue;
        this.byKey.set(key, { path, viaAlias: true });
        this.aliasByKey.set(key, path);
      }
    }
    // A page's own URL wins over another page's alias (Hugo writes the page over the alias).
    for (const [path, post] of posts) if (post.route) this.byKey.set(urlKey(post.route.url), { path, viaAlias: false });
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The page a URL path (below the base path, without query or fragment) reaches. */
  pageAt(url: string): PageAtUrl | undefined {
    return this.byKey.get(urlKey(url));
  }

  /** The page that lists `url` among its aliases, whether or not another page has that URL as its own. */
  aliasAt(url: string): string | undefined {
    return this.aliasByKey.get(urlKey(url));
  }

  /** The key of a URL that differs from `url` only in letter case, if a page has one. */
  caseVariant(url: string): string | undefined {
    if (!this.byLowerKey) {
      this.byLowerKey = new Map();
      for (const key of this.byKey.keys()) this.byLowerKey.set(key.toLowerCase(), key);
    }
    const found = this.byLowerKey.get(urlKey(url).toLowerCase());
    return found !== undefined && found !== urlKey(url) ? found : undefined;
  }

  /** Pages whose URL ends in this last segment (a slug), under any folder. */
  withSlug(slug: string): readonly string[] {
    if (!this.bySlug) {
      this.bySlug = new Map();
      for (const [key, page] of this.byKey) {
        if (page.viaAlias) continue;
        const last = basename(key).toLowerCase();
        const paths = this.bySlug.get(last);
        if (paths) paths.push(page.path);
        else this.bySlug.set(last, [page.path]);
      }
    }
    return this.bySlug.get(slugOf(urlKey(slug)).toLowerCase()) ?? [];
  }

  /** The last segments of every page's URL, in lower case. */
  slugs(): IterableIterator<string> {
    this.withSlug('');
    return this.bySlug!.keys();
  }

  /** `closestMatches(word, this.slugs(), limit)`, by an index of the slugs built once: each broken link asks. */
  closestSlugs(word: string, limit: number): string[] {
    this.slugIndex ??= new CandidateIndex(this.slugs());
    return this.slugIndex.closestMatches(word, limit);
  }

  private slugIndex: CandidateIndex | undefined;

  /**
   * Whether the URL is in a top folder some page is published in (`/blog/…` on a site with posts at
   * `/blog/x/`): there a URL that reaches nothing is a broken link, not a page of the theme's.
   */
  inSectionOfPages(url: string): boolean {
    if (!this.sections) {
      this.sections = new Set();
      for (const [key, page] of this.byKey) if (!page.viaAlias) this.sections.add(topFolder(key));
      this.sections.delete(''); // pages at the root (`/about/`) make no folder of pages
    }
    return this.sections.has(topFolder(urlKey(url)));
  }

  private sections: Set<string> | undefined;
}

/**
 * A URL path as a web server finds it: `/a/b/`, `/a/b`, `/a/b/index.html` and `/a/b.html` reach one page
 * (the servers blogs are hosted on — GitHub Pages, Netlify, the generators' own — serve a folder's
 * index.html and add `.html` to a bare name). The key is the path without those endings.
 */
export function urlKey(url: string): string {
  let key = url;
  if (key.endsWith('/index.html')) key = key.slice(0, -'index.html'.length);
  else if (key.endsWith('.html')) key = key.slice(0, -'.html'.length);
  while (key.length > 1 && key.endsWith('/')) key = key.slice(0, -1);
  return key === '' ? '/' : key;
}

function slugOf(key: string): string {
  return basename(key);
}

/** `blog` for `/blog/2024/x`, '' for `/about`. */
function topFolder(key: string): string {
  const second = key.indexOf('/', 1);
  return second === -1 ? '' : key.slice(1, second);
}
