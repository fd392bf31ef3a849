/**
 * A URL as a browser reads it: the URL parser drops every ASCII tab and newline first (URL Standard, basic URL parser),
 * so `<img src="/images/\na.png">` (jalammar.github.io, written as it is by jekyll 4.3.1) shows /images/a.png.
 */
export function withoutTabsAndNewlines(url: string): string {
  return /[\t\n\r]/.test(url) ? url.replace(/[\t\n\r]/g, '') : url;
}
