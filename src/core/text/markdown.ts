// Text from a repository (tag names, author names and bios, titles, paths) shown in the editor's
// Markdown (hover, completion details) goes through these, so that it reads as the text it is: a bio
// cannot add an image that loads from a server, a link, or HTML to what the writer sees.

/** `text` as literal Markdown text: every ASCII punctuation character that Markdown reads is escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&"']/g, '\\$&');
}

/** `text` as a code span, fenced with more backticks than it holds in a row. */
export function markdownCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/[\r\n]+/g, ' ')}${pad}${fence}`;
}
