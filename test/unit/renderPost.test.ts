import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createPostcraftService, type PostcraftService } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { renderPreview, type RenderOptions } from '../../src/core/render/index';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const resourceBase = 'https://file+.vscode-resource.vscode-cdn.net';
const options: RenderOptions = { toResourceUri: (path) => `${resourceBase}${path}` };

/** `text` as a pattern that matches it literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function hugoService(): Promise<PostcraftService> {
  const fs = inMemorySite({
    'hugo.toml': 'baseURL = "https://blog.example.org/"\n[taxonomies]\ntag = "tags"\ncategory = "categories"\nauthor = "authors"\n',
    'content/authors/jane-doe/_index.md': '---\ntitle: Jane Doe\navatar: /img/jane.png\n---\n',
    'content/authors/sam/_index.md': '---\ntitle: Sam Rivera\n---\n',
    'content/blog/bundle/index.md': '---\ntitle: Bundle\n---\n',
    'content/blog/bundle/beside.png': png,
    'assets/blog/2024/cover.png': png,
    'assets/blog/2024/chart.png': png,
    'static/img/jane.png': png,
    'static/img/logo.png': png,
  });
  const service = createPostcraftService({ fs });
  await service.openWorkspace(['/site']);
  return service;
}

const postPath = '/site/content/blog/new.md';

function render(service: PostcraftService, text: string, path = postPath, renderOptions: RenderOptions = options) {
  const rendered = renderPreview(service, path, text, renderOptions);
  assert.ok(rendered, `${path} should render as a post of the site`);
  return rendered;
}

/** The `data-line` of the first element whose opening tag matches `opening` (e.g. `<h2\b[^>]*`). */
function lineOf(html: string, opening: string): number | undefined {
  const tag = new RegExp(`${opening}>`).exec(html)?.[0];
  const line = tag && / data-line="(\d+)"/.exec(tag)?.[1];
  return line ? Number(line) : undefined;
}

describe('the preview renderer', () => {
  let service: PostcraftService;
  before(async () => (service = await hugoService()));

  describe('images', () => {
    it('resolves images the way Hugo does (assets, page bundle, static) and loads them through the resource URI', () => {
      const body = '![chart](blog/2024/chart.png)\n\n![logo](/img/logo.png)\n';
      const bundle = render(service, '---\ntitle: B\n---\n![beside](beside.png)\n', '/site/content/blog/bundle/index.md');
      const rendered = render(service, `---\ntitle: A\n---\n${body}`);
      assert.match(rendered.html, new RegExp(`<img src="${literal(resourceBase)}/site/assets/blog/2024/chart.png" alt="chart">`));
      assert.match(rendered.html, new RegExp(`<img src="${literal(resourceBase)}/site/static/img/logo.png" alt="logo">`));
      assert.match(bundle.html, new RegExp(`<img src="${literal(resourceBase)}/site/content/blog/bundle/beside.png" alt="beside">`));
      assert.deepEqual([...rendered.images].sort(), ['/site/assets/blog/2024/chart.png', '/site/static/img/logo.png']);
    });

    it('shows an image the site would not find as a visible placeholder naming the path as written', () => {
      const { html } = render(service, '---\ntitle: A\n---\nBefore ![gone](blog/2024/missing.png) after\n');
      assert.match(html, /<span class="pc-image-placeholder pc-image-missing"[^>]*data-path="blog\/2024\/missing.png"[^>]*>Image not found: blog\/2024\/missing.png<\/span>/);
      assert.doesNotMatch(html, /<img[^>]*missing\.png/);
    });

    it('resolves raw HTML images like Markdown ones, and shows their broken ones as placeholders too', () => {
      const { html } = render(service, '---\ntitle: A\n---\n<img src="blog/2024/chart.png" alt="c" width="300">\n\n<img src="nope.png" alt="n">\n');
      assert.match(html, new RegExp(`<img[^>]*src="${literal(resourceBase)}/site/assets/blog/2024/chart.png"`));
      assert.match(html, /pc-image-missing[^>]*>Image not found: nope.png</);
    });

    it('never loads an image that lies outside the site', () => {
      const { html, images } = render(service, '---\ntitle: A\n---\n![secret](../../../etc/secret.png)\n\n<img src="../../../../home/me/key.png">\n');
      assert.equal((html.match(/pc-image-outside-site/g) ?? []).length, 2);
      assert.doesNotMatch(html, /src="[^"]*(secret|key)\.png"/);
      assert.deepEqual(images, []);
    });

    it('blocks remote images unless the writer allows them', () => {
      const text = '---\ntitle: A\n---\n![remote](https://example.org/r.png)\n';
      const blocked = render(service, text).html;
      assert.match(blocked, /pc-image-remote-blocked[^>]*>Remote image blocked: https:\/\/example.org\/r.png</);
      assert.doesNotMatch(blocked, /<img[^>]*example\.org/);
      const allowed = render(service, text, postPath, { ...options, allowRemoteImages: true }).html;
      assert.match(allowed, /<img src="https:\/\/example.org\/r.png" alt="remote">/);
    });

    it('renders a figure shortcode as its image, resolved like any other, with its caption', () => {
      const { html } = render(service, '---\ntitle: A\n---\n{{< figure src="/img/logo.png" caption="Our *logo*" >}}\n');
      assert.match(html, new RegExp(`<figure class="pc-figure" data-line="3"><img src="${literal(resourceBase)}/site/static/img/logo.png" alt="Our \\*logo\\*"><figcaption>Our <em>logo</em></figcaption></figure>`));
    });
  });

  describe('the header card', () => {
    it('shows the title, the authors by their registry names with avatars, the tags as chips and the date', () => {
      const { html, title } = render(service, '---\ntitle: "Operators, explained"\ndate: 2024-05-10T09:00:00Z\nauthors: [jane-doe, Unknown Person]\ntags: [kubernetes, go]\ncategories: [deep-dive]\n---\nBody\n');
      const card = /<header class="pc-card" data-line="0">[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
      assert.equal(title, 'Operators, explained');
      assert.match(card, /<h1 class="pc-title">Operators, explained<\/h1>/);
      assert.match(card, new RegExp(`<img class="pc-avatar" src="${literal(resourceBase)}/site/static/img/jane.png" alt=""><span class="pc-author-name">Jane Doe</span>`));
      assert.match(card, /pc-author-unknown[^>]*><span class="pc-avatar pc-avatar-initials" aria-hidden="true">UP<\/span><span class="pc-author-name">Unknown Person<\/span>/);
      assert.deepEqual([...card.matchAll(/<li class="pc-tag"[^>]*>([^<]*)<\/li>/g)].map((match) => match[1]), ['kubernetes', 'go', 'deep-dive']);
      assert.match(card, /<time class="pc-date" datetime="2024-05-10">2024-05-10<\/time>/);
      assert.doesNotMatch(card, /pc-draft-badge/);
    });

    it('shows the SEO facts: lengths against their limits, words and reading time, and outline notes', () => {
      const longTitle = 'A title long enough that a search result would cut it off at the end';
      const { html, seo } = render(service, `---\ntitle: ${longTitle}\n---\n# Again\n\nFour words of text.\n\n### Deep\n`);
      const card = /<header[^>]*>[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
      const facts = [...card.matchAll(/<li class="pc-seo-fact ([^"]*)"[^>]*><span class="pc-seo-name">(\w+)<\/span> ([^<]*)<\/li>/g)].map((match) => [match[1], match[2], match[3]]);
      assert.deepEqual(facts, [
        ['pc-seo-title pc-seo-over', 'Title', `${longTitle.length}/60 (over)`],
        ['pc-seo-description pc-seo-missing', 'Description', 'missing'],
        ['pc-seo-slug', 'Slug', `${seo.slug.length}/75`],
      ]);
      assert.match(card, /<li class="pc-seo-fact pc-seo-words">6 words · 1 min read<\/li>/);
      assert.deepEqual([...card.matchAll(/<li class="pc-seo-note">([^<]*)<\/li>/g)].map((match) => match[1]), [
        'Line 4: An H1 in the body: the layout prints the title as the H1 already',
        'Line 8: H1 → H3 skips a level',
      ]);
    });

    it('shows a draft badge on a draft', () => {
      const { html } = render(service, '---\ntitle: WIP\ndraft: true\n---\nBody\n');
      assert.match(html, /<header class="pc-card pc-card-draft" data-line="0"><span class="pc-draft-badge">Draft<\/span>/);
    });

    it("shows the first of the site's image fields as the cover, and a placeholder when it is broken", () => {
      const found = render(service, '---\ntitle: A\nimages: [blog/2024/cover.png, blog/2024/chart.png]\n---\n').html;
      assert.match(found, new RegExp(`<img class="pc-cover" src="${literal(resourceBase)}/site/assets/blog/2024/cover.png" alt="">`));
      assert.doesNotMatch(found, /chart\.png/);
      const broken = render(service, '---\ntitle: A\nimage: blog/2024/absent.png\n---\n').html;
      assert.match(broken, /<span class="pc-image-placeholder pc-image-missing pc-cover"[^>]*>Image not found: blog\/2024\/absent.png<\/span>/);
    });

    it('takes the cover from a key named like an image when no image field has one (hero, thumbnail)', () => {
      const { html } = render(service, '---\ntitle: A\nsummary: notes.png is not a cover\nhero: blog/2024/cover.png\n---\n');
      assert.match(html, new RegExp(`<img class="pc-cover" src="${literal(resourceBase)}/site/assets/blog/2024/cover.png" alt="">`));
    });

    it('escapes frontmatter values it shows', () => {
      const { html } = render(service, '---\ntitle: "<img src=x onerror=alert(1)>"\ntags: ["<b>bold</b>"]\n---\n');
      assert.match(html, /<h1 class="pc-title">&lt;img src=x onerror=alert\(1\)&gt;<\/h1>/);
      assert.match(html, /<li class="pc-tag"[^>]*>&lt;b&gt;bold&lt;\/b&gt;<\/li>/);
    });
  });

  describe('source lines', () => {
    it('marks every block with the 0-based line it starts on in the whole file, frontmatter included', () => {
      const text = [
        '---', // 0
        'title: Lines',
        '---', // 2
        '', // 3
        '## Heading', // 4
        '',
        'A paragraph', // 6
        'that wraps.',
        '',
        '- one', // 9
        '- two', // 10
        '',
        '```go', // 12
        'func main() {}',
        '```',
        '',
        '| a | b |', // 16
        '|---|---|',
        '| 1 | 2 |',
        '',
        '<div class="note">raw</div>', // 20
        '',
        '> quoted', // 22
      ].join('\n');
      const { html } = render(service, text);
      assert.equal(lineOf(html, '<header[^>]*'), 0);
      assert.equal(lineOf(html, '<h2[^>]*'), 4);
      assert.equal(lineOf(html, '<p\\b[^>]*'), 6);
      assert.equal(lineOf(html, '<ul(?! class="pc-seo)[^>]*'), 9); // the card's fact list stands for the frontmatter
      assert.deepEqual([...html.matchAll(/<li data-line="(\d+)"/g)].map((match) => Number(match[1])), [9, 10]);
      assert.equal(lineOf(html, '<pre[^>]*'), 12);
      assert.equal(lineOf(html, '<table[^>]*'), 16);
      assert.equal(lineOf(html, '<div[^>]*class="note"[^>]*'), 20);
      assert.equal(lineOf(html, '<blockquote[^>]*'), 22);
    });

    it('counts lines the same way with TOML frontmatter and Windows line endings', () => {
      const { html } = render(service, '+++\r\ntitle = "T"\r\n+++\r\n\r\nFirst\r\n\r\nSecond\r\n');
      assert.deepEqual([...html.matchAll(/<p data-line="(\d+)">/g)].map((match) => Number(match[1])), [4, 6]);
    });
  });

  describe('template syntax', () => {
    it('turns Hugo shortcodes into labelled placeholders, never raw template text', () => {
      const { html } = render(service, '---\ntitle: A\n---\n{{< youtube id="abc" >}}\n\nSee {{< ref "other.md" >}} and {{% notice tip %}}.\n');
      assert.match(html, /<div class="pc-template pc-template-shortcode" data-kind="shortcode" data-line="3"[^>]*><span class="pc-template-label">Hugo shortcode<\/span> <code>youtube id=&quot;abc&quot;<\/code><\/div>/);
      assert.match(html, /<span class="pc-template pc-template-shortcode"[^>]*><span class="pc-template-label">Hugo shortcode<\/span> <code>ref &quot;other.md&quot;<\/code><\/span>/);
      assert.match(html, /<code>notice tip<\/code>/);
      assert.doesNotMatch(html, /\{\{[<%]/);
    });

    it('prints an escaped shortcode as the shortcode itself, as Hugo does', () => {
      const { html } = render(service, '---\ntitle: A\n---\nWrite {{</* figure src="a.png" */>}} to add a figure.\n');
      assert.match(html, /Write \{\{&lt; figure src=“a.png” &gt;\}\} to add a figure\./);
    });

    it('renders a highlight shortcode as a code block', () => {
      const { html } = render(service, '---\ntitle: A\n---\n{{< highlight go "linenos=table" >}}\nfmt.Println("{{ x }}")\n{{< /highlight >}}\n');
      assert.match(html, /<pre data-line="3"><code class="language-go">fmt.Println\(&quot;\{\{ x \}\}&quot;\)\n<\/code><\/pre>/);
    });

    it('turns Liquid tags and output into placeholders outside code, and leaves code as written', () => {
      const { html } = render(service, '---\ntitle: A\n---\n{% include signup.html %}\n\nBy {{ page.author }}, in `{{ page.title }}`.\n\n```liquid\n{% if x %}{{ y }}{% endif %}\n```\n');
      assert.match(html, /<div class="pc-template pc-template-liquid-tag"[^>]*><span class="pc-template-label">Liquid tag<\/span> <code>include signup.html<\/code><\/div>/);
      assert.match(html, /By <span class="pc-template pc-template-liquid-output"[^>]*><span class="pc-template-label">Liquid<\/span> <code>page.author<\/code><\/span>, in <code>\{\{ page.title \}\}<\/code>/);
      assert.match(html, /<code class="language-liquid">\{% if x %\}\{\{ y \}\}\{% endif %\}/);
    });
  });

  describe('Markdown features', () => {
    it('renders typographic quotes, bare URLs as links, heading anchors, tables and footnotes', () => {
      const { html } = render(service, '---\ntitle: A\n---\n## "Quoted" -- heading\n\nSee https://example.org now.[^1]\n\n| a |\n|:-:|\n| 1 |\n\n[^1]: The note.\n');
      assert.match(html, /<h2 id="%E2%80%9Cquoted%E2%80%9D-%E2%80%93-heading" data-line="3">“Quoted” – heading<\/h2>/);
      assert.match(html, /<a href="https:\/\/example.org">https:\/\/example.org<\/a>/);
      assert.match(html, /<th class="pc-align-center">a<\/th>/);
      assert.match(html, /<sup class="footnote-ref"><a href="#fn1" id="fnref1">\[1\]<\/a><\/sup>/);
      assert.match(html, /<li id="fn1" class="footnote-item">/);
    });

    it('gives a heading the same id on every render', () => {
      const text = '---\ntitle: A\n---\n## Setup\n\n## Setup\n';
      const ids = (html: string) => [...html.matchAll(/<h2 id="([^"]+)"/g)].map((match) => match[1]);
      assert.deepEqual(ids(render(service, text).html), ['setup', 'setup-1']);
      assert.deepEqual(ids(render(service, `${text}\n`).html), ['setup', 'setup-1']);
    });
  });

  it('renders nothing for a file that is not a post of a detected site', () => {
    assert.equal(renderPreview(service, '/elsewhere/notes.md', '# Notes', options), undefined);
  });
});

describe('the preview renderer on other generators', () => {
  it("resolves a Jekyll image written with a Liquid base URL in the destination", async () => {
    const fs = inMemorySite({ '_config.yml': 'baseurl: /blog\n', '_posts/2024-01-15-hello.md': '---\ntitle: Hello\n---\n', 'assets/img/a.png': png });
    const service = createPostcraftService({ fs });
    await service.openWorkspace(['/site']);
    const { html, metadata } = render(service, "---\ntitle: Hello\n---\n![a]({{ site.baseurl }}/assets/img/a.png) ![b]({{ '/assets/img/a.png' | relative_url }})\n", '/site/_posts/2024-01-15-hello.md');
    assert.equal((html.match(new RegExp(`<img src="${literal(resourceBase)}/site/assets/img/a.png"`, 'g')) ?? []).length, 2);
    assert.equal(metadata.date?.iso, '2024-01-15', 'Jekyll takes the date from the file name');
  });

  // Neo-virex.github.io (Chirpy 7): `![x](img1.png)` below `media_subpath: /images/thm/pickle/` showed "Image not found" in the preview.
  it('shows a Chirpy post\'s images where the theme serves them, below its media_subpath, and says when a CDN serves them', async () => {
    const files = { '_config.yml': 'theme: jekyll-theme-chirpy\n', Gemfile: 'gem "jekyll-theme-chirpy", "~> 7.2"\n', 'images/thm/pickle/img1.png': png };
    const text = '---\ntitle: Pickle\nmedia_subpath: /images/thm/pickle/\nimage:\n  path: img1.png\n---\n![one](img1.png)\n';
    const service = createPostcraftService({ fs: inMemorySite(files) });
    await service.openWorkspace(['/site']);
    const { html } = render(service, text, '/site/_posts/2024-06-11-pickle.md');
    assert.match(html, new RegExp(`<img src="${literal(resourceBase)}/site/images/thm/pickle/img1.png"`));
    assert.doesNotMatch(html, /Image not found/);
    const cdn = createPostcraftService({ fs: inMemorySite({ ...files, '_config.yml': 'theme: jekyll-theme-chirpy\ncdn: https://cdn.example.org\n' }) });
    await cdn.openWorkspace(['/site']);
    assert.match(render(cdn, text, '/site/_posts/2024-06-11-pickle.md').html, /from another address \(the site&#39;s CDN\)/);
  });

  it('turns MDX imports and components into placeholders, and shows images bound by an import', async () => {
    const fs = inMemorySite({ 'docusaurus.config.js': "module.exports = { presets: [['classic', { blog: { path: 'blog' } }]] };", 'blog/post.mdx': '', 'static/img/shot.png': png });
    const service = createPostcraftService({ fs });
    await service.openWorkspace(['/site']);
    const text = "---\ntitle: M\n---\nimport shot from '@site/static/img/shot.png';\nimport Tabs from '@theme/Tabs';\n\n<Tabs groupId=\"os\">\n\nInside {props.name}.{/* hidden */}\n\n</Tabs>\n\n<img src={shot} alt=\"Shot\" />\n";
    const { html } = render(service, text, '/site/blog/post.mdx');
    assert.match(html, /<div class="pc-template pc-template-mdx-esm"[^>]*data-line="3"[^>]*><span class="pc-template-label">MDX import<\/span> <code>import shot from &#39;@site\/static\/img\/shot.png&#39;; import Tabs from &#39;@theme\/Tabs&#39;;<\/code><\/div>/);
    assert.match(html, /<div class="pc-template pc-template-jsx"[^>]*data-line="6"[^>]*><span class="pc-template-label">Component<\/span> <code>&lt;Tabs groupId=&quot;os&quot;&gt;<\/code><\/div>/);
    assert.match(html, /<p data-line="8">Inside <span class="pc-template pc-template-mdx-expression"[^>]*><span class="pc-template-label">Expression<\/span> <code>props.name<\/code><\/span>.<\/p>/);
    assert.match(html, /<code>&lt;\/Tabs&gt;<\/code>/);
    assert.doesNotMatch(html, /hidden/);
    assert.match(html, new RegExp(`<img[^>]*src="${literal(resourceBase)}/site/static/img/shot.png"`));
  });

  it("reads a Docusaurus .md post as MDX, as Docusaurus compiles it, unless markdown.format is 'md'", async () => {
    const text = "---\ntitle: M\n---\nimport hero from './hero.png';\n\n<img src={hero} alt=\"Hero\" />\n";
    for (const [config, asMdx] of [['export default {};', true], ["export default { markdown: { format: 'md' } };", false]] as const) {
      const service = createPostcraftService({ fs: inMemorySite({ 'docusaurus.config.js': config, 'blog/hero.png': png }) });
      await service.openWorkspace(['/site']);
      const { html } = render(service, text, '/site/blog/post.md');
      assert.equal(/<img[^>]*src="[^"]*\/site\/blog\/hero.png"/.test(html), asMdx, config);
      assert.equal(html.includes('<p data-line="3">import hero'), !asMdx, config);
    }
  });
});
