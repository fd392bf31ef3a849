// Jekyll's URL rules (src/core/site/routes/jekyll.ts) on in-memory sites. Every expected URL below is the
// one Jekyll 4.3.1 wrote for the same file and config (`jekyll build`, checked while writing these rules).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { createPostcraftService } from '../../../src/core/index';
import type { LinkReference } from '../../../src/core/links/model';
import { jekyll } from '../../../src/core/site/generators/jekyll';
import { jekyllRoutes, slugify } from '../../../src/core/site/routes/jekyll';

async function configOf(configText: string, files: Record<string, string> = {}) {
  const { config } = await jekyll.loadConfig(inMemorySite({ '_config.yml': configText, ...files }), '/site', '_config.yml');
  return config;
}

/** The URL of each file (relative to the site), with the frontmatter given. */
async function urls(configText: string, pages: Record<string, Record<string, unknown>>): Promise<Record<string, string | undefined>> {
  const config = await configOf(configText);
  return Object.fromEntries(Object.entries(pages).map(([path, data]) => [path, jekyllRoutes.pageRoute(config, `/site/${path}`, data)?.url]));
}

const link = (form: LinkReference['form'], raw: string): LinkReference => ({ form, raw, path: raw, range: { start: 0, end: raw.length } });

describe('Jekyll URLs', () => {
  it('places a document whose date Jekyll reads but Postcraft cannot (20-10-2017) where no date is needed, and nowhere else', async () => {
    assert.deepEqual(
      await urls('collections:\n  portfolio:\n    output: true\n    permalink: /:collection/:name\n  dated:\n    output: true\n    permalink: /:year/:name/\n', {
        '_portfolio/gitlecture.md': { date: '20-10-2017' },
        '_dated/talk.md': { date: '20-10-2017' },
        '_portfolio/broken.md': { date: '2017-13-45' },
      }),
      { '_portfolio/gitlecture.md': '/portfolio/gitlecture', '_dated/talk.md': undefined, '_portfolio/broken.md': undefined },
    );
  });

  it('puts posts, pages and collection documents where the default date style does', async () => {
    assert.deepEqual(
      await urls('collections:\n  docs:\n    output: true\n  notes: [x]\n', {
        '_posts/2024-01-05-plain.md': {},
        '_posts/2024-1-5-short-date.md': {},
        '_posts/sub/2023-12-31-new-year-eve.md': { categories: 'Alpha beta' },
        'cat/_posts/2024-03-09-in-cat.md': { category: ['One', 'two'] },
        '_drafts/draft-one.md': { date: '2024-02-02' },
        'index.md': {},
        'about.md': {},
        'blog/index.md': {},
        'blog/deep/page.md': {},
        'page.mdown': {},
        '_docs/intro.md': {},
        '_posts/not-a-post.md': {},
      }),
      {
        '_posts/2024-01-05-plain.md': '/2024/01/05/plain.html',
        '_posts/2024-1-5-short-date.md': '/2024/01/05/short-date.html',
        '_posts/sub/2023-12-31-new-year-eve.md': '/alpha/beta/2023/12/31/new-year-eve.html',
        'cat/_posts/2024-03-09-in-cat.md': '/cat/one/two/2024/03/09/in-cat.html',
        '_drafts/draft-one.md': '/2024/02/02/draft-one.html',
        'index.md': '/',
        'about.md': '/about.html',
        'blog/index.md': '/blog/',
        'blog/deep/page.md': '/blog/deep/page.html',
        // Not a Markdown extension of Jekyll's (markdown_ext): copied through with its own.
        'page.mdown': '/page.mdown',
        '_docs/intro.md': '/docs/intro.html',
        '_posts/not-a-post.md': undefined,
      },
    );
  });

  it('follows each permalink style, for pages and collections too', async () => {
    const files = { 'about.md': {}, '_posts/2020-12-28-iso-week.md': {}, '_posts/2021-01-01-new-year.md': {}, '_docs/intro.md': {} };
    const docs = 'collections:\n  docs:\n    output: true\n';
    assert.deepEqual(await urls(`permalink: pretty\n${docs}`, files), { 'about.md': '/about/', '_posts/2020-12-28-iso-week.md': '/2020/12/28/iso-week/', '_posts/2021-01-01-new-year.md': '/2021/01/01/new-year/', '_docs/intro.md': '/docs/intro/' });
    assert.deepEqual(await urls(`permalink: ordinal\n${docs}`, files), { 'about.md': '/about.html', '_posts/2020-12-28-iso-week.md': '/2020/363/iso-week.html', '_posts/2021-01-01-new-year.md': '/2021/001/new-year.html', '_docs/intro.md': '/docs/intro.html' });
    // weekdate is no style Utils.add_permalink_suffix knows: pages and collections get no ending at all.
    assert.deepEqual(await urls(`permalink: weekdate\n${docs}`, files), { 'about.md': '/about', '_posts/2020-12-28-iso-week.md': '/2020/W53/Mon/iso-week.html', '_posts/2021-01-01-new-year.md': '/2021/W53/Fri/new-year.html', '_docs/intro.md': '/docs/intro' });
    assert.deepEqual(await urls(`permalink: none\n${docs}`, files), { 'about.md': '/about.html', '_posts/2020-12-28-iso-week.md': '/iso-week.html', '_posts/2021-01-01-new-year.md': '/new-year.html', '_docs/intro.md': '/docs/intro.html' });
  });

  it('fills every placeholder of a pattern, with slugs from the file name or the slug', async () => {
    const pattern = 'permalink: "/:categories/:short_year/:i_month/:i_day/:hour-:minute-:second/:slug/:name:output_ext"\n';
    assert.deepEqual(
      await urls(pattern, {
        '_posts/2024-02-29-Ünïcode Title! (draft).md': {},
        '_posts/2024-04-07-slugged.md': { slug: 'Hello World & Co.' },
        '_posts/2024-05-05-timed.md': { date: '2024-05-05 22:15:30' },
      }),
      {
        '_posts/2024-02-29-Ünïcode Title! (draft).md': '/24/2/29/00-00-00/ünïcode-title-draft/2024-02-29-ünïcode-title-draft.html',
        '_posts/2024-04-07-slugged.md': '/24/4/7/00-00-00/hello-world-co/2024-04-07-slugged.html',
        '_posts/2024-05-05-timed.md': '/24/5/5/22-15-30/timed/2024-05-05-timed.html',
      },
    );
    // :title keeps letter case and the characters the pretty mode allows; `Co.` then `.html` makes `..`, which becomes `/`.
    assert.deepEqual(await urls('permalink: pretty\n', { '_posts/2024-02-29-Ünïcode Title! (draft).md': {}, '_posts/2024-04-07-slugged.md': { slug: 'Hello World & Co.' } }), {
      '_posts/2024-02-29-Ünïcode Title! (draft).md': '/2024/02/29/Ünïcode-Title!-(draft)/',
      '_posts/2024-04-07-slugged.md': '/2024/04/07/Hello-World-&-Co',
    });
    assert.deepEqual(await urls('permalink: "/blog/:year_:month/:title"\n', { '_posts/2024-01-05-plain.md': {}, 'about.md': {} }), { '_posts/2024-01-05-plain.md': '/blog/2024_01/plain', 'about.md': '/about' });
  });

  it('reads dates as Jekyll does: YAML timestamps without a zone are UTC, shown in the site’s timezone', async () => {
    const pages = { '_posts/2024-05-05-timed.md': { date: '2024-05-05 22:15:30' }, '_posts/2024-05-06-zoned.md': { date: '2024-05-06T01:15:30+09:00' }, '_posts/2024-05-07-loose.md': { date: 'May 9, 2024 10:00' } };
    assert.deepEqual(await urls('timezone: America/New_York\npermalink: pretty\n', pages), {
      '_posts/2024-05-05-timed.md': '/2024/05/05/timed/',
      '_posts/2024-05-06-zoned.md': '/2024/05/05/zoned/',
      '_posts/2024-05-07-loose.md': '/2024/05/09/loose/',
    });
    const config = await configOf('timezone: Europe/Berlin\n');
    assert.equal(jekyllRoutes.pageRoute(config, '/site/_posts/2024-06-30-late.md', { date: '2024-06-30 23:30:00 -0700' })?.date, '2024-07-01T08:30:00+02:00');
    assert.equal(jekyllRoutes.pageRoute(config, '/site/_posts/2024-06-30-late.md', { date: 'not a date' }), undefined);
  });

  it('applies a permalink of the document, of its collection and of defaults: by path, glob and type', async () => {
    const config = [
      'collections:',
      '  docs:',
      '    output: true',
      '    permalink: /:collection/:path:output_ext',
      '  drafts_of_mine:',
      '    output: false',
      'defaults:',
      '  - scope: {path: "globbed/*"}',
      '    values: {permalink: /g/:basename/}',
      '  - scope: {path: _posts/sub}',
      '    values: {categories: [def]}',
      '  - scope: {type: docs}',
      '    values: {permalink: /docs-default/:path/}',
      '  - scope: {path: _docs/guide, type: docs}',
      '    values: {permalink: /guide/:title/}',
      '',
    ].join('\n');
    assert.deepEqual(
      await urls(config, {
        'globbed/a/b.md': {},
        'special/page.md': { permalink: '/special/:basename:output_ext' },
        '_posts/sub/2023-12-31-eve.md': { categories: 'Alpha' },
        '_posts/2024-06-01-own.md': { permalink: '/own/:categories/:title.html', categories: ['X Y'] },
        '_posts/2024-06-02-own-noext.md': { permalink: '/own/:slug' },
        '_docs/intro.md': {},
        '_docs/guide/setup.md': {},
        '_docs/2024-01-01-dated-doc.md': {},
        '_drafts_of_mine/x.md': {},
      }),
      {
        'globbed/a/b.md': '/g/b/',
        'special/page.md': '/special/page.html',
        '_posts/sub/2023-12-31-eve.md': '/def/alpha/2023/12/31/eve.html',
        '_posts/2024-06-01-own.md': '/own/x y/own.html',
        '_posts/2024-06-02-own-noext.md': '/own/own-noext',
        '_docs/intro.md': '/docs-default/intro/',
        '_docs/guide/setup.md': '/guide/setup/',
        '_docs/2024-01-01-dated-doc.md': '/docs-default/2024-01-01-dated-doc/',
        '_drafts_of_mine/x.md': undefined,
      },
    );
  });

  it('gives redirect_from paths as aliases only when jekyll-redirect-from is loaded', async () => {
    const data = { redirect_from: ['/old/', 'older.html'] };
    const withPlugin = await configOf('plugins: [jekyll-redirect-from]\n');
    assert.deepEqual(jekyllRoutes.pageRoute(withPlugin, '/site/about.md', data)?.aliases, ['/old/', '/older.html']);
    const fromGemfile = await configOf('title: x\n', { Gemfile: 'group :jekyll_plugins do\n  gem "jekyll-redirect-from"\nend\n' });
    assert.deepEqual(jekyllRoutes.pageRoute(fromGemfile, '/site/about.md', data)?.aliases, ['/old/', '/older.html']);
    assert.deepEqual(jekyllRoutes.pageRoute(await configOf('title: x\n'), '/site/about.md', data)?.aliases, []);
  });

  it('slugifies as Utils.slugify does', () => {
    assert.equal(slugify('The _config.yml file?'), 'the-config-yml-file');
    assert.equal(slugify('The _config.yml file?', 'pretty'), 'the-_config.yml-file');
    assert.equal(slugify('The _config.yml file?', 'raw'), 'the-_config.yml-file?');
    assert.equal(slugify('Ünïcode Wörds', 'ascii'), 'n-code-w-rds');
    assert.equal(slugify('Ünïcode Wörds', 'latin'), 'unicode-words');
    assert.equal(slugify('Keep Case', 'pretty', true), 'Keep-Case');
  });
});

describe('Jekyll files and generated pages', () => {
  it('serves static files from the source, never from underscore folders or excluded files', async () => {
    const config = await configOf('baseurl: /lab\nexclude: [private]\n');
    assert.deepEqual(jekyllRoutes.fileCandidates(config, '/assets/x.pdf'), ['/site/assets/x.pdf']);
    assert.deepEqual(jekyllRoutes.fileCandidates(config, '/lab/assets/x.pdf'), ['/site/assets/x.pdf']);
    assert.deepEqual(jekyllRoutes.fileCandidates(config, '/_includes/x.html'), []);
    assert.deepEqual(jekyllRoutes.fileCandidates(config, '/private/x.pdf'), []);
  });

  // jekyll 4.3.1 on this site wrote /about/cv.pdf, /doc.pdf and no copy of _posts/class/slides.pdf.
  it('takes a relative link to a file beside the page from the page\'s URL, as the browser does', async () => {
    const files = {
      '_posts/class/2020-09-28-talk.md': '---\ntitle: Talk\n---\n\n[slides](slides.pdf)\n',
      '_posts/class/slides.pdf': 'pdf',
      'about/index.md': '---\ntitle: About\npermalink: /me/\n---\n\n[cv](cv.pdf)\n',
      'about/cv.pdf': 'pdf',
      'page.md': '---\ntitle: Page\n---\n\n[doc](doc.pdf)\n',
      'doc.pdf': 'pdf',
    };
    const findings = async (configText: string) => {
      const service = createPostcraftService({ fs: inMemorySite({ '_config.yml': configText, ...files }) });
      await service.openWorkspace(['/site']);
      const all = await Promise.all(['_posts/class/2020-09-28-talk.md', 'about/index.md', 'page.md'].map((path) => service.checkFile(`/site/${path}`)));
      return all.flat().map((finding) => [finding.severity, finding.message, finding.fixes[0]?.edits[0]?.newText]);
    };
    assert.deepEqual(await findings('title: x\n'), [
      ['error', 'No page or file at "slides.pdf" (looked for /2020/09/28/slides.pdf). Jekyll does not publish the file beside this page (_posts/class/slides.pdf).', '<!-- postcraft-disable-next-line broken-link -->\n'],
      ['error', 'No page or file at "cv.pdf" (looked for /me/cv.pdf). Jekyll publishes the file beside this page (about/cv.pdf) at /about/cv.pdf, and the browser asks for the link from the page\'s URL. Did you mean "/about/cv.pdf"?', '/about/cv.pdf'],
    ]);
    // jekyll-postfiles copies a post's files beside its URL: the link is taken as written.
    assert.deepEqual((await findings('plugins: [jekyll-postfiles]\n')).map(([, message]) => message), [(await findings('title: x\n'))[1]![1]]);
  });

  it('finds no file of a moved page\'s folder at the page\'s URL, as it would a Hugo bundle\'s', async () => {
    const service = createPostcraftService({ fs: inMemorySite({ '_config.yml': 'title: x\n', 'about/index.md': '---\ntitle: About\npermalink: /me/\n---\n\n![Me](/me/photo.png)\n', 'about/photo.png': 'png' }) });
    await service.openWorkspace(['/site']);
    assert.deepEqual((await service.checkFile('/site/about/index.md')).map((finding) => finding.code), ['broken-image']);
  });

  it('knows the pages plugins make only when the plugin is loaded', async () => {
    const open = async (configText: string) => {
      const service = createPostcraftService({ fs: inMemorySite({ '_config.yml': configText, 'index.md': '---\ntitle: Home\n---\n' }) });
      const [site] = await service.openWorkspace(['/site']);
      return (url: string) => jekyllRoutes.isGeneratedUrl(site!, url);
    };
    const plain = await open('title: x\n');
    assert.deepEqual(['/', '/404.html', '/feed.xml', '/sitemap.xml', '/page2/', '/tag/jekyll/'].filter(plain), ['/', '/404.html']);
    const plugins = await open('plugins: [jekyll-feed, jekyll-sitemap, jekyll-paginate, jekyll-archives]\npaginate: 5\npaginate_path: /blog/page:num/\njekyll-archives:\n  enabled: [tags]\n');
    assert.deepEqual(['/feed.xml', '/sitemap.xml', '/blog/page2/', '/blog/page1/', '/page2/', '/tag/jekyll/', '/category/x/', '/2024/'].filter(plugins), ['/feed.xml', '/sitemap.xml', '/blog/page2/', '/tag/jekyll/']);
  });
});

describe('Jekyll template links', () => {
  async function site() {
    const post = (title: string) => `---\ntitle: ${title}\n---\nText.\n`;
    const service = createPostcraftService({
      fs: inMemorySite({
        '_config.yml': 'collections:\n  recipes:\n    output: true\n  snippets:\n    output: false\n',
        '_posts/2024-01-10-hello-world.md': post('Hello'),
        '_posts/2023/2023-12-24-winter.md': post('Winter'),
        'travel/_posts/2024-03-01-lisbon.md': post('Lisbon'),
        '_posts/2024-05-01-renamed.md': '---\ntitle: Renamed\nslug: new-name\n---\n',
        '_drafts/idea.md': post('Idea'),
        'about.md': post('About'),
        '_recipes/pancakes.md': post('Pancakes'),
        '_snippets/note.md': post('Note'),
        'assets/guide.pdf': '%PDF',
        '_includes/footer.html': '<footer>',
      }),
    });
    const [opened] = await service.openWorkspace(['/site']);
    return opened!;
  }

  it('finds post_url names as Jekyll 4.3 does, with its deprecated fallback, and says why one is missing', async () => {
    const opened = await site();
    const postUrl = (name: string) => jekyllRoutes.resolveTemplateLink!(opened, '/site/about.md', link('jekyll-post_url', name));
    assert.deepEqual(postUrl('2024-01-10-hello-world'), { status: 'found', path: '/site/_posts/2024-01-10-hello-world.md' });
    assert.deepEqual(postUrl('/2024-01-10-hello-world'), { status: 'found', path: '/site/_posts/2024-01-10-hello-world.md' });
    assert.deepEqual(postUrl('2023/2023-12-24-winter'), { status: 'found', path: '/site/_posts/2023/2023-12-24-winter.md' });
    assert.deepEqual(postUrl('travel/2024-03-01-lisbon'), { status: 'found', path: '/site/travel/_posts/2024-03-01-lisbon.md' });
    // Deprecated, still rendered: the same date and slug under another path, or the post's own slug.
    assert.deepEqual(postUrl('2024-03-01-lisbon'), { status: 'found', path: '/site/travel/_posts/2024-03-01-lisbon.md' });
    assert.deepEqual(postUrl('2024-05-01-new-name'), { status: 'found', path: '/site/_posts/2024-05-01-renamed.md' });
    assert.deepEqual(postUrl('2024-01-11-hello-world'), { status: 'missing', why: `Could not find post "2024-01-11-hello-world" in tag 'post_url'` });
    assert.deepEqual(postUrl('hello-world'), { status: 'missing', why: `Could not parse name of post "hello-world" in tag 'post_url'` });
  });

  it('finds link paths exactly: pages and documents by their path, static files with or without a slash', async () => {
    const opened = await site();
    const linkTo = (path: string) => jekyllRoutes.resolveTemplateLink!(opened, '/site/about.md', link('jekyll-link', path));
    assert.deepEqual(linkTo('about.md'), { status: 'found', path: '/site/about.md' });
    assert.deepEqual(linkTo('_posts/2024-01-10-hello-world.md'), { status: 'found', path: '/site/_posts/2024-01-10-hello-world.md' });
    assert.deepEqual(linkTo('_recipes/pancakes.md'), { status: 'found', path: '/site/_recipes/pancakes.md' });
    assert.deepEqual(linkTo('assets/guide.pdf'), { status: 'found', path: '/site/assets/guide.pdf' });
    assert.deepEqual(linkTo('/assets/guide.pdf'), { status: 'found', path: '/site/assets/guide.pdf' });
    assert.deepEqual(linkTo('/about.md'), { status: 'missing', why: `Could not find document '/about.md' in tag 'link'` });
    assert.deepEqual(linkTo('_snippets/note.md'), { status: 'missing', why: `Could not find document '_snippets/note.md' in tag 'link'` });
    assert.deepEqual(linkTo('_includes/footer.html'), { status: 'missing', why: `Could not find document '_includes/footer.html' in tag 'link'` });
    assert.deepEqual(linkTo('{{ page.other }}'), { status: 'unknown' });
  });
});

describe('Jekyll pages other than Markdown', () => {
  // jekyll build 4.3.1 of these files (the links aside) writes licenses/index.html, archive/index.html,
  // licenses/mit/index.html and plain.html; nothing for excluded.html or _layouts/default.html (choosealicense.com's licenses.html is such a page).
  it('reach the URL their permalink sets, when Jekyll renders them', async () => {
    const service = createPostcraftService({
      fs: inMemorySite({
        '_config.yml': 'collections:\n  licenses:\n    output: true\n    permalink: /licenses/:path/\nexclude: [excluded.html]\n',
        'licenses.html': '---\npermalink: licenses/\n---\n<p>All</p>\n',
        'pages/archive.html': '---\npermalink: /archive/\n---\nArchive\n',
        'excluded.html': '---\npermalink: /licenses/excluded/\n---\nX\n',
        '_layouts/default.html': '---\npermalink: /licenses/layout/\n---\n{{ content }}\n',
        'plain.html': '<p>permalink: /plain/</p>\n',
        // bitcoincore.org's feed: assets/rss/rss-en.xml, written at /en/rss.xml.
        'assets/rss/rss-en.xml': '---\nlayout: rss\npermalink: /en/rss.xml\n---\n<rss/>\n',
        'en/about.md': '---\ntitle: About\n---\nAbout\n',
        '_licenses/mit.md': '---\ntitle: MIT\n---\nMIT\n',
        // Pages of the same names elsewhere: without the HTML pages, the links would be taken for mistakes for these.
        'old/licenses.md': '---\ntitle: Old licenses\n---\n',
        'old/archive.md': '---\ntitle: Old archive\n---\n',
        'about.md': '---\ntitle: About\n---\nSee [licenses](/licenses/), [archive](/archive/), [excluded](/licenses/excluded/), [layout](/licenses/layout/), [a license](/licenses/mti/) and [the feed](/en/rss.xml).\n',
      }),
    });
    await service.openWorkspace(['/site']);
    const findings = await service.checkFile('/site/about.md');
    assert.deepEqual(findings.map((finding) => finding.message.match(/"([^"]+)"/)?.[1]), ['/licenses/excluded/', '/licenses/layout/', '/licenses/mti/']);
  });

  // mincong-h.github.io (permalink /en/:title/): jekyll 4.3.1 writes en/archive.html, which sets no permalink, to
  // en/archive/index.html (Page#template adds the style's trailing slash to HTML pages as to Markdown ones).
  it('reach their path in the permalink style\'s form where they set no permalink', async () => {
    const files = {
      'en/archive.html': '---\nlayout: archive\n---\nx\n',
      'en/old.md': '---\ntitle: Old archive\n---\n',
      'about.md': '---\ntitle: About\n---\nSee [the archive](/en/archive/?tag=es).\n',
    };
    const messages = async (config: string) => {
      const service = createPostcraftService({ fs: inMemorySite({ '_config.yml': config, ...files }) });
      await service.openWorkspace(['/site']);
      return (await service.checkFile('/site/about.md')).map((finding) => finding.message.match(/"([^"]+)"/)?.[1]);
    };
    assert.deepEqual(await messages('permalink: /en/:title/\n'), []);
    assert.deepEqual(await messages('permalink: pretty\n'), []);
  });
});
