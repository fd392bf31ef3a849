import { findLinks } from '../links/findLinks';
import { resolveLink } from '../site/resolveLink';
import type { ParsedPost } from '../post/parsedPost';
import type { Site } from '../site/site';
import type { Range } from '../text/lineIndex';

/** A link to a post from another (or the same) post. */
export interface Backlink {
  /** The post the link is in. */
  readonly from: string;
  readonly range: Range;
  /** The destination as written. */
  readonly raw: string;
  /** The text of the line the link is on, trimmed, for a list of places. */
  readonly line: string;
}

/** Every link in `sources` that reaches the page built from `target` (by URL, alias, file or template link). */
export function backlinksTo(site: Site, target: string, sources: Iterable<ParsedPost>): Backlink[] {
  const backlinks: Backlink[] = [];
  for (const post of sources) {
    for (const link of findLinks(post, site.config)) {
      // `#heading` alone is a link within the post, not a link to it.
      if (link.path === '' && post.path === target) continue;
      const reached = resolveLink(site, post.path, link);
      if ((reached.kind !== 'page' && reached.kind !== 'file') || reached.path !== target) continue;
      const range = post.lines.rangeOf(link.range.start, link.range.end);
      const lineStart = post.lines.lineStart(range.start.line);
      const lineEnd = post.text.indexOf('\n', lineStart);
      backlinks.push({ from: post.path, range, raw: link.raw, line: post.text.slice(lineStart, lineEnd === -1 ? post.text.length : lineEnd).trim().slice(0, 200) });
    }
  }
  return backlinks;
}
