import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBodyImages, imagePathOf } from '../../src/core/post/imageReferences';
import { parsePost } from '../../src/core/post/parsedPost';

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

  it('finds src in Hugo shortcodes of both delimiters', () => {
    assert.deepEqual(images('{{< figure src="/img/a.png" title="x" >}}\n{{% img src="b.jpg" %}}').map((image) => [image.path, image.origin]), [['/img/a.png', 'shortcode'], ['b.jpg', 'shortcode']]);
  });

  it('finds MDX imports and requires of image files only', () => {
    assert.deepEqual(images("import hero from './hero.png';\nimport Thing from './Thing';\n<img src={require('./b.webp').default} />", { mdx: true }).map((image) => image.path), ['./hero.png', './b.webp']);
  });

  it('takes an import line in plain Markdown for text', () => {
    assert.deepEqual(images("import hero from './hero.png';\n\nCall require('./b.webp') to load it."), []);
  });

  it('skips images inside fenced code and code spans', () => {
    assert.deepEqual(images('```md\n![x](in-fence.png)\n```\n`![y](in-span.png)` ![z](real.png)').map((image) => image.path), ['real.png']);
  });

  it('gives the exact range of the path as written', () => {
    const [image] = images('Text ![alt](pics/a.png)');
    assert.equal(image?.source, 'pics/a.png');
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
