import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTemplateTag, tagParameters } from '../../src/core/post/templateSyntax';

const scan = (text: string, dialect: 'shortcodes-and-liquid' | 'mdx' = 'shortcodes-and-liquid') => {
  const tag = scanTemplateTag(text, 0, text.length, dialect);
  return tag && { kind: tag.kind, name: tag.name, inner: tag.inner, source: text.slice(tag.start, tag.end) };
};

describe('finding template tags in a post', () => {
  it('takes a shortcode whose parameters run over several lines, with ">" in a value, up to its closer', () => {
    const tag = scan('{{< figure\n  src="a.png"\n  caption="x > y"\n>}} after');
    assert.equal(tag?.source, '{{< figure\n  src="a.png"\n  caption="x > y"\n>}}');
    assert.equal(tag?.name, 'figure');
  });

  it('names closing shortcodes with their slash, and reads both delimiters', () => {
    assert.equal(scan('{{< /notice >}}')?.name, '/notice');
    assert.equal(scan('{{% notice tip %}}')?.name, 'notice');
    assert.equal(scan('{{% notice tip %}}')?.kind, 'shortcode');
  });

  it("prints an escaped shortcode as Hugo does, without its comment markers", () => {
    assert.deepEqual(scan('{{</* youtube abc */>}}'), { kind: 'escaped-shortcode', name: '', inner: '{{< youtube abc >}}', source: '{{</* youtube abc */>}}' });
  });

  it("reads Liquid tags and output, leaving out whitespace control", () => {
    assert.deepEqual(scan('{%- include card.html title="x" -%}'), { kind: 'liquid-tag', name: 'include', inner: 'include card.html title="x"', source: '{%- include card.html title="x" -%}' });
    assert.deepEqual(scan('{{ page.title | upcase }}'), { kind: 'liquid-output', name: '', inner: 'page.title | upcase', source: '{{ page.title | upcase }}' });
  });

  it('finds no tag where a brace is only text, or a closer is missing', () => {
    assert.equal(scan('{ not a tag }'), undefined);
    assert.equal(scan('{{ never closed'), undefined);
    assert.equal(scan('{{}}'), undefined);
  });

  it('reads MDX components whose props hold strings and expressions with ">" and braces', () => {
    assert.deepEqual(scan('<Chart data={{ a: 1, b: "x>y" }} title="a > b" /> after', 'mdx'), { kind: 'jsx', name: 'Chart', inner: 'Chart data={{ a: 1, b: "x>y" }} title="a > b"', source: '<Chart data={{ a: 1, b: "x>y" }} title="a > b" />' });
    assert.equal(scan('</Tabs>', 'mdx')?.name, '/Tabs');
    assert.equal(scan('<div>', 'mdx'), undefined, 'lower-case tags are HTML, not components');
  });

  it('tells MDX expressions from comments', () => {
    assert.equal(scan('{props.title}', 'mdx')?.kind, 'mdx-expression');
    assert.equal(scan('{/* truncate */}', 'mdx')?.kind, 'mdx-comment');
  });

  it('reads named parameters in every quoting style', () => {
    assert.deepEqual(Object.fromEntries(tagParameters('figure src="a b.png" Caption=\'single\' alt=`x` width=300 title="say \\"hi\\""')), { src: 'a b.png', caption: 'single', alt: 'x', width: '300', title: 'say "hi"' });
  });
});
