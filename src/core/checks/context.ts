import type { OffsetRange } from '../frontmatter/model';
import type { ParsedPost } from '../post/parsedPost';
import type { Site } from '../site/site';
import type { Finding, FindingCode, Fix, Severity } from './finding';

/** What a check sees: the post, its site, and a way to report. */
export interface CheckContext {
  readonly site: Site;
  readonly post: ParsedPost;
  report(finding: { code: FindingCode; severity: Severity; range: OffsetRange; message: string; fixes?: Fix[]; related?: Finding['related'] }): void;
  /** A fix that replaces `range` of this post with `newText`. */
  replaceFix(title: string, range: OffsetRange, newText: string, isPreferred?: boolean): Fix;
}

export type Check = (context: CheckContext) => void;
