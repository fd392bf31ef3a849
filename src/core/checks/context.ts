import type { OffsetRange } from '../frontmatter/model';
import type { ParsedPost } from '../post/parsedPost';
import type { Site } from '../site/site';
import type { Finding, FindingCode, Fix, Severity } from './finding';
import type { Message } from '../l10n/message';

/** What a check sees: the post, its site, and a way to report. */
export interface CheckContext {
  readonly site: Site;
  readonly post: ParsedPost;
  /** `message` a `msg(…)` (l10n/message.ts), so the fronts can translate it; a plain string stays English. */
  report(finding: { code: FindingCode; severity: Severity; range: OffsetRange; message: string | Message; fixes?: Fix[]; related?: Finding['related'] }): void;
  /** A fix that replaces `range` of this post with `newText`. */
  replaceFix(title: string | Message, range: OffsetRange, newText: string, isPreferred?: boolean): Fix;
}

export type Check = (context: CheckContext) => void;
