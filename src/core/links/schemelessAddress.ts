import { imageExtensions, postExtensions } from '../text/fileKinds';

/**
 * Extensions of files a post links besides images and posts. A lone name ending in one is a file's even
 * where the extension is also a top-level domain (`.zip`, `.mov`, `.py`, `.sh`, `.rs`, `.md`): a wrong
 * "add https://" fix is worse than the plain missing-file finding.
 */
const fileExtensions = new Set(
  [
    ...imageExtensions,
    ...postExtensions,
    ...['.html', '.htm', '.xhtml', '.php', '.asp', '.aspx', '.jsp', '.txt', '.xml', '.rss', '.atom', '.json', '.webmanifest', '.yaml', '.yml', '.toml', '.csv', '.tsv'],
    ...['.css', '.scss', '.sass', '.less', '.js', '.mjs', '.cjs', '.ts', '.tsx', '.jsx', '.map', '.wasm', '.py', '.rb', '.go', '.rs', '.sh', '.java', '.swift', '.lua', '.sql'],
    ...['.pdf', '.epub', '.zip', '.gz', '.tgz', '.tar', '.rar', '.dmg', '.exe', '.msi', '.deb', '.rpm', '.apk', '.iso', '.ics', '.vcf', '.asc', '.sig', '.diff', '.patch', '.log'],
    ...['.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.ods', '.odp', '.key', '.pages', '.numbers', '.ipynb'],
    ...['.mp3', '.mp4', '.m4a', '.m4v', '.mov', '.webm', '.ogg', '.ogv', '.oga', '.opus', '.wav', '.flac', '.woff', '.woff2', '.ttf', '.otf', '.eot'],
  ].map((extension) => extension.slice(1)),
);

/**
 * A host name by the DNS rules (RFC 1123 labels of letters, digits and inner hyphens, up to 63 characters),
 * at least two labels, the last one letters only as every top-level domain is (IDN ones as `xn--…` or in
 * their own script): `github.com`, `amp.dev`, `youtu.be`, `www.example.co.uk`; not `v1.2`, `my_file.txt`.
 */
const hostName = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/**
 * Whether a relative link's path starts with a host name, as a web address written without `https://`
 * does (`github.com/me/repo`, `jamstack.org`). A name alone with a file's extension (`image.png`,
 * `feed.xml`) is a file; followed by a path it is a folder, and folders are not named like files.
 */
export function startsWithHostName(path: string): boolean {
  const slash = path.indexOf('/');
  const first = slash === -1 ? path : path.slice(0, slash);
  const match = hostName.exec(first);
  if (!match) return false;
  if (slash !== -1 || first.toLowerCase().startsWith('www.')) return true;
  return !fileExtensions.has(match[1]!.toLowerCase());
}

/**
 * Whether a relative link's path is an e-mail address written without `mailto:` (`me@example.com`), which the
 * browser takes for a path; a file's name (`logo@2x.png`) is not.
 */
export function isBareMailAddress(path: string): boolean {
  const at = path.indexOf('@');
  const domain = at > 0 && !path.includes('/') && /^[\w.+-]+$/.test(path.slice(0, at)) ? hostName.exec(path.slice(at + 1)) : null;
  return domain !== null && !fileExtensions.has(domain[1]!.toLowerCase());
}
