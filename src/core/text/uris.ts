import { normalizePath } from './paths';

/**
 * Document URIs ⇄ the core's site paths (absolute, forward slashes), one mapping for every front.
 *
 * A `file:` URI is its file-system path, as the CLI sees the same files: `file:///home/a/post.md` ⇄
 * `/home/a/post.md`, `file:///C%3A/blog/post.md` ⇄ `/c:/blog/post.md` (the drive letter lower-cased, as
 * VS Code's `fsPath` does, so that a client's `C:` and `c%3A` spellings of one file are one path).
 * Any other scheme — `vscode-remote:` (code-server's web worker host), `vscode-vfs:` (GitHub repositories in
 * github.dev and vscode.dev), in-memory file systems — keeps scheme and authority in the first segment:
 *   vscode-vfs://github/owner/repo/content/post.md  ⇄  /vscode-vfs:github/owner/repo/content/post.md
 *   memfs:/blog/post.md                              ⇄  /memfs:/blog/post.md
 * The mapping needs no state, and never makes two URIs one path: a scheme has no `:`, so the first `:` ends
 * it, and an authority has no `/`. Where it could (a `file:` path whose first folder is named like
 * `scheme:…`, a file share's `file://server/…`, a relative path such as `untitled:Untitled-1`) it gives no
 * path, and Postcraft stays silent on that document. Query and fragment do not name a file: they are dropped.
 */

/** A URI's parts, its path decoded: the shape of `vscode.Uri` and of vscode-uri's `URI`. */
export interface UriParts {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
}

const uriPattern = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?[^#]*)?(?:#.*)?$/;
/** A site path in the generic form: `/<scheme>:<authority>` then the URI's path. One-letter schemes are drive letters. */
const genericSitePath = /^\/([a-zA-Z][\w+.-]+):([^/]*)(\/.*)?$/;
const drivePath = /^\/([a-zA-Z]):(\/|$)/;

/** The parts of a URI string (path and authority percent-decoded); undefined for a string that is no URI. */
export function parseUri(uri: string): UriParts | undefined {
  const match = uriPattern.exec(uri);
  if (!match) return undefined;
  const authority = decode(match[2] ?? '');
  const path = decode(match[3]!);
  if (authority === undefined || path === undefined) return undefined;
  return { scheme: match[1]!.toLowerCase(), authority, path };
}

/** A URI string of parts, percent-encoding what RFC 3986 does not allow in a path or authority. */
export function formatUri(parts: UriParts): string {
  const slashes = parts.authority !== '' || parts.scheme === 'file' ? '//' : '';
  return `${parts.scheme}:${slashes}${encode(parts.authority, authorityChar)}${encode(parts.path, pathChar)}`;
}

/** The site path of a URI (a string or its parts); undefined where the URI names no file the core can hold. */
export function sitePathOfUri(uri: string | UriParts): string | undefined {
  const parts = typeof uri === 'string' ? parseUri(uri) : uri;
  if (!parts || !parts.path.startsWith('/')) return undefined;
  const path = normalizePath(parts.path).replace(/\/+$/, '') || '/';
  if (parts.scheme === 'file') {
    // A file share (`file://server/share/…`) is no path of this machine's form: silent rather than wrong.
    if (parts.authority !== '' && parts.authority.toLowerCase() !== 'localhost') return undefined;
    const drive = drivePath.exec(path);
    if (drive) return `/${drive[1]!.toLowerCase()}:${path.slice(3)}`;
    // A root folder named `x:y` would read back as another scheme's URI.
    return genericSitePath.test(path) ? undefined : path;
  }
  if (parts.scheme.length < 2 || parts.authority.includes('/')) return undefined;
  return `/${parts.scheme}:${parts.authority}${path === '/' ? '' : path}`;
}

/** The URI parts of a site path (the inverse of `sitePathOfUri`). */
export function uriPartsOfSitePath(path: string): UriParts {
  const generic = drivePath.test(path) ? undefined : genericSitePath.exec(path);
  if (!generic) return { scheme: 'file', authority: '', path };
  return { scheme: generic[1]!, authority: generic[2]!, path: generic[3] ?? '/' };
}

/** The URI string of a site path. */
export function uriOfSitePath(path: string): string {
  return formatUri(uriPartsOfSitePath(path));
}

function decode(text: string): string | undefined {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined; // a malformed escape: not a URI of a file
  }
}

// RFC 3986: unreserved, sub-delims, ':' and '@' may stand in a path segment; an authority has no '/'.
const pathChar = /[\w\-.~!$&'()*+,;=:@/]/;
const authorityChar = /[\w\-.~!$&'()*+,;=:@[\]]/;

function encode(text: string, allowed: RegExp): string {
  let out = '';
  for (const char of text) out += allowed.test(char) ? char : encodeChar(char);
  return out;
}

function encodeChar(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate, which no file system names a file with: U+FFFD
  }
}
