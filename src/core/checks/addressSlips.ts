import { msg, type Message } from '../l10n/message';
import { compilesAsMdx } from '../post/dialect';
import { scanMarkdownBody } from '../post/markdownStructure';
import { pageMarkdown } from '../post/templateBlocks';
import { codeSpans } from '../text/codeSpans';
import { editDistance } from '../text/similarity';
import type { Check } from './context';
import { wrappedAddressInside } from '../links/wrappedAddress';

/**
 * Slips in link destinations that lead nowhere, though a link checker that skips every address with a scheme never
 * sees them:
 * - a scheme that is a slip of `http` or `https` (`hhttps://`, `htps://`, `htpp://`), which no browser knows (kubevirt.io's
 *   `hhttps://kubevirt.io/user-guide/…`), or of `mailto:`;
 * - `http//…`, which lacks its colon: a path on the site to the browser (pothix.github.com's `http//www.meetup.com/…`);
 * - a host and port with no scheme (`localhost:8080`), whose host the browser reads as the scheme;
 * - an address wrapped in a second pair of parentheses (`[t]((https://x.org/))`, TheCandidStartup's
 *   `[t](({% link _posts/a.md %}))`): the parentheses stay part of it (hugo 0.111.3 and jekyll 4.3.1 write `href="(…)"`);
 * - a slash before the scheme (`/https://x.org/`): a path on this site.
 */
export const checkAddressSlips: Check = (context) => {
  const { post, site } = context;
  const written = post.text.slice(post.bodyStart);
  const mistyped = [...(written.includes('//') ? written.matchAll(addressStart) : []), ...(written.includes('@') ? written.matchAll(mailStart) : [])].filter(
    (match) => (match[3] === '://' ? isMistypedWebScheme(match[2]!) : match[3] === '//' ? /^https?$/i.test(match[2]!) : isMistypedMailto(match[2]!)) && destinationBefore.test(match[1]!),
  );
  // `localhost:8080` or `example.com:8080` with no `http://`: a URL whose scheme is the host name, which no browser opens
  // (pivotal/blog's [localhost:8080](localhost:8080)); a host with a dot or localhost, a port, then the end or a path.
  const hostPorts = mayHoldHostAndPort(written) ? [...written.matchAll(hostPortStart)].filter((match) => destinationBefore.test(match[1]!)) : [];
  const wrapped = /\(\(|["'<]\(|\]:[ \t]*\(/.test(written) ? [...written.matchAll(wrappedStart)].filter((match) => destinationBefore.test(match[1]!)) : [];
  const slashed = /\/https?:\/\//i.test(written) ? [...written.matchAll(slashedStart)].filter((match) => destinationBefore.test(match[1]!)) : [];
  if (mistyped.length === 0 && hostPorts.length === 0 && wrapped.length === 0 && slashed.length === 0) return;
  const mdx = compilesAsMdx(site.config, post.path);
  // Offsets stay those of the text as written: pageMarkdown blanks what the generator drops with spaces.
  const body = pageMarkdown(written, site.config.generator, { mdx });
  const code = scanMarkdownBody(body, { mdx, needCode: true }).code;
  // `text` at `start` as the generator reads it (not blanked, not in code), then an error there with its one fix.
  const readAsWritten = (start: number, text: string) => body.slice(start, start + text.length) === text && !code.some((span) => start >= span.start && start < span.end) && !inCodeSpan(body, start);
  const report = (start: number, length: number, message: Message, meant: string) => {
    const range = { start: post.bodyStart + start, end: post.bodyStart + start + length };
    context.report({ code: 'broken-link', severity: 'error', range, message, fixes: [context.replaceFix(msg('Change to "{0}"', meant), range, meant, true)] });
  };
  for (const match of mistyped) {
    const start = match.index + match[1]!.length;
    const scheme = match[2]!;
    if (!readAsWritten(start, scheme)) continue;
    if (match[3] === '//') {
      const meant = `${scheme}://`;
      report(start, scheme.length + 2, msg('"{0}//" lacks the colon of its scheme, so the browser takes it for a path on this site. Did you mean "{1}"?', scheme, meant), meant);
      continue;
    }
    const meant = match[3] === ':' ? 'mailto' : editDistance(scheme.toLowerCase(), 'https', 1) <= 1 ? 'https' : 'http';
    report(start, scheme.length, msg('"{0}:" is no scheme a browser knows, so this link leads nowhere. Did you mean "{1}:"?', scheme, meant), meant);
  }
  for (const match of hostPorts) {
    const start = match.index + match[1]!.length;
    const address = match[2]!;
    if (!readAsWritten(start, address)) continue;
    const meant = `http://${address}`;
    report(start, address.length, msg('"{0}" has no scheme: the browser reads "{1}:" as one, which it cannot open, so this link leads nowhere. Did you mean "{2}"?', address, address.slice(0, address.lastIndexOf(':')), meant), meant);
  }
  // An image's source wrapped or slashed so is a missing image, which the image check reports (caraya's
  // `![…](/https://res.cloudinary.com/…)`).
  for (const match of wrapped) {
    const start = match.index + match[1]!.length;
    if (isImageSource(written, start)) continue;
    const address = match[2]!;
    const wrapping = `(${address}${match[3] ?? ''}`;
    if (!readAsWritten(start, wrapping)) continue;
    report(start, wrapping.length, msg('"({0})" is wrapped in parentheses, which stay part of the address: the browser asks this site for it. Did you mean "{0}"?', address), address);
  }
  for (const match of slashed) {
    const start = match.index + match[1]!.length;
    if (isImageSource(written, start)) continue;
    const scheme = match[2]!;
    if (!readAsWritten(start, `/${scheme}`)) continue;
    report(start, scheme.length + 1, msg('"/{0}" makes the address a path on this site: the slash before the scheme keeps the browser here. Did you mean "{0}"?', scheme), scheme);
  }
};

/**
 * A cheap first look for `hostPortStart`: the pattern `(?:localhost|\.[A-Za-z]{2,24}):\d` (case aside), by
 * jumping from colon to colon, a fifth of the pattern's time over a site's bodies (the test holds them equal).
 */
export function mayHoldHostAndPort(text: string): boolean {
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    if (!isDigit(text.charCodeAt(colon + 1))) continue;
    let start = colon;
    while (start > 0 && colon - start <= 24 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
    const letters = colon - start;
    if (letters >= 2 && letters <= 24 && text.charCodeAt(start - 1) === 46) return true; // `.` and a top-level domain
    if (letters >= 9 && text.slice(colon - 9, colon).toLowerCase() === 'localhost') return true;
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// A host (localhost, or a name with a dot) and a port, with up to 12 characters before it on its line, then the end of the address or a path.
const hostPortStart = /([^\n]{0,12}?)\b((?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}):\d{1,5})(?=[/?#)\s"'>]|$)/gi;

// An address wrapped in parentheses, then the end of the destination (see links/wrappedAddress.ts); or opened with one and
// followed by a title and two closing ones (`[t]((https://x.org "T"))`: hugo 0.111.3 writes href="(https://x.org").
const wrappedStart = new RegExp(`([^\\n]{0,12}?)\\((${wrappedAddressInside})(?:(\\))(?=[ \\t]*(?:[)"'>]|\\n|$))|(?=[ \\t]+(?:"[^"\\n]*"|'[^'\\n]*')\\)\\)))`, 'g');
// A slash, then `http://` or `https://`.
const slashedStart = /([^\n]{0,12}?)\/(https?:\/\/)/gi;

// A scheme and `://` (or `//` alone), with up to 12 characters before it on its line: where a destination starts.
const addressStart = /([^\n]{0,12}?)\b([A-Za-z][A-Za-z0-9+.-]*)(:?\/\/)/g;
// A scheme and `:` before an address (`mailt:bob@example.com`, bobmonsour.com's slip).
const mailStart = /([^\n]{0,12}?)\b([A-Za-z]{4,8})(:)(?=[^\s/:@]+@)/g;
// Right after `](`, `]: ` (a definition), `<` (an autolink or angle-bracketed destination) or an `href=`/`src=`.
const destinationBefore = /(?:\]\(\s*<?|\]:[ \t]*<?|<|(?:href|src)\s*=\s*["']?)$/i;

/** Whether the destination at `start` is an image's: after `![alt](` or a `src=`. */
function isImageSource(text: string, start: number): boolean {
  return /(?:!\[[^\]\n]*\]\(\s*<?|\bsrc\s*=\s*["']?)$/i.test(text.slice(Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 300), start));
}

/** Whether `offset` is inside a code span of its line. */
function inCodeSpan(body: string, offset: number): boolean {
  const lineStart = body.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = body.indexOf('\n', offset);
  const column = offset - lineStart;
  return codeSpans(body.slice(lineStart, lineEnd === -1 ? body.length : lineEnd)).some(([start, end]) => column >= start && column < end);
}

/** Within one edit of `mailto` and not it: no real scheme is as close. */
function isMistypedMailto(scheme: string): boolean {
  const lower = scheme.toLowerCase();
  return lower !== 'mailto' && editDistance(lower, 'mailto', 1) <= 1;
}

/** Within one edit of `http` or `https` and none of them: `ftp`, `ws` and the other real schemes are further off. */
export function isMistypedWebScheme(scheme: string): boolean {
  const lower = scheme.toLowerCase();
  if (lower === 'http' || lower === 'https') return false;
  return editDistance(lower, 'http', 1) <= 1 || editDistance(lower, 'https', 1) <= 1;
}
