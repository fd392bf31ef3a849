/** The text with its HTML comments (one left open runs to the end) blanked with spaces: offsets stay where they were. */
export function withoutHtmlComments(text: string): string {
  return text.includes('<!--') ? text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => ' '.repeat(comment.length)) : text;
}
