import type { Anchor, HighlightDefaults } from '../model';

/**
 * The IDs Hugo gives the lines of its highlighted code where line numbers are anchors (`markup.highlight.anchorLineNos`,
 * or a block's own `anchorlinenos=true`, with line numbers on): `<prefix>-<n>` for each line, counted from `lineNoStart`.
 * A fenced block's prefix is its `lineanchors` option, else `hl-<ordinal>` (its place among the page's fenced blocks, from
 * 0: markup/highlight/config.go `applyOptionsFromCodeBlockContext`, codeblocks/render.go); the `highlight` shortcode's is
 * its `lineanchors` option, else none (`1`, `2`, …). ox-hugo writes such blocks and links to their lines
 * (holgerschurig.github.io's `#org-coderef--f87743-16`; hugo 0.111.3 writes `<span id="org-coderef--f87743-16">`).
 */
export function codeLineAnchors(body: string, defaults: HighlightDefaults): Anchor[] {
  if (!defaults.anchorLineNos && !/anchorlinenos/i.test(body)) return [];
  const anchors: Anchor[] = [];
  const add = (options: Readonly<Record<string, string>>, prefixOtherwise: string, lines: number, at: number, length: number) => {
    const lineNos = options['linenos'] ?? (defaults.lineNos ? 'true' : 'false');
    const anchored = options['anchorlinenos'] !== undefined ? options['anchorlinenos'] === 'true' : defaults.anchorLineNos;
    if (lineNos === 'false' || !anchored) return;
    const prefix = options['lineanchors'] ?? defaults.lineAnchors ?? prefixOtherwise;
    const start = Number.parseInt(options['linenostart'] ?? '', 10);
    const first = Number.isFinite(start) ? start : defaults.lineNoStart;
    for (let line = 0; line < lines; line++) anchors.push({ id: `${prefix === '' ? '' : `${prefix}-`}${first + line}`, range: { start: at, end: at + length } });
  };
  let ordinal = 0;
  for (const block of fencedBlocks(body)) add(attributeOptions(block.info), `hl-${ordinal++}`, block.lines, block.start, block.openingLength);
  for (const shortcode of body.matchAll(/\{\{[<%]\s*highlight\s+\S+\s+"([^"]*)"\s*[>%]\}\}\r?\n?([\s\S]*?)\{\{[<%]\s*\/highlight\s*[>%]\}\}/g)) {
    const code = shortcode[2]!.replace(/\r?\n$/, '');
    add(commaOptions(shortcode[1]!), '', code === '' ? 0 : code.split('\n').length, shortcode.index, shortcode[0].indexOf('}}') + 2);
  }
  return anchors;
}

interface FencedBlock {
  readonly info: string;
  readonly lines: number;
  readonly start: number;
  readonly openingLength: number;
}

/** The fenced code blocks of a body, in order (at any indentation: in list items too), with their info strings and line counts. */
function fencedBlocks(body: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let open: { marker: string; info: string; start: number; openingLength: number; lines: number } | undefined;
  let offset = 0;
  for (const line of body.split('\n')) {
    const text = line.replace(/\r$/, '');
    const fence = /^[ \t]*(?:>[ \t]?)*(`{3,}|~{3,})(.*)$/.exec(text);
    if (open) {
      if (fence && fence[1]![0] === open.marker[0] && fence[1]!.length >= open.marker.length && fence[2]!.trim() === '') {
        blocks.push({ info: open.info, lines: open.lines, start: open.start, openingLength: open.openingLength });
        open = undefined;
      } else open.lines++;
    } else if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      open = { marker: fence[1]!, info: fence[2]!, start: offset, openingLength: text.length, lines: 0 };
    }
    offset += line.length + 1;
  }
  // A fence left open runs to the end of the body (CommonMark).
  if (open) blocks.push({ info: open.info, lines: open.lines, start: open.start, openingLength: open.openingLength });
  return blocks;
}

/** A fence's `{ key=value, … }` attributes (commas or spaces between them), keys lower case, quotes dropped. */
function attributeOptions(info: string): Record<string, string> {
  const list = /\{([^{}]*)\}\s*$/.exec(info)?.[1];
  if (list === undefined) return {};
  const options: Record<string, string> = {};
  for (const pair of list.matchAll(/([\w-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s,]+)/g)) options[pair[1]!.toLowerCase()] = pair[2]!.replace(/^["']|["']$/g, '');
  return options;
}

/** The `highlight` shortcode's `key=value,…` options (parseHightlightOptions), keys lower case. */
function commaOptions(list: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of list.split(',')) {
    const [key, value] = pair.split('=');
    if (key !== undefined && value !== undefined) options[key.trim().toLowerCase()] = value.trim();
  }
  return options;
}
