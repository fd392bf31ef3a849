import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLinks } from '../../../src/core/links/findLinks';
import type { LinkReference } from '../../../src/core/links/model';
import { parsePost } from '../../../src/core/post/parsedPost';
import type { GeneratorId } from '../../../src/core/site/model';

const head = '---\ntitle: x\n---\n';

/** The links of a body: form, path, fragment, and the text each range and fragment range holds. */
function links(body: string, generator: GeneratorId = 'hugo', extra: { path?: string; basePath?: string; markdownIsMdx?: boolean } = {}) {
  const post = parsePost(extra.path ?? '/site/content/post.md', head + body);
  return findLinks(post, { generator, ...(extra.basePath === undefined ? {} : { basePath: extra.basePath }), ...(extra.markdownIsMdx ? { markdownIsMdx: true } : {}) }).map((link: LinkReference) => ({
    form: link.form,
    at: post.text.slice(link.range.start, link.range.end),
    path: link.path,
    ...(link.fragment === undefined ? {} : { fragment: link.fragment }),
    ...(link.fragmentRange ? { fragmentAt: post.text.slice(link.fragmentRange.start, link.fragmentRange.end) } : {}),
    ...(link.options ? { options: link.options } : {}),
  }));
}

describe('findLinks: Markdown links', () => {
  it('finds inline links with the destination as written and its decoded path and fragment', () => {
    assert.deepEqual(links('See [a](../b.md#Sec "title") and [c](<my post.md>) and [d](my%20post.md?x=1#caf%C3%A9) [e](a\\_b.md) [f](a&amp;b.md)'), [
      { form: 'markdown', at: '../b.md#Sec', path: '../b.md', fragment: 'Sec', fragmentAt: 'Sec' },
      { form: 'markdown', at: 'my post.md', path: 'my post.md' },
      { form: 'markdown', at: 'my%20post.md?x=1#caf%C3%A9', path: 'my post.md', fragment: 'café', fragmentAt: 'caf%C3%A9' },
      { form: 'markdown', at: 'a\\_b.md', path: 'a_b.md' },
      { form: 'markdown', at: 'a&amp;b.md', path: 'a&b.md' },
    ]);
  });

  // questdb.io's remark plugin replaces `{@githubUrl@}` in link URLs with the site's customFields (https://github.com/questdb/questdb).
  it('leaves out a destination holding a placeholder a Markdown plugin fills in, and keeps one with plain braces', () => {
    assert.deepEqual(links('[r]({@githubUrl@}/releases) [s](<{%slackUrl%}>) [api](/api/users/{id}/)', 'docusaurus').map((link) => link.at), ['/api/users/{id}/']);
  });

  it('finds a fragment alone as a link to this page, and an escaped # as the fragment mark', () => {
    assert.deepEqual(links('[top](#intro) [e](a\\#b)'), [
      { form: 'markdown', at: '#intro', path: '', fragment: 'intro', fragmentAt: 'intro' },
      { form: 'markdown', at: 'a\\#b', path: 'a', fragment: 'b', fragmentAt: 'b' },
    ]);
  });

  it('gives reference links the place of their definition, once however many links use it, and skips unused definitions', () => {
    assert.deepEqual(links('[a][r] and [R] and [r][]\n\n[r]: /posts/r/ "t"\n[unused]: /posts/u/\n'), [{ form: 'markdown', at: '/posts/r/', path: '/posts/r/' }]);
  });

  it('never returns links that leave the site, empty ones or images', () => {
    assert.deepEqual(links('[a](https://x.org/a) [b](//x.org/b) [c](mailto:a@b.org) [d](tel:+1) [e](javascript:x) [f]() [g](<>) ![i](img.png) <https://x.org> www.x.org'), []);
  });

  it('leaves links in code, HTML blocks and footnotes nobody refers to alone, and finds those in referred footnotes', () => {
    const body = '`[a](code.md)`\n\n```\n[b](fence.md)\n```\n\n    [c](indented.md)\n\n<div>\n[d](html-block.md)\n</div>\n\nNote[^1].\n\n[^1]: [e](noted.md)\n[^2]: [f](unreferenced.md)\n';
    assert.deepEqual(links(body).map((link) => link.path), ['noted.md']);
  });

  it('reads four leading spaces as text in MDX, as MDX does', () => {
    assert.deepEqual(links('Text\n\n    [c](indented.md)\n', 'docusaurus', { path: '/site/blog/post.mdx' }).map((link) => link.path), ['indented.md']);
  });

  // docs.astro.build's es/guides/actions.mdx keeps a `{/* TODO: add link [..](/es/reference/…) */}`: MDX renders nothing of it.
  it('finds no link in an MDX comment, and the links after it where they are', () => {
    const found = links('{/* TODO: add [a](commented.md) */}\n\nText {/*\n[b](also.md)\n*/} and [c](kept.md).\n', 'astro', { path: '/site/src/content/docs/post.mdx' });
    assert.deepEqual(found.map((link) => [link.at, link.path]), [['kept.md', 'kept.md']]);
    // A comment that ends before other code is no MDX comment: the text after it is read (webdriver.io's Configuration.md).
    const code = '```js\n{\n  /** doc */\n  x: 1\n}\n```\n\nThe [mock](/docs/api/mock) command.\n\n```js\n/* b */ }\n```\n';
    assert.deepEqual(links(code, 'docusaurus', { path: '/site/docs/a.mdx' }).map((link) => link.path), ['/docs/api/mock']);
    // In Markdown the same text is no comment.
    assert.deepEqual(links('{/* [a](shown.md) */}\n').map((link) => link.path), ['shown.md']);
  });

  // Starlight's LinkCard and LinkButton render an <a> with the href as written (user-components/LinkCard.astro, LinkButton.astro).
  it('finds the href of Starlight link components in MDX on Astro', () => {
    const body = '<LinkCard\n  title="Pages"\n  href="/guides/pages/#routes"\n  description="How pages are made."\n/>\n\n<LinkButton href="/getting-started/">Read the docs</LinkButton>\n\n<LinkCard title="Dynamic" href={url} />\n';
    assert.deepEqual(links(body, 'astro', { path: '/site/src/content/docs/a.mdx' }).map((link) => [link.form, link.at, link.path, link.fragment]), [
      ['html', '/guides/pages/#routes', '/guides/pages/', 'routes'],
      ['html', '/getting-started/', '/getting-started/', undefined],
    ]);
  });

  // Starlight renders hero actions and prev/next overrides as <a href> (components/Hero.astro, utils/navigation.ts).
  it('finds Starlight\'s link fields in an Astro page\'s frontmatter, and no label', () => {
    const text = "---\ntitle: Home\nhero:\n  actions:\n    - text: Start\n      link: /getting-started/\n    - text: GitHub\n      link: https://github.com/x\nprev:\n  link: '/guides/pages/#routes'\nnext: Only a label\n---\nBody.\n";
    const post = parsePost('/site/src/content/docs/index.mdx', text);
    const found = findLinks(post, { generator: 'astro' }).map((link) => [post.text.slice(link.range.start, link.range.end), link.path, link.fragment]);
    assert.deepEqual(found, [
      ['/getting-started/', '/getting-started/', undefined],
      ['/guides/pages/#routes', '/guides/pages/', 'routes'],
    ]);
    assert.deepEqual(findLinks(parsePost('/site/content/index.md', text), { generator: 'hugo' }), []);
  });

  it('keeps exact offsets in block quotes, lists, tables and with CRLF line ends', () => {
    const found = links('> - see [a](a.md)\r\n\r\n| x | y |\r\n| - | - |\r\n| [t](t.md#h) | [u](u.md) |\r\n');
    assert.deepEqual(found.map((link) => [link.at, link.path]), [['a.md', 'a.md'], ['t.md#h', 't.md'], ['u.md', 'u.md']]);
  });
});

describe('findLinks: HTML anchors', () => {
  it('finds <a href> and <area href> in HTML blocks and inline HTML, with entities decoded, but not in comments or code', () => {
    const body = '<div>\n<a class="x" href="/h/x%20y/?q=1#h&amp;i">x</a>\n<!-- <a href="/commented/"> -->\n</div>\n\nInline <A HREF=\'rel.md\'>r</A> <area href=map.html> `<a href="/code/">`\n';
    assert.deepEqual(links(body), [
      { form: 'html', at: '/h/x%20y/?q=1#h&amp;i', path: '/h/x y/', fragment: 'h&i', fragmentAt: 'h&amp;i' },
      { form: 'html', at: 'rel.md', path: 'rel.md' },
      { form: 'html', at: 'map.html', path: 'map.html' },
    ]);
  });

  it('skips external and templated hrefs', () => {
    assert.deepEqual(links('<a href="https://x.org/">x</a> <a href="{{ .Site.BaseURL }}/x">y</a>'), []);
  });
});

describe('findLinks: Hugo ref and relref', () => {
  it('finds positional and named arguments in any quoting, with lang and outputFormat options', () => {
    const body = '{{< ref "b.md#Sec" >}} {{< relref path="c.md" lang="es" outputFormat="amp" >}} {{% ref `posts/d.md` %}} {{< ref "e.md" "html" >}} {{< ref PATH="f.md" >}}';
    assert.deepEqual(links(body), [
      { form: 'hugo-ref', at: 'b.md#Sec', path: 'b.md', fragment: 'Sec', fragmentAt: 'Sec' },
      { form: 'hugo-relref', at: 'c.md', path: 'c.md', options: { lang: 'es', outputFormat: 'amp' } },
      { form: 'hugo-ref', at: 'posts/d.md', path: 'posts/d.md' },
      { form: 'hugo-ref', at: 'e.md', path: 'e.md', options: { outputFormat: 'html' } },
      { form: 'hugo-ref', at: 'f.md', path: 'f.md' },
    ]);
  });

  it('reads the shortcode inside a Markdown link destination as the link, with a fragment written after it', () => {
    assert.deepEqual(links('[t]({{< ref "post.md#sec" >}}) [u]({{< relref "post.md" >}}#after) [v](<{{< ref "w.md" >}}>)'), [
      { form: 'hugo-ref', at: 'post.md#sec', path: 'post.md', fragment: 'sec', fragmentAt: 'sec' },
      { form: 'hugo-relref', at: 'post.md', path: 'post.md', fragment: 'after', fragmentAt: 'after' },
      { form: 'hugo-ref', at: 'w.md', path: 'w.md' },
    ]);
  });

  it('decodes the argument as a URL and drops its query, as Hugo url.Parse-s it', () => {
    assert.deepEqual(links('{{< ref "my%20c.md?x=1#q" >}} {{< relref "#local" >}}'), [
      { form: 'hugo-ref', at: 'my%20c.md?x=1#q', path: 'my c.md', fragment: 'q', fragmentAt: 'q' },
      { form: 'hugo-relref', at: '#local', path: '', fragment: 'local', fragmentAt: 'local' },
    ]);
  });

  it('finds refs in code too, where Hugo still resolves them (hugo 0.111 fails the build on a missing one), but not commented ones', () => {
    assert.deepEqual(links('```\n{{< ref "in-fence.md" >}}\n```\n\n`{{< ref "in-span.md" >}}` {{</* ref "commented.md" */>}}').map((link) => link.path), ['in-fence.md', 'in-span.md']);
  });

  it('keeps the page of a ref in an HTML comment, which Hugo still resolves, but not its fragment, which links nowhere', () => {
    assert.deepEqual(links('<!-- TODO: [C#]({{< relref "csharp#dev-stories" >}})\n{{< ref "b.md#x" >}} -->\n{{< ref "c.md#y" >}}\n\n```\n<!--\n```\n{{< ref "d.md#z" >}}'), [
      { form: 'hugo-relref', at: 'csharp#dev-stories', path: 'csharp' },
      { form: 'hugo-ref', at: 'b.md#x', path: 'b.md' },
      { form: 'hugo-ref', at: 'c.md#y', path: 'c.md', fragment: 'y', fragmentAt: 'y' },
      { form: 'hugo-ref', at: 'd.md#z', path: 'd.md', fragment: 'z', fragmentAt: 'z' },
    ]);
    assert.deepEqual(links('<!-- {% link _posts/2015-01-01-a.md %}#gone -->', 'jekyll'), [{ form: 'jekyll-link', at: '_posts/2015-01-01-a.md', path: '_posts/2015-01-01-a.md' }]);
  });

  it('finds ref shortcodes on Hugo sites only', () => {
    assert.deepEqual(links('{{< ref "b.md" >}}', 'jekyll'), []);
    assert.deepEqual(links('{{< ref "b.md" >}}', 'markdown'), []);
  });
});

describe('findLinks: Jekyll post_url and link', () => {
  const jekyll = (body: string, basePath = '') => links(body, 'jekyll', { path: '/site/_posts/2024-01-01-a.md', basePath });

  it('finds post_url and link tags, and a fragment written after the tag', () => {
    assert.deepEqual(jekyll('[c]({% post_url 2010-07-21-name %}#sec) {% post_url /sub/2010-07-21-name %} {%- link _posts/2016-07-26-name.md -%} [p]({% link path/page.md %})'), [
      { form: 'jekyll-post_url', at: '2010-07-21-name', path: '2010-07-21-name', fragment: 'sec', fragmentAt: 'sec' },
      { form: 'jekyll-post_url', at: '/sub/2010-07-21-name', path: '/sub/2010-07-21-name' },
      { form: 'jekyll-link', at: '_posts/2016-07-26-name.md', path: '_posts/2016-07-26-name.md' },
      { form: 'jekyll-link', at: 'path/page.md', path: 'path/page.md' },
    ]);
  });

  it('skips tags in raw and comment blocks and tags whose argument is a variable, and finds those in code (Liquid runs there)', () => {
    assert.deepEqual(jekyll('{% raw %}{% post_url no %}{% endraw %} {% comment %}{% link no.md %}{% endcomment %} {% link {{ page.x }} %}\n\n```\n{% post_url 2010-07-21-coded %}\n```').map((link) => link.path), ['2010-07-21-coded']);
  });

  it('reads {{ site.baseurl }}/x and relative_url destinations as root-relative URLs below the base path', () => {
    assert.deepEqual(jekyll('[a]({{ site.baseurl }}/2020/x/#s) [b]({{site.baseurl}}/about/) [c]({{ "/about/" | relative_url }}) [d]({{ \'x/\' | relative_url }}#top) <a href="{{ site.baseurl }}/h/">h</a>', '/blog'), [
      { form: 'markdown', at: '{{ site.baseurl }}/2020/x/#s', path: '/blog/2020/x/', fragment: 's', fragmentAt: 's' },
      { form: 'markdown', at: '{{site.baseurl}}/about/', path: '/blog/about/' },
      { form: 'markdown', at: '{{ "/about/" | relative_url }}', path: '/blog/about/' },
      { form: 'markdown', at: "{{ 'x/' | relative_url }}#top", path: '/blog/x/', fragment: 'top', fragmentAt: 'top' },
      { form: 'html', at: '{{ site.baseurl }}/h/', path: '/blog/h/' },
    ]);
  });

  it('skips other template expressions, and the baseurl prefix on other generators', () => {
    assert.deepEqual(jekyll('[a]({{ page.url }}) [b]({{ site.baseurl }}{{ page.x }}) [c]({{ "/x/" | prepend: site.url }})'), []);
    assert.deepEqual(links('[a]({{site.baseurl}}/x/) [b]({{ .Site.BaseURL }}/x)', 'hugo'), []);
  });

  it('finds the post_url after a baseurl prefix once, as the template link', () => {
    assert.deepEqual(jekyll('[a]({{ site.baseurl }}{% post_url 2010-07-21-name %})').map((link) => [link.form, link.path]), [['jekyll-post_url', '2010-07-21-name']]);
  });
});

describe('findLinks: order and sharing', () => {
  it('returns every form in source order', () => {
    assert.deepEqual(links('{{< ref "z.md" >}} <a href="y.md">y</a> [x](x.md)').map((link) => link.path), ['z.md', 'y.md', 'x.md']);
  });

  it('answers a second call for the same parse from its cache', () => {
    const post = parsePost('/site/content/post.md', `${head}[a](a.md)`);
    assert.equal(findLinks(post, { generator: 'hugo' }), findLinks(post, { generator: 'hugo' }));
  });
});

describe('findLinks: Liquid and Nunjucks blocks', () => {
  it('skips Markdown and HTML links in comment, highlight, capture and set blocks on Jekyll and Eleventy, not in raw', () => {
    const body = '{%- set code %}\n[a](one.md)\n{%- endset %}\n{% capture c %}[b](two.md){% endcapture %}\n{% set x = "[n](n.md)" %}\n{% highlight html %}\n<a href="three.md">x</a>\n{% endhighlight %}\n{% comment %}[d](four.md){% endcomment %}\n{% raw %}[e](five.md){% endraw %}\n';
    assert.deepEqual(links(body, 'eleventy').map((link) => link.path), ['n.md', 'five.md']);
    assert.deepEqual(links(body, 'jekyll').map((link) => link.path), ['n.md', 'five.md']);
    assert.deepEqual(links(body, 'hugo').map((link) => link.path), ['one.md', 'two.md', 'n.md', 'three.md', 'four.md', 'five.md']);
  });
});
