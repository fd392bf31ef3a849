/**
 * A link destination wrapped in a second pair of parentheses (`[t]((https://x.org/))`, Jekyll's `[t](({% link a.md %}))`):
 * CommonMark and kramdown keep a balanced pair as part of the address, so the browser asks the site for `(https:/x.org/)`.
 * The inside: template tags (which may hold spaces, each ending at its first `}}` or `%}`: a tag never runs on into the
 * next link on the line) or characters a bare destination holds, no parenthesis.
 */
export const wrappedAddressInside = String.raw`(?:\{\{(?:(?!\}\})[^\n])*\}\}|\{%(?:(?!%\})[^\n])*%\}|[^\s()<>"'${'`'}{}])+`;

const wrapped = new RegExp(`^\\(${wrappedAddressInside}\\)$`);

/** Whether a destination as written is an address wrapped in parentheses (reported by checks/addressSlips.ts). */
export function isWrappedAddress(raw: string): boolean {
  return raw.startsWith('(') && wrapped.test(raw);
}

/** An address with a slash before its scheme (`/https://x.org/`): a path on the site (reported by checks/addressSlips.ts). */
export function isSlashedAddress(url: string): boolean {
  return /^\/https?:\/\//i.test(url);
}
