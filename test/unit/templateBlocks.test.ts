import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callsHighlight, hugoShortcodeInners, kramdownMath, pageMarkdown } from '../../src/core/post/templateBlocks';

describe('Hugo shortcode blocks in a body', () => {
  it('takes what lies between a shortcode and its closing tag, nested pairs each', () => {
    const body = '{{< tabs >}}{{< tab "A" >}}one{{< /tab >}}{{< /tabs >}}';
    assert.deepEqual(hugoShortcodeInners(body).map(({ start, end }) => body.slice(start, end)), ['one', '{{< tab "A" >}}one{{< /tab >}}']);
  });

  // A fuzz case: thousands of `{{<x ` took each opener's scan to the body's end (seconds; Hugo's lexer refuses them).
  it('ends a tag before another opener, so unclosed openers make no tag and the closed one after them still counts', () => {
    const body = `${'{{<x '.repeat(3)}{{< note >}}inside{{< /note >}}`;
    assert.deepEqual(hugoShortcodeInners(body).map(({ start, end }) => body.slice(start, end)), ['inside']);
  });

  it('blanks a highlight shortcode after unclosed openers, and keeps the text around it', () => {
    const body = '{{< x {{< highlight go >}}\n# not a heading\n{{< /highlight >}}\n# Heading\n';
    const markdown = pageMarkdown(body, 'hugo', { mdx: false });
    assert.equal(markdown.length, body.length);
    assert.ok(!markdown.includes('not a heading'));
    assert.ok(markdown.includes('# Heading'));
  });
});

// m-pilia.github.io: kramdown reads `$$…$$` as math before links; jekyll 4.3.1 writes `\[J[f](\boldsymbol{x}) = 1\]`, no <a>.
describe('kramdown math in a Jekyll body', () => {
  it('blanks inline and block math, over lines, and keeps an escaped dollar, code and the text around it', () => {
    const body = 'See $$g[f](x)$$ here and [a](/a/).\n\n$$\nJ[f](\\boldsymbol{x}) = 1\n$$\n\n`echo $$` and [b](/b/) and \\$$ [c](/c/)\n';
    const markdown = pageMarkdown(body, 'jekyll', { mdx: false });
    assert.equal(markdown.length, body.length);
    assert.equal(markdown.split('\n').length, body.split('\n').length);
    for (const kept of ['[a](/a/)', '`echo $$`', '[b](/b/)', '\\$$ [c](/c/)']) assert.ok(markdown.includes(kept), kept);
    for (const gone of ['g[f](x)', '\\boldsymbol']) assert.ok(!markdown.includes(gone), gone);
    assert.deepEqual(kramdownMath('$$ no end [d](/d/)'), []);
    // Other generators' Markdown has no such math.
    assert.equal(pageMarkdown(body, 'hugo', { mdx: false }), body);
  });

  it('blanks math and Liquid blocks that overlap as one', () => {
    const body = '$$a {% comment %} b $$ c {% endcomment %} [d](/d/)';
    const markdown = pageMarkdown(body, 'jekyll', { mdx: false });
    assert.equal(markdown.trimEnd().trimStart(), '[d](/d/)');
  });
});

// The pre-test looks only after each `{{`; it must say yes wherever the opening tag's pattern could match.
describe('the highlight pre-test', () => {
  it('finds a highlight call exactly where the pattern it stands for does', () => {
    const piece = fc.constantFrom('{', '{{', '{{{', '<', '%', ' ', '\t', '\n', 'highlight', 'high', '/', '>}}', 'x', '\u00a0');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')), (body) => {
      assert.equal(callsHighlight(body), /\{\{[<%]\s*highlight/.test(body));
    }), { numRuns: 3000 });
  });
});
