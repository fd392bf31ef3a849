import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService, formatMessage } from '../../../src/core/index';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

async function open(files: Record<string, string | Uint8Array>) {
  const service = createPostcraftService({ fs: inMemorySite(files) });
  const [site] = await service.openWorkspace(['/site']);
  assert.equal(site?.profile.id, 'jekyll');
  const check = (post: string, text: string) => service.checkText(`/site/${post}`, text, { severities: { 'missing-alt': 'off' } }).map((finding) => ({ code: finding.code, line: finding.range.start.line, message: finding.message }));
  return { site: site!, check };
}

const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);
const post = (frontmatter: string, body = '') => `---\ntitle: T\n${frontmatter}\n---\n${body}\n`;

describe('Jekyll rules', () => {
  it('reads pages anywhere, posts, drafts and collections, but not other underscore or dot folders', async () => {
    const { site } = await open({ '_config.yml': 'collections:\n  guides:\n    output: true\ninclude: [_pages]\n', '_posts/.keep': '', '_includes/x.md': '', '_layouts/post.md': '', '_sass/readme.md': '', '_pages/.keep': '', '.github/x.md': '' });
    const isPost = (path: string) => site.isPost(`/site/${path}`);
    assert.deepEqual(
      ['index.md', 'docs/deep/page.md', '_posts/2024-01-01-a.md', '_drafts/a.md', '_guides/a.md', '_pages/about.md'].filter((path) => !isPost(path)),
      [],
    );
    assert.deepEqual(['_includes/x.md', '_layouts/post.md', '_sass/readme.md', '_site/index.md', '.github/x.md'].filter(isPost), []);
  });

  // kubevirt.io's go-import pages: `layout: go-import` and a permalink, no body; Jekyll 4.3 builds them, titled by the layout's fallback to site.title.
  // made-mistakes-jekyll: `source: .tmp/src`, which its gulp build writes; jekyll 4.3.1 builds nothing without it.
  it('says when the config\'s source folder does not exist, and not when it does', async () => {
    const missing = await open({ '_config.yml': 'source: .tmp/src\n', 'src/_posts/2020-01-01-a.md': post('') });
    assert.deepEqual(missing.site.configProblems.map((problem) => formatMessage(problem)), ['_config.yml sets source: .tmp/src, a folder that does not exist (a build step may write it): no post is checked']);
    const present = await open({ '_config.yml': 'source: src\n', 'src/_posts/2020-01-01-a.md': post('') });
    assert.deepEqual(present.site.configProblems, []);
  });

  it('asks no title of a page with no body that names its layout, and still of one with text', async () => {
    const { check } = await open({ '_config.yml': 'title: x\n' });
    const titleWarnings = async (text: string) => (await check('pages/api.md', text)).filter((finding) => finding.message === 'Missing "title".').length;
    assert.equal(await titleWarnings('---\nlayout: go-import\npermalink: /api/\n---\n\n'), 0);
    assert.equal(await titleWarnings('---\nlayout: page\npermalink: /api/\n---\nSome text.\n'), 1);
    // With no layout at all, jekyll build 4.3.1 writes the page's text alone: no title shows (see pageRules.test.ts).
    assert.equal(await titleWarnings('---\npermalink: /api/\n---\n'), 0);
  });

  // Jekyll 4.3: site.tags of two posts tagged kubernetes and a page tagged Kubernetes is {"kubernetes" => [the posts]}.
  it('makes tags of posts\' tag values only, not of those of pages and other collections', async () => {
    const tagged = (tag: string) => `---\ntitle: T\ntags: [${tag}]\n---\nText.\n`;
    const files = { '_config.yml': 'title: x\ncollections:\n  labs:\n    output: true\n', '_posts/2024-01-01-a.md': tagged('kubernetes'), 'en/_posts/2024-01-02-b.md': tagged('kubernetes'), 'pages/p.md': tagged('Kubernetes'), '_labs/l.md': tagged('Kubernetes'), '_drafts/d.md': tagged('Kubernetes') };
    const { site, check } = await open(files);
    assert.deepEqual(site.tags.all().map((usage) => [usage.tag, usage.count]), [['kubernetes', 2], ['Kubernetes', 1]]);
    assert.deepEqual(codes(await check('pages/p.md', files['pages/p.md'])), []);
    assert.deepEqual(codes(await check('_labs/l.md', files['_labs/l.md'])), []);
    assert.deepEqual(codes(await check('_drafts/d.md', files['_drafts/d.md'])), ['tag-variant']);
  });

  // Jekyll 4.3 runs Liquid first: `{% include quickstarts/virtctl.md %}` puts its `## Virtctl` in the page, id="virtctl" (kubevirt.io).
  it('checks no fragment of a page that includes a Markdown file, and still those of other pages', async () => {
    const { check } = await open({ '_config.yml': 'title: x\n', '_includes/quick/virtctl.md': '## Virtctl\n', 'quick.md': '---\ntitle: Q\npermalink: /quick/\n---\n{% include quick/virtctl.md %}\n', 'other.md': '---\ntitle: O\npermalink: /other/\n---\nText.\n' });
    const findings = await check('_posts/2024-01-01-a.md', post('', '[a](/quick/#virtctl) [b](/other/#virtctl)'));
    assert.deepEqual(findings.map((finding) => finding.message), ['No heading or anchor "#virtctl" in "O".']);
  });

  // strimzi.io's docs books are front matter and `{% include_relative deploying.html %}`: jekyll 4.3.1 writes the
  // included HTML's ids into the page (kramdown keeps block HTML as it is).
  it('checks no fragment of a page that includes a file beside it, whatever its kind; an include of HTML from _includes still leaves them checked', async () => {
    const { check } = await open({ '_config.yml': 'title: x\n', 'docs/book.html': '<h2 id="sec-a">A</h2>\n', 'docs/index.md': '---\ntitle: Book\n---\n{% include_relative book.html %}\n', '_includes/figure.html': '<figure></figure>\n', 'fig.md': '---\ntitle: F\npermalink: /fig/\n---\n{% include figure.html %}\n' });
    const findings = await check('_posts/2024-01-01-a.md', post('', '[a](/docs/#sec-a) [b](/fig/#sec-a)'));
    assert.deepEqual(findings.map((finding) => finding.message), ['No heading or anchor "#sec-a" in "F".']);
  });

  // 3h4x.github.io's tags page writes a button per tag, no ids, and its inline script scrolls to the one location.hash names.
  it('checks no fragment of a page whose own script reads the fragment; a script that does not read it leaves them checked', async () => {
    const script = (reads: string) => `<div class="tag-pill" data-tag="jekyll"></div>\n\n<script>\nconst tag = ${reads};\n</script>\n`;
    const { check } = await open({ '_config.yml': 'title: x\n', 'tags.md': `---\ntitle: Tags\npermalink: /tags/\n---\n${script('location.hash.slice(1)')}`, 'other.md': `---\ntitle: Other\npermalink: /other/\n---\n${script('document.title')}` });
    const findings = await check('_posts/2024-01-01-a.md', post('', '[a](/tags/#jekyll) [b](/other/#jekyll)'));
    assert.deepEqual(findings.map((finding) => finding.message), ['No heading or anchor "#jekyll" in "Other".']);
  });

  it('moves posts and collections into collections_dir when it is set', async () => {
    const { site } = await open({ '_config.yml': 'collections_dir: content\n', '_posts/old.md': '', 'content/_posts/.keep': '' });
    assert.equal(site.isPost('/site/_posts/2024-01-01-old.md'), false);
    assert.equal(site.isPost('/site/content/_posts/2024-01-01-new.md'), true);
  });

  it('skips exclude: entries and the folders Jekyll 4 always excludes, such as vendor/bundle', async () => {
    const { site } = await open({ '_config.yml': 'exclude:\n  - README.md\n  - scripts/\n', 'vendor/bundle/x.md': '', 'vendor/js/a.md': '' });
    assert.deepEqual(['README.md', 'scripts/template.md', 'vendor/bundle/gems/minima/README.md', 'node_modules/x/readme.md'].filter((path) => site.isPost(`/site/${path}`)), []);
    assert.equal(site.isPost('/site/vendor/js/a.md'), true);
  });

  it('reads exactly the pages and posts jekyll build rendered on a site with globs, prefixes, special names and undated posts', async () => {
    const config = ['collections:', '  guides:', '    output: true', 'exclude:', '  - "*.tmpl.md"', '  - docs', '  - notes/*', '  - "{a,b}.md"', 'include:', '  - _pages', '  - keep.tmpl.md', ''].join('\n');
    // What Jekyll 4.3 rendered (and skipped) from this tree, drafts aside (`jekyll build --drafts` reads them).
    const built = ['index.md', 'a.md', 'keep.tmpl.md', '_pages/p.md', '_drafts/dr.md', '_posts/2020-01-01-ok.md', '_posts/2020-1-1-short.md', '_posts/20-01-01-yy.md', '_posts/sub/2020-01-01-s.md', '_posts/sub/_u/2020-01-01-v.md', 'blog/_posts/2020-01-01-b.md', 'sub/_posts/2020-01-01-c.md', '_guides/g.md', '_guides/sub/_q/g2.md'];
    const skipped = ['_x.md', '.x.md', '#x.md', 'sub/_y.md', 'sub/.y.md', '_hidden/h.md', 'a.tmpl.md', 'sub/b.tmpl.md', 'docs/d.md', 'docsify.md', 'notes/n.md', 'notes/deep/n.md', '{a,b}.md', '_posts/readme.md', '_posts/_u/2020-01-01-u.md', '_posts/sub/_2020-01-01-w.md', '_guides/_g.md', 'sub/_guides/g.md'];
    const files: Record<string, string> = { '_config.yml': config };
    for (const path of [...built, ...skipped]) files[path] = '---\ntitle: t\n---\nx\n';
    const { site } = await open(files);
    assert.deepEqual(built.filter((path) => !site.isPost(`/site/${path}`)), []);
    assert.deepEqual(skipped.filter((path) => site.isPost(`/site/${path}`)), []);
  });

  it('survives exclude: and include: patterns that are no valid class, and collection names full of regex characters', async () => {
    const { site } = await open({ '_config.yml': 'exclude: ["[z-a].md", "(x"]\ninclude: ["[b-a]"]\ncollections: ["a+b(", "*"]\n' });
    assert.equal(site.isPost('/site/page.md'), true);
    assert.equal(site.isPost('/site/_a+b(/doc.md'), true);
  });

  it('reads posts and collections only inside collections_dir, even when it starts with an underscore', async () => {
    // As jekyll build read it: Jekyll's walk never enters `_content`, so its posts are not read, its collections are.
    const { site } = await open({ '_config.yml': 'collections_dir: _content\ncollections: [guides]\n', '_content/_guides/a.md': '', '_content/_posts/.keep': '' });
    assert.equal(site.isPost('/site/_content/_guides/a.md'), true);
    assert.deepEqual(['_guides/a.md', '_content/_other/a.md', '_content/page.md', '_content/_posts/2020-01-01-p.md', '_posts/2020-01-01-q.md'].filter((path) => site.isPost(`/site/${path}`)), []);
  });

  it('serves /assets paths from the source folder, with or without the baseurl, and reads site.baseurl and relative_url', async () => {
    const { check } = await open({ '_config.yml': 'baseurl: "/blog"\n', 'assets/img/a.png': png });
    const body = ['![](/assets/img/a.png)', '![](/blog/assets/img/a.png)', '![]({{ site.baseurl }}/assets/img/a.png)', "![]({{ '/assets/img/a.png' | relative_url }})"].join('\n');
    assert.deepEqual(await check('_posts/2024-01-01-a.md', post('', body)), []);
    assert.deepEqual(codes(await check('_posts/2024-01-01-a.md', post('', '![](/assets/images/a.png)'))), ['broken-image']);
    // Liquid fills the destination in before kramdown reads it, spaces and all (jekyll-now's posts are written so).
    const missing = ['![a]({{ site.baseurl }}/assets/images/a.png)', "![b]({{ '/assets/images/b.png' | relative_url }})"].join('\n\n');
    assert.deepEqual((await check('_posts/2024-01-01-a.md', post('', missing))).map((finding) => [finding.code, finding.line]), [['broken-image', 4], ['broken-image', 6]]);
  });

  it('takes a relative image path from the page folder or from the site root', async () => {
    const { check } = await open({ '_config.yml': 'title: x\n', 'assets/a.png': png, 'docs/b.png': png });
    assert.deepEqual(await check('_posts/2024-01-01-a.md', post('image: assets/a.png', '![](assets/a.png) ![](../assets/a.png)')), []);
    assert.deepEqual(await check('docs/page.md', post('', '![](b.png)')), []);
  });

  it('checks the image.path of jekyll-seo-tag and the header images of Minimal Mistakes', async () => {
    const { check } = await open({ '_config.yml': 'title: x\n', 'assets/a.png': png });
    const findings = await check('_posts/2024-01-01-a.md', post('image:\n  path: /assets/missing.png\nheader:\n  teaser: /assets/a.png\n  overlay_image: /assets/gone.jpg'));
    assert.deepEqual(findings.map((finding) => [finding.code, finding.line]), [['broken-image', 3], ['broken-image', 6]]);
  });

  // crystal-lang.org passes include files (_includes/icons/folder.svg) that {% include {{ include.file }} %} inlines: jekyll 4.3.1 builds them.
  // w3.org/WAI writes {% include video-card.html poster="video-thumb.png" … poster="/content-images/video-thumb.png" %}: jekyll's
  // Include#parse_params keeps the last value, which exists.
  it('reads a parameter given twice to an include by its last value only', async () => {
    const { check } = await open({ '_config.yml': 'title: x\n', 'content-images/thumb.png': png });
    assert.deepEqual(await check('_posts/2024-01-01-a.md', post('', '{% include video-card.html poster="thumb.png" title="T" poster="/content-images/thumb.png" %}')), []);
  });

  it('takes a guessed image value that names an include file for that include, not an image', async () => {
    const { check } = await open({ '_config.yml': 'title: x\n', '_includes/icons/folder.svg': '<svg/>', '_includes/hex-icon.html': '{% include {{ include.file }} %}' });
    const findings = await check('_posts/2024-01-01-a.md', post('learn:\n  - image: icons/folder.svg\n  - image: icons/gone.svg') + '{% include hex-icon.html file="icons/folder.svg" %}\n');
    assert.deepEqual(findings.map((finding) => [finding.code, finding.line]), [['broken-image', 4]]);
  });

  // crystal-lang.org's media page passes img="media/logo.svg" to an include writing <img src="/assets/{{ include.img }}">: jekyll 4.3.1 shows /assets/media/logo.svg.
  it('resolves an include parameter after the path its template writes before it', async () => {
    const { check } = await open({ '_config.yml': 'title: x\n', '_includes/media/item.html': '<figure><img src="/assets/{{ include.img }}" alt="{{ include.alt }}"></figure>', 'assets/media/logo.svg': '<svg/>' });
    const findings = await check('_posts/2024-01-01-a.md', post('', '{% include media/item.html img="media/logo.svg" alt="Logo" %}\n{% include media/item.html img="media/gone.svg" %}'));
    assert.deepEqual(findings.map((finding) => [finding.code, finding.line]), [['broken-image', 5]]);
  });

  // Chirpy 7's refactor-content.html passes every <img src> through media-url.html with the post's media_subpath
  // (lynkos/blog's copy of the theme): a name, and a root path too, are served below it; an address is left alone.
  describe('the Chirpy theme serving images after a post\'s media path', () => {
    const chirpy7 = { '_config.yml': 'theme: jekyll-theme-chirpy\n', Gemfile: 'gem "jekyll-theme-chirpy", "~> 7.2", ">= 7.2.4"\n', 'assets/img/p/a.png': png, 'assets/img/p/assets/b.png': png, 'assets/c.png': png };

    it('resolves Markdown and HTML images and the image field below media_subpath (Chirpy 7)', async () => {
      const { check } = await open(chirpy7);
      const body = '![a](a.png) <img src="a.png" alt="a"> ![b](/assets/b.png) ![c](/assets/c.png) ![w](https://example.org/w.png) ![g](gone.png)';
      const findings = await check('_posts/2024-01-01-a.md', post('media_subpath: /assets/img/p\nimage:\n  path: a.png', body));
      assert.deepEqual(findings.map((finding) => [finding.code, finding.message]), [
        ['broken-image', 'Image not found: "/assets/c.png" (looked where the site serves images from) (the theme serves it at "/assets/img/p/assets/c.png", after the post\'s media_subpath).'],
        ['broken-image', 'Image not found: "gone.png" (looked where the site serves images from) (the theme serves it at "/assets/img/p/gone.png", after the post\'s media_subpath).'],
      ]);
    });

    it('completes image names from the post\'s media path', async () => {
      const service = createPostcraftService({ fs: inMemorySite(chirpy7) });
      await service.openWorkspace(['/site']);
      const text = post('media_subpath: /assets/img/p', '![a](');
      const labels = service.completions('/site/_posts/2024-01-01-a.md', text, text.indexOf('![a](') + 5).map((item) => item.label);
      assert.deepEqual(labels, ['a.png', 'assets/']);
    });

    it('inserts a dropped or pasted image the way the theme serves it, new ones in the post\'s media folder', async () => {
      const service = createPostcraftService({ fs: inMemorySite(chirpy7) });
      await service.openWorkspace(['/site']);
      const text = post('media_subpath: /assets/img/p', 'Text');
      const plan = (image: { name: string; path?: string }) => service.planImageInsertion('/site/_posts/2024-01-01-a.md', image, new Set(), undefined, text);
      assert.deepEqual(plan({ name: 'a.png', path: '/site/assets/img/p/a.png' }), { reference: 'a.png' });
      assert.deepEqual(plan({ name: 'c.png', path: '/site/assets/c.png' }), { reference: '../../c.png' });
      assert.deepEqual(plan({ name: 'new.png' }), { reference: 'new.png', copyTo: '/site/assets/img/p/new.png' });
      const { check } = await open(chirpy7);
      assert.deepEqual(await check('_posts/2024-01-01-a.md', post('media_subpath: /assets/img/p', '![a](a.png) ![c](../../c.png)')), []);
    });

    it('resolves the preview image\'s placeholder too, and leaves every image alone where the site sets a CDN', async () => {
      const { check } = await open(chirpy7);
      assert.deepEqual(codes(await check('_posts/2024-01-01-a.md', post('media_subpath: /assets/img/p\nimage:\n  path: a.png\n  lqip: a.lqip.webp'))), ['broken-image']);
      assert.deepEqual(await check('_posts/2024-01-01-a.md', post('media_subpath: /assets/img/p\nimage:\n  path: a.png\n  lqip: data:image/webp;base64,UklGR')), []);
      const cdn = await open({ ...chirpy7, '_config.yml': 'theme: jekyll-theme-chirpy\ncdn: https://cdn.example.org\n' });
      assert.deepEqual(await cdn.check('_posts/2024-01-01-a.md', post('media_subpath: /assets/img/p', '![g](gone.png) ![h](/assets/gone.png)')), []);
      assert.deepEqual(await cdn.check('_posts/2024-01-01-a.md', post('', '![h](/assets/gone.png)')), []);
    });

    it('leaves posts without a media path, and sites without Chirpy, to Jekyll\'s own rules', async () => {
      const { check } = await open(chirpy7);
      assert.deepEqual(await check('_posts/2024-01-01-a.md', post('', '![c](/assets/c.png) ![c](assets/c.png)')), []);
      const plain = await open({ '_config.yml': 'title: x\n', 'assets/img/p/a.png': png });
      assert.deepEqual(codes(await plain.check('_posts/2024-01-01-a.md', post('media_subpath: /assets/img/p', '![a](a.png)'))), ['broken-image']);
    });

    it('reads img_path before Chirpy 7, where a root path is left as written, and media_subpath from 7 on', async () => {
      const files = { '_config.yml': 'theme: jekyll-theme-chirpy\n', 'assets/img/p/a.png': png, 'assets/c.png': png };
      const chirpy6 = await open({ ...files, 'Gemfile.lock': 'GEM\n  specs:\n    jekyll-theme-chirpy (6.5.5)\n' });
      assert.deepEqual(await chirpy6.check('_posts/2024-01-01-a.md', post('img_path: /assets/img/p/', '![a](a.png) ![c](/assets/c.png)')), []);
      assert.deepEqual(codes(await chirpy6.check('_posts/2024-01-01-a.md', post('media_subpath: /assets/img/p/', '![a](a.png)'))), ['broken-image']);
      const chirpy7Locked = await open({ ...files, 'Gemfile.lock': 'GEM\n  specs:\n    jekyll-theme-chirpy (7.3.1)\n' });
      assert.deepEqual(codes(await chirpy7Locked.check('_posts/2024-01-01-a.md', post('img_path: /assets/img/p/', '![a](a.png)'))), ['broken-image']);
    });

    it('follows the site\'s own refactor-content.html, and takes a subpath with an address for images served elsewhere', async () => {
      const own = await open({ '_config.yml': 'title: x\n', '_includes/refactor-content.html': '{% include media-url.html src=_src subpath=page.media_subpath %}', 'assets/img/p/a.png': png });
      assert.deepEqual(await own.check('_posts/2024-01-01-a.md', post('media_subpath: /assets/img/p', '![a](a.png)')), []);
      assert.deepEqual(await own.check('_posts/2024-01-01-a.md', post('media_subpath: https://cdn.example.org/p', '![a](gone.png)')), []);
      const older = await open({ '_config.yml': 'theme: jekyll-theme-chirpy\n', '_includes/refactor-content.html': '{% assign _content = _content | replace: \'<img src="/\', x %}', 'assets/img/p/a.png': png });
      assert.deepEqual(codes(await older.check('_posts/2024-01-01-a.md', post('media_subpath: /assets/img/p', '![a](a.png)'))), ['broken-image']);
    });
  });

  // MarkusThill.github.io (al-folio) writes <img src="/assets/img/seychelles/DJI_0895-480.webp"> for the copy jekyll-imagemagick
  // makes of DJI_0895.JPG (widths 480/800/1400, webp): the copies are in no repository.
  it('takes the copies jekyll-imagemagick writes, whole and at each width, for images of the site', async () => {
    const files = {
      '_config.yml': 'plugins: [jekyll-imagemagick]\nimagemagick:\n  enabled: true\n  widths: [480, 800]\n  input_directories: [assets/img/]\n  input_formats: [".jpg", ".png"]\n  output_formats:\n    webp: "-quality 85"\n',
      'assets/img/DJI_0895.JPG': png,
      'assets/img/shot-2023.png': png,
      'other/a.jpg': png,
    };
    const { check } = await open(files);
    const body = '![a](/assets/img/DJI_0895-480.webp) ![b](/assets/img/DJI_0895.webp) ![c](/assets/img/shot-2023.webp) ![d](/assets/img/DJI_0895-300.webp) ![e](/assets/img/gone-480.webp) ![f](/other/a-480.webp) ![g](/assets/img/DJI_0895-480.avif)';
    const findings = await check('_posts/2024-01-01-a.md', post('', body));
    assert.deepEqual(findings.map((finding) => /"([^"]+)"/.exec(finding.message)?.[1]), ['/assets/img/DJI_0895-300.webp', '/assets/img/gone-480.webp', '/other/a-480.webp', '/assets/img/DJI_0895-480.avif']);
    const off = await open({ ...files, '_config.yml': files['_config.yml'].replace('enabled: true', 'enabled: false') });
    assert.equal((await off.check('_posts/2024-01-01-a.md', post('', body))).length, 7);
  });

  // w3.org/WAI builds with --config _config.yml,_config_prod.yml, whose baseurl is /WAI, and writes links with it.
  it('takes the base path another config of the site sets for one a build may use', async () => {
    const { check } = await open({ '_config.yml': 'title: x\nbaseurl: ""\npermalink: pretty\n', '_config_prod.yml': 'baseurl: /WAI\n', 'about.md': '---\ntitle: About\n---\nA\n', '_posts/2024-01-02-b.md': '---\ntitle: B\n---\nB\n', 'content-images/a.png': png });
    const findings = await check('_posts/2024-01-01-a.md', post('', '[a](/WAI/about/) [b](/about/) [c](/WAI/2024/01/02/b/) [d](/WAI/2024/01/02/c/) ![i](/WAI/content-images/a.png) ![j](/WAI/content-images/gone.png)'));
    assert.deepEqual(findings.map((finding) => finding.message.split(' (')[0]), ['No page or file at "/WAI/2024/01/02/c/"', 'Image not found: "/WAI/content-images/gone.png"']);
  });

  it('reads authors from _data/authors.yml, a _data/authors/ folder and authors: in _config.yml', async () => {
    const { site } = await open({
      '_config.yml': 'authors:\n  cfg:\n    name: From Config\n',
      '_data/authors.yml': 'ann:\n  name: Ann Lee\n  avatar: /a.png\n',
      '_data/authors/bob.yml': 'name: Bob Stone\n',
    });
    assert.deepEqual([...site.authors.keys()].sort(), ['ann', 'bob', 'cfg']);
    assert.equal(site.authors.get('ann')?.avatar, '/a.png');
  });

  it('reads a _config.yml with a key written twice as Jekyll does, the last value winning, and says so', async () => {
    const { site, check } = await open({ '_config.yml': 'title: a\nauthors:\n  old:\n    name: Old\ntitle: b\nauthors:\n  ann:\n    name: Ann\n', '_data/authors.yml': 'bob:\n  name: B\nbob:\n  name: Bob Stone\n' });
    assert.deepEqual([...site.authors.keys()].sort(), ['ann', 'bob']);
    assert.equal(site.authors.get('bob')?.name, 'Bob Stone');
    assert.deepEqual(site.configProblems.map((problem) => formatMessage(problem)), ['_config.yml: keys written twice: "title" (line 5), "authors" (line 6); the last value is used, as Hugo and Jekyll do']);
    assert.deepEqual(codes(await check('_posts/2024-01-01-a.md', post('author: olde'))), ['unknown-author']);
  });

  it('reads the data folder named by data_dir', async () => {
    const { site } = await open({ '_config.yml': 'data_dir: data\n', 'data/authors.json': '{"ann": {"name": "Ann"}}' });
    assert.deepEqual([...site.authors.keys()], ['ann']);
  });

  it('accepts an author key, a display name, or a guest name with a space, as jekyll-seo-tag does', async () => {
    const { check } = await open({ '_config.yml': 'title: x\n', '_data/authors.yml': 'ann:\n  name: Ann Lee\n' });
    for (const author of ['ann', 'Ann Lee', 'Priya Raman']) assert.deepEqual(await check('_posts/2024-01-01-a.md', post(`author: ${author}`)), [], author);
  });

  it('reports a single-word author that is no key, suggesting the closest key', async () => {
    const { check } = await open({ '_config.yml': 'title: x\n', '_data/authors.yml': 'ann:\n  name: Ann Lee\nbenjamin:\n  name: Ben\n' });
    const findings = await check('_posts/2024-01-01-a.md', post('author: benjamn'));
    assert.deepEqual(codes(findings), ['unknown-author']);
    assert.match(findings[0]!.message, /Did you mean "benjamin"/);
  });

  // crystal-lang.org writes `author: asterite,waj`; its post meta include splits on `,`, and jekyll 4.3.1 shows both names.
  it('takes a comma-separated list of known authors, and still reports one with an unknown part', async () => {
    const { check } = await open({ '_config.yml': 'title: x\n', '_data/authors.yml': 'ann:\n  name: Ann Lee\nbenjamin:\n  name: Ben\n' });
    assert.deepEqual(await check('_posts/2024-01-01-a.md', post('author: ann,benjamin')), []);
    assert.deepEqual(await check('_posts/2024-01-01-a.md', post('author: ann, benjamin')), []);
    assert.deepEqual(codes(await check('_posts/2024-01-01-a.md', post('author: ann,benjamn'))), ['unknown-author']);
  });

  it('leaves authors alone when the site has no author registry', async () => {
    const { check } = await open({ '_config.yml': 'title: x\n' });
    assert.deepEqual(await check('_posts/2024-01-01-a.md', post('author: anyone')), []);
  });

  it('reads an authors collection, keyed by short_name as in the Jekyll tutorial', async () => {
    const { site, check } = await open({
      '_config.yml': 'collections:\n  authors:\n    output: true\n',
      '_authors/jill.md': '---\nshort_name: jill\nname: Jill Smith\n---\n',
      '_authors/ted-doe.md': '---\nname: Ted Doe\n---\n',
    });
    assert.deepEqual([...site.authors.keys()].sort(), ['jill', 'ted-doe']);
    assert.deepEqual(codes(await check('_posts/2024-01-01-a.md', post('author: jil'))), ['unknown-author']);
  });
});

describe('Jekyll titles', () => {
  it('takes a post title from its file name, so posts without one are fine, but pages still need one', async () => {
    const service = createPostcraftService({ fs: inMemorySite({ '_config.yml': 'title: x\n' }) });
    await service.openWorkspace(['/site']);
    assert.deepEqual(service.checkText('/site/_posts/2024-01-02-hello.md', '---\nlayout: post\n---\nText').map((finding) => finding.code), []);
    assert.deepEqual(service.checkText('/site/about.md', '---\nlayout: page\n---\nText').map((finding) => finding.code), ['schema']);
  });
});

describe('Jekyll tag strings', () => {
  it('splits a string of tags on spaces as Jekyll does, each word with its own range', async () => {
    const files: Record<string, string> = { '_config.yml': 'title: x\n' };
    for (let i = 0; i < 3; i++) files[`_posts/2024-01-0${i + 1}-p.md`] = '---\ntags: [jekyll, ruby]\n---\n';
    const service = createPostcraftService({ fs: inMemorySite(files) });
    const [site] = await service.openWorkspace(['/site']);
    const text = '---\ntags: ruby jekyl\n---\n';
    const findings = service.checkText('/site/_posts/2024-02-01-new.md', text);
    assert.deepEqual(findings.map((finding) => [finding.code, text.split('\n')[1]!.slice(finding.range.start.character, finding.range.end.character)]), [['tag-typo', 'jekyl']]);
    assert.deepEqual(site!.posts.get('/site/_posts/2024-02-01-new.md')?.tags, ['ruby', 'jekyl']);
  });
});

// rubygems/guides triage: jekyll 4.3.1 writes [B](b.md) as href="b.md" unless jekyll-relative-links runs (GitHub Pages runs it).
describe('Jekyll links to a page\'s .md file', () => {
  const fileLinks = async (files: Record<string, string>) => {
    const service = createPostcraftService({ fs: inMemorySite({ '_config.yml': 'title: x\n', 'b.md': '---\ntitle: B\n---\nB\n', ...files }) });
    await service.openWorkspace(['/site']);
    return service.checkText('/site/a.md', '---\ntitle: A\n---\n[B](b.md)\n').map((finding) => finding.code);
  };

  it('are broken with a Gemfile of its own and no jekyll-relative-links, and followed where the plugin or GitHub Pages runs', async () => {
    assert.deepEqual(await fileLinks({ Gemfile: 'source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n' }), ['broken-link']);
    assert.deepEqual(await fileLinks({}), []); // no Gemfile: GitHub Pages builds it with the github-pages gem
    assert.deepEqual(await fileLinks({ Gemfile: 'gem "github-pages", group: :jekyll_plugins\n' }), []);
    assert.deepEqual(await fileLinks({ Gemfile: 'gem "jekyll"\n', '_config.yml': 'title: x\nplugins:\n  - jekyll-relative-links\n' }), []);
  });

  // smcclennon.github.io links `/update/api/1` to its static update/api/1.html: GitHub Pages adds `.html` to a bare name.
  it('reaches a static .html file by its name without the extension, as static hosts serve it', async () => {
    const service = createPostcraftService({ fs: inMemorySite({ '_config.yml': 'title: x\n', 'update/api/index.md': '---\ntitle: U\n---\nU\n', 'update/api/1.html': '{"v": 1}\n' }) });
    await service.openWorkspace(['/site']);
    const findings = service.checkText('/site/a.md', '---\ntitle: A\n---\n[a](/update/api/1) [b](/update/api/1.html) [c](/update/api/9) [d](/update/api/1/)\n');
    assert.deepEqual(findings.map((finding) => /"([^"]+)"/.exec(finding.message)?.[1]), ['/update/api/9', '/update/api/1/']);
  });

  // lynkos/blog's _plugins/fix-anchor-links.rb rewrites `href="….md"` in every rendered page (a :post_render hook).
  it('are followed where a plugin of the site\'s own rewrites .md links in a render hook, and not with safe: true', async () => {
    const gemfile = 'gem "jekyll", "~> 4.3"\n';
    const hook = 'Jekyll::Hooks.register [:posts, :pages], :post_render do |doc|\n  pattern = /<a\\s+href="([^"#]+)\\.md"/\n  doc.output = doc.output.gsub(pattern) { url_of($1) }\nend\n';
    assert.deepEqual(await fileLinks({ Gemfile: gemfile, '_plugins/fix-links.rb': hook }), []);
    assert.deepEqual(await fileLinks({ Gemfile: gemfile, '_plugins/fix-links.rb': hook, '_config.yml': 'title: x\nsafe: true\n' }), ['broken-link']);
    assert.deepEqual(await fileLinks({ Gemfile: gemfile, '_plugins/other.rb': 'Jekyll::Hooks.register :posts, :post_render do |doc|\n  doc.output = doc.output.gsub("x", "y")\nend\n' }), ['broken-link']);
  });

  // crystal-lang.org links `/_pages/sponsors.md`: jekyll 4.3.1 with jekyll-relative-links 0.8.0 (`collections: true`)
  // writes /sponsors/ and /events/2023-crystal-berlin/; 0.6.1 (GitHub Pages' version) read the path from the page's folder.
  it('reads a link with a leading / as a source path from the source folder with jekyll-relative-links 0.7 and later', async () => {
    const site = (config: string, lock?: string) => ({
      Gemfile: 'gem "jekyll"\ngem "jekyll-relative-links"\n',
      ...(lock ? { 'Gemfile.lock': `GEM\n  specs:\n    jekyll-relative-links (${lock})\n      jekyll (>= 3.3, < 5.0)\n` } : {}),
      '_config.yml': `title: x\nplugins: [jekyll-relative-links]\ncollections:\n  pages:\n    output: true\n    permalink: /:path/\n  events:\n    output: true\n${config}`,
      '_pages/sponsors.md': '---\ntitle: Sponsors\n---\n## Join us\n',
      '_events/berlin.md': '---\ntitle: Berlin\n---\nB\n',
      'team.md': '---\ntitle: Team\n---\n## Join us\n',
    });
    const links = async (files: Record<string, string>) => {
      const service = createPostcraftService({ fs: inMemorySite(files) });
      await service.openWorkspace(['/site']);
      return service.checkText('/site/a.md', '---\ntitle: A\n---\n[s](/_pages/sponsors.md#join-us) [e](/_events/berlin.md) [t](/team.md#join-us) [g](/_pages/gone.md)\n').map((finding) => [finding.code, finding.message.split(' (')[0]]);
    };
    const collections = 'relative_links:\n  collections: true\n';
    assert.deepEqual(await links(site(collections, '0.8.0')), [['broken-link', 'No page or file at "/_pages/gone.md"']]);
    assert.deepEqual(await links(site(collections)), [['broken-link', 'No page or file at "/_pages/gone.md"']]);
    // Without `collections: true` only pages (and static files) are its targets; 0.6.1 takes none of these paths. A root
    // link naming a Markdown source no section holds is reported all the same (no theme page or redirect is at it).
    const notFollowed = [['broken-link', 'No page or file at "/_pages/sponsors.md#join-us"'], ['broken-link', 'No page or file at "/_events/berlin.md"'], ['broken-link', 'No page or file at "/_pages/gone.md"']];
    assert.deepEqual(await links(site('', '0.8.0')), notFollowed);
    assert.deepEqual(await links(site(collections, '0.6.1')), notFollowed);
  });

  // joshjohanning.github.io's _tabs/speaking.md shows assets/screenshots/_speaking/…: jekyll 4.3.1 copies no file below a
  // `_` folder that `include` does not name (entry_filter.rb), so the page's <img> is a 404.
  it('finds no image below a special folder inside the site, unless include names it', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const post = '---\ntitle: A\n---\n![Hidden](/assets/_hidden/a.png)\n\n![Shown](/assets/shown/b.png)\n\n![Draft](../assets/shown/_c.png)\n';
    const broken = async (config: string) => (await open({ '_config.yml': config, 'assets/_hidden/a.png': png, 'assets/shown/b.png': png, 'assets/shown/_c.png': png, '_posts/2020-01-01-a.md': post })).check('_posts/2020-01-01-a.md', post).filter((finding) => finding.code === 'broken-image').map((finding) => finding.line);
    assert.deepEqual(await broken('title: t\n'), [3, 7]);
    assert.deepEqual(await broken('title: t\ninclude: [assets/_hidden, _c.png]\n'), []);
  });

  // TheCandidStartup's `{% include candid-image.html src="/assets/…png" %}`, whose template writes `<img src="{{ include.src }}">`:
  // jekyll 4.3.1 shows the file as it is, and a missing one as a broken image.
  it('takes a parameter an include writes as an <img> src for an image, checked and weighed', async () => {
    const big = new Uint8Array(600_000).fill(0x41);
    const post = '---\ntitle: A\n---\n{% include image.html src="/assets/big.png" %}\n\n{% include image.html src="/assets/missing.png" alt="Missing" %}\n\n{% include note.html icon="/assets/gone.png" %}\n';
    const service = createPostcraftService({ fs: inMemorySite({ '_config.yml': 'title: t\n', '_includes/image.html': '<img src="{{ include.src }}" alt="{{ include.alt | default: "" }}">', '_includes/note.html': '<aside data-icon="{{ include.icon }}">{{ include.text }}</aside>', 'assets/big.png': big, '_posts/2020-01-01-a.md': post }) });
    await service.openWorkspace(['/site']);
    // checkFile weighs the images the post shows, as the whole-site check does.
    const findings = await service.checkFile('/site/_posts/2020-01-01-a.md');
    assert.deepEqual(findings.filter((finding) => finding.code !== 'missing-alt').map(({ code, range, message }) => [code, range.start.line, message.includes('guesses') ? 'guess' : 'known']), [
      ['heavy-image', 3, 'known'],
      ['broken-image', 5, 'known'],
      ['broken-image', 7, 'guess'],
    ]);
  });

  // petertengg.github.io's image.html assigns the parameter first (`{% assign img = include.src %}` … `<img src="{{ img }}">`);
  // Minimal Mistakes' `figure` (no extension) writes `{{ include.image_path | relative_url }}`, which jekyll 4.3.1 turns
  // from `assets/big2.png` into `/assets/big2.png` whatever the page's URL.
  it('follows an include parameter through an assigned variable and through relative_url', async () => {
    const big = new Uint8Array(600_000).fill(0x41);
    const post = '---\ntitle: A\n---\n{% include image.html src="/assets/big.png" %}\n\n{% include figure image_path="assets/big2.png" alt="Big" %}\n\n{% include figure image_path="assets/gone.png" alt="Gone" %}\n';
    const service = createPostcraftService({
      fs: inMemorySite({
        '_config.yml': 'title: t\n',
        '_includes/image.html': '{% assign img = include.src %}\n{% assign alt = include.alt | default: "" %}\n<a href="{{ img }}"><img src="{{ img }}" alt="{{ alt }}"></a>',
        '_includes/figure': '<figure>\n  <img src="{{ include.image_path | relative_url }}"\n       alt="{{ include.alt }}">\n</figure>',
        'assets/big.png': big,
        'assets/big2.png': big,
        '_posts/2020-01-01-a.md': post,
      }),
    });
    await service.openWorkspace(['/site']);
    const findings = await service.checkFile('/site/_posts/2020-01-01-a.md');
    assert.deepEqual(findings.filter((finding) => finding.code !== 'missing-alt').map(({ code, range, message }) => [code, range.start.line, message.includes('guesses') ? 'guess' : 'known']), [
      ['heavy-image', 3, 'known'],
      ['heavy-image', 5, 'known'],
      ['broken-image', 7, 'known'],
    ]);
  });
});


// Apexst77.github.io (Minimal Mistakes): posts link /categories/#reinforcement-learning, an id its categories.html layout writes
// as `{{ category[0] | slugify | downcase }}` in a loop over site.categories; jekyll 4.3.1 builds `<section id="reinforcement-learning">`.
describe('Jekyll layouts that compute IDs', () => {
  it('checks no fragment of a page whose own layout computes its IDs, and still those of other pages', async () => {
    const { check } = await open({
      '_config.yml': 'title: t\npermalink: /:categories/:title/\n',
      '_layouts/default.html': '<body id="{{ page.layout }}">{{ content }}</body>',
      '_layouts/categories.html': '---\nlayout: default\n---\n{% for category in site.categories %}<section id="{{ category[0] | slugify | downcase }}"><h2>{{ category[0] }}</h2></section>{% endfor %}',
      'categories.md': '---\ntitle: Posts by Category\nlayout: categories\npermalink: /categories/\n---\n',
      // CocoaPods' post layout: one computed wrapper ID, no loop; the page's headings are still its anchors.
      '_layouts/page.html': '---\nlayout: default\n---\n<article id="{{ page.post_title_id }}">{{ content }}</article>',
      'about.md': '---\ntitle: About\nlayout: page\npermalink: /about/\n---\n## Me\n',
    });
    const findings = check('_posts/2020-08-18-a.md', post('categories: [Reinforcement_Learning]', 'See [all posts](/categories/#reinforcement-learning) and [me](/about/#you).'));
    assert.deepEqual(findings.map((finding) => [finding.code, /"#([^"]+)"/.exec(finding.message)?.[1]]), [['broken-anchor', 'you']]);
  });
});

// nsshommo/jaycuthrell.github.io has posts with `draft: true`: Jekyll has no such key (only _drafts/ and `published: false`), and
// jekyll 4.3.1 builds them; a `{% post_url %}` to one resolves.
describe('Jekyll drafts', () => {
  it('takes draft: true for data, and _drafts/ and published: false for unpublished', async () => {
    const { check } = await open({
      '_config.yml': 'title: t\n',
      '_posts/2020-01-01-a.md': '---\ntitle: A\ndraft: true\n---\nHello.\n',
      '_posts/2020-01-03-c.md': '---\ntitle: C\npublished: false\n---\nHello.\n',
    });
    const findings = check('_posts/2020-01-02-b.md', '---\ntitle: B\n---\nSee [a]({% post_url 2020-01-01-a %}), [a2](/2020/01/01/a.html) and [c]({% post_url 2020-01-03-c %}).\n');
    assert.deepEqual(findings.map((finding) => [finding.code, finding.message.includes('2020-01-03-c')]), [['broken-link', true]]);
  });
});

// nsshommo/jaycuthrell.github.io's search/index.md has `date:` with no value: jekyll 4.3.1 builds the page (pages never parse
// `date`), where the same in a post stops the build ("Invalid date ''").
describe('Jekyll dates of pages', () => {
  it('reports an unreadable date in a post, not in a page', async () => {
    const { check } = await open({ '_config.yml': 'title: t\n' });
    const text = '---\ntitle: Search\ndate:\n---\nSearch.\n';
    assert.deepEqual(codes(check('search/index.md', text)), []);
    assert.deepEqual(codes(check('_posts/2020-01-01-a.md', text)), ['schema']);
  });
});

// nsshommo/jaycuthrell.github.io's search page: `<script type="text/x-template"><li><a href="##Url##">` is filled in by a script;
// jekyll 4.3.1 writes it as it is, and a browser makes no link of it.
describe('Jekyll raw HTML links', () => {
  it('reads no link inside a script or a template', async () => {
    const { check } = await open({ '_config.yml': 'title: t\n' });
    const text = '---\ntitle: Search\n---\n<script type="text/x-template">\n<li><a href="##Url##">x</a></li>\n</script>\n\n<template>\n<a href="#nowhere-t">t</a>\n</template>\n\n<p><a href="#nowhere">y</a></p>\n';
    assert.deepEqual(check('search/index.md', text).map((finding) => /"#([^"]+)"/.exec(finding.message)?.[1]), ['nowhere']);
  });
});

// erlang/erlang-org's news have `attachment: "/upload/news/….png"`, a key no layout, include or plugin of the site reads (it has no
// theme gem): jekyll 4.3.1 writes no such image, so the value is no image of the page.
describe('Jekyll frontmatter keys no template reads', () => {
  const post = '---\ntitle: N\nattachment: "/upload/news/gone.png"\nbanner: /img/gone.png\n---\nNews.\n';
  const files = { '_config.yml': 'title: t\n', '_layouts/post.html': '<h1>{{ page.title }}</h1><img src="{{ page.banner }}">{{ content }}' };

  it('guesses no image in a key no template names, where every template is on disk', async () => {
    const { check } = await open(files);
    assert.deepEqual(check('_posts/2020-01-01-n.md', post).map((finding) => finding.message.includes('banner')), [true]);
  });

  it('still guesses where a theme gem holds templates Postcraft cannot read, or the post shows the key itself', async () => {
    assert.equal((await open({ ...files, '_config.yml': 'title: t\ntheme: minima\n' })).check('_posts/2020-01-01-n.md', post).length, 2);
    assert.equal((await open(files)).check('_posts/2020-01-01-n.md', post.replace('News.', 'See {{ page.attachment }}.')).length, 2);
  });
});
