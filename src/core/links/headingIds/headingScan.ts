// The headings of a Markdown body by one pass over its lines, without a parser: the site index runs this
// on every post, and markdown-it's block pass alone costs about ten times as much. It follows the
// CommonMark block structure as markdown-it builds it (the property test in
// test/unit/links/headings.property.test.ts holds the two equal): block quotes and list items (with lazy
// continuation lines), fenced and indented code, HTML blocks, link reference definitions, thematic
// breaks, and ATX and setext headings. In MDX (micromark with MDX) indentation makes no code and raw
// HTML is JSX, inside which Markdown goes on; kramdown (Jekyll) wants its ATX `#` at the start of the line
// and reads the content of an HTML element marked `markdown="1"` as Markdown.

/** Offsets into the body, half-open. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ScannedHeading {
  readonly level: number;
  readonly setext: boolean;
  /** Each line of the heading's text, without indentation, container markers, `#`s or trailing blanks. */
  readonly lines: readonly Span[];
  /** The line right after the heading (kramdown reads an IAL `{: #id}` there). */
  readonly next?: Span;
  /** kramdown: an IAL line `{: #id}` before the heading, with only blank lines between. */
  readonly ial?: Span;
  /** kramdown: inside an HTML element read as Markdown (`markdown="1"`), where the GFM parser gives no auto ID. */
  readonly inHtml?: true;
}

export interface ScannedBody {
  readonly headings: ScannedHeading[];
  /** Lines outside code that may hold raw HTML (they hold a `<`): where explicit anchors can be. */
  readonly htmlLines: Span[];
  /**
   * kramdown: block IAL lines (`{: #id}`) outside code and raw HTML that kramdown applies to a block (the
   * one right above, or after blank lines the next one): headings' among them (their `next`/`ial`).
   */
  readonly ials: Span[];
  /** kramdown: attribute list definitions (`{:name: #id .class}`), which an IAL may name. */
  readonly alds: Span[];
}

export interface ScanOptions {
  readonly mdx: boolean;
  /** kramdown (Jekyll): an ATX heading starts at the line's first column and has a blank after its `#`s. */
  readonly kramdown?: boolean;
}

// A list item that starts with a blank line ends at the next blank line if nothing came in between.
type Container = { readonly quote: true } | { readonly quote: false; readonly indent: number; empty: boolean };

type Leaf =
  | { readonly kind: 'none' }
  | { readonly kind: 'paragraph'; readonly lines: Span[]; readonly definitionLabel?: boolean }
  | { readonly kind: 'fence'; readonly marker: number; readonly length: number; readonly indent: number }
  // `element`: kramdown reads it to its closing tag, and an element marked `markdown="1"` inside it is Markdown again.
  | { readonly kind: 'html'; readonly end: RegExp; readonly element?: true }
  | { readonly kind: 'table' };

const none: Leaf = { kind: 'none' };

/** kramdown: an open HTML element whose content is read as Markdown, up to `close` in as many containers. */
interface MarkdownElement {
  readonly close: RegExp;
  readonly depth: number;
  /** The raw HTML element it is nested in, read on after it. */
  readonly outer: Leaf;
  readonly outerDepth: number;
}

export function scanHeadings(body: string, { mdx, kramdown = false }: ScanOptions): ScannedBody {
  const headings: ScannedHeading[] = [];
  const htmlLines: Span[] = [];
  const ials: Span[] = [];
  const alds: Span[] = [];
  // kramdown: IALs after a blank line wait for the next block (they are lost if none comes).
  let pendingIals: Span[] = [];
  let lineBlank = true;
  const containers: Container[] = [];
  let leaf: Leaf = none;
  let leafDepth = 0;
  const markdownElements: MarkdownElement[] = [];
  /** kramdown: opens a `markdown="1"` element when the line is the start tag of one (its content to come). */
  const opensMarkdownElement = (text: string, at: number): boolean => {
    const close = markdownElementClose(text);
    if (!close) return false;
    htmlLines.push({ start: at, end });
    markdownElements.push({ close, depth: containers.length, outer: leaf, outerDepth: leafDepth });
    leaf = none;
    // Its content starts as a new document: an IAL on the first line waits for the block under it.
    lineBlank = true;
    return true;
  };
  /** kramdown: closes the innermost `markdown="1"` element when the line (in its containers) is its closing tag. */
  const closesMarkdownElement = (indent: number, at: number): boolean => {
    const element = markdownElements.length > 0 ? markdownElements[markdownElements.length - 1]! : undefined;
    if (!element || element.depth !== containers.length || indent > 3 || !element.close.test(body.slice(at, end))) return false;
    htmlLines.push({ start: at, end });
    markdownElements.pop();
    leaf = element.outer;
    leafDepth = element.outerDepth;
    return true;
  };
  // Leaves start at up to three columns of indentation; MDX has no indented code, so any indentation does.
  const maxIndent = mdx ? Number.POSITIVE_INFINITY : 3;
  let pendingNext: ScannedHeading | undefined;
  let afterHeading = false;
  // How many of the open containers the current line continues.
  let matched = 0;

  // The cursor in the current line: offset, column (tabs to multiples of 4), and columns of a tab half consumed.
  let pos = 0;
  let col = 0;
  let carry = 0;
  let end = 0;

  const indentAhead = (): { indent: number; at: number } => {
    let indent = carry;
    let at = pos;
    let c = col;
    while (at < end) {
      const ch = body.charCodeAt(at);
      if (ch === 32) { indent++; c++; }
      else if (ch === 9) { const width = 4 - (c % 4); indent += width; c += width; }
      else break;
      at++;
    }
    return { indent, at };
  };
  /** Consumes `n` columns of indentation (a tab may be consumed in part). */
  const consumeColumns = (n: number) => {
    let left = n;
    if (carry > 0) {
      const used = Math.min(carry, left);
      carry -= used;
      left -= used;
    }
    while (left > 0 && pos < end) {
      const ch = body.charCodeAt(pos);
      if (ch === 32) { pos++; col++; left--; }
      else if (ch === 9) {
        const width = 4 - (col % 4);
        pos++;
        col += width;
        if (width > left) { carry = width - left; left = 0; }
        else left -= width;
      }
      else break;
    }
  };
  const skipIndent = () => {
    const { at } = indentAhead();
    for (; pos < at; pos++) col += body.charCodeAt(pos) === 9 ? 4 - (col % 4) : 1;
    carry = 0;
  };
  const closeLeaf = () => {
    leaf = none;
  };

  for (let lineStart = 0; lineStart <= body.length; ) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = body.length;
    end = lineEnd > lineStart && body.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    pos = lineStart;
    col = 0;
    carry = 0;
    // Whether the line before was blank (a block quote's `>` alone is a blank line in the quote).
    const previousBlank = lineBlank;
    lineBlank = kramdown && /^[\s>]*$/.test(body.slice(lineStart, end));

    const lineAfterHeading = pendingNext !== undefined;
    if (pendingNext) {
      (pendingNext as { next?: Span }).next = { start: lineStart, end };
      pendingNext = undefined;
    }
    afterHeading = lineAfterHeading;

    // 1. The open containers this line continues.
    matched = 0;
    for (const container of containers) {
      const { indent, at } = indentAhead();
      if (container.quote) {
        if (indent > maxIndent || body.charCodeAt(at) !== 62 /* > */) break;
        skipIndent();
        pos++;
        col++;
        optionalSpaceAfterQuote();
      }
      else if (at >= end) {
        // A blank line stays in the list item, unless the item is still empty.
        if (container.empty) break;
      }
      else if (indent >= container.indent) {
        consumeColumns(container.indent);
        container.empty = false;
      }
      else break;
      matched++;
    }
    const allMatched = matched === containers.length;

    // 2. Inside a fenced code block or an HTML block, the line belongs to it (or ends it).
    if (allMatched && leaf.kind === 'fence') {
      const { indent, at } = indentAhead();
      // MDX (micromark without indented code) closes a fence at any indentation, as it opens one.
      if (indent <= maxIndent && closesFence(body, at, end, leaf.marker, leaf.length)) closeLeaf();
      lineStart = lineEnd + 1;
      continue;
    }
    if (allMatched && leaf.kind === 'html') {
      const { indent, at } = indentAhead();
      const text = body.slice(at, end);
      // HTML up to a blank line is a paragraph to kramdown (`<img …>` is no block), which the closing tag ends.
      if ((leaf.element && opensMarkdownElement(text, at)) || (leaf.end === blankLine && closesMarkdownElement(indent, at))) {
        lineStart = lineEnd + 1;
        continue;
      }
      if (text.includes('<')) htmlLines.push({ start: at, end });
      if (leaf.end.test(text)) closeLeaf();
      lineStart = lineEnd + 1;
      continue;
    }

    // 3. New block quotes and list items.
    let opened = false;
    const paragraphOpen = leaf.kind === 'paragraph';
    for (;;) {
      const { indent, at } = indentAhead();
      if (indent > maxIndent || at >= end) break;
      const ch = body.charCodeAt(at);
      if (ch === 62 /* > */) {
        if (!opened) openContainer();
        skipIndent();
        pos++;
        col++;
        optionalSpaceAfterQuote();
        containers.push({ quote: true });
        opened = true;
        continue;
      }
      if (ch !== 42 && ch !== 43 && ch !== 45 && !(ch >= 48 && ch <= 57)) break;
      // A setext underline under this paragraph, or a thematic break, is not a list item.
      if (paragraphOpen && !opened && allMatched && setextUnderline(body, at, end)) break;
      if (thematicBreak(body, at, end)) break;
      const marker = listMarker(body, at, end);
      if (!marker) break;
      // Only a list of a first item, not empty, interrupts a paragraph (markdown-it: a paragraph of the same container).
      const interrupts = paragraphOpen && !opened && allMatched;
      const markerEnd = at + marker.width;
      const blankAfter = isBlank(body, markerEnd, end);
      if (interrupts && (blankAfter || (marker.ordered && marker.number !== 1))) break;
      if (!opened) openContainer();
      const baseCol = col + carry;
      skipIndent();
      pos = markerEnd;
      col += marker.width;
      const after = indentAhead();
      let itemIndent: number;
      if (blankAfter) itemIndent = col - baseCol + 1;
      else if (after.indent >= 5) {
        itemIndent = col - baseCol + 1;
        consumeColumns(1);
      }
      else {
        itemIndent = col - baseCol + after.indent;
        consumeColumns(after.indent);
      }
      containers.push({ quote: false, indent: itemIndent, empty: blankAfter });
      opened = true;
      if (blankAfter) break;
    }

    const blank = isBlank(body, pos, end);
    // A line no container claims continues the paragraph it interrupts, unless it starts a block.
    if (!opened && !allMatched) {
      if (leaf.kind === 'paragraph' && !blank && !interruptsParagraph() && !(kramdown && kramdownIal.test(body.slice(indentAhead().at, end)))) {
        // Its tags are the paragraph's inline HTML (kubevirt.io's `<sup id="fnref:1">` under a `* ` item, unindented).
        const { at } = indentAhead();
        if (body.slice(at, end).includes('<')) htmlLines.push({ start: at, end });
        leaf.lines.push(trimmedLine());
        lineStart = lineEnd + 1;
        continue;
      }
      closeUnmatched();
    }

    // 4. The leaf block.
    if (blank) {
      closeLeaf();
      lineStart = lineEnd + 1;
      continue;
    }
    const { indent, at } = indentAhead();
    if (closesMarkdownElement(indent, at)) {
      lineStart = lineEnd + 1;
      continue;
    }
    const inElement = markdownElements.length > 0;
    if (kramdown && indent <= 3 && body.charCodeAt(at) === 123) {
      const text = body.slice(at, end);
      // An ALD line is paragraph text inside a paragraph; an IAL line ends one (kramdown's LAZY_END).
      if (kramdownAld.test(text)) {
        alds.push({ start: at, end });
        if (leaf.kind !== 'paragraph') {
          lineStart = lineEnd + 1;
          continue;
        }
      }
      else if (kramdownIal.test(text)) {
        // Right under a block it is that block's (a heading's is its `next`); after a blank line, the next block's.
        if (afterHeading || !previousBlank) ials.push({ start: at, end });
        else pendingIals.push({ start: at, end });
        closeLeaf();
        lineStart = lineEnd + 1;
        continue;
      }
    }
    // A block starts here: it takes the IALs waiting for it (a heading reads the last one). Tested by
    // length first: reading index -1 of the empty list, on every line of every post, was a slow named-property lookup.
    const ial = pendingIals.length > 0 ? pendingIals[pendingIals.length - 1] : undefined;
    if (ial) {
      ials.push(...pendingIals);
      pendingIals = [];
    }
    if (indent >= 4 && !mdx) {
      // Indented code, or a paragraph's continuation (with its inline HTML).
      if (leaf.kind === 'paragraph') {
        if (body.slice(at, end).includes('<')) htmlLines.push({ start: at, end });
        leaf.lines.push(trimmedLine());
      }
      else closeLeaf();
      lineStart = lineEnd + 1;
      continue;
    }
    const ch = body.charCodeAt(at);
    // A table interrupts a paragraph: its header row is the paragraph's last line.
    if (leaf.kind === 'paragraph' && delimiterRow(body, at, end, body.slice(leaf.lines[leaf.lines.length - 1]!.start, leaf.lines[leaf.lines.length - 1]!.end))) {
      leaf = { kind: 'table' };
      lineStart = lineEnd + 1;
      continue;
    }
    if (leaf.kind === 'paragraph' && (ch === 61 || ch === 45) && setextUnderline(body, at, end) && !(kramdown && leaf.lines.length > 1)) {
      const heading: ScannedHeading = { level: ch === 61 ? 1 : 2, setext: true, lines: leaf.lines, ...(ial && { ial }), ...(inElement && { inHtml: true }) };
      headings.push(heading);
      pendingNext = heading;
      closeLeaf();
      lineStart = lineEnd + 1;
      continue;
    }
    if (ch === 35 /* # */) {
      const atx = kramdown && indent > 0 ? undefined : atxHeading(body, at, end, kramdown);
      if (atx) {
        const heading = ial || inElement ? { ...atx, ...(ial && { ial }), ...(inElement && { inHtml: true as const }) } : atx;
        headings.push(heading);
        // `##### <a name="merging"></a>Merging`: the anchor is the page's, beside the heading's own ID.
        if (body.slice(at, end).includes('<')) htmlLines.push({ start: at, end });
        pendingNext = heading;
        closeLeaf();
        lineStart = lineEnd + 1;
        continue;
      }
    }
    if (ch === 96 || ch === 126) {
      const fence = fenceOpening(body, at, end);
      if (fence) {
        leaf = { kind: 'fence', marker: ch, length: fence, indent };
        leafDepth = containers.length;
        lineStart = lineEnd + 1;
        continue;
      }
    }
    if (ch === 60 /* < */ && !mdx) {
      const text = body.slice(at, end);
      // A lone tag (the last kind) interrupts neither a paragraph nor a table's rows.
      // kramdown starts no HTML block at a span element's tag (`<br>`, `<img …>`): the line is a paragraph's.
      let block = kramdown && kramdownSpanTag(text) ? undefined : htmlBlockStart(text, leaf.kind === 'paragraph' || leaf.kind === 'table');
      // kramdown reads a block element's HTML to its closing tag, blank lines and all (parse_block_html is off).
      const opening = kramdown && block === blankLine ? /^<([A-Za-z][A-Za-z0-9-]*)/.exec(text) : null;
      const element = opening !== null && !voidElements.has(opening[1]!.toLowerCase());
      if (element) block = new RegExp(`</${opening[1]}\\s*>`, 'i');
      if (element && !block!.test(text) && opensMarkdownElement(text, at)) {
        lineStart = lineEnd + 1;
        continue;
      }
      if (block) {
        htmlLines.push({ start: at, end });
        leaf = block.test(text) ? none : { kind: 'html', end: block, ...(element && { element: true as const }) };
        leafDepth = containers.length;
        lineStart = lineEnd + 1;
        continue;
      }
    }
    if ((ch === 42 || ch === 45 || ch === 95) && thematicBreak(body, at, end)) {
      closeLeaf();
      lineStart = lineEnd + 1;
      continue;
    }
    if (body.slice(at, end).includes('<')) htmlLines.push({ start: at, end });
    // A table's rows run to a blank line or a block (kept apart from paragraphs: `| a` over `---` is a table).
    if (leaf.kind === 'table' && !interruptsParagraph() && ch !== 62) {
      lineStart = lineEnd + 1;
      continue;
    }
    if (leaf.kind === 'paragraph' && leaf.definitionLabel && leaf.lines.length === 1 && definitionDestination.test(body.slice(at, end))) closeLeaf();
    else if (leaf.kind === 'paragraph') leaf.lines.push(trimmedLine());
    else if (ch === 91 /* [ */ && referenceDefinition.test(body.slice(at, end))) closeLeaf();
    else if (ch === 91 && definitionLabel.test(body.slice(at, end))) {
      leaf = { kind: 'paragraph', lines: [trimmedLine()], definitionLabel: true };
      leafDepth = containers.length;
    }
    else {
      leaf = { kind: 'paragraph', lines: [trimmedLine()] };
      leafDepth = containers.length;
    }
    lineStart = lineEnd + 1;
  }
  return { headings, htmlLines, ials, alds };

  function optionalSpaceAfterQuote(): void {
    const ch = body.charCodeAt(pos);
    if (pos >= end) return;
    if (ch === 32) {
      pos++;
      col++;
    }
    else if (ch === 9) {
      const width = 4 - (col % 4);
      pos++;
      col += width;
      carry = width - 1;
    }
  }

  function closeUnmatched(): void {
    if (containers.length > matched) {
      containers.length = matched;
      if (leafDepth > matched) closeLeaf();
      // An element left open in a list item or quote ends with it (kramdown auto-closes it).
      while (markdownElements.length > 0 && markdownElements[markdownElements.length - 1]!.depth > matched) markdownElements.pop();
    }
  }

  /** A new block quote or list item closes the containers the line does not continue, and the open leaf. */
  function openContainer(): void {
    closeUnmatched();
    closeLeaf();
  }

  function interruptsParagraph(): boolean {
    const { indent, at } = indentAhead();
    if (indent > maxIndent) return false;
    const ch = body.charCodeAt(at);
    if (ch === 35) return atxHeading(body, at, end, kramdown) !== undefined;
    if (ch === 96 || ch === 126) return fenceOpening(body, at, end) !== undefined;
    if (ch === 60 && !mdx) return htmlBlockStart(body.slice(at, end), true) !== undefined;
    if (ch === 42 || ch === 45 || ch === 95) return thematicBreak(body, at, end);
    return false;
  }

  function trimmedLine(): Span {
    const { at } = indentAhead();
    let stop = end;
    while (stop > at && isSpaceOrTab(body.charCodeAt(stop - 1))) stop--;
    return { start: at, end: stop };
  }
}

function isSpaceOrTab(ch: number): boolean {
  return ch === 32 || ch === 9;
}

function isBlank(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (!isSpaceOrTab(text.charCodeAt(i))) return false;
  return true;
}

/** `# text`, `## text ##`: the text between the `#`s (CommonMark; kramdown wants text after a blank). */
function atxHeading(text: string, at: number, end: number, kramdown: boolean): ScannedHeading | undefined {
  let i = at;
  while (i < end && text.charCodeAt(i) === 35) i++;
  const level = i - at;
  if (level > 6 || (i < end && !isSpaceOrTab(text.charCodeAt(i)))) return undefined;
  let start = i;
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
  let stop = end;
  while (stop > start && isSpaceOrTab(text.charCodeAt(stop - 1))) stop--;
  if (kramdown && (start === i || stop === start)) return undefined;
  // A closing run of `#`s, after a blank (or making the whole text), is not text.
  let hashes = stop;
  while (hashes > start && text.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < stop && (hashes === start || isSpaceOrTab(text.charCodeAt(hashes - 1)))) {
    stop = hashes;
    while (stop > start && isSpaceOrTab(text.charCodeAt(stop - 1))) stop--;
  }
  if (kramdown && stop === start) return undefined;
  return { level, setext: false, lines: [{ start, end: stop }] };
}

function setextUnderline(text: string, at: number, end: number): boolean {
  const ch = text.charCodeAt(at);
  if (ch !== 61 && ch !== 45) return false;
  let i = at;
  while (i < end && text.charCodeAt(i) === ch) i++;
  return isBlank(text, i, end);
}

function thematicBreak(text: string, at: number, end: number): boolean {
  const ch = text.charCodeAt(at);
  if (ch !== 42 && ch !== 45 && ch !== 95) return false;
  let count = 0;
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === ch) count++;
    else if (!isSpaceOrTab(c)) return false;
  }
  return count >= 3;
}

/** A bullet (`-`, `*`, `+`) or an ordered marker (`1.`, `2)`) followed by a blank or the line's end. */
function listMarker(text: string, at: number, end: number): { width: number; ordered: boolean; number: number } | undefined {
  const ch = text.charCodeAt(at);
  let width: number;
  let ordered = false;
  let number = 0;
  if (ch === 42 || ch === 43 || ch === 45) width = 1;
  else {
    let i = at;
    while (i < end && i - at < 10 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const digits = i - at;
    if (digits === 0 || digits > 9) return undefined;
    const delimiter = text.charCodeAt(i);
    if (delimiter !== 46 && delimiter !== 41) return undefined;
    ordered = true;
    number = Number(text.slice(at, i));
    width = digits + 1;
  }
  const after = at + width;
  if (after < end && !isSpaceOrTab(text.charCodeAt(after))) return undefined;
  return { width, ordered, number };
}

/** The length of a fence's run of backticks or tildes, when the line opens one. */
function fenceOpening(text: string, at: number, end: number): number | undefined {
  const ch = text.charCodeAt(at);
  let i = at;
  while (i < end && text.charCodeAt(i) === ch) i++;
  const length = i - at;
  if (length < 3) return undefined;
  // A backtick fence's info string holds no backtick (it would be a code span).
  if (ch === 96 && text.slice(i, end).includes('`')) return undefined;
  return length;
}

function closesFence(text: string, at: number, end: number, marker: number, length: number): boolean {
  let i = at;
  while (i < end && text.charCodeAt(i) === marker) i++;
  return i - at >= length && isBlank(text, i, end);
}

/** markdown-it's table (rules_block/table): a delimiter row (`| --- | :-: |`) under a header row of as many cells. */
function delimiterRow(text: string, at: number, end: number, header: string): boolean {
  if (end - at < 2 || !header.includes('|')) return false;
  const first = text.charCodeAt(at);
  const second = text.charCodeAt(at + 1);
  if (first !== 124 && first !== 45 && first !== 58) return false;
  if (second !== 124 && second !== 45 && second !== 58 && !isSpaceOrTab(second)) return false;
  if (first === 45 && isSpaceOrTab(second)) return false;
  const row = text.slice(at, end);
  if (!/^[|\-: \t]*$/.test(row)) return false;
  const cells = row.split('|');
  let count = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!.trim();
    if (!cell) {
      if (i === 0 || i === cells.length - 1) continue;
      return false;
    }
    if (!/^:?-+:?$/.test(cell)) return false;
    count++;
  }
  const headerCells = header.trim().split(/(?<!\\)\|/);
  if (headerCells[0] === '') headerCells.shift();
  if (headerCells.length > 0 && headerCells[headerCells.length - 1] === '') headerCells.pop();
  return headerCells.length > 0 && headerCells.length === count;
}

// markdown-it's HTML block kinds (rules_block/html_block), each with what ends it.
const blockNames = 'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const openTag = `<[A-Za-z][A-Za-z0-9\\-]*(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)*\\s*\\/?>`;
const closeTag = '<\\/[A-Za-z][A-Za-z0-9\\-]*\\s*>';
const blankLine = /^$/;
const htmlBlocks: readonly [RegExp, RegExp, boolean][] = [
  [/^<(script|pre|style|textarea)(?=(\s|>|$))/i, /<\/(script|pre|style|textarea)>/i, true],
  [/^<!--/, /-->/, true],
  [/^<\?/, /\?>/, true],
  [/^<![A-Za-z]/, />/, true],
  [/^<!\[CDATA\[/, /\]\]>/, true],
  [new RegExp(`^</?(${blockNames})(?=(\\s|/?>|$))`, 'i'), blankLine, true],
  [new RegExp(`^(?:${openTag}|${closeTag})\\s*$`), blankLine, false],
];

/** What ends the HTML block this line starts, if it starts one (the last kind cannot interrupt a paragraph). */
function htmlBlockStart(line: string, inParagraph: boolean): RegExp | undefined {
  for (const [start, endsAt, interrupts] of htmlBlocks) {
    if (start.test(line)) return inParagraph && !interrupts ? undefined : endsAt;
  }
  return undefined;
}

// kramdown's `markdown` attribute on a block HTML element: "block", or "1" on an element whose content model
// (HTML_CONTENT_MODEL) is block, reads its content as Markdown blocks ("span", and "1" on `p` or `h2`, as one
// paragraph's text; "0" and "1" on others, such as `table` or `ul`, as raw HTML).
const blockContentElements = new Set(['address', 'applet', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'fieldset', 'figure', 'figcaption', 'footer', 'form', 'header', 'hgroup', 'iframe', 'li', 'main', 'map', 'menu', 'nav', 'noscript', 'object', 'section', 'summary', 'td']);
const startTag = /^<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*>\s*$/;
const markdownAttribute = /\smarkdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** The closing tag of the element this line's start tag opens, if kramdown reads its content as Markdown blocks. */
function markdownElementClose(line: string): RegExp | undefined {
  const tag = startTag.exec(line);
  const value = tag && markdownAttribute.exec(tag[2]!);
  if (!value) return undefined;
  const name = tag[1]!.toLowerCase();
  const model = value[1] ?? value[2] ?? value[3];
  if (model !== 'block' && !(model === '1' && blockContentElements.has(name))) return undefined;
  return new RegExp(`^</${tag[1]}\\s*>`, 'i');
}

// kramdown's HTML_SPAN_ELEMENTS (parser/html.rb): its block HTML parser (parser/kramdown/html.rb, parse_block_html) passes a
// line starting with one of these tags, opening or closing, to the paragraph parser.
const kramdownSpanElements = new Set(['a', 'abbr', 'acronym', 'b', 'big', 'bdo', 'br', 'button', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'img', 'input', 'ins', 'kbd', 'label', 'mark', 'option', 'q', 'rb', 'rbc', 'rp', 'rt', 'rtc', 'ruby', 'samp', 'select', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var']);

function kramdownSpanTag(line: string): boolean {
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(line);
  return tag !== null && kramdownSpanElements.has(tag[1]!.toLowerCase());
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

// kramdown's IAL_BLOCK_START and ALD_START (an ALD names itself: `{:name: …}`; `{::` opens an extension).
const kramdownAld = /^\{:\w[\w-]*:(?:\\\}|[^}])+\}[ \t]*$/;
const kramdownIal = /^\{:(?![:/]|\w[\w-]*:)(?:\\\}|[^}])+\}[ \t]*$/;

// `[label]: destination "title"` on one line: not paragraph text (longer forms are rare in posts).
const definitionLabel = /^\[(?:[^\[\]\\]|\\.)+\]:[ \t]*$/;
const definitionDestination = /^(?:<[^<>\n]*>|[^\s<>]+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;
const referenceDefinition = /^\[(?:[^\[\]\\]|\\.)+\]:[ \t]*(?:<[^<>\n]*>|[^\s<>]+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;
