import type { ParsedPost } from '../post/parsedPost';
import type { Site } from '../site/site';
import { detached, interned } from '../text/detached';
import { LineIndex, type Position } from '../text/lineIndex';
import { findLinks } from '../links/findLinks';
import type { LinkReference } from '../links/model';
import { reportLinkProblems } from './brokenLinks';
import { deferredImages, reportDeferredImages, weighShownImages } from './brokenImages';
import type { ImageReference } from '../post/imageReferences';
import { checkDuplicateUrl } from './duplicateUrl';
import type { Finding } from './finding';
import { bodyUnpublished, collectFindings, postChecks, shownFindings, type CheckOptions } from './runChecks';
import { findSuppressions, lineEnding, type Suppression } from './suppressions';
import { reportTagProblems, tagOccurrences, withBodyWords, type TagOccurrence } from './tags';

/**
 * A whole site checked with one read of each post (the CLI, and the extension when it checks the whole
 * workspace; see PostcraftHost.checksAfterOpening). While the site is indexed, each post gets
 * the checks that need only itself and what the site held before (`postChecks`); the site-wide ones
 * wait until every post's tags are known. Kept meanwhile: the findings, the tag values (with whether
 * the body writes a rare tag's words) and a copy of the frontmatter (for its line starts), not the
 * post's text: memory stays flat and the collector never moves 60 MB of text around for a
 * 10,000-post site.
 */
export interface HalfChecked {
  readonly findings: readonly Finding[];
  readonly tags: readonly TagOccurrence[];
  /** The links of the body, checked once every page's URL and headings are known. */
  readonly links: readonly LinkReference[];
  /** Root-relative images not found yet, checked once every page's URL is known (see brokenImages.ts `deferredImages`). */
  readonly images: readonly ImageReference[];
  /** The post up to its body: offsets in the frontmatter, and those of the links, map to their lines and columns. */
  readonly head: ParsedPost;
  /** The lines where the post silences findings (see suppressions.ts), and its line ending for the ignore fixes. */
  readonly suppressions: readonly Suppression[];
  readonly eol: string;
}

/** The post's images shown as they are are weighed first (see `weighShownImages`). */
export async function checkWhileIndexing(site: Site, post: ParsedPost): Promise<HalfChecked> {
  await weighShownImages(site, post);
  const text = detached(post.text.slice(0, post.bodyStart));
  // A body no page shows has no link or image to check (see `bodyUnpublished`).
  const published = !bodyUnpublished(site, post);
  const links = published ? findLinks(post, site.config).map(detachedLink) : [];
  const images = published ? deferredImages(site, post).map(detachedImage) : [];
  return {
    findings: collectFindings(site, post, postChecks),
    tags: withBodyWords(site, post, tagOccurrences(post, site.config)).map((occurrence) => ({ ...occurrence, tag: interned(occurrence.tag) })),
    links,
    images,
    suppressions: findSuppressions(site.config, post),
    eol: lineEnding(post.text),
    head: { path: post.path, text, lines: links.length + images.length > 0 ? new KnownPositions(text, linkPositions(post, links, images)) : new LineIndex(text), frontmatter: undefined, bodyStart: text.length },
  };
}

/** A link that holds no slice of the post's text (V8 keeps a whole string alive for a substring of it). */
function detachedLink(link: LinkReference): LinkReference {
  const raw = detached(link.raw);
  // The path and fragment are most often cut from the destination as written: slices of its copy hold
  // nothing the link does not hold already, and cost no copy of their own.
  const partOf = (part: string) => {
    const at = link.raw.indexOf(part);
    return at === -1 ? detached(part) : raw.slice(at, at + part.length);
  };
  return { ...link, raw, path: partOf(link.path), ...(link.fragment !== undefined ? { fragment: partOf(link.fragment) } : {}) };
}

/** An image reference that holds no slice of the post's text. */
function detachedImage(reference: ImageReference): ImageReference {
  return { ...reference, raw: detached(reference.raw), path: detached(reference.path) };
}

/** Where each offset a link or deferred image finding may name stands in the whole post. */
function linkPositions(post: ParsedPost, links: readonly LinkReference[], images: readonly ImageReference[]): Map<number, Position> {
  const positions = new Map<number, Position>();
  for (const link of links) {
    for (const offset of [link.range.start, link.range.end, link.fragmentRange?.start, link.fragmentRange?.end]) {
      if (offset !== undefined) positions.set(offset, post.lines.positionAt(offset));
    }
  }
  for (const { range } of images) for (const offset of [range.start, range.end]) positions.set(offset, post.lines.positionAt(offset));
  return positions;
}

/** The head's line index, and the positions of the body offsets kept for the links. */
export class KnownPositions extends LineIndex {
  constructor(text: string, readonly known: ReadonlyMap<number, Position>) {
    super(text);
  }

  override positionAt(offset: number): Position {
    return this.known.get(offset) ?? super.positionAt(offset);
  }
}

/** Every finding of the post, once the whole site is indexed: the same as `runChecks` on its text. */
export function finishCheck(site: Site, half: HalfChecked, options: CheckOptions): Finding[] {
  const siteWide = collectFindings(site, half.head, [(context) => reportDeferredImages(context, half.images), (context) => reportLinkProblems(context, half.links), (context) => reportTagProblems(context, half.tags), checkDuplicateUrl], half.eol);
  return shownFindings(site, half.head.path, [...half.findings, ...siteWide], half.suppressions, options);
}
