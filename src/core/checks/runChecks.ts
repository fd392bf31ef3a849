import type { OffsetRange } from '../frontmatter/model';
import type { ParsedPost } from '../post/parsedPost';
import { effectiveSeverity, type SeveritySetting } from '../settings/siteSettings';
import type { EditorSettings } from '../settings/editorSettings';
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
import { checkMissingAlt } from './missingAlt';
import { checkAddressSlips } from './addressSlips';
import { checkOmittedHtml } from './omittedHtml';
import { checkDuplicateUrl } from './duplicateUrl';
import { compilesAsMdx } from '../post/dialect';
import { hugoContentUnrendered } from '../site/generators/hugo/pageLayout';
import { described, titled } from '../l10n/message';
import { findSuppressions, ignoreFix, lineEnding, unusedSuppressions, withoutSuppressed, type Suppression } from './suppressions';

/** Checks that need the post and what the site holds before its posts are read: config, files, authors. */
export const postChecks: readonly Check[] = [checkFrontmatterSyntax, checkSchema, checkAuthors, checkImages, checkMissingAlt, checkAddressSlips, checkOmittedHtml, checkSeo];
/**
 * The tag check weighs a post against every other post, and the link check needs every page's URL and
 * headings, and so does a URL collision, so a two-pass check runs them last (twoPassCheck.ts).
 */
export const allChecks: readonly Check[] = [...postChecks, checkLinks, checkTags, checkDuplicateUrl];

/** A fragment (a partial a post imports, see Site.isFragment) is no page: only its images are checked. */
export const fragmentChecks: readonly Check[] = [checkFragmentImages];

export interface CheckOptions {
  /** The editor's or command line's severity per code; `off` skips it. Wins over the site's file. */
  readonly severities?: Partial<Record<FindingCode, SeveritySetting>>;
  /** Report suppression comments that silence nothing (`unused-disable`, `--report-unused-disable`). */
  readonly reportUnusedDisable?: boolean;
}

/** What the checks take from the editor settings: severities, and whether unused suppressions are reported. */
export function checkOptionsOf(settings: Pick<EditorSettings, 'checks' | 'reportUnusedDisable'>): CheckOptions {
  return { severities: settings.checks, reportUnusedDisable: settings.reportUnusedDisable };
}

/** Every finding for one post (or, with `fragmentChecks`, one fragment), in source order. */
export function runChecks(site: Site, post: ParsedPost, options: CheckOptions = {}, checks: readonly Check[] = allChecks): Finding[] {
  return shownFindings(site, post.path, collectFindings(site, post, checks), findSuppressions(site.config, post), options);
}

/**
 * The findings a post shows: at their severities, without those its comments silence, and with the
 * comments that silence nothing when asked. A code turned off silences nothing, so its suppression is unused.
 */
export function shownFindings(site: Site, file: string, findings: readonly Finding[], suppressions: readonly Suppression[], options: CheckOptions): Finding[] {
  const kept = withSeverities(site, findings, options);
  const shown = withoutSuppressed(kept, suppressions);
  if (!options.reportUnusedDisable || suppressions.length === 0) return shown;
  const unused = withSeverities(site, unusedSuppressions(file, kept, suppressions), options);
  return unused.length === 0 ? shown : [...shown, ...unused].sort(bySourceOrder);
}

/**
 * What `checks` report for a post, each at the severity the check gives it, each with a last fix that
 * ignores it there (a suppression comment). `eol`: the post's line ending, when `post` holds only its head.
 */
export function collectFindings(site: Site, post: ParsedPost, checks: readonly Check[], eol = lineEnding(post.text)): Finding[] {
  const findings: Finding[] = [];
  const toRange = (range: OffsetRange) => post.lines.rangeOf(range.start, range.end);
  const mdx = compilesAsMdx(site.config, post.path);
  const unpublishedBody = bodyUnpublished(site, post);
  const context: CheckContext = {
    site,
    post,
    report({ code, severity, range, message, fixes = [], related }) {
      if (unpublishedBody && range.start >= post.bodyStart && shownInBody.has(code)) return;
      const at = toRange(range);
      const ignore = ignoreFix(post.path, code, at, post.text, post.lines, post.bodyStart, eol, mdx);
      const text = typeof message === 'string' ? { message } : described(message);
      findings.push({ file: post.path, range: at, severity, code, ...text, fixes: ignore ? [...fixes, ignore] : fixes, ...(related ? { related } : {}) });
    },
    replaceFix(title, range, newText, isPreferred = false): Fix {
      const text = typeof title === 'string' ? { title } : titled(title);
      return { ...text, edits: [{ file: post.path, range: toRange(range), newText }], isPreferred };
    },
  };
  for (const check of checks) check(context);
  return findings;
}

/** What a page shows of its body: a link, an image or raw HTML there that no page shows is broken nowhere. */
const shownInBody: ReadonlySet<FindingCode> = new Set<FindingCode>(['broken-image', 'image-case', 'image-outside-site', 'broken-link', 'broken-anchor', 'missing-alt', 'omitted-html', 'heavy-image']);

/** Whether the post's body is published on no page (a Hugo layout that renders no content, see hugo/pageLayout.ts). */
export function bodyUnpublished(site: Site, post: ParsedPost): boolean {
  return site.config.contentLayouts !== undefined && post.frontmatter !== undefined && hugoContentUnrendered(site.config, post.path, post.frontmatter.data);
}

/** Findings at the severity the site's file and then the caller set for their code (`off` ones gone), in source order. */
export function withSeverities(site: Site, findings: readonly Finding[], options: CheckOptions): Finding[] {
  const kept: Finding[] = [];
  for (const finding of findings) {
    const fallback = offByDefault.has(finding.code) ? 'off' : finding.severity;
    const severity = effectiveSeverity(finding.code, fallback, site.settings.severities, options.severities ?? {});
    if (severity) kept.push(severity === finding.severity ? finding : { ...finding, severity });
  }
  return kept.sort(bySourceOrder);
}

function bySourceOrder(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
