import type { ParsedPost } from '../post/parsedPost';
import type { Site } from '../site/site';
import { detached, interned } from '../text/detached';
import { LineIndex } from '../text/lineIndex';
import type { Finding } from './finding';
import { collectFindings, postChecks, withSeverities, type CheckOptions } from './runChecks';
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
  /** The post up to its body: offsets in the frontmatter map to the same lines and columns. */
  readonly head: ParsedPost;
}

export function checkWhileIndexing(site: Site, post: ParsedPost): HalfChecked {
  const text = detached(post.text.slice(0, post.bodyStart));
  return {
    findings: collectFindings(site, post, postChecks),
    tags: withBodyWords(site, post, tagOccurrences(post, site.config)).map((occurrence) => ({ ...occurrence, tag: interned(occurrence.tag) })),
    head: { path: post.path, text, lines: new LineIndex(text), frontmatter: undefined, bodyStart: text.length },
  };
}

/** Every finding of the post, once the whole site is indexed: the same as `runChecks` on its text. */
export function finishCheck(site: Site, half: HalfChecked, options: CheckOptions): Finding[] {
  const siteWide = collectFindings(site, half.head, [(context) => reportTagProblems(context, half.tags)]);
  return withSeverities(site, [...half.findings, ...siteWide], options);
}
