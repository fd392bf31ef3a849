import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBodyImages, findImageReferences, imagePathOf, srcsetUrls } from '../../src/core/post/imageReferences';
import { parsePost } from '../../src/core/post/parsedPost';
import { formatMessage } from '../../src/core/l10n/message';

const images = (body: string, { mdx = false } = {}) => {
  const post = parsePost(`/site/content/post.${mdx ? 'mdx' : 'md'}`, `---\ntitle: x\n---\n${body}`);
  return findBodyImages(post, { mdx }).map((reference) => ({ path: reference.path, origin: reference.origin, source: post.text.slice(reference.range.start, reference.range.end) }));
};

describe('image references in the body', () => {
  it('finds inline images with titles, angle brackets and parentheses in the path', () => {
    assert.deepEqual(images('![a](one.png "Title") ![b](<with space.png>) ![c](img/(1).png)').map((image) => image.path), ['one.png', 'with space.png', 'img/(1).png']);
  });

  it('decodes percent-encoded paths and drops queries and fragments', () => {
    assert.deepEqual(images('![a](my%20photo.jpg?w=300#top)').map((image) => [image.path, image.source]), [['my photo.jpg', 'my%20photo.jpg?w=300#top']]);
    assert.deepEqual(images('![a](C%23-logo.png) ![b](why%3F.png) ![c](100%25.png) ![d](50%.png)').map((image) => image.path), ['C#-logo.png', 'why?.png', '100%.png', '50%.png']);
  });

  it('follows reference-style images to their definitions', () => {
    const found = images('![Alt][logo] and ![shortcut]\n\n[logo]: /img/logo.png\n[shortcut]: <short cut.png>\n[unused]: /not-an-image-ref.png');
    assert.deepEqual(found.map((image) => image.path), ['/img/logo.png', 'short cut.png']);
  });

  it('finds HTML img src and every srcset candidate', () => {
    const found = images('<img src="a.png" srcset="b.png 1x, c.png 2x" alt="">');
    assert.deepEqual(found.map((image) => [image.path, image.origin]), [['a.png', 'html'], ['b.png', 'html'], ['c.png', 'html']]);
  });

  // sia.codes (Eleventy): Cloudinary URLs whose transformations hold commas, and srcsets a shortcode writes.
  it('reads srcset candidates as HTML does: commas inside a URL, descriptors, and template tags as one unknown URL', () => {
    const cloudinary = 'https://res.cloudinary.com/x/image/upload/q_auto,f_auto,w_300/v1/a.jpg';
    assert.deepEqual(srcsetUrls(`${cloudinary} 300w, b.png 2x,c.png,, d.png`).map(({ url }) => url), [cloudinary, 'b.png', 'c.png', 'd.png']);
    assert.deepEqual(srcsetUrls('e.png (max-width: 1px, x) 1x, f.png').map(({ url, at }) => [url, at]), [['e.png', 0], ['f.png', 30]]);
    assert.deepEqual(images(`<img src="g.png" srcset="{% srcset featuredImage, 300 %}" alt=""> <img srcset="{{ base }}/h.png 2x, i.png 1x" alt="">`).map((image) => image.source), ['g.png', 'i.png']);
    assert.deepEqual(images(`<img srcset="${cloudinary} 300w, j.png 600w" alt="">`).map((image) => image.source), ['j.png']);
  });

  it('finds src in Hugo shortcodes of both delimiters', () => {
    assert.deepEqual(images('{{< figure src="/img/a.png" title="x" >}}\n{{% img src="b.jpg" %}}').map((image) => [image.path, image.origin]), [['/img/a.png', 'shortcode'], ['b.jpg', 'shortcode']]);
  });

  it('finds MDX imports and requires of image files only', () => {
    assert.deepEqual(images("import hero from './hero.png';\nimport Thing from './Thing';\n<img src={require('./b.webp').default} />", { mdx: true }).map((image) => image.path), ['./hero.png', './b.webp']);
  });

  // MDX reads JSX, where an attribute needs no space after a value: `<img src="a.png"alt="A" />` shows a.png
  // (CommonMark's HTML grammar has no such tag, so markdown-it takes it for text).
  it('finds the src of every MDX <img> outside code, attributes with or without spaces between them', () => {
    const body = '<img src="/a.png"alt="A" />\n\n<figure>\n  <img src="/b.png" alt="B" />\n</figure>\n\n`<img src="/c.png" />`\n\n<Image src={d} />';
    assert.deepEqual(images(body, { mdx: true }).map((image) => [image.path, image.source]), [['/a.png', '/a.png'], ['/b.png', '/b.png']]);
  });

  it('takes an import line in plain Markdown for text', () => {
    assert.deepEqual(images("import hero from './hero.png';\n\nCall require('./b.webp') to load it."), []);
  });

  it('skips images inside fenced code and code spans', () => {
    assert.deepEqual(images('```md\n![x](in-fence.png)\n```\n`![y](in-span.png)` ![z](real.png)').map((image) => image.path), ['real.png']);
  });

  it('pairs backticks within one paragraph only: an odd backtick hides no image after it', () => {
    assert.deepEqual(images('A stray ` backtick.\n\n![after](after.png)\n\nand `code` ![b](b.png)').map((image) => image.path), ['after.png', 'b.png']);
  });

  it('reads footnote definitions as footnotes, not as the definition of an image label', () => {
    assert.deepEqual(images('Wow![^1] and ![^2]\n\n[^1]: If you like.\n[^2]: <b.png>'), []);
  });

  it('follows the block structure: indented code, HTML blocks, block quotes, lists and definitions in code', () => {
    const body = [
      '    ![indented](indented.png)',
      '',
      '<div>',
      '![in html block](html-block.png)',
      '<img src="block.png">',
      '</div>',
      '',
      '> quoted ![q](quoted.png)',
      '',
      '- item',
      '',
      '  ![in item](item.png)',
      '',
      '![by ref][r]',
      '',
      '```',
      '[r]: in-fence.png',
      '```',
      '',
      '> [r]: defined-in-quote.png',
    ].join('\n');
    assert.deepEqual(images(body).map((image) => [image.path, image.source]), [
      ['block.png', 'block.png'],
      ['quoted.png', 'quoted.png'],
      ['item.png', 'item.png'],
      ['defined-in-quote.png', 'defined-in-quote.png'],
    ]);
  });

  it('reads plain prose (no code, HTML or escapes) as markdown-it does, indented code included', () => {
    assert.deepEqual(images('    ![x](a.png)\n\n> ![z](c.png) and ![w](d.png "t")').map((image) => image.path), ['c.png', 'd.png']);
    assert.deepEqual(images('1. one\n\n   ![y](b.png)\n\n-    ![z](c.png)\n\n-     ![w](d.png)').map((image) => image.path), ['b.png', 'c.png']);
  });

  it('finds images whose alt text or destination runs over lines, with exact ranges', () => {
    const found = images('> ![two\n> lines](\n> <a b.png>)\n\n![esc](a\\_b.png)');
    assert.deepEqual(found.map((image) => [image.path, image.source]), [['a b.png', 'a b.png'], ['a_b.png', 'a\\_b.png']]);
  });

  it('keeps offsets exact with CRLF line ends', () => {
    const found = images('Text `x\r\n\r\n![a](a.png)\r\n\r\n| c | d |\r\n| - | - |\r\n| ![t](t.png) | <img src="u.png"> |\r\n');
    assert.deepEqual(found.map((image) => [image.path, image.source]), [['a.png', 'a.png'], ['t.png', 't.png'], ['u.png', 'u.png']]);
  });

  it('finds {{< >}} shortcodes in fenced code, where Hugo still emits their HTML, but not escaped ones or those whose output is code text', () => {
    const found = images('```\n{{< figure src="/in-fence.png" >}}\n{{</* figure src="/escaped.png" */>}}\n{{% figure src="/markdown-output.png" %}}\n{% lightbox_img /liquid.png %}\n```\n\n`{% lightbox_img /span.png %}` {% lightbox_img /prose.png %}');
    assert.deepEqual(found.map((image) => image.path), ['/in-fence.png', '/prose.png']);
  });

  it('guesses image arguments of custom shortcodes and Liquid tags, and says so', () => {
    const post = parsePost('/site/content/post.md', '---\ntitle: x\n---\n{{< myimg src="/x.png" >}} {{< figure "/y.png" >}} {{< figure src="/z.png" >}}\n{% lightbox_img /images/l.png caption %} {% include figure.html image_path="/i.jpg" alt="a" %} {% include "icons/x.svg" %} {% render "y.svg", src: "/r.png" %}\n{% raw %}{% lightbox_img /raw.png %}{% endraw %} {% asset own.png %}');
    const found = findBodyImages(post, { mdx: false }).map((reference) => [post.text.slice(reference.range.start, reference.range.end), reference.guess !== undefined]);
    assert.deepEqual(found, [['/x.png', true], ['/y.png', true], ['/z.png', false], ['/images/l.png', true], ['/i.jpg', true], ['/r.png', true]]);
    const [guessed] = findBodyImages(post, { mdx: false });
    assert.equal(guessed?.guess && formatMessage(guessed.guess), 'in shortcode `myimg`; Postcraft guesses this argument is an image path');
  });

  it('looks for shortcodes only on Hugo sites and Liquid tags only on Jekyll and Eleventy sites', () => {
    const post = parsePost('/site/content/post.md', '---\ntitle: x\n---\n{{< myimg src="/x.png" >}} {% lightbox_img /l.png %}');
    assert.deepEqual(findBodyImages(post, { mdx: false, generator: 'hugo' }).map((reference) => reference.path), ['/x.png']);
    assert.deepEqual(findBodyImages(post, { mdx: false, generator: 'jekyll' }).map((reference) => reference.path), ['/l.png']);
    assert.deepEqual(findBodyImages(post, { mdx: false, generator: 'docusaurus' }), []);
  });

  it('reads MDX imports and requires outside code blocks and code spans only', () => {
    assert.deepEqual(images("import a from './a.png';\n\n```js\nimport b from './b.png';\n```\n\n| a | b |\n| - | - |\n| `require('./c.png')` | d |\n\nSay `require('./e.png')`.", { mdx: true }).map((image) => image.path), ['./a.png']);
  });

  // MDX has no HTML blocks: a fence right after a lone JSX tag is code (astro-theme-pure's docs show
  // `<img src="/path/to/image.jpg">` in one inside <TabItem>), and markup after a lone tag is still read.
  it('reads the lines after a JSX tag alone on its line as Markdown in MDX, a fence there as code', () => {
    const tabs = "<Tabs>\n<TabItem label='Astro'>\n```astro\n<img src=\"/in-code.jpg\" />\n```\n</TabItem>\n</Tabs>\n";
    assert.deepEqual(images(tabs, { mdx: true }), []);
    const markup = '<div>\n  <img src="/shown.png" alt="a" />\n  ![b](/also.png)\n</div>\n';
    assert.deepEqual(images(markup, { mdx: true }).map((image) => image.source), ['/shown.png', '/also.png']);
    // In Markdown, CommonMark's HTML block runs to the blank line: the fence's text is HTML there, and the image
    // line is part of the block.
    assert.deepEqual(images(tabs).map((image) => image.path), ['/in-code.jpg']);
  });

  it('gives the exact range of the path as written', () => {
    const [image] = images('Text ![alt](pics/a.png)');
    assert.equal(image?.source, 'pics/a.png');
  });
});

describe('frontmatter values that look like images', () => {
  const config = { imageFields: ['image', 'cover.image'], markdownIsMdx: false, generator: 'hugo' as const };
  it('guesses string values with an image extension under other keys, nested ones included, but not text or globs', () => {
    const post = parsePost('/site/content/post.md', '---\ntitle: logo.png is here\nimage: a.png\ntwitter_image: /t.png\nog:\n  image: "o.jpg"\ngallery: [g1.webp, https://x.org/g2.png]\nresources:\n  - src: "images/*.jpg"\ncover:\n  image: c.png\n---\n');
    const found = findImageReferences(post, config).map((reference) => [reference.raw, reference.guess === undefined ? 'known' : /field "([^"]+)", which is not a known image field/.exec(formatMessage(reference.guess))?.[1]]);
    assert.deepEqual(found, [
      ['a.png', 'known'],
      ['c.png', 'known'],
      ['/t.png', 'twitter_image'],
      ['o.jpg', 'og.image'],
      ['g1.webp', 'gallery'],
    ]);
  });
});

describe('which references are local files', () => {
  it('skips URLs, protocol-relative URLs, data URIs and templates', () => {
    for (const raw of ['https://x.org/a.png', '//cdn.x.org/a.png', 'data:image/png;base64,AAAA', '{{ .Params.image }}', '{% asset a.png %}', '']) assert.equal(imagePathOf(raw), undefined, raw);
  });

  it("understands Jekyll's baseurl prefix and relative_url filter", () => {
    assert.equal(imagePathOf('{{ site.baseurl }}/assets/a.png'), '/assets/a.png');
    assert.equal(imagePathOf("{{ '/assets/a.png' | relative_url }}"), '/assets/a.png');
  });
});
