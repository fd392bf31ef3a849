import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { renderPreview } from '../../src/core/render/index';
import { formatMessage } from '../../src/core/l10n/message';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

async function check(files: Record<string, string | Uint8Array>, post: string, text: string) {
  const service = createPostcraftService({ fs: inMemorySite(files) });
  await service.openWorkspace(['/site']);
  return service.checkText(`/site/${post}`, text, { severities: { 'missing-alt': 'off' } }).map((finding) => ({ code: finding.code, severity: finding.severity, line: finding.range.start.line, message: finding.message }));
}

// With Goldmark's unsafe renderer, so that the posts' raw HTML reaches their pages.
const hugo = { 'hugo.toml': 'baseURL = "https://example.org/"\n[markup.goldmark.renderer]\nunsafe = true\n', 'static/img/here.png': png };
const jekyll = { '_config.yml': 'title: x\n', 'images/here.png': png };

describe('images where the site puts them', () => {
  it('reports a missing image under an unknown frontmatter key as a warning that says it is a guess', async () => {
    const findings = await check(hugo, 'content/posts/a.md', '---\ntitle: A\ntwitter_image: /img/gone.png\nimage: /img/lost.png\nsocial: /img/here.png\n---\n');
    // Hugo's own image field is read by the theme's layouts too (see frontmatterImageRules.test.ts): also a warning.
    assert.deepEqual(
      findings.map(({ code, severity, line }) => [code, severity, line]),
      [['broken-image', 'warning', 2], ['broken-image', 'warning', 3]],
    );
    assert.match(findings[0]!.message, /"twitter_image", which is not a known image field; Postcraft guesses its value is an image path/);
  });

  // eleventy-excellent's gallery posts pass `./src/assets/images/gallery/x.jpg` to an eleventy-img shortcode, which reads it from the project's folder.
  it('takes a guessed value naming a file from the project\'s folder for that file', async () => {
    const eleventy = { 'eleventy.config.js': 'export default function () {}\n', 'src/assets/images/gallery/a.jpg': png };
    const findings = await check(eleventy, 'src/posts/p.md', '---\ntitle: P\ngallery:\n  - image: ./src/assets/images/gallery/a.jpg\n  - image: ./src/assets/images/gallery/gone.jpg\n---\n');
    assert.deepEqual(findings.map(({ code, line }) => [code, line]), [['broken-image', 4]]);
  });

  it('resolves shortcode arguments as Hugo resolves images: figure src is an error, a custom shortcode a guess', async () => {
    // A glob names files by pattern (fluxcd.io's gallery shortcode: `Resources.Match`, which hugo matches to wego-featured.png).
    const body = '{{< figure src="/img/gone.png" >}}\n{{< myimg src="/img/lost.png" >}}\n{{< myimg "/img/here.png" >}}\n{{< gallery match="wego*.png" >}}\n';
    const findings = await check(hugo, 'content/posts/a.md', `---\ntitle: A\n---\n${body}`);
    assert.deepEqual(
      findings.map(({ severity, line }) => [severity, line]),
      [['error', 3], ['warning', 4]],
    );
    assert.match(findings[1]!.message, /\(in shortcode `myimg`; Postcraft guesses this argument is an image path\)/);
  });

  // hugoDocs' code-toggle reads `config=imaging.avif` as a key of its data files: hugo 0.111.3 renders it, no image involved.
  it('takes no argument of a shortcode whose template shows no file for an image, the project’s template before a theme’s', async () => {
    const site = {
      ...hugo,
      'hugo.toml': 'baseURL = "https://example.org/"\ntheme = "t"\n',
      'layouts/shortcodes/code-toggle.html': '{{/* <img src="{{ .Get 0 }}"> in a comment */}}{{ $keys := split (.Get "config") "." }}<div x-data><use href="#icon"></use>{{ index site.Data.docs $keys }}</div>',
      'themes/t/layouts/shortcodes/code-toggle.html': '<img src="{{ .Get "config" }}">',
      'layouts/_shortcodes/shot.html': '<img src="{{ .Get 0 | relURL }}">',
    };
    const body = '{{< code-toggle config=imaging.avif />}}\n{{< shot "/img/gone.png" >}}\n{{< unknown "/img/lost.png" >}}\n';
    const findings = await check(site, 'content/posts/a.md', `---\ntitle: A\n---\n${body}`);
    assert.deepEqual(findings.map(({ code, severity, line }) => [code, severity, line]), [['broken-image', 'warning', 4], ['broken-image', 'warning', 5]]);
  });

  // digital.gov's legacy-img: `printf "%s/%s/%s" $cdnurl "_legacy-img" $imgPath`, its cdnurl an S3 address (hugo 0.133
  // writes the CDN's URL); a template that joins its argument to a local path still has it looked up.
  it('takes no argument of a shortcode whose template puts it on another host for an image of the site', async () => {
    const cdn = '{{- $cdnurl := .Site.Params.cdnurl -}}{{- $imgCDN := printf "%s/%s/%s" $cdnurl "_legacy-img" (.Get "src") -}}<img src="{{ $imgCDN }}">';
    const local = '{{- $path := printf "%s/%s" "/img" (.Get "src") -}}<img src="{{ $path }}">';
    const site = { ...hugo, 'layouts/shortcodes/legacy-img.html': cdn, 'layouts/shortcodes/local-img.html': local };
    const body = '{{< legacy-img src="/2013/11/tunnel.jpg" >}}\n{{< local-img src="/img/gone.png" >}}\n';
    const findings = await check(site, 'content/posts/a.md', `---\ntitle: A\n---\n${body}`);
    assert.deepEqual(findings.map(({ code, line }) => [code, line]), [['broken-image', 4]]);
  });

  it('resolves Liquid tag arguments on a Jekyll site as guesses', async () => {
    const findings = await check(jekyll, '_posts/2024-01-02-a.md', '---\ntitle: A\n---\n{% lightbox_img /images/gone.png caption %}\n{% lightbox_img /images/here.png %}\n');
    assert.deepEqual(findings.map(({ code, severity, line }) => [code, severity, line]), [['broken-image', 'warning', 3]]);
    assert.match(findings[0]!.message, /in Liquid tag `lightbox_img`/);
  });

  // johnwargo's eleventy-plugin-image-caption: {% imageCaption "x.png" "Caption" %} keeps the name as a key for its
  // numbering and writes no <img> (Eleventy 3.1.6); the image is the Markdown one before it.
  it('takes a guessed bare name that an image of the post ends with for a key, not a missing image', async () => {
    const text = '---\ntitle: A\n---\n![Jig](/images/here.png)\n{% imageCaption "here.png" "Circuit" %}\n{% imageCaption "other.png" "Other" %}\n';
    const findings = await check(jekyll, '_posts/2024-01-02-a.md', text);
    assert.deepEqual(findings.map(({ code, line }) => [code, line]), [['broken-image', 5]]);
  });

  // hugo 0.111.3 writes the highlight shortcode's inner text as code (`&lt;img`), as jekyll 4.3.1 does a `{% highlight %}`
  // block: no image, link or heading of the page is in it (a `# comment` line is no heading either).
  it('finds no image, link or heading in Hugo’s highlight shortcode or Liquid’s highlight block', async () => {
    const code = '<img src="photo.png">\n![](/img/gone.png)\n[a](/nowhere/)\n# install\n';
    const hugoBody = `{{< highlight html "linenos=table" >}}\n${code}{{< /highlight >}}\n\n{{% highlight go %}}\n${code}{{% /highlight %}}\n\n## Install\n\n[up](#install)\n`;
    const service = createPostcraftService({ fs: inMemorySite({ ...hugo, 'content/posts/a.md': `---\ntitle: A\n---\n${hugoBody}` }) });
    await service.openWorkspace(['/site']);
    assert.deepEqual((await service.checkFile('/site/content/posts/a.md')).map((finding) => finding.code), []);
    // The heading after the blocks is the page's first "install": #install is it (Hugo would number a second one install-1).
    assert.deepEqual(service.siteFor('/site/content/posts/a.md')?.posts.get('/site/content/posts/a.md')?.anchors?.map((anchor) => anchor.id), ['install']);
    // Outside a block, or in an escaped call shown as text, the same lines count.
    const escaped = `{{</* highlight html */>}}\n${code}{{</* /highlight */>}}\n`;
    assert.deepEqual((await check(hugo, 'content/posts/b.md', `---\ntitle: B\n---\n${escaped}`)).map(({ code }) => code), ['broken-image', 'broken-image']);
    assert.deepEqual(await check(jekyll, '_posts/2024-01-01-a.md', `---\ntitle: A\n---\n{% highlight html %}\n${code}{% endhighlight %}\n`), []);
  });

  // hugo 0.111.3 publishes a folder mounted at content/uploads under /uploads/ only (regisphilibert.com's
  // `/posts/flexbox.gif` for uploads/posts/flexbox.gif was a broken image).
  it('finds an image of a content mount at the mount’s place in the URL space, not at the root', async () => {
    const mounted = { 'hugo.toml': 'baseURL = "https://example.org/"\n[[module.mounts]]\nsource = "content"\ntarget = "content"\n[[module.mounts]]\nsource = "uploads"\ntarget = "content/uploads"\n', 'uploads/posts/grid.png': png };
    const findings = await check(mounted, 'content/posts/a.md', '---\ntitle: A\n---\n![A grid](/posts/grid.png)\n![A grid](/uploads/posts/grid.png)\n');
    assert.deepEqual(findings.map(({ code, line }) => [code, line]), [['broken-image', 3]]);
  });

  // A bundle's files are published at its page's URL (hugo 0.111.3); rOpenSci's theme passes twitterImg through absURL.
  it('finds a file of the post’s own bundle by the post’s URL, though a permalink moved it, and a frontmatter value without its slash', async () => {
    const site = { 'hugo.toml': 'baseURL = "https://example.org/"\n[permalinks]\nblog = "/blog/:year/:month/:day/:slug/"\n', 'content/blog/2020-09-29-mapscanner/plot.png': png };
    const text = '---\ntitle: M\ndate: 2020-09-29\nslug: mapscanner\ntwitterImg: blog/2020/09/29/mapscanner/plot.png\nsocialImg: blog/2020/09/29/mapscanner/gone.png\n---\n![p](/blog/2020/09/29/mapscanner/plot.png)\n![q](/blog/2020/09/29/mapscanner/lost.png)\n';
    const findings = await check({ ...site, 'content/blog/2020-09-29-mapscanner/index.md': text }, 'content/blog/2020-09-29-mapscanner/index.md', text);
    assert.deepEqual(findings.map(({ code, severity, line }) => [code, severity, line]), [['broken-image', 'warning', 5], ['broken-image', 'error', 8]]);
  });

  // linkerd.io's roundups show /2023/06/21/linkerd-edge-roundup/cover.jpg, which Hugo publishes from that post's bundle.
  // The post that shows it is read first here: the whole-site check leaves such an image for its second pass.
  it('finds a file of another post\'s bundle by that post\'s URL, post by post and in a whole-site check alike', async () => {
    const files = {
      'hugo.toml': 'baseURL = "https://example.org/"\n[permalinks]\nblog = "/:year/:month/:day/:slug/"\n',
      'content/blog/0621-roundup/index.md': '---\ntitle: R\ndate: 2023-06-21\nslug: linkerd-edge-roundup\n---\nText.\n',
      'content/blog/0621-roundup/cover.jpg': png,
      'content/blog/0001-later/index.md': '---\ntitle: L\ndate: 2023-08-07\nimages: [/2023/06/21/linkerd-edge-roundup/cover.jpg]\n---\n![c](/2023/06/21/linkerd-edge-roundup/cover.jpg) ![g](/2023/06/21/linkerd-edge-roundup/gone.jpg)\n',
    };
    const later = '/site/content/blog/0001-later/index.md';
    const perPost = createPostcraftService({ fs: inMemorySite(files) });
    await perPost.openWorkspace(['/site']);
    const findings = (await perPost.checkFile(later)).filter((finding) => finding.code !== 'missing-alt');
    assert.deepEqual(findings.map((finding) => [finding.code, finding.range.start.line, /gone/.test(finding.message)]), [['broken-image', 5, true]]);
    const wholeSite = createPostcraftService({ fs: inMemorySite(files), checksAfterOpening: () => true });
    const [site] = await wholeSite.openWorkspace(['/site']);
    assert.deepEqual((await wholeSite.checkSite(site!)).filter((finding) => finding.file === later && finding.code !== 'missing-alt'), findings);
  });

  // jekyll 4.3.1 publishes _tutorials/t.md at /tutorials/t/ and the browser takes ../../img/a.png from there: /img/a.png.
  it('takes a relative image from the page’s URL, as the browser does, where the file’s folder leads out of the site', async () => {
    const site = { '_config.yml': 'collections:\n  tutorials:\n    output: true\n    permalink: /:collection/:path/\n', 'img/a.png': png };
    assert.deepEqual(await check(site, '_tutorials/t.md', '---\ntitle: T\n---\n<img src="../../img/a.png" alt="a">\n'), []);
    assert.deepEqual(await check(site, '_posts/2020-01-02-p.md', '---\ntitle: P\n---\n![a](../../../img/a.png)\n'), []);
    // Missing where the browser asks for it (/img/gone.png), though the file's folder leads out of the site (swift.org's
    // post at /blog/swift-CI/ shows ../../continuous-integration/images/ci_pass.png, published elsewhere).
    const missing = await check(site, '_tutorials/t.md', '---\ntitle: T\n---\n<img src="../../img/gone.png" alt="a">\n');
    assert.deepEqual(missing.map(({ code, message }) => [code, message.split(' (')[0]]), [['broken-image', 'Image not found: "../../img/gone.png"']]);
    const outside = await check(site, '_tutorials/t.md', '---\ntitle: T\n---\n<img src="../../../img/gone.png" alt="a">\n');
    assert.deepEqual(outside.map(({ code }) => code), ['image-outside-site']);
    // A browser stops climbing at the root (the URL Standard's "shorten a path"): clungu's ../../assets/images/a.png from
    // /Mean-Shift/ (permalink /:categories/:title/, no category) loads /assets/images/a.png, as jekyll 4.3.1 writes the tag.
    const clungu = { '_config.yml': 'permalink: /:categories/:title/\n', 'assets/images/a.png': png };
    assert.deepEqual(await check(clungu, '_posts/2018-03-20-Mean-Shift.md', '---\ntitle: M\ncategories:\n---\n![a](../../assets/images/a.png)\n'), []);
  });

  // keptn.sh: layouts/shortcodes/popup_image.html makes `/<File.Dir>` + the link less its first `../` (one folder fewer
  // than the browser climbs), and an old `{{< popup_image link="./assets/x.png" >}}` sits in an HTML comment; hugo 0.111.3
  // serves the first image and shows none of the second.
  it('checks no image of a shortcode that makes its own path from the page\'s folder, nor one inside an HTML comment', async () => {
    const popup = '{{- $link := .Get "link" -}}{{- if eq (slicestr $link 0 3) "../" -}}{{- $link = printf "/%s%s" .Page.File.Dir (slicestr $link 3) -}}{{- end -}}<img src="{{ $link }}">';
    const plain = '<img src="{{ .Get "src" }}" alt="{{ .Get "alt" }}">';
    const site = { ...hugo, 'layouts/shortcodes/popup_image.html': popup, 'layouts/shortcodes/plain.html': plain };
    const body = '{{< popup_image link="../../../a/gone.png" >}}\n\n<!-- old:\n{{< plain src="./gone-too.png" alt="x" >}}\n-->\n\n{{< plain src="./missing.png" alt="y" >}}\n';
    const found = await check(site, 'content/posts/p.md', `---\ntitle: P\n---\n${body}`);
    assert.deepEqual(found.map(({ code, message }) => [code, message.split(' (')[0]]), [['broken-image', 'Image not found: "./missing.png"']]);
  });

  // The fuzz found it: a plain Markdown folder has no page URL to climb from, so ../../../img/a.png leaves it.
  it('reports a relative image that climbs above a plain Markdown folder as outside it, though the file it names exists', async () => {
    const outside = await check({ 'README.md': '# Notes\n', 'img/a.png': png }, 'notes/a.md', '# A\n\n![a](../../../img/a.png)\n');
    assert.deepEqual(outside.map(({ code }) => code), ['image-outside-site']);
  });

  // The check, the hover, the document links and the preview ask one resolver (site/pageImages.ts).
  it('finds the image the page serves from its own URL in the hover, the document links and the preview too', async () => {
    const files = { '_config.yml': 'collections:\n  tutorials:\n    output: true\n    permalink: /:collection/:path/\n', 'img/a.png': png };
    const text = '---\ntitle: T\n---\n![a](../../img/a.png)\n';
    const service = createPostcraftService({ fs: inMemorySite({ ...files, '_tutorials/t.md': text }) });
    await service.openWorkspace(['/site']);
    const path = '/site/_tutorials/t.md';
    assert.deepEqual(service.checkText(path, text), []);
    assert.deepEqual(service.documentLinks(path, text).map((link) => link.target), ['/site/img/a.png']);
    assert.deepEqual(service.hover(path, text, text.indexOf('img/a.png'))?.images, ['/site/img/a.png']);
    const preview = renderPreview(service, path, text, { toResourceUri: (file) => `resource:${file}` });
    assert.match(preview?.html ?? '', /src="resource:\/site\/img\/a\.png"/);
  });

  // made-mistakes-jekyll keeps its images in a submodule (assets/images): a checkout without it lacks 3,900 files the site has.
  it('reports no image or file link in a git submodule the checkout lacks, and says the submodule is not there', async () => {
    const files = { ...jekyll, '.gitmodules': '[submodule "images"]\n\tpath = assets/images\n\turl = https://example.org/images.git\n', 'assets/other/kept.png': png };
    const text = '---\ntitle: A\n---\n\n![a](/assets/images/x.jpg) ![c](/assets/other/gone.png) [d](/assets/images/z.png)\n';
    const findings = await check(files, '_posts/2020-01-01-a.md', text);
    assert.deepEqual(findings.map(({ code, message }) => [code, message.split(' (')[0]]), [['broken-image', 'Image not found: "/assets/other/gone.png"']]);
    const service = createPostcraftService({ fs: inMemorySite(files) });
    const [site] = await service.openWorkspace(['/site']);
    assert.deepEqual(site!.configProblems.map((problem) => formatMessage(problem)), ['the git submodule assets/images is not checked out (git submodule update --init): images and files in it are not checked']);
    // A theme in a submodule is looked in after the site's own static folder, for a file the site does not have.
    const hugoTheme = { ...hugo, 'hugo.toml': 'baseURL = "https://example.org/"\ntheme = "ananke"\n', '.gitmodules': '[submodule "ananke"]\n\tpath = themes/ananke\n\turl = https://example.org/ananke.git\n' };
    assert.deepEqual((await check(hugoTheme, 'content/posts/a.md', '---\ntitle: A\n---\n\n![a](/blog/ec2-docker.png)\n')).map(({ code }) => code), ['broken-image']);
  });

  it('does not report a footnote definition as a missing image', async () => {
    assert.deepEqual(await check(hugo, 'content/posts/a.md', '---\ntitle: A\n---\nGreat![^1]\n\n[^1]: If you like it.\n'), []);
  });

  it('does not let one odd backtick hide a missing image in a later paragraph', async () => {
    const findings = await check(hugo, 'content/posts/a.md', '---\ntitle: A\n---\nA stray ` here.\n\n![x](/img/gone.png)\n\nand `code`\n');
    assert.deepEqual(findings.map(({ code, line }) => [code, line]), [['broken-image', 5]]);
  });
});

describe('a title from the first-level heading', () => {
  it('does not take a # comment in fenced code for the title', async () => {
    const findings = await check(hugo, 'content/posts/a.md', '---\ndate: 2024-01-01\n---\n```sh\n# install\nnpm i\n```\n');
    assert.deepEqual(findings.map(({ code, message }) => [code, message]), [['schema', 'Missing "title".']]);
  });

  it('takes a setext heading or an ATX heading outside code for the title', async () => {
    assert.deepEqual(await check(hugo, 'content/posts/a.md', '---\ndate: 2024-01-01\n---\nMy Post\n=======\n'), []);
    assert.deepEqual(await check(hugo, 'content/posts/b.md', '---\ndate: 2024-01-01\n---\n```\ncode\n```\n\n# My Post\n'), []);
  });
});
