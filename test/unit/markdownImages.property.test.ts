// Property: on generated Markdown (code fences and indented code, HTML blocks, footnotes, reference
// definitions, lists, block quotes, tables, emphasis, links, escapes, odd backticks, CRLF), the images
// Postcraft finds in a body are exactly those markdown-it renders, each at the place it is written.
//
// Not compared: template syntax and MDX. Hugo shortcodes and Liquid run before Markdown and are found
// in the raw body on purpose (templateImages.ts), and MDX is another grammar (micromark with JSX), for
// which markdown-it is no oracle; the documents hold no `{{`, `{%` or MDX.
import fc from 'fast-check';
import MarkdownIt, { type Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBodyImages } from '../../src/core/post/imageReferences';
import { hasLevelOneHeading } from '../../src/core/post/markdownStructure';
import { parsePost } from '../../src/core/post/parsedPost';

// Configured as the preview's engine (render/markdownEngine.ts) minus its rendering plugins, which
// change no image; inline footnotes are off in the scanner too (Goldmark, kramdown and remark lack them).
const oracle = new MarkdownIt({ html: true, linkify: true }).use(footnote);
oracle.inline.ruler.disable('footnote_inline');

const runs = Number(process.env['POSTCRAFT_PROPERTY_RUNS'] ?? 1000);

// `@` stands for a fresh number, so every destination is written once: `img7z.png` names one place.
const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'x', 'Wow!', '(w@z)', 'a]b', '[', ']', '!', '*', '_', '**', '~~', '&amp;', '|', ':', '#');
const destination = fc.constantFrom('img@z.png', 'dir/img@z.png', 'img@z.png?w=1', 'my%20img@z.png', 'img\\_@z.png', 'img@z(1).png', '/abs/img@z.png', '<img @z.png>');
const title = fc.constantFrom('', ' "t"', " 't'", ' (t)', '\n "t"');
const label = fc.constantFrom('r1', 'R1', 'r2', 'r 3', '^1', 'r1 ');
const alt = fc.constantFrom('', 'a', '*em*', 'two\nlines', '`code`', 'a [b] c', '![inner](img@z.png)');

const inlinePiece = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 6, arbitrary: fc.tuple(alt, destination, title).map(([a, d, t]) => `![${a}](${d}${t})`) },
  { weight: 3, arbitrary: fc.tuple(alt, label, fc.constantFrom('', '[]', '[r1]', '[r2]')).map(([a, l, form]) => (form === '' ? `![${l}]` : form === '[]' ? `![${l}][]` : `![${a}]${form}`)) },
  { weight: 2, arbitrary: destination.map((d) => `\`code ![c](${d})\``) },
  { weight: 3, arbitrary: fc.constantFrom('`', '``', '```x') },
  { weight: 1, arbitrary: destination.map((d) => `\\![e](${d})`) },
  { weight: 1, arbitrary: destination.map((d) => `[![in link](${d})](page@z.html)`) },
  { weight: 1, arbitrary: destination.map((d) => `[link](${d})`) },
  { weight: 2, arbitrary: fc.constantFrom('<img src="img@z.png">', "<IMG alt='x' SRC='img@z.png' />", '<span title="![t](img@z.png)">s</span>', '<img src="img@z.png"', '<!-- ![c](img@z.png) -->') },
  { weight: 1, arbitrary: fc.constantFrom('[^1]', '![^1]', '[^2]', '<https://x.org/img@z.png>', 'https://x.org/![u](img@z.png)') },
);
const inline = fc.array(fc.tuple(inlinePiece, fc.constantFrom(' ', ' ', '', '\n')), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.map(([piece, gap]) => piece + gap).join('').trimEnd() || 'x');

const leaf = fc.oneof(
  { weight: 8, arbitrary: inline },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````', '```md'), inline, fc.boolean()).map(([fence, text, closed]) => `${fence}\n${text}${closed ? `\n${fence.replace(/md$/, '')}` : ''}`) },
  { weight: 2, arbitrary: inline.map((text) => text.split('\n').map((line) => `    ${line}`).join('\n')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('<div>', '<details>', '<!--', '<script>', '<custom-tag>'), inline).map(([open, text]) => `${open}\n${text}\n${open === '<!--' ? '-->' : open.replace('<', '</')}`) },
  { weight: 2, arbitrary: fc.tuple(label, destination, title).map(([l, d, t]) => `[${l}]: ${d}${t}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('^1', '^2'), inline).map(([l, text]) => `[${l}]: ${text}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('# ', '## ', '#', '#\t'), inline).map(([mark, text]) => `${mark}${text.split('\n')[0]}`) },
  { weight: 1, arbitrary: inline.map((text) => `${text}\n===`) },
  { weight: 1, arbitrary: fc.tuple(inline, inline).map(([a, b]) => `| ${a.replace(/\n/g, ' ')} | b |\n| --- | --- |\n| ${b.replace(/\n/g, ' ')} | c |`) },
  { weight: 1, arbitrary: fc.constantFrom('***', '---', '', '\t![tab](img@z.png)', '  \t![sp](img@z.png)') },
);

const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leaf },
    { weight: 1, arbitrary: tie('block').map((text) => prefixLines(text, '> ', '> ')) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(['- ', '  '], ['* ', '  '], ['1. ', '   '], ['10) ', '    '], ['-   ', '    ']), tie('block')).map(([[first, rest], text]) => prefixLines(text, first, rest)) },
  ),
})).block;

// Prose of words and images only, indented and marked as lists: the shape that skips the block pass.
const plainLine = fc
  .tuple(fc.constantFrom('', ' ', '  ', '   ', '    ', '     ', '\t', '- ', '1. ', '-     ', '# ', '> '), fc.array(fc.oneof(fc.constantFrom('alpha', 'x!', '!', '*a*', '='), fc.tuple(fc.constantFrom('', 'a', 'a b'), fc.constantFrom('img@z.png', 'img@z.png "t"', ' img@z.png ', 'img@z.png\n"t"')).map(([a, d]) => `![${a}](${d})`)), { minLength: 1, maxLength: 4 }))
  .map(([indent, words]) => indent + words.join(' '));
const plainBlock = fc.array(plainLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

const blocksOf = (kind: fc.Arbitrary<string>) => fc.array(fc.tuple(kind, fc.constantFrom('\n\n', '\n', '\n\n\n')), { minLength: 1, maxLength: 8 });

// Half the documents are plain prose through and through, so the path that skips the block pass is held too.
const document = fc.tuple(fc.oneof(blocksOf(fc.oneof(block, plainBlock)), blocksOf(plainBlock)), fc.boolean()).map(([blocks, crlf]) => {
  let next = 1;
  const text = blocks.map(([b, gap]) => b + gap).join('').replace(/@/g, () => String(next++));
  return crlf ? text.replace(/\n/g, '\r\n') : text;
});

function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join('\n');
}

/** Image sources as markdown-it renders them: image tokens (not those in another's alt text) and `<img>` in raw HTML. */
function oracleImages(body: string): string[] {
  const found: string[] = [];
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'image') found.push(String(token.attrGet('src') ?? ''));
      else if (token.type === 'html_block' || token.type === 'html_inline') found.push(...htmlImageSources(token.content));
      else if (token.children) visit(token.children);
    }
  };
  visit(oracle.parse(body, {}));
  return found.filter((src) => src !== '' && !/^[a-z][a-z0-9+.-]+:|^\/\//i.test(src)).sort();
}

function htmlImageSources(html: string): string[] {
  return [...html.matchAll(/<img\b[^<>]*>/gi)].flatMap((tag) => [...tag[0].matchAll(/\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((attribute) => attribute[1] ?? attribute[2] ?? ''));
}

/** Postcraft's images: the same form (markdown-it's normalised destination), each checked to sit where its name is written. */
function postcraftImages(body: string): string[] {
  const text = `---\ntitle: x\n---\n${body}`;
  const post = parsePost('/site/content/post.md', text);
  return findBodyImages(post, { mdx: false, generator: 'astro' })
    .map((reference) => {
      const raw = text.slice(reference.range.start, reference.range.end);
      assert.equal(raw, reference.raw, 'the range holds the text as written');
      const id = /(?<!\d)(\d+)z/.exec(raw)?.[1];
      assert.ok(id !== undefined, `a planted destination: ${raw}`);
      const written = text.search(new RegExp(`(?<!\\d)${id}z`));
      assert.ok(written >= reference.range.start && written < reference.range.end, `${raw} is found where it is written`);
      return reference.origin === 'markdown' ? oracle.normalizeLink(oracle.utils.unescapeAll(raw)) : raw;
    })
    .sort();
}

describe('image references follow the Markdown block structure (property)', () => {
  it('finds exactly the images markdown-it renders, at the place each is written', () => {
    fc.assert(
      fc.property(document, (body) => {
        assert.deepEqual(postcraftImages(body), oracleImages(body.replace(/\r\n?/g, '\n')));
      }),
      { numRuns: runs },
    );
  });

  it('sees a first-level heading exactly where markdown-it does', () => {
    fc.assert(
      fc.property(document, (body) => {
        // Headings in footnotes are not the post's title: the footnotes markdown-it renders come last.
        const tokens = oracle.parse(body, {});
        const footnotes = tokens.findIndex((token) => token.type === 'footnote_block_open');
        const expected = tokens.slice(0, footnotes === -1 ? undefined : footnotes).some((token) => token.type === 'heading_open' && token.tag === 'h1');
        assert.equal(hasLevelOneHeading(body, { mdx: false }), expected);
      }),
      { numRuns: Math.ceil(runs / 3) },
    );
  });
});
