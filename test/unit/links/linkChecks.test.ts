import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../../src/core/index';
import { InMemoryFileSystem } from '../../../src/core/host/inMemoryFileSystem';

// A small Hugo site in memory: posts at /posts/<name>/, headings by Goldmark's github rule.
function hugoSite(extra: Record<string, string> = {}) {
  return new InMemoryFileSystem('/site', {
    // Goldmark's unsafe renderer: the raw `<a href>`s of these posts reach their pages.
    'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "T"\n[markup.goldmark.renderer]\nunsafe = true\n',
    'content/posts/target.md': '---\ntitle: Target\n---\n\n## Getting Started\n\nText.\n',
    'content/posts/draft.md': '---\ntitle: Draft\ndraft: true\n---\n\nText.\n',
    'content/posts/source.md': '---\ntitle: Source\n---\n\nSee [it](/posts/target/#getting-started), [that](/posts/targte/), [the draft](/posts/draft/) and [a section](/posts/target/#setup).\n',
    ...extra,
  });
}

async function open(fs: InMemoryFileSystem) {
  const service = createPostcraftService({ fs });
  await service.openWorkspace(['/site']);
  return service;
}

/** The findings' messages, less what is in parentheses, for `file` of the Hugo site with `extra`. */
async function messageHeads(extra: Record<string, string>, file = 'content/posts/source.md'): Promise<string[]> {
  return (await (await open(hugoSite(extra))).checkFile(`/site/${file}`)).map((finding) => finding.message.split(' (')[0]!);
}

describe('links between posts', () => {
  it('reports a URL to no page with a fix to the likely one, a link to a draft, and a fragment no heading has', async () => {
    const service = await open(hugoSite());
    const findings = await service.checkFile('/site/content/posts/source.md');
    const byCode = findings.map((finding) => [finding.code, finding.severity, finding.message]);
    assert.deepEqual(byCode, [
      ['broken-link', 'warning', 'No page or file at "/posts/targte/" (looked for /posts/targte/). Did you mean "/posts/target/"?'],
      ['broken-link', 'warning', '"/posts/draft/" links to a draft, which Hugo does not publish, so the link is broken on the published site.'],
      ['broken-anchor', 'warning', 'No heading or anchor "#setup" in "Target".'],
    ]);
    assert.deepEqual(findings[0]!.fixes.map((fix) => fix.edits[0]!.newText), ['/posts/target/', '<!-- postcraft-disable-next-line broken-link -->\n']);
  });

  // Hugo 0.111.3 builds no page whose expiryDate (or unpublishdate) has passed, and fails on a `ref` to one
  // (REF_NOT_FOUND); `buildExpired`, `buildFuture` and `buildDrafts` in the config build them after all.
  it('reports a link to a page that expired (Hugo), and none when the config builds expired, future and draft pages', async () => {
    const pages = {
      'content/posts/old.md': '---\ntitle: Old\ndate: 2020-01-01\nexpiryDate: 2021-01-01\n---\n\nOld news.\n',
      'content/posts/gone.md': '---\ntitle: Gone\nunpublishdate: 2021-06-01\n---\n\nText.\n',
      'content/posts/later.md': '---\ntitle: Later\nexpiryDate: 2999-01-01\n---\n\nStill here.\n',
      'content/posts/future.md': '---\ntitle: Future\ndate: 2999-01-01\n---\n\nNot yet.\n',
      'content/posts/source.md': '---\ntitle: Source\n---\n\n[a](/posts/old/) [b]({{< ref "posts/old.md" >}}) [c](/posts/gone/) [d](/posts/later/) [e](/posts/future/) [f](/posts/draft/)\n',
    };
    const messages = async (fs: InMemoryFileSystem) => (await (await open(fs)).checkFile('/site/content/posts/source.md')).map((finding) => `${finding.code} ${finding.severity} ${finding.message}`);
    assert.deepEqual(await messages(hugoSite(pages)), [
      'broken-link warning "/posts/old/" links to a page that expired on 2021-01-01, which Hugo no longer publishes, so the link is broken on the published site.',
      'broken-link error "posts/old.md" links to a page that expired on 2021-01-01, which Hugo no longer publishes, so the build stops on it.',
      'broken-link warning "/posts/gone/" links to a page that expired on 2021-06-01, which Hugo no longer publishes, so the link is broken on the published site.',
      'broken-link warning "/posts/future/" links to a post dated 2999-01-01, which Hugo publishes only from that day, so the link is broken on the published site.',
      'broken-link warning "/posts/draft/" links to a draft, which Hugo does not publish, so the link is broken on the published site.',
    ]);
    const buildsAll = hugoSite({ ...pages, 'hugo.toml': 'baseURL = "https://example.org/"\nbuildExpired = true\nbuildFuture = true\nbuildDrafts = true\n' });
    assert.deepEqual(await messages(buildsAll), []);
    // `[frontmatter] expiryDate` names the keys it is read from.
    const ownKey = hugoSite({ ...pages, 'hugo.toml': 'baseURL = "https://example.org/"\n[frontmatter]\nexpiryDate = ["validuntil"]\n', 'content/posts/old.md': '---\ntitle: Old\nexpiryDate: 2021-01-01\nvalidUntil: 2022-02-02\n---\n\nOld.\n' });
    assert.match((await messages(ownKey))[0] ?? '', /"\/posts\/old\/" links to a page that expired on 2022-02-02/);
  });

  // digital.gov: hugo 0.111.3 builds neither an expired page nor what it links to, and writes a published page's alias
  // redirect at an expired page's URL.
  it('reports no link of an expired page to another unpublished one, nor a link to an expired page’s URL that another page’s alias redirects', async () => {
    const files = hugoSite({
      'content/posts/old.md': '---\ntitle: Old\nexpiryDate: 2021-01-01\n---\n\n[a](/posts/older/) [b](/posts/draft/)\n',
      'content/posts/older.md': '---\ntitle: Older\nexpiryDate: 2020-01-01\n---\n',
      'content/posts/toolkit.md': '---\ntitle: Toolkit\nexpiryDate: 2021-01-01\n---\n',
      'content/posts/topic.md': '---\ntitle: Topic\naliases: [/posts/toolkit/, /posts/live/]\n---\n',
      'content/posts/live.md': '---\ntitle: Live\n---\n\n[c](/posts/toolkit/#intro) [d](/posts/older/) [e]({{< ref "posts/toolkit.md" >}}) [f](#gone)\n',
    });
    const service = await open(files);
    assert.deepEqual((await service.checkFile('/site/content/posts/old.md')).map((finding) => finding.message), []);
    assert.deepEqual((await service.checkFile('/site/content/posts/live.md')).map((finding) => finding.message.split(',')[0]), ['"/posts/older/" links to a page that expired on 2020-01-01', '"posts/toolkit.md" links to a page that expired on 2021-01-01', 'No heading or anchor "#gone" in this page.']);
  });

  // digital.gov sets refLinksErrorLevel: WARNING: hugo logs a ref to a page it does not build as a warning, writes
  // refLinksNotFoundURL for it, and goes on.
  it('reports a Hugo ref to no built page as a warning where refLinksErrorLevel is WARNING', async () => {
    const post = '---\ntitle: Source\n---\n\n[b]({{< ref "posts/old.md" >}}) [m]({{< ref "posts/missing.md" >}})\n';
    const files = (config: string) => hugoSite({ 'hugo.toml': `baseURL = "https://example.org/"\n${config}`, 'content/posts/old.md': '---\ntitle: Old\nexpiryDate: 2021-01-01\n---\n', 'content/posts/source.md': post });
    const severities = async (config: string) => (await (await open(files(config))).checkFile('/site/content/posts/source.md')).map((finding) => `${finding.severity} ${finding.message.split(',')[0]}`);
    assert.deepEqual(await severities(''), ['error "posts/old.md" links to a page that expired on 2021-01-01', 'error No page or file at "posts/missing.md" (looked for posts/missing.md). REF_NOT_FOUND: Ref "posts/missing.md" from page "posts/source.md": page not found.']);
    assert.deepEqual(await severities('refLinksErrorLevel = "WARNING"\n'), ['warning "posts/old.md" links to a page that expired on 2021-01-01', 'warning No page or file at "posts/missing.md" (looked for posts/missing.md). REF_NOT_FOUND: Ref "posts/missing.md" from page "posts/source.md": page not found.']);
  });

  // Jekyll 4.3.1 builds no page with `published: false` and stops on a `post_url` to one ("Could not find
  // post"); `unpublished: true` builds them, as `future: true` builds posts dated later.
  it('reports a link to a Jekyll page with published: false, and none when the config builds them', async () => {
    const files = (config: string) => new InMemoryFileSystem('/site', {
      '_config.yml': config,
      '_posts/2020-01-02-hidden.md': '---\ntitle: Hidden\npublished: false\n---\nH.\n',
      '_posts/2999-01-01-later.md': '---\ntitle: Later\n---\nL.\n',
      '_posts/2020-01-01-now.md': '---\ntitle: Now\n---\n[a](/2020/01/02/hidden.html) [b]({% post_url 2020-01-02-hidden %}) [c](/2999/01/01/later.html)\n',
    });
    const messages = async (fs: InMemoryFileSystem) => (await (await open(fs)).checkFile('/site/_posts/2020-01-01-now.md')).map((finding) => `${finding.code} ${finding.message}`);
    assert.deepEqual(await messages(files('title: T\n')), [
      'broken-link "/2020/01/02/hidden.html" links to a draft, which Jekyll does not publish, so the link is broken on the published site.',
      'broken-link "2020-01-02-hidden" links to a draft, which Jekyll does not publish, so the build stops on it.',
      'broken-link "/2999/01/01/later.html" links to a post dated 2999-01-01, which Jekyll publishes only from that day, so the link is broken on the published site.',
    ]);
    assert.deepEqual(await messages(files('unpublished: true\nfuture: true\n')), []);
  });

  // jalammar.github.io: <img src="/images/image-gen/⏎2464…png">, written as it is by jekyll 4.3.1; the browser's URL parser
  // drops the newline and shows the image. So for an href.
  it('reads a URL in an attribute without the tabs and newlines a browser drops', async () => {
    const fs = new InMemoryFileSystem('/site', {
      '_config.yml': 'title: T\n',
      'images/a.png': 'png',
      'about.md': '---\ntitle: About\npermalink: /about/\n---\nA.\n',
      '_posts/2023-01-01-x.md': '---\ntitle: X\n---\n<div markdown="0">\n  <img src="/images/\na.png" alt="A" />\n  <a href="/ab\tout/">about</a> <img src="/images/\nb.png" alt="B" />\n</div>\n',
    });
    const findings = await (await open(fs)).checkFile('/site/_posts/2023-01-01-x.md');
    assert.deepEqual(findings.map((finding) => `${finding.code} ${finding.message.split(' (')[0]}`), ['broken-image Image not found: "/images/\nb.png"']);
  });

  // goyllo.github.io: `include: ['_pages']` and category pages in _pages/ with their own permalinks; jekyll 4.3.1 builds
  // a/index.html and b/index.html (entry_filter.rb keeps what `include` names before it drops `_` names).
  it('takes the pages of a `_` folder the Jekyll config includes for pages, Markdown and HTML alike', async () => {
    const files = (include: string) => new InMemoryFileSystem('/site', {
      '_config.yml': `title: T\npermalink: none\n${include}`,
      '_pages/a.md': '---\ntitle: A\npermalink: /a/\n---\nA.\n',
      '_pages/b.html': '---\ntitle: B\npermalink: /b/\n---\n<p>B</p>\n',
      '_posts/2023-01-01-x.md': '---\ntitle: X\n---\n[a](/a/) [b](/b/)\n',
    });
    const messages = async (fs: InMemoryFileSystem) => (await (await open(fs)).checkFile('/site/_posts/2023-01-01-x.md')).map((finding) => finding.message.split(' (')[0]);
    assert.deepEqual(await messages(files('include: ["_pages"]\n')), []);
    assert.deepEqual(await messages(files('')), ['No page or file at "/a/"', 'No page or file at "/b/"']);
  });

  // kramdown reads `$$…$$` as math before links (m-pilia.github.io, jekyll 4.3.1: `\[J[f](\boldsymbol{x})\]`, no <a>), and
  // a heading's ID keeps its math's text (MarkusThill.github.io's `### Why are there $$2^n$$ subsets?` is why-are-there-2n-subsets).
  it('reads no link in Jekyll math, and the heading IDs of headings that hold math', async () => {
    const fs = new InMemoryFileSystem('/site', {
      '_config.yml': 'title: T\n',
      '_posts/2020-01-01-math.md': '---\ntitle: Math\n---\nInline $$g[f](x)$$ and [a](#why-are-there-2n-subsets) [b](#gone).\n\n$$\nJ[f](\\boldsymbol{x}) = 1\n$$\n\n### Why are there $$2^n$$ subsets?\n',
    });
    const findings = await (await open(fs)).checkFile('/site/_posts/2020-01-01-math.md');
    assert.deepEqual(findings.map((finding) => `${finding.code} ${finding.message.split(' in ')[0]}`), ['broken-anchor No heading or anchor "#gone"']);
  });

  // swift.org's _plugins/packages.rb writes /packages/server.html (jekyll build 4.3.1 writes it); /server/ is a page
  // of its own. Elsewhere, or without such a plugin, or built with `safe: true`, a link to no page is reported.
  it('takes a Jekyll URL in a folder where the site’s own plugins make pages for one of them', async () => {
    const files = (config: string, plugin: string) => new InMemoryFileSystem('/site', {
      '_config.yml': config,
      '_plugins/categories.rb': plugin,
      'server/index.md': '---\ntitle: Server\n---\nS.\n',
      '_posts/2020-01-01-now.md': '---\ntitle: Now\n---\n[a](/packages/server.html) [b](/2020/01/01/nov.html) [c](/other/server.html)\n',
    });
    const adds = 'module Jekyll\n  class Categories < Generator\n    def generate(site)\n      site.pages << PageWithoutAFile.new(site, site.source, "packages", "server.md")\n    end\n  end\nend\n';
    const filters = 'module Jekyll\n  module Shout\n    def shout(text) = text.upcase\n  end\nend\n';
    const messages = async (fs: InMemoryFileSystem) => (await (await open(fs)).checkFile('/site/_posts/2020-01-01-now.md')).map((finding) => finding.message.split(' (')[0]);
    const typos = ['No page or file at "/2020/01/01/nov.html"', 'No page or file at "/other/server.html"'];
    assert.deepEqual(await messages(files('title: T\n', adds)), typos);
    assert.deepEqual(await messages(files('title: T\n', filters)), ['No page or file at "/packages/server.html"', ...typos]);
    assert.deepEqual(await messages(files('safe: true\n', adds)), ['No page or file at "/packages/server.html"', ...typos]);
  });

  it('tells the editor to re-check other posts when a page’s headings change on disk, and not for other edits', async () => {
    const fs = hugoSite();
    const service = await open(fs);
    fs.write('content/posts/target.md', '---\ntitle: Target\n---\n\n## Getting Started\n\nMore text.\n');
    assert.equal(await service.fileChanged('/site/content/posts/target.md', 'changed'), 'post');
    fs.write('content/posts/target.md', '---\ntitle: Target\n---\n\n## Setup\n\nText.\n');
    assert.equal(await service.fileChanged('/site/content/posts/target.md', 'changed'), 'site');
    const findings = await service.checkFile('/site/content/posts/source.md');
    assert.deepEqual(findings.filter((finding) => finding.code === 'broken-anchor').map((finding) => finding.message), ['No heading or anchor "#getting-started" in "Target".']);
  });

  it('gives the same findings in a whole-site check (two passes, one read) as post by post', async () => {
    const fs = hugoSite();
    const perPost = await (await open(fs)).checkFile('/site/content/posts/source.md');
    const service = createPostcraftService({ fs, checksAfterOpening: () => true });
    const [site] = await service.openWorkspace(['/site']);
    const whole = (await service.checkSite(site!)).filter((finding) => finding.file === '/site/content/posts/source.md');
    assert.deepEqual(whole, perPost);
  });

  it('takes a URL the host redirects (vercel.json, netlify.toml, _redirects) for a page, but not a 404 rule or another host', async () => {
    const fs = hugoSite({
      'content/posts/source.md': '---\ntitle: Source\n---\n\n[a](/posts/old-a/) [b](/posts/old/b/) [c](/posts/c-moved/) [d](/posts/missing/) [e](/posts/e/)\n',
      'vercel.json': JSON.stringify({ redirects: [{ source: '/posts/old-a/', destination: '/posts/target/' }, { source: '/posts/e/', destination: '/x/', has: [{ type: 'host', value: 'a.org' }] }] }),
      'netlify.toml': '[[redirects]]\nfrom = "/posts/old/*"\nto = "/posts/:splat"\n\n[[redirects]]\nfrom = "https://old.example.org/*"\nto = "/:splat"\n',
      'static/_redirects': '/posts/c-moved  /posts/target/  301\n/posts/*  /404.html  404\n',
    });
    const service = await open(fs);
    const findings = await service.checkFile('/site/content/posts/source.md');
    assert.deepEqual(findings.map((finding) => finding.message.split(' (')[0]), ['No page or file at "/posts/missing/"', 'No page or file at "/posts/e/"']);
    fs.write('vercel.json', JSON.stringify({ redirects: [] }));
    assert.equal(await service.fileChanged('/site/vercel.json', 'changed'), 'site');
    assert.equal((await service.checkFile('/site/content/posts/source.md')).length, 3);
  });

  // hugo 0.111.3 writes /events/index.ics for `outputs: [HTML, Calendar]` (ropensci/roweb3), and markdown.html for a
  // config's `[outputFormats.markdown] baseName = "markdown"`, `mediaType = "text/html"` (regisphilibert.com).
  it('takes the file of a built-in or the config’s output format in a page’s folder for one Hugo writes', async () => {
    const fs = hugoSite({
      'hugo.toml': 'baseURL = "https://example.org/"\n[outputFormats.markdown]\nbaseName = "markdown"\nmediaType = "text/html"\n',
      'content/events/_index.md': '---\ntitle: Events\noutputs: [HTML, Calendar]\n---\n',
      'content/posts/source.md': '---\ntitle: Source\noutputs: [html, markdown]\n---\n\n[a](/events/index.ics) [b](/posts/target/markdown.html) [c](/posts/target/notes.html) [d](/nowhere/index.ics)\n',
    });
    const findings = await (await open(fs)).checkFile('/site/content/posts/source.md');
    assert.deepEqual(findings.map((finding) => finding.message.split(' (')[0]), ['No page or file at "/posts/target/notes.html"']);
  });

  it('takes a URL without its trailing slash for the index.html of a published folder, as static hosts serve it', async () => {
    const fs = hugoSite({
      'static/software-reviewer/index.html': '<p>Reviewers</p>',
      'content/posts/source.md': '---\ntitle: Source\n---\n\n[a](/software-reviewer) [b](/software-reviewer/) [c](/posts/targe)\n',
    });
    const findings = await (await open(fs)).checkFile('/site/content/posts/source.md');
    assert.deepEqual(findings.map((finding) => finding.message.split(' (')[0]), ['No page or file at "/posts/targe"']);
  });

  // w3.org/WAI links /TR/WCAG21/, which the host serves: below a folder of no page, a page whose name is only close is a
  // coincidence, one of the same name is the page meant; at the root, a close name is a typo (mxb.dev's /traveling).
  it('reports a URL below a folder of no page only where a page has the same name, and a root URL where one is close', async () => {
    const fs = hugoSite({ 'content/news/wcag22.md': '---\ntitle: W\n---\nText.\n', 'content/posts/out.md': '---\ntitle: O\n---\n\n[a](/TR/WCAG21/) [b](/old/wcag22/) [c](/wcag21/)\n' });
    const findings = await (await open(fs)).checkFile('/site/content/posts/out.md');
    assert.deepEqual(findings.map((finding) => finding.message.split(' (')[0]), ['No page or file at "/old/wcag22/"', 'No page or file at "/wcag21/"']);
  });

  // hugo 0.111.3 writes /tags/<term>/ only for a term a page of the language has (or a term `_index` file describes):
  // with `tags: [Home Server, go]` in English and `tags: [ai]` in French, there is no /tags/ai/ and no /tags/kuberentes/.
  it('reports a Hugo term URL that no page of the language uses, with the used terms spelt closest', async () => {
    const pages = {
      'hugo.toml': 'baseURL = "https://example.org/"\n[languages.en]\ncontentDir = "content/en"\nweight = 1\n[languages.fr]\ncontentDir = "content/fr"\nweight = 2\n',
      'content/en/posts/a.md': '---\ntitle: A\ntags: [Home Server, kubernetes, "C# 9"]\n---\n\n[a](/tags/home-server/) [b](/tags/kuberentes/#top) [c](/tags/ai/) [d](/fr/tags/ai/) [e](/tags/cloud/) [f](/categories/x/) [g](/tags/Kubernetes/) [h](/tags/page/2/) [i](/tags/c%23-9/) [j](/tags/c%23-8/)\n',
      'content/en/tags/cloud/_index.md': '---\ntitle: Cloud\n---\n',
      'content/fr/posts/b.md': '---\ntitle: B\ntags: [ai]\n---\n\nTexte.\n',
    };
    const findings = await (await open(hugoSite(pages))).checkFile('/site/content/en/posts/a.md');
    assert.deepEqual(findings.map((finding) => [finding.severity, finding.message]), [
      ['warning', 'No page or file at "/tags/kuberentes/#top" (looked for /tags/kuberentes/). Hugo makes a page below "/tags/" only for a term some page of this language has in its tags, and none has this one. Did you mean "/tags/kubernetes/#top"?'],
      ['warning', 'No page or file at "/tags/ai/" (looked for /tags/ai/). Hugo makes a page below "/tags/" only for a term some page of this language has in its tags, and none has this one.'],
      ['warning', 'No page or file at "/categories/x/" (looked for /categories/x/). Hugo makes a page below "/categories/" only for a term some page of this language has in its categories, and none has this one.'],
      ['warning', 'No page or file at "/tags/c%23-8/" (looked for /tags/c#-8/). Hugo makes a page below "/tags/" only for a term some page of this language has in its tags, and none has this one. Did you mean "/tags/c%23-9/"?'],
    ]);
    assert.equal(findings[0]!.fixes[0]!.edits[0]!.newText, '/tags/kubernetes/#top');
  });

  it('knows a Hugo term page from the moment a page is given the term, on disk', async () => {
    const fs = hugoSite({ 'content/posts/a.md': '---\ntitle: A\ntags: [go]\n---\n\n[a](/tags/rust/)\n', 'content/posts/b.md': '---\ntitle: B\ntags: [go]\n---\n\nText.\n' });
    const service = await open(fs);
    assert.equal((await service.checkFile('/site/content/posts/a.md')).length, 1);
    fs.write('content/posts/b.md', '---\ntitle: B\ntags: [go, rust]\n---\n\nText.\n');
    await service.fileChanged('/site/content/posts/b.md', 'changed');
    assert.deepEqual(await service.checkFile('/site/content/posts/a.md'), []);
  });

  it('takes any Hugo term URL for a page where terms come from what Postcraft does not read: a cascade, Org content', async () => {
    const link = { 'content/posts/a.md': '---\ntitle: A\ntags: [go]\n---\n\n[a](/tags/emacs/)\n' };
    assert.deepEqual(await messageHeads({ ...link, 'content/posts/_index.md': '---\ntitle: Posts\ncascade:\n  tags: [emacs]\n---\n' }, 'content/posts/a.md'), []);
    assert.deepEqual(await messageHeads({ ...link, 'content/posts/b.org': '#+title: B\n#+tags[]: emacs\n' }, 'content/posts/a.md'), []);
    assert.deepEqual(await messageHeads(link, 'content/posts/a.md'), ['No page or file at "/tags/emacs/"']);
  });

  // PotHix's `[![…](/images/…/small.jpg)](/images/…/photo-1.jpg)` for static/images/…/photo_1.jpg: a 404 like the image would be.
  // outsinre.github.com's /assets/wineQQ7.3L.tar.xz: jekyll 4.3.1 copies assets/ as it is, so the archive is not there.
  it('reports a root link to an image or a download missing from a static folder that holds others, with the files spelt closest', async () => {
    const fs = hugoSite({
      'static/images/2018/photo_1.jpg': 'jpg',
      'static/images/2018/other.png': 'png',
      'static/files/notes.txt': 'txt',
      'static/files/slides_2019.pdf': 'pdf',
      'assets/images/2018/piped.jpg': 'jpg',
      'content/posts/source.md': '---\ntitle: Source\n---\n\n[a](/images/2018/photo-1.jpg) [b](/images/2018/other.png) [c](/files/a.jpg) [d](/images/2018/piped.jpg) [e](/images/2018/notes.pdf) [f](/files/slides-2019.pdf) [g](/files/main.css)\n',
    });
    const findings = await (await open(fs)).checkFile('/site/content/posts/source.md');
    assert.deepEqual(findings.map((finding) => [finding.severity, finding.message]), [
      ['warning', 'No page or file at "/images/2018/photo-1.jpg" (looked for /images/2018/photo-1.jpg). Did you mean "/images/2018/photo_1.jpg"?'],
      ['warning', 'No page or file at "/files/slides-2019.pdf" (looked for /files/slides-2019.pdf). Did you mean "/files/slides_2019.pdf"?'],
    ]);
    assert.equal(findings[0]!.fixes[0]!.edits[0]!.newText, '/images/2018/photo_1.jpg');
    // The folder's own file first (PotHix's yir/expenses.png for yir/expenses.jpg), then the same name elsewhere.
    const other = await (await open(hugoSite({ 'static/images/yir/expenses.png': 'png', 'static/images/apr/expenses.jpg': 'jpg', 'content/posts/source.md': '---\ntitle: S\n---\n\n[a](/images/yir/expenses.jpg)\n' }))).checkFile('/site/content/posts/source.md');
    assert.deepEqual(other[0]!.fixes.slice(0, 2).map((fix) => fix.edits[0]!.newText), ['/images/yir/expenses.png', '/images/apr/expenses.jpg']);
  });

  // Netlify lower-cases the file names it deploys and serves a path in any case from them (rOpenSci's site links
  // /blog/2021/09/13/system-calls-R-package and shows Ochre_Example2.png for OchRe_Example2.png).
  it('takes a link or an image that differs from a page or file only in letter case for found on Netlify', async () => {
    const files = { 'static/img/OchRe.png': '\u0089PNG', 'content/posts/case.md': '---\ntitle: C\n---\n\n[a](/posts/Target/) ![b](/img/Ochre.png)\n' };
    const codes = async (extra: Record<string, string>) => (await (await open(hugoSite({ ...files, ...extra }))).checkFile('/site/content/posts/case.md')).filter((finding) => finding.code !== 'missing-alt').map((finding) => finding.code);
    assert.deepEqual(await codes({}), ['broken-link', 'image-case']);
    assert.deepEqual(await codes({ 'netlify.toml': '[build]\ncommand = "hugo"\n' }), []);
  });

  // longhorn.io's 1.12.0 docs link `../volumes/create` one folder short: the page of the same version is the fix to offer first.
  it('offers the page that shares most of the linking page\'s folders first', async () => {
    const page = '---\ntitle: P\n---\nText.\n';
    const fs = hugoSite({ 'content/docs/1.11.0/volumes/create.md': page, 'content/docs/1.12.0/volumes/create.md': page, 'content/docs/1.12.0/nodes/a.md': '---\ntitle: A\n---\n[c](../volumes/create/)\n' });
    const [finding] = await (await open(fs)).checkFile('/site/content/docs/1.12.0/nodes/a.md');
    assert.deepEqual(finding?.fixes.slice(0, 2).map((fix) => fix.edits[0]!.newText), ['/docs/1.12.0/volumes/create/', '/docs/1.11.0/volumes/create/']);
  });

  // longhorn.io writes its _redirects with a template (layouts/index.redirects: /docs/1.9.0/… → /docs/archives/1.9.0/…),
  // which serves a relative URL link Postcraft finds no page for: a warning then, not an error. A missing file stays an error.
  it('takes a relative URL link to no page for a warning where the site\'s templates write its redirects', async () => {
    const severities = async (extra: Record<string, string>) => {
      const fs = hugoSite({ ...extra, 'content/posts/rel.md': '---\ntitle: Rel\n---\n\n[a](../targte/) [b](../missing.md)\n' });
      return (await (await open(fs)).checkFile('/site/content/posts/rel.md')).map((finding) => [finding.code, finding.severity]);
    };
    assert.deepEqual(await severities({}), [['broken-link', 'error'], ['broken-link', 'error']]);
    assert.deepEqual(await severities({ 'layouts/index.redirects': '{{ range .Site.Pages }}{{ .RelPermalink }} /x/{{ end }}' }), [['broken-link', 'warning'], ['broken-link', 'error']]);
  });

  // vitess.io's layouts/index.redirects writes `/docs/17.0/* /docs/archive/17.0/:splat` as it stands (hugo 0.111.3 copies
  // it into public/_redirects), beside rules made by template actions and a rule for `go get` requests only.
  it('takes the rules a redirects template writes as they stand, and no rule it makes or that holds for some requests', async () => {
    const template = '{{ $current := site.Params.current }}\n/old/*   /posts/:splat\n{{ range .Site.Pages }}{{ .RelPermalink }}x /x/{{ end }}\n/vitess/*  go-get=1 /go-import/vitess.html 200\n/docs/current  /docs/{{ $current }}/\n';
    const fs = hugoSite({ 'layouts/index.redirects': template, 'content/posts/rel.md': '---\ntitle: Rel\n---\n\n[a](/old/target/) [b](/vitess/target/) [c](/docs/current)\n' });
    const findings = await (await open(fs)).checkFile('/site/content/posts/rel.md');
    assert.deepEqual(findings.map((finding) => finding.message.split(' (')[0]), ['No page or file at "/vitess/target/"']);
  });

  // Netlify reads _redirects in the folder it publishes; one kept there in the repository (rOpenSci's
  // public/_redirects) outlives the build. A rewrite to another host serves images too.
  it('reads the _redirects of Netlify’s publish folder, for links and root-relative images', async () => {
    const fs = hugoSite({
      'content/posts/source.md': '---\ntitle: Source\n---\n\n[a](/posts/renamed/) [b](/posts/missing/) ![old](/assets/logo.png) ![gone](/img/gone.png)\n',
      'netlify.toml': '[build]\n  publish = "public"\n  command = "hugo"\n',
      'public/_redirects': '/assets/*\thttps://old.example.org/assets/:splat\t200\n/posts/renamed/  /posts/target/  301\n',
    });
    const service = await open(fs);
    const findings = await service.checkFile('/site/content/posts/source.md');
    assert.deepEqual(findings.map((finding) => finding.message.split(' (')[0]), ['No page or file at "/posts/missing/"', 'Image not found: "/img/gone.png"']);
    // Without netlify.toml naming it, the build's output folder is no source of redirects. (netlify.toml is an input of
    // Hugo's config too, for HUGO_VERSION: the fronts open the site again, as here.)
    fs.write('netlify.toml', '[build]\n  command = "hugo"\n');
    assert.equal(await service.fileChanged('/site/netlify.toml', 'changed'), 'site');
    assert.equal(service.needsReopen('/site/netlify.toml'), true);
    await service.openWorkspace(['/site']);
    assert.deepEqual((await service.checkFile('/site/content/posts/source.md')).map((finding) => finding.message.split(' (')[0]), ['No page or file at "/posts/renamed/"', 'No page or file at "/posts/missing/"', 'Image not found: "/assets/logo.png"', 'Image not found: "/img/gone.png"']);
  });
});

describe('Hugo pages whose headings Postcraft cannot see', () => {
  it('checks no fragment of a page that calls a Markdown shortcode, nor a headless include’s own fragments', async () => {
    const fs = hugoSite({
      'content/posts/lists.md': '---\ntitle: Lists\n---\n\n{{% community-lists %}}\n\n## Mine\n',
      'content/includes/index.md': '---\nheadless: true\n---\n',
      'content/includes/note.md': '---\ntitle: Note\n---\n\nSee [above](#install) in the page that shows this.\n',
      'content/posts/source.md': '---\ntitle: Source\n---\n\n[a](/posts/lists/#develop-and-contribute) [b](/posts/target/#nowhere)\n',
    });
    const service = await open(fs);
    assert.deepEqual((await service.checkFile('/site/content/posts/source.md')).map((finding) => finding.message), ['No heading or anchor "#nowhere" in "Target".']);
    assert.deepEqual(await service.checkFile('/site/content/includes/note.md'), []);
  });

  // dexidp.io's oauth2.md calls Docsy's {{% alert %}} (a Hugo module, not on disk), which wraps its inner Markdown in a
  // <div> and writes no heading: the page's own headings are all it has, so #password-grants is reported.
  it('checks the fragments of a page whose Markdown shortcodes write only their inner text', async () => {
    const page = '---\ntitle: OAuth2\n---\n\n## Token exchange\n\n{{% alert color="info" %}}\n## Inside\n{{% /alert %}}\n\n{{% note %}}Text{{% /note %}}\n';
    const source = '---\ntitle: Source\n---\n\n[a](/posts/oauth2/#token-exchange) [b](/posts/oauth2/#inside) [c](/posts/oauth2/#password-grants)\n';
    const messages = async (extra: Record<string, string>) => {
      const fs = hugoSite({ 'content/posts/oauth2.md': page, 'content/posts/source.md': source, ...extra });
      return (await (await open(fs)).checkFile('/site/content/posts/source.md')).map((finding) => finding.message);
    };
    const docsy = 'baseURL = "https://example.org/"\ntitle = "T"\ntheme = "docsy"\n[markup.goldmark.renderer]\nunsafe = true\n[module]\n[[module.imports]]\npath = "github.com/google/docsy"\n';
    const note = { 'layouts/shortcodes/note.html': '<div class="note">\n\n{{ .Inner | markdownify }}\n</div>\n' };
    assert.deepEqual(await messages({ 'hugo.toml': docsy, ...note }), ['No heading or anchor "#password-grants" in "OAuth2".']);
    // Without Docsy, alert is unknown; a note that writes a heading of its own, or hands its work to a partial, may write any.
    assert.deepEqual(await messages(note), []);
    assert.deepEqual(await messages({ 'hugo.toml': docsy, 'layouts/shortcodes/note.html': '## Note\n\n{{ .Inner }}\n' }), []);
    assert.deepEqual(await messages({ 'hugo.toml': docsy, 'layouts/shortcodes/note.html': '{{ partial "note.html" . }}' }), []);
    // hugoDocs' {{% include %}} writes another page's Markdown (`.RenderShortcodes`), headings and all.
    assert.deepEqual(await messages({ 'hugo.toml': docsy, 'layouts/shortcodes/note.html': '{{ with site.GetPage (.Get 0) }}{{ .RenderShortcodes }}{{ end }}' }), []);
  });

  // tikv.org's {{< info >}} hands its text to partials/admonition.html, which writes no id; its figure renders a caption
  // argument with markdownify. hugo 0.111.3 gives the page only its headings' ids: #monitor-the-cluster is broken.
  it('looks into the partials a shortcode calls before taking the page\'s anchors for unknown', async () => {
    const page = '---\ntitle: Five minutes\n---\n\n{{< info >}}hi{{< /info >}}\n\n{{< figure src="/a.png" caption="The *cluster*" >}}\n\n## Monitor the TiKV cluster\n';
    const source = '---\ntitle: Source\n---\n\n[a](/posts/five/#monitor-the-cluster) [b](/posts/five/#monitor-the-tikv-cluster)\n';
    const messages = async (partial: string) => {
      const fs = hugoSite({
        'content/posts/five.md': page,
        'content/posts/source.md': source,
        'layouts/shortcodes/info.html': '{{ partial "admonition.html" (dict "type" "info" "text" .Inner) }}',
        'layouts/shortcodes/figure.html': '<figure><img src="{{ .Get "src" }}">{{ with (index .Params "caption") }}<figcaption>{{ . | markdownify }}</figcaption>{{ end }}</figure>',
        'layouts/partials/admonition.html': partial,
      });
      return (await (await open(fs)).checkFile('/site/content/posts/source.md')).map((finding) => finding.message);
    };
    assert.deepEqual(await messages('<div class="{{ .type }}">{{ .text | markdownify }}</div>'), ['No heading or anchor "#monitor-the-cluster" in "Five minutes". Did you mean "#monitor-the-tikv-cluster"?']);
    assert.deepEqual(await messages('<div id="{{ .type }}">{{ .text }}</div>'), []);
    assert.deepEqual(await messages('{{ partial "deeper" . }}'), []);
  });

  // tikv.org's pd-ctl.md, copied from TiDB's docs, links /synchronous-replication.md#…: hugo 0.111.3 writes the href
  // as it stands, and the site has no such file. A root URL of no section is silent; one naming a source file is not.
  it('reports a root link to a Markdown file that is not there, though it is outside every section', async () => {
    const extra = { 'content/posts/ctl.md': '---\ntitle: Ctl\n---\n\n[a](/synchronous-replication.md#enable) [b](/theme-page/)\n' };
    assert.deepEqual(await messageHeads(extra, 'content/posts/ctl.md'), ['No page or file at "/synchronous-replication.md#enable"']);
  });

  it('takes a page Hugo renders from Org, AsciiDoc or HTML content at its file’s path', async () => {
    const fs = hugoSite({
      'content/posts/notes.org': '#+TITLE: Notes\n',
      'content/posts/source.md': '---\ntitle: Source\n---\n\n[org](/posts/notes/) [gone](/posts/notez/)\n',
    });
    const service = await open(fs);
    assert.deepEqual((await service.checkFile('/site/content/posts/source.md')).map((finding) => finding.message.split(' (')[0]), ['No page or file at "/posts/notez/"']);
  });

  it('reports only URLs that look like a mistaken page where the site writes its redirects with a template', async () => {
    const template = '{{ range .Site.Pages }}{{ range .Params.redirects }}{{ . }} {{ $.RelPermalink }} 301\n{{ end }}{{ end }}\n';
    const source = '---\ntitle: Source\n---\n\n[moved](/posts/old-community-page/) [typo](/posts/targte/)\n';
    assert.deepEqual(await messageHeads({ 'layouts/index.redirects': template, 'content/posts/source.md': source }), ['No page or file at "/posts/targte/"']);
    // A retired tag's page or a missing static file may be such a redirect's source too.
    const unlisted = '---\ntitle: Source\ntags: [go]\n---\n\n[tag](/tags/golang/) [file](/images/gone.png)\n';
    const files = { 'content/posts/source.md': unlisted, 'static/images/here.png': 'png' };
    assert.deepEqual(await messageHeads({ ...files, 'layouts/index.redirects': template }), []);
    assert.deepEqual(await messageHeads(files), ['No page or file at "/tags/golang/"', 'No page or file at "/images/gone.png"']);
  });

  // tikv.org's layouts/index.redirects makes only targets (`/docs/latest/* /docs/{{ $latest }}/:splat`): its rules are
  // all known, so a link to a URL none of them takes is reported as without the template.
  it('reports every URL no rule takes where the redirects template makes targets only', async () => {
    const template = '{{ $latest := site.Params.versions.latest }}\n/docs/latest/* /docs/{{ $latest }}/:splat 200\n/chat https://slack.example.org/\n';
    const source = '---\ntitle: Source\n---\n\n[latest](/docs/latest/intro/) [moved](/posts/old-community-page/)\n';
    assert.deepEqual(await messageHeads({ 'layouts/index.redirects': template, 'content/posts/source.md': source }), ['No page or file at "/posts/old-community-page/"']);
  });

  // A page "ObjectMeta" with no heading: a browser shows `object-meta/#objectmeta` from the top, under its title.
  it('takes a fragment that is the target page’s title for the top of that page, where the build does not check anchors', async () => {
    const fs = hugoSite({ 'content/posts/object-meta.md': '---\ntitle: ObjectMeta\n---\n\nText.\n', 'content/posts/source.md': '---\ntitle: Source\n---\n\n[a](/posts/object-meta/#objectmeta) [b](/posts/object-meta/#object-meta) [c](/posts/object-meta/#objectmetas)\n' });
    const findings = await (await open(fs)).checkFile('/site/content/posts/source.md');
    assert.deepEqual(findings.map((finding) => finding.message), ['No heading or anchor "#objectmetas" in "ObjectMeta".']);
    // Docusaurus 3.10.2's build reports it ("Broken anchor on source page"): so does Postcraft there.
    const docusaurus = new InMemoryFileSystem('/site', {
      'docusaurus.config.js': 'export default {};',
      'docs/a/object-meta.md': '---\ntitle: ObjectMeta\n---\n\nText.\n',
      'docs/c/b.md': '---\ntitle: B\n---\n\n[x](../a/object-meta#objectmeta)\n',
    });
    assert.deepEqual((await (await open(docusaurus)).checkFile('/site/docs/c/b.md')).map((finding) => finding.message), ['No heading or anchor "#objectmeta" in "ObjectMeta".']);
  });

  it('takes an ID the site’s templates write (a layout’s section), #top and what a script reads (#!, #/route, #?key=value) for anchors of every page', async () => {
    const fs = hugoSite({
      'layouts/partials/comments.html': '<section id="comments">{{ .Content }}</section><div id="{{ .Title }}"></div>\n',
      'content/posts/source.md': '---\ntitle: Source\n---\n\n[a](/posts/target/#comments) [b](#top) [c](/posts/target/#Targets) [d](#!) [e](/posts/target/#!/app/route) [f](/posts/target/#/app/route) [g](/posts/target/#?version=6.1)\n',
    });
    const service = await open(fs);
    assert.deepEqual((await service.checkFile('/site/content/posts/source.md')).map((finding) => finding.message), ['No heading or anchor "#Targets" in "Target".']);
  });

  it('finds a ref to a post written after the site was indexed, and loses one to a post deleted', async () => {
    const fs = hugoSite({ 'content/posts/source.md': '---\ntitle: Source\n---\n\nSee {{< ref "later.md" >}}.\n' });
    const service = await open(fs);
    const refErrors = async () => (await service.checkFile('/site/content/posts/source.md')).filter((finding) => finding.code === 'broken-link').length;
    assert.equal(await refErrors(), 1);
    fs.write('content/posts/later.md', '---\ntitle: Later\n---\n');
    await service.fileChanged('/site/content/posts/later.md', 'created');
    assert.equal(await refErrors(), 0);
    await service.fileChanged('/site/content/posts/later.md', 'deleted');
    assert.equal(await refErrors(), 1);
  });

  it('offers the heading a fragment names with words left out (#installing-operator for "Installing the Operator")', async () => {
    const fs = hugoSite({
      'content/posts/target.md': '---\ntitle: Target\n---\n\n## Installing the Operator\n\n## Getting Started\n',
      'content/posts/source.md': '---\ntitle: Source\n---\n\n[a](/posts/target/#installing-operator)\n',
    });
    const service = await open(fs);
    const [finding] = await service.checkFile('/site/content/posts/source.md');
    assert.equal(finding?.message, 'No heading or anchor "#installing-operator" in "Target". Did you mean "#installing-the-operator"?');
  });
});

// Links written without `https://` (whoisryosuke's Astro blog: `[Clawdio](github.com/whoisryosuke/clawdio)`,
// zachleat.com: `[Browserstack](browserstack.com)`) are paths below the page's URL to the browser.
describe('relative links that start with a host name', () => {
  it('says the link looks like a web address and offers https:// first, not a page with the same last segment', async () => {
    const fs = hugoSite({
      'content/projects/clawdio.md': '---\ntitle: Clawdio\n---\n',
      'content/posts/source.md': '---\ntitle: Source\n---\n\n[a](github.com/me/clawdio) [b](jamstack.org) [c](youtube.com/watch?v=abc#t=5) [d](<www.example.co.uk/a b>) [e](github.com/me/repo/blob/main/README.md)\n',
    });
    const findings = await (await open(fs)).checkFile('/site/content/posts/source.md');
    assert.deepEqual(findings.map((finding) => [finding.severity, finding.message]), [
      ['error', 'No page or file at "github.com/me/clawdio" (looked for /posts/source/github.com/me/clawdio). It looks like a web address written without "https://". Did you mean "https://github.com/me/clawdio"?'],
      ['error', 'No page or file at "jamstack.org" (looked for /posts/source/jamstack.org). It looks like a web address written without "https://". Did you mean "https://jamstack.org"?'],
      ['error', 'No page or file at "youtube.com/watch?v=abc#t=5" (looked for /posts/source/youtube.com/watch). It looks like a web address written without "https://". Did you mean "https://youtube.com/watch?v=abc#t=5"?'],
      ['error', 'No page or file at "www.example.co.uk/a b" (looked for /posts/source/www.example.co.uk/a b). It looks like a web address written without "https://". Did you mean "https://www.example.co.uk/a b"?'],
      ['error', 'No page or file at "github.com/me/repo/blob/main/README.md" (looked for /posts/source/github.com/me/repo/blob/main/README.md). It looks like a web address written without "https://". Did you mean "https://github.com/me/repo/blob/main/README.md"?'],
    ]);
    const [first] = findings;
    assert.deepEqual(first!.fixes.map((fix) => [fix.edits[0]!.newText, fix.isPreferred ?? false]), [['https://github.com/me/clawdio', true], ['<!-- postcraft-disable-next-line broken-link -->\n', false]]);
  });

  // LazyRen.github.io's cookies-policy.md (a page at the root, where an unknown URL stays unreported): `[contact me](lazy0ren@gmail.com)`.
  it('says a link looks like an e-mail address without mailto:, with that fix, even outside every folder of pages', async () => {
    const fs = hugoSite({ 'content/contact.md': '---\ntitle: Contact\n---\n\n[mail me](me.too+blog@example.co.uk) [not one](me@local) [file](a@2x.png)\n' });
    const findings = await (await open(fs)).checkFile('/site/content/contact.md');
    assert.deepEqual(findings.map((finding) => [finding.message, finding.fixes[0]?.edits[0]?.newText]), [
      ['No page or file at "me.too+blog@example.co.uk" (looked for /contact/me.too+blog@example.co.uk). It looks like an e-mail address written without "mailto:". Did you mean "mailto:me.too+blog@example.co.uk"?', 'mailto:me.too+blog@example.co.uk'],
    ]);
  });

  // cncf/glossary: `[c](/bn/cluster.md)`; hugo 0.111.3 writes href="/bn/cluster.md", and a section publishes no Markdown file.
  it('takes a root link to a page\'s .md file beside a section\'s _index for broken, not for that page', async () => {
    const fs = hugoSite({ 'content/posts/_index.md': '---\ntitle: Posts\n---\n', 'content/posts/md-link.md': '---\ntitle: M\n---\n\n[t](/posts/target.md)\n' });
    const findings = await (await open(fs)).checkFile('/site/content/posts/md-link.md');
    assert.deepEqual(findings.map((finding) => finding.code), ['broken-link']);
  });

  it('takes a file or page whose path has a dot in its first segment for what it is', async () => {
    const fs = hugoSite({
      'content/posts/bundle/index.md': '---\ntitle: Source\n---\n\n[a](v1.2/notes/) [b](image.png) [c](example.com/index.md) [d](amp.dev/) [e](missing.png) [f](post.md) [g](styles.css)\n',
      'content/posts/bundle/v1.2/notes/index.html': '<p>Notes</p>',
      'content/posts/bundle/image.png': 'png',
      'content/posts/bundle/example.com/index.md': '---\ntitle: A page named like a domain\n---\n',
      'content/other.md': '---\ntitle: Other\nurl: /posts/bundle/amp.dev/\n---\n',
    });
    const findings = await (await open(fs)).checkFile('/site/content/posts/bundle/index.md');
    // `example.com/index.md` is the page's file, which Hugo without a link render hook writes as it is: broken, but no address.
    assert.deepEqual(findings.map((finding) => finding.message.split(' (')[0]), ["Hugo does not turn this file link into the page's URL", 'No page or file at "missing.png"', 'No page or file at "post.md"', 'No page or file at "styles.css"']);
    assert.ok(findings.every((finding) => !finding.message.includes('https://')));
  });
});

// letsencrypt.org links its own docs with the full address: hugo 0.111.3 builds them as written, and the fragments are the site's.
describe('links written with the site’s own address', () => {
  it('checks the fragment of a page the site builds, and says nothing of a URL it does not build or of another host', async () => {
    const fs = hugoSite({
      'content/posts/absolute.md': '---\ntitle: Absolute\n---\n\n[a](https://example.org/posts/target/#getting-started) [b](https://EXAMPLE.org/posts/target/#gone) [c](http://example.org/elsewhere/) [d](https://other.org/posts/target/#gone) <a href="https://example.org/posts/target/#setup">e</a> [f](https://www.example.org/posts/target/#www) https://www.example.org/posts/target/#bare-www [g](https://wwwexample.org/posts/target/#other)\n',
    });
    const findings = await (await open(fs)).checkFile('/site/content/posts/absolute.md');
    // With or without `www.`, the site's own host (swift.org's posts link https://www.swift.org/… on a site at https://swift.org).
    assert.deepEqual(findings.map((finding) => [finding.code, /"#([^"]+)"/.exec(finding.message)?.[1]]), [['broken-anchor', 'gone'], ['broken-anchor', 'setup'], ['broken-anchor', 'www'], ['broken-anchor', 'bare-www']]);
  });

  // Goldmark's linkify (on in Hugo) makes a bare address a link; letsencrypt.org's glossaries link its rate limits so.
  it('follows the site’s own address written bare or as an autolink, not in code, and once inside a link', async () => {
    const fs = hugoSite({
      'content/posts/bare.md': '---\ntitle: Bare\n---\n\nSee https://example.org/posts/target/#gone. And <https://example.org/posts/target/#getting-started> <https://example.org/posts/target/#auto>, `https://example.org/posts/target/#in-code`, [x](https://example.org/posts/target/#once), [y][ref] and https://example.org/posts/target/#getting-started\n\n[ref]: https://example.org/posts/target/#by-reference\n',
    });
    const findings = await (await open(fs)).checkFile('/site/content/posts/bare.md');
    assert.deepEqual(findings.map((finding) => [finding.code, /"#([^"]+)"/.exec(finding.message)?.[1]]), [['broken-anchor', 'gone'], ['broken-anchor', 'auto'], ['broken-anchor', 'once'], ['broken-anchor', 'by-reference']]);
  });

  // OpenKruise writes [https://openkruise.io/…#x](https://openkruise.io/…#x): docusaurus 3.9.2 makes one link of it.
  it('takes the site’s own address written as a link’s text for text, not a second link', async () => {
    const fs = hugoSite({ 'content/posts/label.md': '---\ntitle: Label\n---\n\n[https://example.org/posts/target/#getting-started](https://example.org/posts/target/#getting-started) [https://example.org/posts/target/#gone][ref]\n\n[ref]: https://example.org/posts/target/#gone\n' });
    const findings = await (await open(fs)).checkFile('/site/content/posts/label.md');
    assert.deepEqual(findings.map((finding) => [finding.code, /"#([^"]+)"/.exec(finding.message)?.[1]]), [['broken-anchor', 'gone']]);
  });

  it('takes a text fragment (#:~:text=…) for a directive to the browser, not an anchor', async () => {
    const fs = hugoSite({ 'content/posts/directive.md': '---\ntitle: D\n---\n\n[a](/posts/target/#:~:text=Some%20words) [b](/posts/target/#getting-started:~:text=Text) [c](/posts/target/#gone:~:text=Text)\n' });
    const findings = await (await open(fs)).checkFile('/site/content/posts/directive.md');
    // No heading is like `gone`, so no "Change to" fix.
    assert.deepEqual(findings.map((finding) => [finding.code, /"#([^"]+)"/.exec(finding.message)?.[1], (finding.fixes ?? []).filter((fix) => fix.title.startsWith('Change')).length]), [['broken-anchor', 'gone', 0]]);
    // A fix changes the id and keeps the directive: the fragment's range ends where `:~:` starts.
    const text = '---\ntitle: E\n---\n\n[e](/posts/target/#getting-startd:~:text=Text)\n';
    const [misspelt] = (await open(hugoSite({ 'content/posts/e.md': text }))).checkText('/site/content/posts/e.md', text);
    const edit = misspelt?.fixes?.[0]?.edits[0];
    assert.equal(edit?.newText, 'getting-started');
    const line = text.split('\n')[edit!.range.start.line]!;
    assert.equal(line.slice(edit!.range.start.character, edit!.range.end.character), 'getting-startd');
  });

  // letsencrypt.org's docs page is `{{< docs_index >}}`, whose template writes <h1 id="{{ anchorize … }}">.
  it('knows no anchors of a page that calls a shortcode of the site that writes ids, and still checks one whose shortcodes write none', async () => {
    const fs = hugoSite({
      'layouts/shortcodes/docs_index.html': '<h1 id="{{ anchorize "Client Developer Information" }}">Client Developer Information</h1>',
      'layouts/shortcodes/note.html': '<div class="note">{{ .Inner }}</div>',
      'content/docs/_index.md': '---\ntitle: Docs\n---\n{{< docs_index >}}\n',
      'content/posts/noted.md': '---\ntitle: Noted\n---\n{{< note >}}Careful.{{< /note >}}\n\n## Real\n',
      'content/posts/links.md': '---\ntitle: L\n---\n\n[a](/docs/#client-developer-information) [b](/posts/noted/#real) [c](/posts/noted/#gone)\n',
    });
    const findings = await (await open(fs)).checkFile('/site/content/posts/links.md');
    assert.deepEqual(findings.map((finding) => [finding.code, /"#([^"]+)"/.exec(finding.message)?.[1]]), [['broken-anchor', 'gone']]);
  });

  // pivotal/blog's responsive-figure shortcode writes `<figcaption><h4>{{ .Get "title" }}</h4>`: hugo 0.111.3 gives that
  // heading no id, and a page calling it keeps its other headings' ids only (its #what-s-a-test-double is broken).
  it('still checks the anchors of a page whose shortcode writes a heading element with no id', async () => {
    const fs = hugoSite({
      'layouts/shortcodes/figure-caption.html': '<figure><img src="{{ .Get "src" }}"><figcaption><h4>{{ .Get "title" }}</h4></figcaption></figure>',
      'layouts/shortcodes/heading-attrs.html': '<h2 {{ with .Get "id" }}id="{{ . }}"{{ end }}>{{ .Inner }}</h2>',
      'layouts/shortcodes/heading-spread.html': '<h3 {{ .Get "attrs" | safeHTMLAttr }}>{{ .Inner }}</h3>',
      'content/posts/figured.md': '---\ntitle: Figured\n---\n{{< figure-caption src="a.png" title="A" >}}\n\n## Real\n',
      'content/posts/spread.md': '---\ntitle: Spread\n---\n{{< heading-spread attrs="id=x" >}}X{{< /heading-spread >}}\n',
      'content/posts/links.md': '---\ntitle: L\n---\n\n[a](/posts/figured/#real) [b](/posts/figured/#gone) [c](/posts/spread/#x)\n',
    });
    const findings = await (await open(fs)).checkFile('/site/content/posts/links.md');
    assert.deepEqual(findings.map((finding) => [finding.code, /"#([^"]+)"/.exec(finding.message)?.[1]]), [['broken-anchor', 'gone']]);
  });

  // jaegertracing.io's CLI page is `{{< cli/tools-list >}}`, a theme's layouts/shortcodes/cli/tools-list.html writing <h2 id="{{ $tool }}">.
  it('reads shortcodes in subfolders by their path, in a theme too', async () => {
    const fs = hugoSite({
      'hugo.toml': 'baseURL = "https://example.org/"\ntheme = "base"\n',
      'themes/base/layouts/shortcodes/cli/tools-list.html': '{{ range .Site.Data.tools }}<h2 id="{{ . }}">{{ . }}</h2>{{ end }}',
      'content/docs/cli.md': '---\ntitle: CLI flags\n---\n{{< cli/tools-list >}}\n',
      'content/posts/links.md': '---\ntitle: L\n---\n\n[a](/docs/cli/#jaeger-collector)\n',
    });
    assert.deepEqual(await (await open(fs)).checkFile('/site/content/posts/links.md'), []);
  });

  // coredns.io's layouts/manual/single.html renders every chapter after the page (`readFile … | markdownify`): hugo 0.111.3
  // writes id="installation" on /manual/toc/. fluxcd.io's adopters layout writes <h2 id={{ .project | urlize }}> from data.
  it('knows no anchors of a page whose type or section has a layout that computes ids or renders other files', async () => {
    const fs = hugoSite({
      'layouts/manual/single.html': '{{ .Content }}{{ readFile "content/manual/chapter.md" | markdownify }}',
      'layouts/adopters/list.html': '{{ range .Site.Data.projects }}<h2 id={{ .project | urlize }}>{{ .project }}</h2>{{ end }}',
      'layouts/plain/single.html': '<h1 id="title">{{ .Title }}</h1>{{ .Content }}',
      'content/manual/chapter.md': '# Installation\n',
      'content/manual/toc.md': '---\ntitle: TOC\n---\n[Installation](#installation)\n',
      'content/about/_index.md': '---\ntitle: Adopters\ntype: adopters\n---\nOur users.\n',
      'content/notes/plain.md': '---\ntitle: Plain\ntype: plain\n---\n## Real\n',
      'content/posts/links.md': '---\ntitle: L\n---\n\n[a](/about/#flux-legacy) [b](/notes/plain/#gone)\n',
    });
    const service = await open(fs);
    assert.deepEqual(await service.checkFile('/site/content/manual/toc.md'), []);
    assert.deepEqual((await service.checkFile('/site/content/posts/links.md')).map((finding) => /"#([^"]+)"/.exec(finding.message)?.[1]), ['gone']);
  });

  // keptn.sh's layouts/docs/faq.html writes <h5 id="{{ … }}">, but its docs pages are laid out by docs/single.html:
  // their fragments are checked (hugo 0.111.3 build: #control-plane is on none of them); a page with layout: faq is not.
  it('knows the anchors of a page its type lays out with a layout that writes none, though another of the type\'s layouts does', async () => {
    const fs = hugoSite({
      'layouts/docs/faq.html': '{{ range .Params.questions }}<h5 id="{{ .id }}">{{ .q }}</h5>{{ end }}',
      'layouts/docs/single.html': '{{ .Content }}',
      'content/docs/faq.md': '---\ntitle: FAQ\nlayout: faq\n---\nQuestions.\n',
      'content/docs/support.md': '---\ntitle: Support\n---\n## Supported versions\n',
      'content/posts/links.md': '---\ntitle: L\n---\n\n[a](/docs/faq/#any) [b](/docs/support/#control-plane) [c](/docs/support/#supported-versions)\n',
    });
    assert.deepEqual((await (await open(fs)).checkFile('/site/content/posts/links.md')).map((finding) => /"#([^"]+)"/.exec(finding.message)?.[1]), ['control-plane']);
  });

  // digital.gov's themes/digital.gov/layouts/resources/list.html lays the section out from its front matter (a template it
  // defines, given the page in a dict) and never renders .Content: hugo 0.111.3 writes none of the links of
  // content/resources/_index.md, and its pages (resources/single.html renders .Content) keep theirs.
  it('checks nothing in the body of a page whose type\'s layout renders none of its content', async () => {
    const layouts = {
      'layouts/_default/baseof.html': '<html>{{ partial "head.html" . }}{{ block "content" . }}{{ end }}</html>',
      'layouts/partials/head.html': '<title>{{ .Title }}</title>',
      'layouts/resources/list.html': '{{ define "content" }}<h1>{{ .Title }}</h1>{{ template "topics" (dict "scope" .) }}{{ end }}{{ define "topics" }}{{ range .scope.Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}',
      'layouts/resources/single.html': '{{ define "content" }}{{ .Content }}{{ end }}',
      'content/resources/_index.md': '---\ntitle: Resources\n---\n\n## Browse\n\n[Gone](/posts/gone/) ![x](/img/none.png)\n',
      'content/resources/guide.md': '---\ntitle: Guide\n---\n\n[Gone](/posts/gone/)\n',
      'content/posts/links.md': '---\ntitle: L\n---\n\n[a](/resources/#browse) [b](/resources/guide/#nothing)\n',
    };
    const service = await open(hugoSite(layouts));
    assert.deepEqual(await service.checkFile('/site/content/resources/_index.md'), []);
    assert.deepEqual((await service.checkFile('/site/content/resources/guide.md')).map((finding) => finding.code), ['broken-link']);
    // The list page's headings are unknown (Postcraft reads the layouts without running them), the guide's are checked.
    assert.deepEqual((await service.checkFile('/site/content/posts/links.md')).map((finding) => /"#([^"]+)"/.exec(finding.message)?.[1]), ['nothing']);
    // The same with the whole site checked, as the CLI does (the links of the body are checked in a second pass).
    const { findings } = await service.checkSiteAt('/site');
    assert.deepEqual(findings.filter((finding) => finding.file.startsWith('/site/content/resources/')).map((finding) => `${finding.file.slice('/site/content/'.length)} ${finding.code}`), ['resources/guide.md broken-link']);
  });

  it('checks the body of a page whose type\'s layout may render its content through a partial, a base template or a template it cannot see', async () => {
    const cases: Record<string, string>[] = [
      { 'layouts/resources/list.html': '{{ partial "body.html" . }}', 'layouts/partials/body.html': '<main>{{ .Content }}</main>' },
      { 'layouts/resources/list.html': '{{ partial "missing.html" . }}' },
      { 'layouts/resources/list.html': '{{ partial $name . }}' },
      { 'layouts/resources/list.html': '{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}', 'layouts/_default/baseof.html': '{{ block "main" . }}{{ end }}{{ .Content }}' },
      { 'layouts/resources/list.html': '{{ define "main" }}{{ end }}', 'layouts/resources/baseof.html': '{{ block "main" . }}{{ end }}{{ .Summary }}' },
      { 'layouts/resources/list.html': '{{ template "partials/body.html" . }}' },
      { 'layouts/resources/list.html': '{{ range .Pages }}{{ .Render "summary" }}{{ end }}' },
      // A partial that calls itself (a menu's submenus), at once or through another: its answer is not waited on forever.
      { 'layouts/resources/list.html': '{{ partial "menu.html" . }}', 'layouts/partials/menu.html': '<ul>{{ range .Sections }}{{ partial "menu.html" . }}{{ end }}</ul>' },
      { 'layouts/resources/list.html': '{{ partial "a.html" . }}', 'layouts/partials/a.html': '{{ partial "b.html" . }}', 'layouts/partials/b.html': '{{ partial "a.html" . }}' },
      // A site-wide layout lays out a page its type has no layout for.
      { 'layouts/resources/single.html': '<h1>{{ .Title }}</h1>' },
    ];
    for (const layouts of cases) {
      const heads = await messageHeads({ ...layouts, 'content/resources/_index.md': '---\ntitle: Resources\n---\n\n[Gone](/posts/gone/)\n' }, 'content/resources/_index.md');
      assert.deepEqual(heads, ['No page or file at "/posts/gone/"'], JSON.stringify(layouts));
    }
  });

  it('keeps a full address as written when the post it names moves', async () => {
    const fs = hugoSite({ 'content/posts/absolute.md': '---\ntitle: Absolute\n---\n\n[a](https://example.org/posts/target/) [b](/posts/target/)\n' });
    const service = await open(fs);
    const edits = await service.planMove([{ from: '/site/content/posts/target.md', to: '/site/content/posts/moved.md' }]);
    assert.deepEqual(edits.filter((edit) => edit.file === '/site/content/posts/absolute.md').map((edit) => edit.newText), ['/posts/moved/']);
  });
});
