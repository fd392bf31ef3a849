import type { OffsetRange } from '../frontmatter/model';
import { findLinks } from '../links/findLinks';
import type { Anchor, LinkReference } from '../links/model';
import { resolveLink } from '../site/resolveLink';
import type { ParsedPost } from '../post/parsedPost';
import type { Site } from '../site/site';
import { escapeMarkdown, markdownCode } from '../text/markdown';
import { relativePath } from '../text/paths';
import { english, formatMessage, msg, type Translate } from '../l10n/message';

/** Where a link leads in the workspace: a page's or file's path, and the heading its fragment names. */
export interface LinkDestination {
  readonly link: LinkReference;
  readonly path: string;
  readonly kind: 'page' | 'file';
  /** The heading or anchor the fragment names, with its range in the target's text. */
  readonly anchor?: Anchor;
}

/** Every link of the post that reaches a page or file of the site, in source order. */
export function linkDestinations(site: Site, post: ParsedPost): LinkDestination[] {
  return findLinks(post, site.config).flatMap((link) => {
    const destination = destinationOf(site, post, link);
    return destination ? [destination] : [];
  });
}

/** The link under the cursor, when it reaches a page or file. */
export function linkDestinationAt(site: Site, post: ParsedPost, offset: number): LinkDestination | undefined {
  const link = findLinks(post, site.config).find((candidate) => within(candidate.range, offset) || (candidate.fragmentRange !== undefined && within(candidate.fragmentRange, offset)));
  return link && destinationOf(site, post, link);
}

function destinationOf(site: Site, post: ParsedPost, link: LinkReference): LinkDestination | undefined {
  const target = resolveLink(site, post.path, link);
  if (target.kind === 'file') return { link, path: target.path, kind: 'file' };
  if (target.kind !== 'page') return undefined;
  const anchor = link.fragment ? site.posts.get(target.path)?.anchors?.find((candidate) => candidate.id === link.fragment) : undefined;
  return anchor ? { link, path: target.path, kind: 'page', anchor } : { link, path: target.path, kind: 'page' };
}

/** What a hover on a link says: the target's title, date and URL, and the heading it names. */
export function linkHoverMarkdown(site: Site, destination: LinkDestination, translate: Translate = english): string {
  const file = markdownCode(relativePath(site.root, destination.path));
  if (destination.kind === 'file') return `${file}`;
  const page = site.posts.get(destination.path);
  const title = `**${escapeMarkdown(page?.title ?? relativePath(site.root, destination.path))}**`;
  const facts = [page?.draft ? formatMessage(msg('draft'), translate) : '', page?.route?.date?.slice(0, 10) ?? '', page?.route ? markdownCode(page.route.url) : ''].filter(Boolean).join(' · ');
  const heading = destination.anchor ? `§ ${escapeMarkdown(destination.anchor.text ?? `#${destination.anchor.id}`)}` : '';
  return [title, facts, heading, file].filter(Boolean).join('\n\n');
}

function within(range: OffsetRange, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}
