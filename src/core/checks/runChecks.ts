import type { OffsetRange } from '../frontmatter/model';
import type { ParsedPost } from '../post/parsedPost';
import { effectiveSeverity, type SeveritySetting } from '../settings/siteSettings';
import type { Site } from '../site/site';
import { checkAuthors } from './authors';
import { checkImages } from './brokenImages';
import type { Check, CheckContext } from './context';
import type { Finding, FindingCode, Fix } from './finding';
import { checkFrontmatterSyntax } from './frontmatterSyntax';
import { checkSchema } from './schema';
import { checkTags } from './tags';

export const allChecks: readonly Check[] = [checkFrontmatterSyntax, checkSchema, checkAuthors, checkTags, checkImages];

export interface CheckOptions {
  /** The editor's or command line's severity per code; `off` skips it. Wins over the site's file. */
  readonly severities?: Partial<Record<FindingCode, SeveritySetting>>;
}

/** Every finding for one post, in source order. */
export function runChecks(site: Site, post: ParsedPost, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const toRange = (range: OffsetRange) => post.lines.rangeOf(range.start, range.end);
  const context: CheckContext = {
    site,
    post,
    report({ code, severity, range, message, fixes = [], related }) {
      const effective = effectiveSeverity(code, severity, site.settings.severities, options.severities ?? {});
      if (!effective) return;
      findings.push({ file: post.path, range: toRange(range), severity: effective, code, message, fixes, ...(related ? { related } : {}) });
    },
    replaceFix(title, range, newText, isPreferred = false): Fix {
      return { title, edits: [{ file: post.path, range: toRange(range), newText }], isPreferred };
    },
  };
  for (const check of allChecks) check(context);
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
