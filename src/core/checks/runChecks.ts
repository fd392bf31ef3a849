import type { OffsetRange } from '../frontmatter/model';
import type { ParsedPost } from '../post/parsedPost';
import { effectiveSeverity, type SeveritySetting } from '../settings/siteSettings';
import { offByDefault } from '../settings/findingCodes';
import type { Site } from '../site/site';
import { checkAuthors } from './authors';
import { checkFragmentImages, checkImages } from './brokenImages';
import type { Check, CheckContext } from './context';
import type { Finding, FindingCode, Fix } from './finding';
import { checkFrontmatterSyntax } from './frontmatterSyntax';
import { checkSchema } from './schema';
import { checkSeo } from './seo';
import { checkTags } from './tags';
import { checkLinks } from './brokenLinks';
import { compilesAsMdx } from '../post/dialect';
import { findSuppressions, ignoreFix, lineEnding, withoutSuppressed } from './suppressions';

/** Checks that need the post and what the site holds before its posts are read: config, files, authors. */
export const postChecks: readonly Check[] = [checkFrontmatterSyntax, checkSchema, checkAuthors, checkImages, checkSeo];
/**
 * The tag check weighs a post against every other post, and the link check needs every page's URL and
 * headings, so a two-pass check runs them last (twoPassCheck.ts).
 */
export const allChecks: readonly Check[] = [...postChecks, checkLinks, checkTags];

/** A fragment (a partial a post imports, see Site.isFragment) is no page: only its images are checked. */
export const fragmentChecks: readonly Check[] = [checkFragmentImages];

export interface CheckOptions {
  /** The editor's or command line's severity per code; `off` skips it. Wins over the site's file. */
  readonly severities?: Partial<Record<FindingCode, SeveritySetting>>;
}

/** Every finding for one post (or, with `fragmentChecks`, one fragment), in source order. */
export function runChecks(site: Site, post: ParsedPost, options: CheckOptions = {}, checks: readonly Check[] = allChecks): Finding[] {
  return withSeverities(site, withoutSuppressed(collectFindings(site, post, checks), findSuppressions(site.config, post)), options);
}

/**
 * What `checks` report for a post, each at the severity the check gives it, each with a last fix that
 * ignores it there (a suppression comment). `eol`: the post's line ending, when `post` holds only its head.
 */
export function collectFindings(site: Site, post: ParsedPost, checks: readonly Check[], eol = lineEnding(post.text)): Finding[] {
  const findings: Finding[] = [];
  const toRange = (range: OffsetRange) => post.lines.rangeOf(range.start, range.end);
  const mdx = compilesAsMdx(site.config, post.path);
  const context: CheckContext = {
    site,
    post,
    report({ code, severity, range, message, fixes = [], related }) {
      const at = toRange(range);
      const ignore = ignoreFix(post.path, code, at, post.text, post.lines, post.bodyStart, eol, mdx);
      findings.push({ file: post.path, range: at, severity, code, message, fixes: ignore ? [...fixes, ignore] : fixes, ...(related ? { related } : {}) });
    },
    replaceFix(title, range, newText, isPreferred = false): Fix {
      return { title, edits: [{ file: post.path, range: toRange(range), newText }], isPreferred };
    },
  };
  for (const check of checks) check(context);
  return findings;
}

/** Findings at the severity the site's file and then the caller set for their code (`off` ones gone), in source order. */
export function withSeverities(site: Site, findings: readonly Finding[], options: CheckOptions): Finding[] {
  const kept: Finding[] = [];
  for (const finding of findings) {
    const fallback = offByDefault.has(finding.code) ? 'off' : finding.severity;
    const severity = effectiveSeverity(finding.code, fallback, site.settings.severities, options.severities ?? {});
    if (severity) kept.push(severity === finding.severity ? finding : { ...finding, severity });
  }
  return kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
