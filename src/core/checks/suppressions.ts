import { compilesAsMdx, type PostDialect } from '../post/dialect';
import { scanMarkdownBody, type BodySpan } from '../post/markdownStructure';
import type { ParsedPost } from '../post/parsedPost';
import { detached } from '../text/detached';
import type { LineIndex, Range } from '../text/lineIndex';
import type { Finding, FindingCode, Fix } from './finding';
import { described, msg, titled } from '../l10n/message';

// Suppressions as markdownlint writes them, so its users need learn nothing new:
//   frontmatter (YAML, TOML):  # postcraft-disable-next-line tag-typo schema
//   body:                      <!-- postcraft-disable-next-line broken-link -->
//                              <!-- postcraft-disable image-case --> … <!-- postcraft-enable image-case -->
// (in MDX, where an HTML comment does not compile, `{/* postcraft-disable … */}`). No code: every code.
// Comments in code blocks and code spans are text the post shows, not suppressions.

/** Lines (0-based, inclusive) where findings of `codes` (undefined: every code) are silenced. */
export interface Suppression {
  readonly fromLine: number;
  readonly toLine: number;
  readonly codes?: readonly string[];
  /** The comment that writes it (for `unused-disable`), and what removing it takes: its line, when it stands alone. */
  readonly comment: Range;
  readonly removal: Range;
  readonly nextLine: boolean;
}

const frontmatterDirective = /^[ \t]*#[ \t]*postcraft-disable-next-line\b([^\r\n]*)$/gm;
const bodyDirective = /(?:<!--|\{\s*\/\*)[ \t]*postcraft-(disable-next-line|disable|enable)\b([\w\s-]*?)\s*(?:-->|\*\/\s*\})/g;

/** The suppressions a post writes; none (and no scan) when it names none. Holds no slice of the post's text. */
export function findSuppressions(config: Pick<PostDialect, 'markdownIsMdx'>, post: ParsedPost): Suppression[] {
  if (!post.text.includes('postcraft-')) return [];
  const suppressions: Suppression[] = [];
  const frontmatter = post.frontmatter;
  if (frontmatter && frontmatter.format !== 'json') {
    const content = post.text.slice(frontmatter.contentRange.start, frontmatter.contentRange.end);
    for (const match of content.matchAll(frontmatterDirective)) {
      const start = frontmatter.contentRange.start + match.index;
      const at = commentAt(post, start + /^[ \t]*/.exec(match[0])![0].length, start + match[0].length);
      const line = at.comment.start.line + 1;
      suppressions.push({ fromLine: line, toLine: line, ...codesOf(match[1]!), ...at, nextLine: true });
    }
  }
  const body = post.text.slice(post.bodyStart);
  if (!body.includes('postcraft-')) return suppressions;
  const code = scanMarkdownBody(body, { mdx: compilesAsMdx(config, post.path), needCode: true }).code;
  // Open `disable` regions by code ('' for every code), with the line they start on.
  const open = new Map<string, { line: number; at: ReturnType<typeof commentAt> }>();
  const close = (key: string, line: number) => {
    const from = open.get(key);
    if (from === undefined) return;
    open.delete(key);
    suppressions.push({ fromLine: from.line, toLine: line, ...(key ? { codes: [key] } : {}), ...from.at, nextLine: false });
  };
  for (const match of body.matchAll(bodyDirective)) {
    if (inCode(code, match.index)) continue;
    const { codes } = codesOf(match[2]!);
    const at = commentAt(post, post.bodyStart + match.index, post.bodyStart + match.index + match[0].length);
    const line = at.comment.end.line;
    if (match[1] === 'disable-next-line') suppressions.push({ fromLine: line + 1, toLine: line + 1, ...(codes ? { codes } : {}), ...at, nextLine: true });
    else if (match[1] === 'disable') {
      for (const key of codes ?? ['']) if (!open.has(key)) open.set(key, { line, at });
    } else {
      for (const key of codes ?? [...open.keys()]) close(key, line);
    }
  }
  for (const key of [...open.keys()]) close(key, Number.POSITIVE_INFINITY);
  return suppressions;
}

/** A comment's range, and the range that removes it: its whole line when nothing else stands on it. */
function commentAt(post: ParsedPost, start: number, end: number): { comment: Range; removal: Range } {
  const text = post.text;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const alone = /^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*\r?\n?$/.test(text.slice(end, lineEnd));
  return { comment: post.lines.rangeOf(start, end), removal: alone ? post.lines.rangeOf(lineStart, lineEnd) : post.lines.rangeOf(start, end) };
}

function codesOf(list: string): { codes?: readonly string[] } {
  const codes = list.split(/\s+/).filter(Boolean).map(detached);
  return codes.length > 0 ? { codes } : {};
}

function inCode(code: readonly BodySpan[], offset: number): boolean {
  return code.some((span) => span.start <= offset && offset < span.end);
}

export function isSuppressed(finding: Finding, suppressions: readonly Suppression[]): boolean {
  return suppressions.some((suppression) => silences(suppression, finding));
}

function silences(suppression: Suppression, finding: Finding, code: string | undefined = undefined): boolean {
  const line = finding.range.start.line;
  return suppression.fromLine <= line && line <= suppression.toLine && (code === undefined ? !suppression.codes || suppression.codes.includes(finding.code) : finding.code === code);
}

/**
 * `unused-disable`: each suppression comment that silences none of `findings` (those it names, or any), or
 * names a code that silences nothing there, as ESLint's --report-unused-disable-directives does. A comment
 * that silences nothing at all can be removed: the preferred fix for a `disable-next-line`; a `disable`
 * keeps its `enable`, so its removal is left to the writer.
 */
export function unusedSuppressions(file: string, findings: readonly Finding[], suppressions: readonly Suppression[]): Finding[] {
  const byComment = new Map<string, Suppression[]>();
  for (const suppression of suppressions) {
    const key = `${suppression.comment.start.line}:${suppression.comment.start.character}`;
    byComment.set(key, [...(byComment.get(key) ?? []), suppression]);
  }
  const unused: Finding[] = [];
  for (const group of byComment.values()) {
    const first = group[0]!;
    const named = group.flatMap((suppression) => suppression.codes ?? []);
    let idle: string[];
    let silencesNothing: boolean;
    if (named.length === 0) {
      silencesNothing = !findings.some((finding) => group.some((suppression) => silences(suppression, finding)));
      idle = [];
    } else {
      idle = [...new Set(named)].filter((code) => !findings.some((finding) => group.some((suppression) => suppression.codes?.includes(code) && silences(suppression, finding, code))));
      silencesNothing = idle.length === new Set(named).size;
    }
    if (!silencesNothing && idle.length === 0) continue;
    const message = named.length === 0 ? msg('Unused suppression: no finding here to silence.') : msg('Unused suppression: no {0} finding here to silence.', idle.map((code) => `"${code}"`).join(', '));
    const fixes: Fix[] = silencesNothing ? [{ ...titled(msg('Remove this unused suppression')), edits: [{ file, range: first.removal, newText: '' }], isPreferred: first.nextLine }] : [];
    unused.push({ file, range: first.comment, severity: 'warning', code: 'unused-disable', ...described(message), fixes });
  }
  return unused;
}

export function withoutSuppressed(findings: readonly Finding[], suppressions: readonly Suppression[]): Finding[] {
  return suppressions.length === 0 ? [...findings] : findings.filter((finding) => !isSuppressed(finding, suppressions));
}

/**
 * "Ignore this <code> here": a comment above the finding's line. `head` is the post's text at least up to
 * its body (the two-pass check keeps no more), `lines` its line index, `eol` the post's line ending. No fix on
 * the frontmatter's opening delimiter, nor in JSON frontmatter (JSON has no comments).
 */
export function ignoreFix(file: string, code: FindingCode, range: Range, head: string, lines: LineIndex, bodyStart: number, eol: string, mdx: boolean): Fix | undefined {
  const line = range.start.line;
  const at = { line, character: 0 };
  const inBody = line >= lines.lineCount || lines.offsetAt(at) >= bodyStart;
  let comment: string;
  if (inBody) {
    comment = mdx ? `{/* postcraft-disable-next-line ${code} */}` : `<!-- postcraft-disable-next-line ${code} -->`;
  } else {
    if (line === 0 || !/^\uFEFF?(?:---|\+\+\+)/.test(head)) return undefined;
    const start = lines.offsetAt(at);
    const indentation = /^[ \t]*/.exec(head.slice(start, start + 200))![0];
    comment = `${indentation}# postcraft-disable-next-line ${code}`;
  }
  return { ...titled(msg('Ignore this {0} here', code)), edits: [{ file, range: { start: at, end: at }, newText: comment + eol }], isPreferred: false };
}

/** The line ending the post writes (its first one), for lines a fix inserts. */
export function lineEnding(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}
