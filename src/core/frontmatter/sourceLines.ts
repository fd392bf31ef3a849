/** Line arithmetic on frontmatter source for placing errors; `\r\n`, `\r` and `\n` all end a line. */

/** The offset of the line break ending the line that holds `offset` (or the text's length). */
export function lineEndOffset(source: string, offset: number): number {
  for (let i = offset; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 10 || ch === 13) return i;
  }
  return source.length;
}

/** The end of the line holding `offset`, before trailing spaces and tabs. */
export function trimmedLineEnd(source: string, offset: number): number {
  let end = lineEndOffset(source, offset);
  while (end > offset && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
  return end;
}

function lineStartOffset(source: string, offset: number): number {
  let start = Math.min(offset, source.length);
  while (start > 0 && source[start - 1] !== '\n' && source[start - 1] !== '\r') start--;
  return start;
}

/** `offset`, or when it lies in a line's indentation, the line's first other character (if the line has one). */
export function firstContentOffset(source: string, offset: number): number {
  const start = lineStartOffset(source, offset);
  if (source.slice(start, offset).trim() !== '') return offset;
  const indent = /^[ \t]*/.exec(source.slice(start, lineEndOffset(source, start)))![0].length;
  const content = start + indent;
  return content < lineEndOffset(source, start) ? Math.max(offset, content) : offset;
}
