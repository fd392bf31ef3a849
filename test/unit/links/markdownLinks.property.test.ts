// Property: on generated Markdown (code fences and indented code, HTML blocks, footnotes, reference
// definitions, lists, block quotes, tables, emphasis, images, escapes, odd backticks, CRLF), the Markdown
// links Postcraft finds in a body are exactly the `link_open` tokens markdown-it renders (their href),
// each at the place its destination is written; a reference definition is one link however many use it.
//
// Not compared: template syntax and MDX (see markdownImages.property.test.ts), and links that leave the
// site (a scheme or `//`), which findLinks never returns; HTML `<a>` is another form, kept out here.
import fc from 'fast-check';
import MarkdownIt, { type Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLinks } from '../../../src/core/links/findLinks';
import { findBodyImages } from '../../../src/core/post/imageReferences';
import { parsePost } from '../../../src/core/post/parsedPost';

const oracle = new MarkdownIt({ html: true, linkify: true }).use(footnote);
oracle.inline.ruler.disable('footnote_inline');

const runs = Number(process.env['POSTCRAFT_PROPERTY_RUNS'] ?? 1000);

// `@` stands for a fresh number, so every destination is written once: `p7z.md` names one place.
const word = fc.constantFrom('alpha', 'beta', 'x', 'Wow!', '(w@z)', 'a]b', '[', ']', '!', '*', '_', '**', '&amp;', '|', ':', '#', 'p@z.md');
const destination = fc.constantFrom('p@z.md', 'dir/p@z.md', '/abs/p@z/', 'p@z.md#sec', '#h@z', 'p@z.md?x=1', 'my%20p@z.md', 'p\\_@z.md', 'p@z(1).md', '<p @z.md>', 'https://x.org/p@z', 'mailto:p@z', '//x.org/p@z', 'javascript:p@z');
const title = fc.constantFrom('', ' "t"', " 't'", ' (t)', '\n "t"');
const label = fc.constantFrom('r1', 'R1', 'r2', 'r 3', '^1', 'r1 ');
const text = fc.constantFrom('', 'a', '*em*', 'two\nlines', '`code`', 'a [b] c', '![img](i@z.png)', '[inner](q@z.md)');

// Shortcodes are text to markdown-it (Hugo runs them first): those whose `<` opens no tag keep the plain-prose path.
const shortcode = fc.constantFrom('{{< ref "p@z.md" >}}', '{{</* ref "p@z.md" */>}}', '{{< x >}}', '{{<b>}}', '{{</b>}}', '{{< [a](p@z.md) >}}', '{{<\n>}}');

const inlinePiece = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 6, arbitrary: fc.tuple(text, destination, title).map(([t, d, ti]) => `[${t}](${d}${ti})`) },
  { weight: 3, arbitrary: fc.tuple(text, label, fc.constantFrom('', '[]', '[r1]', '[r2]')).map(([t, l, form]) => (form === '' ? `[${l}]` : form === '[]' ? `[${l}][]` : `[${t}]${form}`)) },
  { weight: 2, arbitrary: destination.map((d) => `\`code [c](${d})\``) },
  { weight: 3, arbitrary: fc.constantFrom('`', '``', '```x') },
  { weight: 1, arbitrary: destination.map((d) => `\\[e](${d})`) },
  { weight: 1, arbitrary: destination.map((d) => `![alt [in](${d})](i@z.png)`) },
  { weight: 1, arbitrary: destination.map((d) => `![i](${d})`) },
  { weight: 2, arbitrary: fc.constantFrom('<span title="[t](p@z.md)">s</span>', '<!-- [c](p@z.md) -->', '<b>', '</b>') },
  { weight: 1, arbitrary: fc.constantFrom('[^1]', '[^2]', '<https://x.org/p@z>', 'https://x.org/[u](p@z.md)', 'www.x.org') },
  { weight: 1, arbitrary: shortcode },
);
const inline = fc.array(fc.tuple(inlinePiece, fc.constantFrom(' ', ' ', '', '\n')), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.map(([piece, gap]) => piece + gap).join('').trimEnd() || 'x');

const leaf = fc.oneof(
  { weight: 8, arbitrary: inline },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````'), inline, fc.boolean()).map(([fence, t, closed]) => `${fence}\n${t}${closed ? `\n${fence}` : ''}`) },
  { weight: 2, arbitrary: inline.map((t) => t.split('\n').map((line) => `    ${line}`).join('\n')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('<div>', '<details>', '<!--', '<custom-tag>'), inline).map(([open, t]) => `${open}\n${t}\n${open === '<!--' ? '-->' : open.replace('<', '</')}`) },
  { weight: 3, arbitrary: fc.tuple(label, destination, title).map(([l, d, t]) => `[${l}]: ${d}${t}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('^1', '^2'), inline).map(([l, t]) => `[${l}]: ${t}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('# ', '## '), inline).map(([mark, t]) => `${mark}${t.split('\n')[0]}`) },
  { weight: 1, arbitrary: fc.tuple(inline, inline).map(([a, b]) => `| ${a.replace(/\n/g, ' ')} | b |\n| --- | --- |\n| ${b.replace(/\n/g, ' ')} | c |`) },
  { weight: 1, arbitrary: fc.constantFrom('***', '---', '', '\t[tab](p@z.md)', '  \t[sp](p@z.md)') },
);

const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leaf },
    { weight: 1, arbitrary: tie('block').map((t) => prefixLines(t, '> ', '> ')) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(['- ', '  '], ['1. ', '   '], ['-   ', '    ']), tie('block')).map(([[first, rest], t]) => prefixLines(t, first, rest)) },
  ),
})).block;

// Prose of words, images and links only, indented and marked as lists: the shape that skips the block pass.
const plainPiece = fc.oneof(
  fc.constantFrom('alpha', 'x!', '!', '*a*', '=', '[', ']'),
  shortcode,
  fc.constantFrom('<span title="[t](p@z.md)">', '{{<span title="[t](p@z.md)">}}', '<p@z.md>'),
  fc.tuple(fc.constantFrom('![', '['), fc.constantFrom('', 'a', 'a b'), fc.constantFrom('p@z.md', 'p@z.md "t"', ' p@z.md ', 'p@z.md\n"t"', '#s@z', 'p@z.md#s')).map(([open, t, d]) => `${open}${t}](${d})`),
);
const plainLine = fc.tuple(fc.constantFrom('', ' ', '    ', '\t', '- ', '1. ', '# ', '> '), fc.array(plainPiece, { minLength: 1, maxLength: 4 })).map(([indent, words]) => indent + words.join(' '));
const plainBlock = fc.array(plainLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

const blocksOf = (kind: fc.Arbitrary<string>) => fc.array(fc.tuple(kind, fc.constantFrom('\n\n', '\n', '\n\n\n')), { minLength: 1, maxLength: 8 });

const document = fc.tuple(fc.oneof(blocksOf(fc.oneof(block, plainBlock)), blocksOf(plainBlock)), fc.boolean()).map(([blocks, crlf]) => {
  let next = 1;
  const t = blocks.map(([b, gap]) => b + gap).join('').replace(/@/g, () => String(next++));
  return crlf ? t.replace(/\n/g, '\r\n') : t;
});

function prefixLines(t: string, first: string, rest: string): string {
  return t
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join('\n');
}

const leavesSite = (href: string) => href === '' || href.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(href);

/** The hrefs of the links markdown-it renders (once each: a definition used twice is one destination), without those leaving the site. */
function oracleLinks(body: string): string[] {
  const found = new Set<string>();
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'link_open' && token.markup !== 'linkify' && token.markup !== 'autolink') found.add(String(token.attrGet('href') ?? ''));
      else if (token.children && token.type !== 'image') visit(token.children); // an image's alt text renders as text
    }
  };
  visit(oracle.parse(body, {}));
  return [...found].filter((href) => !leavesSite(href)).sort();
}

/** Postcraft's Markdown links as markdown-it would write their href, each checked to sit where its destination is written. */
function postcraftLinks(body: string): string[] {
  const t = `---\ntitle: x\n---\n${body}`;
  const post = parsePost('/site/content/post.md', t);
  return findLinks(post, { generator: 'astro' })
    .filter((link) => link.form === 'markdown')
    .map((link) => {
      const raw = t.slice(link.range.start, link.range.end);
      assert.equal(raw, link.raw, 'the range holds the text as written');
      const id = /(?<!\d)(\d+)z/.exec(raw)?.[1];
      assert.ok(id !== undefined, `a planted destination: ${raw}`);
      if (link.fragmentRange) assert.equal(t.slice(link.fragmentRange.start, link.fragmentRange.end), raw.slice(raw.indexOf('#') + 1), 'the fragment range holds the fragment');
      return oracle.normalizeLink(oracle.utils.unescapeAll(raw));
    })
    .sort();
}

/** The Markdown images markdown-it renders (not in another's alt text) and those Postcraft finds: one scan serves both. */
function oracleImages(body: string): string[] {
  const found: string[] = [];
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'image') found.push(String(token.attrGet('src') ?? ''));
      else if (token.children) visit(token.children);
    }
  };
  visit(oracle.parse(body, {}));
  return found.filter((src) => !leavesSite(src) && !src.startsWith('#')).sort(); // an image at a fragment names no file
}

function postcraftImages(body: string): string[] {
  const t = `---\ntitle: x\n---\n${body}`;
  return findBodyImages(parsePost('/site/content/post.md', t), { mdx: false, generator: 'astro' })
    .filter((image) => image.origin === 'markdown')
    .map((image) => oracle.normalizeLink(oracle.utils.unescapeAll(image.raw)))
    .sort();
}

describe('Markdown links follow the Markdown block structure (property)', () => {
  it('finds exactly the links markdown-it renders, at the place each destination is written', () => {
    fc.assert(
      fc.property(document, (body) => {
        const normalized = body.replace(/\r\n?/g, '\n');
        assert.deepEqual(postcraftLinks(body), oracleLinks(normalized));
        assert.deepEqual(postcraftImages(body), oracleImages(normalized), 'and the images of the same scan');
      }),
      { numRuns: runs },
    );
  });
});
