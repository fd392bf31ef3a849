import type { Span } from './headingScan';

/**
 * The terms of Goldmark's definition lists (on in Hugo by default): each line of a paragraph that a line
 * starting with `: ` follows directly is a term (`<dt>`).
 *
 * ```
 * `KEY`
 * : (`string`) The key to compare with.
 * ```
 *
 * A term after a definition starts after a blank line (a line before it continues the definition). Lines in code, lists, quotes, headings and HTML
 * blocks are no terms; a definition nested in a list item is not read (rare in posts).
 */
export function definitionTerms(body: string): Span[] {
  if (!/(?:^|\n):[ \t]/.test(body)) return [];
  const terms: Span[] = [];
  let paragraph: Span[] = [];
  let afterDefinition = false;
  let fence: RegExp | undefined; // what closes the fenced code block the scan is in
  for (let start = 0; start <= body.length; ) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    const line = body.slice(start, end).replace(/\r$/, '');
    const span = { start, end: start + line.length };
    const opening = fence ? undefined : /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence || opening) {
      if (opening) fence = new RegExp(`^ {0,3}${opening[1]![0] === '`' ? '`' : '~'}{${opening[1]!.length},}[ \\t]*$`);
      else if (fence!.test(line)) fence = undefined;
      paragraph = [];
      afterDefinition = false;
    } else if (line.trim() === '' || (paragraph.length === 0 && !afterDefinition && /^ {4}|^\t/.test(line))) {
      // A blank line, or indented code (a paragraph's lines may be indented).
      paragraph = [];
      afterDefinition = false;
    } else if (/^:[ \t]/.test(line)) {
      // The paragraph above becomes the list's terms (none: one more definition of the same terms).
      terms.push(...paragraph);
      paragraph = [];
      afterDefinition = true;
    } else if (!afterDefinition) {
      // A line after a definition, before a blank line, continues the definition.
      if (startsOtherBlock(line)) paragraph = [];
      else paragraph.push(span);
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return terms;
}

/** A line that opens a heading, list item, quote, fence, table row or HTML block: not a paragraph's text. */
function startsOtherBlock(line: string): boolean {
  return /^ {0,3}(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|>|```|~~~|\||<[A-Za-z/!?])/.test(line);
}
