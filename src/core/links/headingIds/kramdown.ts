import type { Anchor } from '../model';
import type { ScannedBody, Span } from './headingScan';
import { plainText } from './inlineText';
import { scanMarkdownBody } from '../../post/markdownStructure';

// Jekyll 4.3's default Markdown: kramdown 2.4 with the GFM parser (kramdown-parser-gfm 1.1). The GFM
// parser makes header IDs its own way (generate_gfm_header_id, not kramdown's generate_id): the text
// elements of the header (auto_id_stripping is forced on: code content, entities and typographic
// symbols as characters, no markup, no image alt), lower-cased, every character that is not a word
// character, `-`, blank or tab dropped, blanks and tabs turned into `-`. A repeated ID gets `-1`, `-2`,
// … counted per ID as generated (an explicit ID is not counted). `transliterated_header_ids` is not read
// by the GFM generator. `auto_id_prefix` (empty by default) would be prepended: not applied here.
// In an HTML element read as Markdown (`<div markdown="1">`) the GFM parser leaves headers alone: kramdown's
// converter makes their IDs (generate_id): ASCII letters, digits, blanks and `-` kept, leading non-letters
// dropped, blanks to `-`, lower-cased, `section` if nothing is left; a repeat gets `-1`, `-2`, … counted
// apart from the GFM IDs (jekyll 4.3.1: `## تجنب تعارضات` twice is section, section-1; `Zażółć` is za).
// An explicit ID: `## Text {#id}` at the line's end, or an IAL `{: #id}` on the next line, or on a line
// before it (blank lines between allowed: kramdown keeps a lone IAL for the next block).
// Any other block takes an id from a block IAL the same way (`Para\n{: #fn1}` is <p id="fn1">, a list's
// goes on its <ul>); an IAL may also name an ALD (`{:ref: #id}` … `{: ref}`) whose attributes it takes.

// kramdown's HEADER_ID: an XML Name (REXML's NAME_START_CHAR and NAME_CHAR), which holds combining marks
// such as U+0651 (Arabic shadda) and Devanagari vowel signs.
const nameStartChar = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const nameChar = `${nameStartChar}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const headerId = new RegExp(`[\\t ]\\{#([${nameStartChar}][${nameChar}]*)\\}$`, 'u');
const blockIal = /^ {0,3}\{:(?![:/])((?:\\\}|[^}])*)\}[ \t]*$/;
const ald = /^ {0,3}\{:(\w[\w-]*):((?:\\\}|[^}])+)\}[ \t]*$/;

export function kramdownAnchors(body: string, { headings, ials, alds }: Pick<ScannedBody, 'headings' | 'ials' | 'alds'>, { explicitOnly = false } = {}): Anchor[] {
  const definitions = new Map<string, string>();
  for (const line of alds) {
    const match = ald.exec(body.slice(line.start, line.end));
    if (match) definitions.set(match[1]!, match[2]!);
  }
  const idInIal = (line: Span | undefined) => {
    const list = line && blockIal.exec(body.slice(line.start, line.end))?.[1];
    return list ? attributeListId(list, definitions) : undefined;
  };
  const counts = new Map<string, number>();
  const converterCounts = new Map<string, number>();
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
    const ialId = idInIal(heading.next) ?? idInIal(heading.ial);
    const text = plainText(body.slice(line.start, end), { imageAlt: false, typographic: true, emphasis: 'kramdown' });
    let id = explicit?.[1] ?? ialId;
    // `auto_ids: false`: only the IDs written with the heading.
    if (id === undefined && explicitOnly) continue;
    if (id === undefined && heading.inHtml) {
      id = text.replace(/^[^a-zA-Z]+/, '').replace(/[^a-zA-Z0-9 -]/g, '').replace(/ /g, '-').toLowerCase() || 'section';
      const count = converterCounts.get(id);
      converterCounts.set(id, count === undefined ? 0 : count + 1);
      if (count !== undefined) id = `${id}-${count + 1}`;
    }
    else if (id === undefined) {
      id = text.toLowerCase().replace(/[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu, '').replace(/[ \t]/g, '-');
      const count = (counts.get(id) ?? -1) + 1;
      counts.set(id, count);
      if (count > 0) id = `${id}-${count}`;
    }
    if (id) anchors.push({ id, text: text.trim(), range: { start: line.start, end } });
  }
  const headingIals = new Set(headings.flatMap((heading) => [heading.next?.start, heading.ial?.start]));
  for (const line of ials) {
    if (headingIals.has(line.start)) continue;
    const id = idInIal(line);
    if (id === undefined) continue;
    const at = body.indexOf(`#${id}`, line.start) + 1;
    anchors.push({ id, range: at > 0 && at < line.end ? { start: at, end: at + id.length } : { start: line.start, end: line.end } });
  }
  anchors.push(...spanIalAnchors(body, definitions));
  return anchors;
}

/**
 * Span IALs: an attribute list right after a span element (`**Assistive Technologies**{:#at}`, `[x](y){: #id}`,
 * `` `code`{:#c} ``) gives that element its id (kramdown's span IAL; w3.org/WAI links `#at` so), outside code.
 */
function spanIalAnchors(body: string, definitions: ReadonlyMap<string, string>): Anchor[] {
  if (!body.includes('{:')) return [];
  const anchors: Anchor[] = [];
  let code: readonly Span[] | undefined;
  for (const match of body.matchAll(/([*_`)\]])\{:((?:\\\}|[^}\n])*)\}/g)) {
    const id = attributeListId(match[2]!, definitions);
    if (id === undefined) continue;
    code ??= scanMarkdownBody(body, { mdx: false, needCode: true }).code;
    const at = match.index + 1;
    if (code.some((span) => at >= span.start && at < span.end)) continue;
    const idAt = body.indexOf(`#${id}`, at) + 1;
    anchors.push({ id, range: idAt > 0 && idAt < at + match[0].length ? { start: idAt, end: idAt + id.length } : { start: at, end: at + match[0].length - 1 } });
  }
  return anchors;
}

// kramdown's parse_attribute_list: tokens after a blank or the start, each a `key="value"`, an ALD name, or
// `#id`/`.class` run; the last id given wins, an ALD's attributes come before the list's own.
const attributeToken = /(?:^|\s)(?:(\w[\w-]*)=("|')((?:\\\}|\\["']|[^}])*?)\2|(\w[\w-]*)|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|$)/g;

function attributeListId(list: string, definitions: ReadonlyMap<string, string>, depth = 0): string | undefined {
  let own: string | undefined;
  let referenced: string | undefined;
  for (const token of list.matchAll(attributeToken)) {
    if (token[1] !== undefined) {
      if (token[1] === 'id') own = token[3];
    }
    else if (token[4] !== undefined) {
      const definition = definitions.get(token[4]);
      if (definition !== undefined && depth < 4) referenced = attributeListId(definition, definitions, depth + 1) ?? referenced;
    }
    else for (const id of token[5]!.matchAll(/#([A-Za-z][\w:-]*)/g)) own = id[1];
  }
  return own ?? referenced;
}

function trimEnd(body: string, start: number, end: number): number {
  let stop = end;
  while (stop > start && (body[stop - 1] === ' ' || body[stop - 1] === '\t')) stop--;
  return stop;
}
