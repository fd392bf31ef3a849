// Property: on generated Markdown (code fences and indented code, HTML blocks, reference definitions,
// lists, block quotes with lazy lines, thematic breaks, setext underlines, tabs, CRLF), the headings the
// line scan finds (links/headingIds/headingScan.ts) are exactly the heading blocks markdown-it makes,
// with the same level and text. MDX and kramdown are other grammars, held by the oracle tests instead.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanHeadings } from '../../../src/core/links/headingIds/headingScan';

// Footnotes and linkify change no block structure that matters here; markdown-it with HTML on, as the preview.
const oracle = new MarkdownIt({ html: true });

const runs = Number(process.env['POSTCRAFT_PROPERTY_RUNS'] ?? 1000);

const word = fc.constantFrom('alpha', 'Beta', 'x', 'Wow!', '*em*', '_u_', '`c`', '[l](u)', '#', '##', '\\#', '{#id}', '=', '-', '<b>', '&amp;', ':', '>');
const inline = fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', '')), { minLength: 1, maxLength: 5 }).map((pieces) => pieces.map(([piece, gap]) => piece + gap).join('').trim() || 'x');
const paragraph = fc.array(inline, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

const leaf = fc.oneof(
  { weight: 6, arbitrary: paragraph },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('# ', '## ', '###### ', '####### ', '#', '#\t', ' # ', '   ## ', '    # '), inline, fc.constantFrom('', ' #', ' ##', '#', ' \\#', ' # ', '  ')).map(([mark, text, close]) => `${mark}${text}${close}`) },
  { weight: 1, arbitrary: fc.constantFrom('#', '##', '# #', '## ##', '#\t#') },
  { weight: 3, arbitrary: fc.tuple(paragraph, fc.constantFrom('===', '---', '-', '=', '  ===  ', '    ===', '= =', '--- -', '***')).map(([text, line]) => `${text}\n${line}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````', '```md', '``` `x`', ' ```', '   ~~~'), paragraph, fc.constantFrom('```', '~~~', '````', '', '    ```', '``` x', ' ```')).map(([open, text, close]) => `${open}\n${text}\n# in code\n${close}`) },
  // After a blank line: markdown-it takes `    > x` after a quote's paragraph for the quote (CommonMark: lazy text).
  { weight: 2, arbitrary: paragraph.map((text) => '\n' + text.split('\n').map((line) => `    ${line}`).join('\n') + '\n    # indented') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('<div>', '<details>', '<!--', '<script>', '<custom-tag>', '<span>', '<a id="x">', '<?php'), paragraph).map(([open, text]) => `${open}\n# in html\n${text}\n${open === '<!--' ? '-->' : open === '<?php' ? '?>' : open.replace('<', '</').replace(/ .*>/, '>')}`) },
 { weight: 1, arbitrary: fc.constantFrom('[r]: /u', '[r]: /u "t"', '***', '---', '___', '- - -', '', '|a|b|\n|-|-|\n|c|d|') },
);

const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leaf },
    // A blank line after each quote: markdown-it hands the lines that follow a quote's paragraph lazily to
    // the quote's content, where `    > x` or a tab-indented line can open blocks CommonMark leaves as text.
    { weight: 1, arbitrary: fc.tuple(tie('block'), fc.constantFrom(['> ', '> '], ['>', '>'], ['   > ', '> '])).map(([text, [first, rest]]) => `${prefixLines(text, first, rest)}\n`) },
    // Lazy lines of a quote's paragraph (unindented: see above).
    { weight: 1, arbitrary: paragraph.map((text) => `${prefixLines(text, '> ', '')}\n`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(['- ', '  '], ['* ', '  '], ['1. ', '   '], ['2) ', '   '], ['10. ', '    '], ['-   ', '    '], ['- ', ''], ['-      ', '  ']), tie('block')).map(([[first, rest], text]) => prefixLines(text, first, rest)) },
  ),
})).block;

// Tabs in indentation at the top level only: inside nested quotes and list items markdown-it counts a
// tab's columns its own way (a known difference of the scan, rare in posts).
// A thematic break at the margin first ends any list or quote above, so the tab is at the top level.
const topLevelOnly = fc.constantFrom('\t# tab', ' \t# x', '\t\t# x', 'x\n\t===', '[r]:\n/u').map((text) => `***\n\n${text}`);
const document = fc.tuple(fc.array(fc.tuple(fc.oneof({ weight: 9, arbitrary: block }, { weight: 1, arbitrary: topLevelOnly }), fc.constantFrom('\n\n', '\n', '\n\n\n')), { minLength: 1, maxLength: 8 }), fc.boolean()).map(([blocks, crlf]) => {
  const text = blocks.map(([b, gap]) => b + gap).join('');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
});

function prefixLines(text: string, first: string, rest: string): string {
  return text.split('\n').map((line, i) => (i === 0 ? first : rest) + line).join('\n');
}

const normalized = (text: string) => text.split('\n').map((line) => line.trim()).join('\n');

function oracleHeadings(body: string): string[] {
  const tokens = oracle.parse(body.replace(/\r\n?/g, '\n'), {});
  return tokens.flatMap((token, i) => (token.type === 'heading_open' ? [`${token.tag} ${normalized(tokens[i + 1]!.content)}`] : []));
}

function scannedHeadings(body: string): string[] {
  return scanHeadings(body, { mdx: false }).headings.map((heading) => `h${heading.level} ${normalized(heading.lines.map((line) => body.slice(line.start, line.end)).join('\n'))}`);
}

describe('the heading scan follows the Markdown block structure (property)', () => {
  it('finds exactly the headings markdown-it makes, with their level and text', () => {
    fc.assert(
      fc.property(document, (body) => {
        assert.deepEqual(scannedHeadings(body), oracleHeadings(body));
      }),
      { numRuns: runs, ...(process.env["POSTCRAFT_PROPERTY_SEED"] ? { seed: Number(process.env["POSTCRAFT_PROPERTY_SEED"]) } : {}) },
    );
  });
});
