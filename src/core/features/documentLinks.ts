import type { ParsedPost } from '../post/parsedPost';
import { resolvePageImage } from '../site/pageImages';
import type { Site } from '../site/site';
import type { Range } from '../text/lineIndex';
import { relativePath } from '../text/paths';
import { valuesOf } from '../frontmatter/values';
import { findImageReferences } from '../post/imageReferences';
import { linkDestinations } from './linkNavigation';
import { english, formatMessage, msg, type Message, type Translate } from '../l10n/message';

export interface DocumentLink {
  readonly range: Range;
  readonly target: string;
  readonly tooltip: string;
  /** Where in the target the link leads (a heading), as an offset into the target's text. */
  readonly targetOffset?: number;
}

/** Image paths open the image; author ids open where the author is defined; links open the page (at the heading). */
export function documentLinks(site: Site, post: ParsedPost, translate: Translate = english): DocumentLink[] {
  const t = (message: Message) => formatMessage(message, translate);
  const links: DocumentLink[] = [];
  for (const reference of findImageReferences(post, site.config)) {
    const resolution = resolvePageImage(site, post, reference);
    if (resolution.status !== 'found') continue;
    links.push({ range: post.lines.rangeOf(reference.range.start, reference.range.end), target: resolution.file, tooltip: t(msg('Open {0}', relativePath(site.root, resolution.file))) });
  }
  for (const { node } of valuesOf(post, site.config.authorKeys)) {
    const author = typeof node.value === 'string' ? site.findAuthor(node.value) : undefined;
    if (!author) continue;
    const start = node.style === 'plain' ? node.range.start : node.range.start + 1;
    const end = node.style === 'plain' ? node.range.end : node.range.end - 1;
    links.push({ range: post.lines.rangeOf(start, end), target: author.definedAt.file, tooltip: t(msg('Open {0} ({1})', author.name ?? author.id, relativePath(site.root, author.definedAt.file))) });
  }
  for (const destination of linkDestinations(site, post)) {
    const { link, anchor } = destination;
    // A `#heading` alone links the fragment, not the whole destination: the heading is in this post.
    const range = link.path === '' && link.fragmentRange ? link.fragmentRange : link.range;
    const page = site.posts.get(destination.path)?.title ?? relativePath(site.root, destination.path);
    const tooltip = anchor ? t(msg('Open {0} at "{1}"', page, anchor.text ?? anchor.id)) : t(msg('Open {0}', page));
    links.push({ range: post.lines.rangeOf(range.start, range.end), target: destination.path, tooltip, ...(anchor ? { targetOffset: anchor.range.start } : {}) });
  }
  return links;
}
