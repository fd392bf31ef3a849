import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { toSitePath } from '../../../src/core/index';
import { nodeFileSystem } from '../../../src/node/index';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { docusaurusLocalizedLinkUrl, docusaurusMarkdownLinkCandidates, docusaurusRoutes, stripNumberPrefix } from '../../../src/core/site/routes/docusaurus';
import { fixturesRoot } from '../support/fixtureSites';
import { openSite as openGeneratorSite, routesOf } from '../support/siteRoutes';

const openSite = (fs: Parameters<typeof openGeneratorSite>[0], root: string) => openGeneratorSite(fs, root, 'docusaurus');

/**
 * The pages `docusaurus build` (Docusaurus 3.10.2, @docusaurus/preset-classic 3.10.2, Node 20) wrote for
 * test/fixtures/sites/docusaurus-links: its route paths (the build/ folders holding index.html and
 * .docusaurus/routes.js), per locale. The blog draft is not built.
 */
const builtRoutes = {
  en: [
    '/', '/about', '/contact', '/team/',
    '/blog', '/blog/archive', '/blog/authors', '/blog/tags', '/blog/tags/links',
    '/blog/2024/01/15/first-post', '/blog/2024/02/01/second', '/blog/2024/03/10/nested-date', '/blog/2024/05/01/dated',
    '/blog/2024/06/02/unlisted', '/blog/absolute-slug', '/blog/my-custom-slug', '/blog/undated-post',
    '/docs/2021-11-notes', '/docs/api-ref', '/docs/category/concepts', '/docs/concepts/routing', '/docs/guides/',
    '/docs/guides/configuration', '/docs/guides/install', '/docs/intro', '/docs/moved', '/docs/reference/', '/docs/tutorial/',
  ],
  // The translated first post has a slug of its own and no tags: no /fr/blog/tags pages.
  fr: [
    '/fr/', '/fr/about', '/fr/contact', '/fr/team/',
    '/fr/blog', '/fr/blog/archive', '/fr/blog/authors',
    '/fr/blog/premier-article', '/fr/blog/2024/02/01/second', '/fr/blog/2024/03/10/nested-date', '/fr/blog/2024/05/01/dated',
    '/fr/blog/2024/06/02/unlisted', '/fr/blog/absolute-slug', '/fr/blog/my-custom-slug', '/fr/blog/undated-post',
    '/fr/docs/2021-11-notes', '/fr/docs/api-ref', '/fr/docs/category/concepts', '/fr/docs/concepts/routing', '/fr/docs/guides/',
    '/fr/docs/guides/configuration', '/fr/docs/guides/install', '/fr/docs/intro', '/fr/docs/moved', '/fr/docs/reference/', '/fr/docs/tutorial/',
  ],
};

describe('Docusaurus URL rules, against docusaurus build', () => {
  const root = toSitePath(join(fixturesRoot, 'docusaurus-links'));

  it('gives every Markdown file of the fixture the route the build wrote for it', async () => {
    const site = await openSite(nodeFileSystem, root);
    assert.deepEqual(routesOf(site), {
      'blog/2024-01-15-first-post.md': '/blog/2024/01/15/first-post',
      'blog/2024-02-01-second/index.md': '/blog/2024/02/01/second',
      'blog/2024-04-01-custom.md': '/blog/my-custom-slug',
      'blog/2024-04-02-absolute.md': '/blog/absolute-slug',
      'blog/2024-05-01-dated.md': '/blog/2024/05/01/dated',
      // Not built (draft: true): the route is where it will be, so that a link to it is reported as a link to a draft.
      'blog/2024-06-01-draft.md': '/blog/2024/06/01/draft',
      'blog/2024-06-02-unlisted.md': '/blog/2024/06/02/unlisted',
      'blog/2024/03/10/nested-date.md': '/blog/2024/03/10/nested-date',
      'blog/undated-post.md': '/blog/undated-post',
      'docs/01-intro.md': '/docs/intro',
      'docs/02-guides/01-install.md': '/docs/guides/install',
      'docs/02-guides/02-config.mdx': '/docs/guides/configuration',
      'docs/02-guides/index.md': '/docs/guides/',
      'docs/03-reference/03-reference.md': '/docs/reference/',
      'docs/03-reference/api.md': '/docs/api-ref',
      'docs/03-reference/relative-slug.md': '/docs/moved',
      'docs/04-tutorial/README.md': '/docs/tutorial/',
      'docs/05-concepts/routing.md': '/docs/concepts/routing',
      'docs/2021-11-notes.md': '/docs/2021-11-notes',
      'i18n/fr/docusaurus-plugin-content-blog/2024-01-15-first-post.md': '/fr/blog/premier-article',
      'i18n/fr/docusaurus-plugin-content-docs/current/01-intro.md': '/fr/docs/intro',
      'src/pages/about.md': '/about',
      'src/pages/team/index.md': '/team/',
    });
  });

  it('accounts for every route the build wrote: a page of a file, or one it generates, in each locale', async () => {
    const site = await openSite(nodeFileSystem, root);
    const pageUrls = new Set([...site.posts.values()].flatMap((post) => (post.route && !post.draft ? [post.route.url] : [])));
    const unaccounted = [...builtRoutes.en, ...builtRoutes.fr].filter((url) => !pageUrls.has(url) && !docusaurusRoutes.isGeneratedUrl(site, url));
    assert.deepEqual(unaccounted, []);
    const notBuilt = [...pageUrls].filter((url) => ![...builtRoutes.en, ...builtRoutes.fr].includes(url));
    assert.deepEqual(notBuilt, []);
  });

  it('dates blog posts by front matter, else by the file or folder name', async () => {
    const site = await openSite(nodeFileSystem, root);
    const date = (path: string) => site.posts.get(`${root}/${path}`)?.route?.date;
    assert.equal(date('blog/2024-05-01-dated.md'), '2024-05-03');
    assert.equal(date('blog/2024/03/10/nested-date.md'), '2024-03-10');
    assert.equal(date('blog/2024-02-01-second/index.md'), '2024-02-01');
    assert.equal(date('blog/undated-post.md'), undefined, 'the build takes it from git');
    assert.equal(date('docs/01-intro.md'), undefined);
  });

  it('makes no page of URLs the build reported broken', async () => {
    const site = await openSite(nodeFileSystem, root);
    // From the build's "Docusaurus found broken links" list for this fixture: the custom post before its
    // slug, a doc's path with its number prefix; and (not in the build) the French copy of the first post.
    for (const url of ['/blog/2024/04/01/custom', '/docs/02-guides/install', '/fr/blog/2024/01/15/first-post', '/docs']) {
      assert.equal(docusaurusRoutes.isGeneratedUrl(site, url), false, url);
    }
    // Unsure (the page exists only if a sidebar category or author asks for it): silence.
    for (const url of ['/docs/category/anything', '/blog/authors/ana', '/blog/page/2', '/blog/tags/links/page/2', '/blog/rss.xml', '/blog/feed.json', '/search']) {
      assert.equal(docusaurusRoutes.isGeneratedUrl(site, url), true, url);
    }
  });

  it('finds static files at the root of every locale', async () => {
    const site = await openSite(nodeFileSystem, root);
    const guide = `${root}/static/files/guide.pdf`;
    assert.ok(docusaurusRoutes.fileCandidates(site.config, '/files/guide.pdf').includes(guide));
    assert.ok(docusaurusRoutes.fileCandidates(site.config, '/fr/files/guide.pdf').includes(guide));
  });
});

describe('Docusaurus URL rules, in-memory', () => {
  const page = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nText.\n`;

  // Routes from `docusaurus build` 3.10.2 of this same site (trailingSlash false, baseUrl /base/, which
  // SiteConfig.basePath strips): /news/2024/01/01/a, /news/2024/1/5/short, /news/2020/old, /news/sub/hello,
  // /docs/intro (version 1.0), /docs/next/intro, /docs/next/guides, /docs/next/guides/foo,
  // /docs/next/My Doc, /api-ref, /y, /z%20z; and news/{rss.xml,atom.xml,feed.json}.
  it('follows trailingSlash, routeBasePath, docs versions and instances, and file names as written', async () => {
    const config = `export default {
      url: 'https://x.dev', baseUrl: '/base/', trailingSlash: false,
      presets: [['classic', { docs: { sidebarPath: false }, blog: { path: 'posts', routeBasePath: 'news', feedOptions: {type: 'all'} } }]],
      plugins: [['@docusaurus/plugin-content-docs', { id: 'api', path: 'api', routeBasePath: 'api-ref', sidebarPath: false }]],
    };`;
    const site = await openSite(
      inMemorySite({
        'docusaurus.config.js': config,
        'versions.json': '["1.0"]',
        'posts/2024-01-01-a.md': page('A'),
        'posts/2024-1-5-short.md': page('Short'),
        'posts/2024-02-02-old.md': page('Old', 'slug: /2020/old/\n'),
        'posts/sub/hello.md': page('Hello'),
        'docs/intro.md': page('Intro'),
        'docs/guides/g.md': page('G', 'slug: foo/\n'),
        'docs/guides/Guides.md': page('Guides'),
        'docs/My Doc.md': page('M'),
        'versioned_docs/version-1.0/intro.md': page('Intro 1.0'),
        'api/index.md': page('API'),
        'src/pages/x.md': page('X', 'slug: /y\n'),
        'src/pages/z z.md': page('Z'),
      }),
      '/site',
    );
    assert.equal(site.config.basePath, '/base');
    assert.deepEqual(routesOf(site), {
      'api/index.md': '/api-ref',
      'docs/My Doc.md': '/docs/next/My Doc',
      'docs/guides/Guides.md': '/docs/next/guides',
      'docs/guides/g.md': '/docs/next/guides/foo',
      'docs/intro.md': '/docs/next/intro',
      'posts/2024-01-01-a.md': '/news/2024/01/01/a',
      'posts/2024-02-02-old.md': '/news/2020/old',
      'posts/2024-1-5-short.md': '/news/2024/1/5/short',
      'posts/sub/hello.md': '/news/sub/hello',
      'src/pages/x.md': '/y',
      'src/pages/z z.md': '/z z',
      'versioned_docs/version-1.0/intro.md': '/docs/intro',
    });
    assert.equal(site.posts.get('/site/posts/2024-1-5-short.md')?.route?.date, '2024-01-05');
    for (const url of ['/news', '/news/archive', '/news/feed.json', '/news/page/2', '/docs/next/tags/x']) assert.equal(docusaurusRoutes.isGeneratedUrl(site, url), true, url);
  });

  // pnpm.io: includeCurrentVersion false, versions.json ["11.x","10.x"], no versioned_docs/version-11.x, which its build
  // script copies from docs/ before `docusaurus build` (3.10.2 stops without it). docs/a.md is then served at /a.
  it('reads a released version whose folder the build makes from the docs folder, when the current version is not built', async () => {
    const config = `export default { presets: [['classic', { docs: { routeBasePath: '/', includeCurrentVersion: false, lastVersion: '2.x' } }]] };`;
    const files = { 'docusaurus.config.js': config, 'versions.json': '["2.x","1.x"]', 'docs/a.md': page('A'), 'docs/cli/b.md': page('B'), 'versioned_docs/version-1.x/a.md': page('A1') };
    assert.deepEqual(routesOf(await openSite(inMemorySite(files), '/site')), { 'docs/a.md': '/a', 'docs/cli/b.md': '/cli/b', 'versioned_docs/version-1.x/a.md': '/1.x/a' });
    // With its folder there, the docs folder is the current version's, which is not built.
    const withFolder = routesOf(await openSite(inMemorySite({ ...files, 'versioned_docs/version-2.x/a.md': page('A2') }), '/site'));
    assert.deepEqual(withFolder, { 'docs/a.md': undefined, 'docs/cli/b.md': undefined, 'versioned_docs/version-1.x/a.md': '/1.x/a', 'versioned_docs/version-2.x/a.md': '/a' });
  });

  // trailingSlash: true and parse_number_prefixes: false as `docusaurus build` 3.10.2 routed them:
  // /blog/2024/01/01/c/, /docs/a/b/, /docs/01-a/03-c/, /docs/a2/ (a folder's index.md).
  it('keeps a trailing slash where the plugin makes one when trailingSlash is unset, and adds one when true', async () => {
    const files = { 'docs/a/index.md': page('A'), 'docs/a/b.md': page('B'), 'blog/2024-01-01-c.md': page('C') };
    const unset = routesOf(await openSite(inMemorySite({ 'docusaurus.config.js': 'export default {};', ...files }), '/site'));
    assert.deepEqual(unset, { 'blog/2024-01-01-c.md': '/blog/2024/01/01/c', 'docs/a/b.md': '/docs/a/b', 'docs/a/index.md': '/docs/a/' });
    const slashed = routesOf(await openSite(inMemorySite({ 'docusaurus.config.js': 'export default { trailingSlash: true };', ...files }), '/site'));
    assert.deepEqual(slashed, { 'blog/2024-01-01-c.md': '/blog/2024/01/01/c/', 'docs/a/b.md': '/docs/a/b/', 'docs/a/index.md': '/docs/a/' });
  });

  it('turns off number prefixes per doc (parse_number_prefixes) or for the instance (numberPrefixParser: false)', async () => {
    const files = { 'docs/01-a/02-b.md': page('B'), 'docs/01-a/03-c.md': page('C', 'parse_number_prefixes: false\n') };
    assert.deepEqual(routesOf(await openSite(inMemorySite({ 'docusaurus.config.js': 'export default {};', ...files }), '/site')), {
      'docs/01-a/02-b.md': '/docs/a/b',
      'docs/01-a/03-c.md': '/docs/01-a/03-c',
    });
    const off = "export default { presets: [['classic', { docs: { numberPrefixParser: false } }]] };";
    assert.deepEqual(routesOf(await openSite(inMemorySite({ 'docusaurus.config.js': off, ...files }), '/site')), {
      'docs/01-a/02-b.md': '/docs/01-a/02-b',
      'docs/01-a/03-c.md': '/docs/01-a/03-c',
    });
  });

  it("strips number prefixes as Docusaurus's default parser does", () => {
    // Answers of DefaultNumberPrefixParser in @docusaurus/plugin-content-docs 3.10.2 for the same names.
    const cases: [string, string][] = [
      ['0-myDoc', 'myDoc'], ['003 - myDoc', 'myDoc'], ['1--myDoc', 'myDoc'], ['1.2.3-myDoc', '1.2.3-myDoc'],
      ['2021-01-31 - myDoc', '2021-01-31 - myDoc'], ['7.0-foo', '7.0-foo'], ['00abc01-My Doc', '00abc01-My Doc'], ['1-', '1-'],
    ];
    assert.deepEqual(cases.map(([name]) => [name, stripNumberPrefix(name)]), cases);
  });
});

// What `docusaurus build` 3.10.1 made of a site at repo/website with `docs: { path: '../docs' }`, versions.json
// ["1.0"], a fr locale and trailingSlash false: /docs/next/view from ../docs; in
// versioned_docs/version-1.0/legacy/manip.md, `view.md#onlayout` became /docs/view#onlayout and
// `/appendix.md#codegen-typings` /docs/appendix#codegen-typings, while `./view.md` stayed as written
// (reported: "couldn't be resolved"); on French pages `/docs/next/view#onlayout` was built as
// /fr/docs/next/view#onlayout, and a fr doc's `/docs/next/vue#…` reached the French page at /fr/docs/next/vue.
describe('Docusaurus links, as docusaurus build resolved them', () => {
  const page = (title: string) => `---\ntitle: ${title}\n---\n\n## onLayout\n`;
  const config = `module.exports = {
    trailingSlash: false, i18n: { defaultLocale: 'en', locales: ['en', 'fr'] },
    presets: [['classic', { docs: { path: '../docs', sidebarPath: false } }]],
  };`;
  const files = {
    'docusaurus.config.js': config,
    'versions.json': '["1.0"]',
    'versioned_docs/version-1.0/view.md': page('View'),
    'versioned_docs/version-1.0/legacy/manip.md': page('Manip'),
    'i18n/fr/docusaurus-plugin-content-docs/current/view.md': page('Vue'),
    'blog/2024-01-01-post.md': page('Post'),
  };
  const root = '/repo/website';

  it('stays silent on the routes of a docs folder outside the site folder, which Postcraft does not read', async () => {
    const site = await openSite(inMemorySite(files, root), root);
    for (const url of ['/docs/next/view', '/docs/next/anything/at-all', '/fr/docs/next/other']) assert.equal(docusaurusRoutes.isGeneratedUrl(site, url), true, url);
    // The released version is read from versioned_docs/ inside the site: a URL there that no page has is still missing.
    for (const url of ['/docs/missing', '/docs/nexty']) assert.equal(docusaurusRoutes.isGeneratedUrl(site, url), false, url);
  });

  it("lists the files a Markdown file link may name, in resolveMarkdownLinkPathname's order", async () => {
    const site = await openSite(inMemorySite(files, root), root);
    const from = `${root}/versioned_docs/version-1.0/legacy/manip.md`;
    const i18n = `${root}/i18n/en/docusaurus-plugin-content-docs/version-1.0`;
    const version = `${root}/versioned_docs/version-1.0`;
    assert.deepEqual(docusaurusMarkdownLinkCandidates(site.config, from, 'view.md'), [`${version}/legacy/view.md`, `${i18n}/view.md`, `${version}/view.md`, `${root}/view.md`]);
    assert.deepEqual(docusaurusMarkdownLinkCandidates(site.config, from, '/appendix.md'), [`${i18n}/appendix.md`, `${version}/appendix.md`, `${root}/appendix.md`]);
    assert.deepEqual(docusaurusMarkdownLinkCandidates(site.config, from, './view.md'), [`${version}/legacy/view.md`]);
    assert.deepEqual(docusaurusMarkdownLinkCandidates(site.config, from, '@site/versioned_docs/version-1.0/view.md'), [`${version}/view.md`]);
    const fromFrench = `${root}/i18n/fr/docusaurus-plugin-content-docs/current/view.md`;
    assert.deepEqual(docusaurusMarkdownLinkCandidates(site.config, fromFrench, 'a/b.mdx')?.slice(1), [`${root}/i18n/fr/docusaurus-plugin-content-docs/current/a/b.mdx`, '/repo/docs/a/b.mdx', `${root}/a/b.mdx`]);
    // Left as written: not a Markdown file's path.
    assert.equal(docusaurusMarkdownLinkCandidates(site.config, from, 'view'), undefined);
  });

  it("puts the locale's base URL before a root-relative link of a translated page", async () => {
    const site = await openSite(inMemorySite(files, root), root);
    const fromFrench = `${root}/i18n/fr/docusaurus-plugin-content-docs/current/view.md`;
    assert.equal(docusaurusLocalizedLinkUrl(site.config, fromFrench, '/docs/next/vue'), '/fr/docs/next/vue');
    assert.equal(docusaurusLocalizedLinkUrl(site.config, fromFrench, '/fr/docs/next/vue'), '/fr/docs/next/vue');
    assert.equal(docusaurusLocalizedLinkUrl(site.config, fromFrench, '/fr'), '/fr/');
    assert.equal(docusaurusLocalizedLinkUrl(site.config, `${root}/versioned_docs/version-1.0/view.md`, '/docs/next/vue'), undefined);
  });
});
