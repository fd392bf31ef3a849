/** The text with its HTML comments (one left open runs to the end) blanked with spaces: offsets stay where they were. */
export function withoutHtmlComments(text: string): string {
  return text.includes('<!--') ? text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => ' '.repeat(comment.length)) : text;
}

/**
 * The text with what a browser makes no element of blanked: HTML comments, and the contents of `<script>` and `<template>`
 * (jaycuthrell.github.io's `<script type="text/x-template"><a href="##Url##">`, which a script fills in). Offsets stay.
 */
export function withoutInertHtml(text: string): string {
  const uncommented = withoutHtmlComments(text);
  return /<(?:script|template)\b/i.test(uncommented) ? uncommented.replace(/(<(script|template)\b[^>]*>)([\s\S]*?)(?=<\/\2\s*>|$)/gi, (_, open: string, _name: string, inner: string) => open + inner.replace(/[^\n]/g, ' ')) : uncommented;
}
