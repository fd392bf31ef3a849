import type { Anchor } from '../model';
import type { ScannedHeading, Span } from './headingScan';
import { plainText } from './inlineText';

// Jekyll 4.3's default Markdown: kramdown 2.4 with the GFM parser (kramdown-parser-gfm 1.1). The GFM
// parser makes header IDs its own way (generate_gfm_header_id, not kramdown's generate_id): the text
// elements of the header (auto_id_stripping is forced on: code content, entities and typographic
// symbols as characters, no markup, no image alt), lower-cased, every character that is not a word
// character, `-`, blank or tab dropped, blanks and tabs turned into `-`. A repeated ID gets `-1`, `-2`,
// … counted per ID as generated (an explicit ID is not counted). `transliterated_header_ids` is not read
// by the GFM generator. `auto_id_prefix` (empty by default) would be prepended: not applied here.
// An explicit ID: `## Text {#id}` at the line's end, or an IAL `{: #id}` on the next line, or on a line
// before it (blank lines between allowed: kramdown keeps a lone IAL for the next block).

const headerId = /[\t ]\{#([\p{L}:_][\p{L}\p{N}:_.\-\u00B7]*)\}$/u;
const blockIal = /^ {0,3}\{:(?![:/])([^}]*)\}[ \t]*$/;

export function kramdownAnchors(body: string, headings: readonly ScannedHeading[]): Anchor[] {
  const counts = new Map<string, number>();
  const anchors: Anchor[] = [];
  for (const heading of headings) {
    const line = heading.lines[heading.lines.length - 1];
    if (!line) continue;
    let end = line.end;
    const explicit = headerId.exec(body.slice(line.start, line.end));
    if (explicit) end = trimEnd(body, line.start, line.start + explicit.index);
    // `## Text ## {#id}`: closing `#`s after a blank go too.
    const closing = !heading.setext && explicit ? /[\t ]#+$/.exec(body.slice(line.start, end)) : null;
    if (closing) end = trimEnd(body, line.start, end - closing[0].length);
    const ialId = idInIal(body, heading.next) ?? idInIal(body, heading.ial);
    const text = plainText(body.slice(line.start, end), { imageAlt: false, typographic: true });
    let id = explicit?.[1] ?? ialId;
    if (id === undefined) {
      id = text.toLowerCase().replace(/[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu, '').replace(/[ \t]/g, '-');
      const count = (counts.get(id) ?? -1) + 1;
      counts.set(id, count);
      if (count > 0) id = `${id}-${count}`;
    }
    if (id) anchors.push({ id, text: text.trim(), range: { start: line.start, end } });
  }
  return anchors;
}

function idInIal(body: string, line: Span | undefined): string | undefined {
  const list = line && blockIal.exec(body.slice(line.start, line.end))?.[1];
  return list ? /(?:^|\s)#(\w[\w:-]*)/.exec(list)?.[1] : undefined;
}

function trimEnd(body: string, start: number, end: number): number {
  let stop = end;
  while (stop > start && (body[stop - 1] === ' ' || body[stop - 1] === '\t')) stop--;
  return stop;
}
