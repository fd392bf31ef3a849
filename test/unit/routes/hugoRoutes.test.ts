import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { toSitePath } from '../../../src/core/index';
import { nodeFileSystem } from '../../../src/node/index';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import type { LinkReference } from '../../../src/core/links/model';
import { hugoRoutes } from '../../../src/core/site/routes/hugo';
import { fixturesRoot } from '../support/fixtureSites';
import { openSite as openGeneratorSite, routesOf } from '../support/siteRoutes';

const openSite = (fs: Parameters<typeof openGeneratorSite>[0], root: string) => openGeneratorSite(fs, root, 'hugo');


function ref(path: string, options?: Record<string, string>, fragment?: string): LinkReference {
  return { form: 'hugo-ref', raw: path, range: { start: 0, end: 0 }, path, ...(fragment === undefined ? {} : { fragment }), ...(options ? { options } : {}) };
}

/**
 * Every file `hugo` (0.111.3) wrote for test/fixtures/sites/hugo-links (less refs-broken.md, which stops
 * the build; with plain single/list/home layouts and `paginate = 2`), below the base path /blog.
 */
const builtFiles = [
  '/2023/12/a-bundle/handout.txt', '/2023/12/a-bundle/index.html', '/2024/05/first-post/index.html', '/2024/06/old-second/index.html',
  '/2024/06/second-take/index.html', '/2024/07/links-that-work/index.html', '/2024/second/index.html', '/about-us/index.html',
  '/about/index.html', '/authors/ana-pérez/index.html', '/authors/ana-pérez/index.xml', '/authors/ana-pérez/page/1/index.html',
  '/authors/index.html', '/authors/index.xml', '/authors/page/1/index.html', '/categories/guides/index.html', '/categories/guides/index.xml',
  '/categories/guides/page/1/index.html', '/categories/index.html', '/categories/index.xml', '/categories/page/1/index.html',
  '/docs/guide/index.html', '/docs/guide/index.xml', '/docs/guide/page/1/index.html', '/docs/index.html', '/docs/index.xml',
  '/docs/page/1/index.html', '/en/index.html', '/en/sitemap.xml', '/files/handout.txt', '/fr/2024/06/deuxième/index.html',
  '/fr/about/index.html', '/fr/authors/index.html', '/fr/authors/index.xml', '/fr/authors/page/1/index.html', '/fr/categories/index.html',
  '/fr/categories/index.xml', '/fr/categories/page/1/index.html', '/fr/index.html', '/fr/index.xml', '/fr/posts/index.html',
  '/fr/posts/index.xml', '/fr/posts/page/1/index.html', '/fr/sitemap.xml', '/fr/tags/index.html', '/fr/tags/index.xml',
  '/fr/tags/page/1/index.html', '/guide-setup/index.html', '/index.html', '/index.xml', '/manual/docs/guide/install/index.html',
  '/notes/a-note-about-c-go/index.html', '/notes/index.html', '/notes/index.xml', '/notes/page/1/index.html',
  '/notes/setting-up-notes/index.html', '/old-about/index.html', '/posts/index.html', '/posts/index.xml', '/posts/page/1/index.html',
  '/sitemap.xml', '/tags/go-lang/index.html', '/tags/go-lang/index.xml', '/tags/go-lang/page/1/index.html', '/tags/hugo/index.html',
  '/tags/hugo/index.xml', '/tags/hugo/page/1/index.html', '/tags/index.html', '/tags/index.xml', '/tags/page/1/index.html',
  '/ugly.html', '/ugly/index.xml', '/ugly/page-one.html', '/ugly/page/1.html',
];

/** As a browser asks for a page Hugo wrote to a folder's index.html. */
const asUrl = (file: string) => file.replace(/index\.html$/, '');

describe('Hugo URL rules, against hugo 0.111', () => {
  const root = toSitePath(join(fixturesRoot, 'hugo-links'));

  it('gives every content file of hugo-links the .RelPermalink hugo gave it', async () => {
    const site = await openSite(nodeFileSystem, root);
    assert.equal(site.config.basePath, '/blog');
    assert.deepEqual(routesOf(site), {
      'content/_index.md': '/',
      'content/about.fr.md': '/fr/about/',
      'content/about.md': '/about-us/',
      'content/docs/_index.md': '/docs/',
      'content/docs/guide/_index.md': '/docs/guide/',
      'content/docs/guide/install.md': '/manual/docs/guide/install/',
      'content/docs/guide/setup.md': '/guide-setup/',
      'content/notes/my-first-note.md': '/notes/a-note-about-c-go/',
      'content/notes/setup.md': '/notes/setting-up-notes/',
      'content/posts/2024-05-03-first-post.md': '/2024/05/first-post/',
      'content/posts/_index.md': '/posts/',
      'content/posts/bundle-post/index.md': '/2023/12/a-bundle/',
      'content/posts/refs-broken.md': '/2024/07/links-that-break/',
      'content/posts/refs-good.md': '/2024/07/links-that-work/',
      'content/posts/second.fr.md': '/fr/2024/06/deuxième/',
      'content/posts/second.md': '/2024/06/second-take/',
      'content/ugly/page-one.md': '/ugly/page-one.html',
    });
  });

  it('gives aliases where hugo writes their redirects, and the publish date', async () => {
    const site = await openSite(nodeFileSystem, root);
    const route = (path: string) => site.posts.get(`${root}/${path}`)?.route;
    assert.deepEqual(route('content/about.md')?.aliases, ['/about/', '/old-about/']);
    assert.deepEqual(route('content/posts/second.md')?.aliases, ['/2024/06/old-second/', '/2024/second/']);
    assert.equal(route('content/posts/second.md')?.date, '2024-06-12', 'publishDate before date');
    assert.equal(route('content/posts/2024-05-03-first-post.md')?.date, '2024-05-03T23:30:00-05:00');
    assert.equal(route('content/notes/setup.md')?.date, undefined);
  });

  it('accounts for every file the build wrote: a page, an alias, a generated list or feed, or a file', async () => {
    const site = await openSite(nodeFileSystem, root);
    const pageUrls = new Set([...site.posts.values()].flatMap((post) => (post.route ? [post.route.url, ...post.route.aliases] : [])));
    const unaccounted = builtFiles.filter((file) => {
      if (pageUrls.has(asUrl(file)) || hugoRoutes.isGeneratedUrl(site, asUrl(file))) return false;
      return !hugoRoutes.fileCandidates(site.config, file).some((candidate) => site.files.has(candidate));
    });
    // The bundle's handout is published at the page's permalink, which the file rules (by path) do not follow.
    assert.deepEqual(unaccounted, ['/2023/12/a-bundle/handout.txt']);
  });

  it('makes no page of URLs the build did not write', async () => {
    const site = await openSite(nodeFileSystem, root);
    for (const url of ['/nothing/', '/posts/second/', '/docs/guide/install/', '/tags/rust/', '/fr/notes/', '/fr/tags/hugo/', '/en/posts/', '/2024/', '/posts/page/x/', '/files/']) {
      assert.equal(hugoRoutes.isGeneratedUrl(site, url), false, url);
    }
    for (const url of ['/', '/index.xml', '/posts/page/2/', '/tags/hugo/', '/tags/Go-Lang/'.toLowerCase(), '/authors/ana-pérez/', '/fr/', '/fr/posts/', '/ugly.html', '/robots.txt', '/404.html', '/en/']) {
      assert.equal(hugoRoutes.isGeneratedUrl(site, url), true, url);
    }
  });

  it('finds static files, and bundle resources at their content path', async () => {
    const site = await openSite(nodeFileSystem, root);
    assert.ok(hugoRoutes.fileCandidates(site.config, '/files/handout.txt').includes(`${root}/static/files/handout.txt`));
    assert.ok(hugoRoutes.fileCandidates(site.config, '/blog/files/handout.txt').includes(`${root}/static/files/handout.txt`), 'with the base path');
    assert.ok(hugoRoutes.fileCandidates(site.config, '/posts/bundle-post/handout.txt').includes(`${root}/content/posts/bundle-post/handout.txt`));
    assert.ok(!hugoRoutes.fileCandidates(site.config, '/posts/second.md').includes(`${root}/content/posts/second.md`), 'content pages are never published as files');
  });

  it('resolves refs by Hugo 0.111\'s lookup, and words a miss as Hugo does', async () => {
    const site = await openSite(nodeFileSystem, root);
    const from = `${root}/content/posts/refs-good.md`;
    const resolve = (link: LinkReference, page = from) => hugoRoutes.resolveTemplateLink!(site, page, link);
    assert.deepEqual(resolve(ref('', undefined, 'intro')), { status: 'found', path: from });
    assert.deepEqual(resolve(ref('second')), { status: 'found', path: `${root}/content/posts/second.md` });
    assert.deepEqual(resolve(ref('../posts/second.md')), { status: 'found', path: `${root}/content/posts/second.md` });
    assert.deepEqual(resolve(ref('second.md', { lang: 'fr' })), { status: 'found', path: `${root}/content/posts/second.fr.md` });
    assert.deepEqual(resolve(ref('/posts/second.md', { outputFormat: 'amp' })), { status: 'found', path: `${root}/content/posts/second.md` });
    // From a leaf bundle, a relative ref starts at the bundle's parent folder.
    assert.deepEqual(resolve(ref('second.md'), `${root}/content/posts/bundle-post/index.md`), { status: 'found', path: `${root}/content/posts/second.md` });
    assert.deepEqual(resolve(ref('/notes')), { status: 'unknown' }, 'a section without _index.md is a page of no file');
    assert.deepEqual(resolve(ref('/tags/hugo')), { status: 'unknown' }, 'a term page');
    assert.deepEqual(resolve(ref('hugo')), { status: 'unknown' }, 'a term by its logical name');
    // Relative, hugo 0.111.3 looks the taxonomy up below the page's folder only and reports it not found; Hugo ≥ 0.124 finds it
    // from the content root too: either Hugo's answer is taken.
    assert.deepEqual(resolve(ref('tags/hugo')), { status: 'unknown' });
    assert.deepEqual(resolve(ref('second.md', { lang: 'FR' })), { status: 'missing', why: 'REF_NOT_FOUND: Ref "second.md": no site found with lang "FR"' });
    assert.deepEqual(resolve(ref('about.fr.md')), { status: 'missing', why: 'REF_NOT_FOUND: Ref "about.fr.md" from page "posts/refs-good.md": page not found' });
    assert.deepEqual(resolve(ref('bundle-post/handout.txt')), { status: 'missing', why: 'REF_NOT_FOUND: Ref "bundle-post/handout.txt" from page "posts/refs-good.md": page not found' });
  });
});

describe('Hugo URL rules, in-memory', () => {
  const page = (front: string) => `---\n${front}\n---\n\nText.\n`;

  // `hugo` 0.111.3 built this same site (hugo list and the files it wrote): every URL below is its answer.
  it('follows :filename dates, :sections slices, Go layouts, weekdays, disablePathToLower, removePathAccents and per-language folders', async () => {
    const site = await openSite(
      inMemorySite({
        'hugo.toml': [
          'baseURL = "https://example.org/"',
          'defaultContentLanguage = "en"',
          'defaultContentLanguageInSubdir = true',
          'disablePathToLower = true',
          'removePathAccents = true',
          '[frontmatter]',
          'date = [":filename", ":default"]',
          '[permalinks]',
          'blog = "/:sections[1:]/:2006-:01/:weekday-:yearday/:slugorfilename"',
          'docs = "/:section/:sections[last]/:title.html"',
          'tags = "/topics/:slug/"',
          '[languages.en]',
          'contentDir = "content/en"',
          '[languages.fr]',
          'contentDir = "content/fr"',
        ].join('\n'),
        'content/en/_index.md': page('title: Home'),
        'content/en/blog/2023/2023-03-05-día-uno.md': page('title: Día Uno'),
        'content/en/blog/2023/deep/Some-Page.md': page('title: Deep\ndate: 2021-12-31\nslug: Ünïcode Slug'),
        'content/en/blog/2023/_index.md': page('title: Deep index'),
        'content/en/tags/go/_index.md': page('title: Go Term'),
        'content/en/tagged.md': page('title: Tagged\ntags: [Go, "Café Ünïcode"]\nurl: /Some/Page.HTML\naliases: [rel/alias, /Abs/Alias]'),
        'content/fr/blog/fr-post.md': page('title: FR post\ndate: 2020-01-01'),
        'content/en/docs/a/b/leaf.md': page('title: Leaf B Page Title'),
        'content/en/docs/a/b/_index.md': page('title: B'),
        'content/en/bundle/index.md': page('title: Bundle\nheadless: true'),
      }),
      '/site',
    );
    assert.deepEqual(routesOf(site), {
      'content/en/_index.md': '/en/',
      'content/en/blog/2023/2023-03-05-día-uno.md': '/en/2023/2023-03/0-64/dia-uno/',
      'content/en/blog/2023/_index.md': '/en/blog/2023/',
      'content/en/blog/2023/deep/Some-Page.md': '/en/2023/2021-12/5-365/Unicode-Slug/',
      'content/en/bundle/index.md': undefined,
      'content/en/docs/a/b/_index.md': '/en/docs/a/b/',
      'content/en/docs/a/b/leaf.md': '/en/docs/b/Leaf-B-Page-Title.html/',
      'content/en/tagged.md': '/Some/Page.HTML',
      'content/en/tags/go/_index.md': '/en/topics/Go-Term/',
      'content/fr/blog/fr-post.md': '/fr/2020-01/3-1/fr-post/',
    });
    assert.deepEqual(site.posts.get('/site/content/en/tagged.md')?.route?.aliases, ['/rel/alias/', '/Abs/Alias/']);
    for (const url of ['/en/topics/Cafe-Unicode/', '/en/blog/2023/', '/en/docs/a/b/', '/en/docs/', '/fr/blog/', '/en/tags/', '/fr/sitemap.xml', '/', '/en/sitemap.xml']) {
      assert.equal(hugoRoutes.isGeneratedUrl(site, url), true, url);
    }
    for (const url of ['/en/docs/a/', '/en/tags/go/', '/blog/', '/fr/docs/']) assert.equal(hugoRoutes.isGeneratedUrl(site, url), false, url);
  });

  // Lruihao/hugo-blog (FixIt, Hugo ≥ 0.161): `posts = "/posts/:slugorcontentbasename/"` over bundles in `_x` folders. Newer
  // Hugo's permalinks.go: the slug, else the content base name (a bundle's folder, a file's name); 0.111 refuses both.
  it('expands newer Hugo\'s :contentbasename and :slugorcontentbasename', async () => {
    const site = await openSite(
      inMemorySite({
        'hugo.toml': 'baseURL = "https://example.org/"\n[permalinks]\nposts = "/posts/:slugorcontentbasename/"\nnotes = "/n/:contentbasename/"\n',
        'content/posts/_acm/bundle-a/index.md': page('title: A'),
        'content/posts/_acm/plain.md': page('title: Plain'),
        'content/posts/_acm/slugged.md': page('title: S\nslug: My Slug'),
        'content/notes/Note-One.md': page('title: N\nslug: ignored'),
      }),
      '/site',
    );
    assert.deepEqual(routesOf(site), {
      'content/notes/Note-One.md': '/n/note-one/',
      'content/posts/_acm/bundle-a/index.md': '/posts/bundle-a/',
      'content/posts/_acm/plain.md': '/posts/plain/',
      'content/posts/_acm/slugged.md': '/posts/my-slug/',
    });
  });

  // docsy.dev (Hugo ≥ 0.160) links `0.9.0/` to blog/2024/0.9.0.md and `../language/` from a leaf bundle: Hugo ≥ 0.123's
  // path parser cuts only a content format's extension, and reads a bundle's refs from the folder above it; hugo 0.111.3
  // finds neither. Either Hugo's answer is taken, so a site on either version gets no false error.
  it('resolves refs as Hugo 0.111 or Hugo ≥ 0.123 does: dotted names, and a leaf bundle climbing from its parent folder', async () => {
    const site = await openSite(
      inMemorySite({
        'hugo.toml': 'baseURL = "https://example.org/"\n',
        'content/blog/2024/0.9.0.md': page('title: Release'),
        'content/docs/language.md': page('title: Language'),
        'content/docs/content/shortcodes/index.md': page('title: Shortcodes'),
      }),
      '/site',
    );
    const resolve = (path: string, from: string) => hugoRoutes.resolveTemplateLink!(site, from, ref(path));
    assert.deepEqual(resolve('0.9.0', '/site/content/blog/2024/0.9.0.md'), { status: 'found', path: '/site/content/blog/2024/0.9.0.md' });
    assert.deepEqual(resolve('/blog/2024/0.9.0', '/site/content/docs/language.md'), { status: 'found', path: '/site/content/blog/2024/0.9.0.md' });
    assert.deepEqual(resolve('../language', '/site/content/docs/content/shortcodes/index.md'), { status: 'found', path: '/site/content/docs/language.md' });
    assert.equal(resolve('/blog/2024/0.9.1', '/site/content/docs/language.md').status, 'missing');
  });

  // Hugo ≥ 0.115 (resources/page/permalinks.go DecodePermalinksConfig) takes a table per page kind; linkerd.io dates its
  // blog with `permalinks: {page: {blog: /:year/:month/:day/:slug/}}`. A plain key is the page and term pattern, as in 0.111.
  it('reads [permalinks] by page kind: page, section, taxonomy and term tables beside plain keys', async () => {
    const site = await openSite(
      inMemorySite({
        'hugo.yaml': 'baseURL: https://example.org/\npermalinks:\n  notes: /n/:slug/\n  page:\n    blog: /:year/:month/:day/:slug/\n  section:\n    blog: /articles/\n  taxonomy:\n    tags: /topics/\n  term:\n    tags: /topics/:slug/\n',
        'content/blog/_index.md': page('title: Blog'),
        'content/blog/2024/roundup.md': page('title: Roundup\ndate: 2024-01-02\nslug: roundup'),
        'content/blog/2025/roundup.md': page('title: Roundup\ndate: 2025-03-04\nslug: roundup'),
        'content/notes/a.md': page('title: A\nslug: first'),
        'content/tags/_index.md': page('title: Tags'),
        'content/tags/go/_index.md': page('title: Go'),
      }),
      '/site',
    );
    assert.deepEqual(routesOf(site), {
      'content/blog/_index.md': '/articles/',
      'content/blog/2024/roundup.md': '/2024/01/02/roundup/',
      'content/blog/2025/roundup.md': '/2025/03/04/roundup/',
      'content/notes/a.md': '/n/first/',
      'content/tags/_index.md': '/topics/',
      'content/tags/go/_index.md': '/topics/go/',
    });
  });

  it('gives relative front matter URLs the language prefix, absolute ones none, and ugly URLs to lists too', async () => {
    const site = await openSite(
      inMemorySite({
        'hugo.toml': 'baseURL = "https://example.org/"\nuglyURLs = true\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n',
        'content/docs/_index.md': page('title: Docs\naliases: [old-docs]'),
        'content/docs/page.fr.md': page('title: Page\nurl: rel/x/'),
        'content/docs/other.fr.md': page('title: Other\nurl: /abs/'),
        'content/docs/ugly.md': page('title: Ugly\naliases: [/gone/]'),
        'content/docs/draft.md': page('title: Draft\ndraft: true'),
        'content/hidden.md': page('title: Hidden\n_build:\n  render: never'),
      }),
      '/site',
    );
    assert.deepEqual(routesOf(site), {
      'content/docs/_index.md': '/docs.html',
      'content/docs/draft.md': '/docs/draft.html',
      'content/docs/other.fr.md': '/abs/',
      'content/docs/page.fr.md': '/fr/rel/x/',
      'content/docs/ugly.md': '/docs/ugly.html',
      'content/hidden.md': undefined,
    });
    // Under global uglyURLs hugo 0.111 writes aliases as .html files.
    assert.deepEqual(site.posts.get('/site/content/docs/ugly.md')?.route?.aliases, ['/gone.html']);
    assert.deepEqual(site.posts.get('/site/content/docs/_index.md')?.route?.aliases, ['/old-docs.html']);
  });

  // hugo 0.111.3 `hugo list all` on this site: content/en/docs/a.md at /docs/a/ and /fr/docs/a/, b.md at
  // /docs/b/ only (fr's own b.md takes its place, at /fr/docs/bee/), specs/s.md at /docs/specs/s/ only.
  // docsy.dev (Hugo ≥ 0.153): content/en is mounted with `sites: {matrix: {languages: [en, fr]}}` to fill in French, as two
  // `lang:` mounts did before (hugo 0.111.3 writes fr/docs/get-started/ from the English page).
  it('reads a sites matrix naming several languages as a mount for each', async () => {
    const site = await openSite(
      inMemorySite({
        'hugo.yaml': [
          'baseURL: https://example.org/',
          'languages: {en: {weight: 1}, fr: {weight: 2}}',
          'module:',
          '  mounts:',
          '    - {source: content/fr, target: content, sites: {matrix: {languages: [fr]}}}',
          "    - {source: content/en, target: content, sites: {matrix: {languages: ['**']}}}",
        ].join('\n'),
        'content/en/docs/get-started.md': page('title: Get started'),
        'content/fr/_index.md': page('title: Accueil'),
      }),
      '/site',
    );
    assert.deepEqual(routesOf(site), { 'content/en/docs/get-started.md': '/docs/get-started/', 'content/fr/_index.md': '/fr/' });
    assert.deepEqual(site.posts.get('/site/content/en/docs/get-started.md')?.route?.aliases, ['/fr/docs/get-started/']);
  });

  it('gives a page mounted as another language\'s fallback its own language\'s URL, the copies as aliases', async () => {
    const site = await openSite(
      inMemorySite({
        'hugo.yaml': [
          'baseURL: https://example.org/',
          'defaultContentLanguage: en',
          'languages: {en: {weight: 1}, fr: {weight: 2}}',
          'module:',
          '  mounts:',
          '    - {source: content/en, target: content}',
          '    - {source: missing/spec, target: content/docs/specs/otel}',
          '    - {source: missing/mission.md, target: content/community/mission.md}',
          '    - {source: missing/otlp.md, target: content/docs/specs/otlp/_index.md}',
          '    - {source: content/fr, target: content, lang: fr}',
          "    - {source: content/en/docs, target: content/docs, lang: fr, excludeFiles: 'specs/**'}",
        ].join('\n'),
        'content/en/docs/a.md': page('title: A'),
        'content/en/docs/b.md': page('title: B'),
        'content/en/docs/specs/s.md': page('title: S'),
        'content/fr/docs/b.md': page('title: Bfr\nslug: bee'),
        'content/fr/docs/c.md': page('title: C'),
      }),
      '/site',
    );
    assert.deepEqual(routesOf(site), {
      'content/en/docs/a.md': '/docs/a/',
      'content/en/docs/b.md': '/docs/b/',
      'content/en/docs/specs/s.md': '/docs/specs/s/',
      'content/fr/docs/b.md': '/fr/docs/bee/',
      'content/fr/docs/c.md': '/fr/docs/c/',
    });
    assert.equal(site.posts.get('/site/content/en/docs/a.md')?.language, 'en');
    assert.deepEqual(site.posts.get('/site/content/en/docs/a.md')?.route?.aliases, ['/fr/docs/a/']);
    assert.deepEqual(site.posts.get('/site/content/en/docs/specs/s.md')?.route?.aliases, []);
    // A French page's ref finds the English page in the French tree, where the fallback put it.
    assert.deepEqual(hugoRoutes.resolveTemplateLink!(site, '/site/content/fr/docs/c.md', ref('/docs/a')), { status: 'found', path: '/site/content/en/docs/a.md' });
    // Below a mount whose source the copy lacks (a submodule not fetched), pages are unknown: never broken.
    for (const url of ['/docs/specs/otel/trace/api/', '/docs/specs/otel', '/community/mission/', '/docs/specs/otlp/', '/fr/docs/specs/otel/x/']) {
      assert.equal(hugoRoutes.isGeneratedUrl(site, url), true, url);
    }
    for (const url of ['/docs/specs/other/', '/community/', '/docs/specs/otlp-x/']) assert.equal(hugoRoutes.isGeneratedUrl(site, url), false, url);
  });

  // crossplane.io's netlify.toml builds with `bash netlify_build.sh`, which runs `cp -R content/v$LATEST_VER content/latest`.
  it('knows no pages below a content folder the build copies another to', async () => {
    const files = {
      'hugo.toml': 'baseURL = "https://example.org/"\n',
      'netlify.toml': '[build]\n  command = "bash netlify_build.sh"\n',
      'netlify_build.sh': 'LATEST_VER="2.3"\ncp -R content/v$LATEST_VER content/latest\ncp content/x.txt content/single.txt\nhugo\n',
      'package.json': '{ "scripts": { "build": "cp -r ./content/v2 ./content/stable/ && hugo" } }',
      'content/v2.3/packages/_index.md': page('title: Packages'),
      'content/blog/a.md': page('title: A'),
    };
    const site = await openSite(inMemorySite(files), '/site');
    for (const path of ['/latest/packages', '/stable/x']) assert.equal(hugoRoutes.resolveTemplateLink!(site, '/site/content/blog/a.md', ref(path)).status, 'unknown', path);
    for (const url of ['/latest/packages/', '/stable/']) assert.equal(hugoRoutes.isGeneratedUrl(site, url), true, url);
    assert.equal(hugoRoutes.resolveTemplateLink!(site, '/site/content/blog/a.md', ref('/single')).status, 'missing');
  });

  // crossplane.io (Hugo 0.147.3) refs `/v1.20/concepts/providers/#…`: from 0.124, getContentNode trims the slash first
  // (gohugoio/hugo#12096), so a page, not only a section, is found so; 0.111.3 says REF_NOT_FOUND.
  it('finds a page by a ref with a trailing slash, as Hugo has since 0.124', async () => {
    const site = await openSite(inMemorySite({ 'hugo.toml': 'baseURL = "https://example.org/"\n', 'content/docs/providers.md': page('title: P'), 'content/blog/a.md': page('title: A') }), '/site');
    assert.deepEqual(hugoRoutes.resolveTemplateLink!(site, '/site/content/blog/a.md', ref('/docs/providers/')), { status: 'found', path: '/site/content/docs/providers.md' });
    assert.equal(hugoRoutes.resolveTemplateLink!(site, '/site/content/blog/a.md', ref('/docs/gone/')).status, 'missing');
    // Written without its first slash too, from a page of another section (tomy0000000/blog, hugo 0.154.4).
    assert.deepEqual(hugoRoutes.resolveTemplateLink!(site, '/site/content/blog/a.md', ref('docs/providers/')), { status: 'found', path: '/site/content/docs/providers.md' });
    assert.equal(hugoRoutes.resolveTemplateLink!(site, '/site/content/blog/a.md', ref('docs/gone/')).status, 'missing');
  });

  // glaforge.dev (Hugo 0.161.1) refs `tags/retrieval-augmented-generation/` from posts below content/posts/2025/…: from 0.124 the ref is
  // looked up from the content root too, where the term page is; 0.111.3 says REF_NOT_FOUND.
  it('finds a term page by a ref without its first slash, from a page in another folder', async () => {
    const site = await openSite(inMemorySite({ 'hugo.toml': 'baseURL = "https://example.org/"\n', 'content/posts/2025/a.md': page('title: A\ntags: [rag]'), 'content/talks/t.md': page('title: T') }), '/site');
    for (const written of ['tags/rag/', 'tags/rag', '/tags/rag']) assert.notEqual(hugoRoutes.resolveTemplateLink!(site, '/site/content/talks/t.md', ref(written)).status, 'missing', written);
    assert.equal(hugoRoutes.resolveTemplateLink!(site, '/site/content/talks/t.md', ref('tags/unused/')).status, 'missing');
  });

  // buildpacks.io mounts content/docs/.common/concepts/buildpack.md at three places; hugo 0.111.3 (`hugo list all`)
  // publishes it at each target and never below the hidden folder.
  it('publishes a file mounted alone at each of its targets, though its source lies in a hidden folder', async () => {
    const mounts = ['content', 'content/docs/.common/shared.md', 'content/docs/.common/shared.md'].map((source, i) => `[[module.mounts]]\nsource = "${source}"\ntarget = "${['content', 'content/docs/a/shared.md', 'content/docs/b/shared.md'][i]}"\n`).join('');
    const site = await openSite(inMemorySite({ 'hugo.toml': `baseURL = "https://example.org/"\n${mounts}`, 'content/docs/.common/shared.md': page('title: Shared'), 'content/docs/.common/other.md': page('title: Other'), 'content/docs/a/x.md': page('title: X') }), '/site');
    assert.deepEqual(routesOf(site), { 'content/docs/.common/shared.md': '/docs/a/shared/', 'content/docs/a/x.md': '/docs/a/x/' });
    assert.deepEqual(site.posts.get('/site/content/docs/.common/shared.md')?.route?.aliases, ['/docs/b/shared/']);
  });

  // buildpacks.io's .gitignore lists `content/docs/…/cli/pack*`, pages its Makefile writes from the pack CLI before hugo runs.
  it('knows no pages below a content folder the .gitignore lists: a build step writes them', async () => {
    // roweb3's `content/blog/*.html` (blogdown's output beside its sources) names a kind of file, not a folder of pages.
    const gitignore = '/public\n*.iml\ncontent/docs/cli/pack*\n/content/generated/\n!content/docs/kept\ncontent/blog/*.html\ncontent/blog/*/index.html\n';
    const site = await openSite(inMemorySite({ 'hugo.toml': 'baseURL = "https://example.org/"\n', '.gitignore': gitignore, 'content/docs/a.md': page('title: A'), 'content/docs/cli/_index.md': page('title: CLI') }), '/site');
    for (const url of ['/docs/cli/pack_build/', '/docs/cli/pack/', '/generated/x/', '/generated']) assert.equal(hugoRoutes.isGeneratedUrl(site, url), true, url);
    for (const url of ['/docs/b/', '/public/', '/docs/kept/', '/docs/clip/', '/docs/cli/other/', '/blog/gone/']) assert.equal(hugoRoutes.isGeneratedUrl(site, url), false, url);
    assert.deepEqual(hugoRoutes.resolveTemplateLink!(site, '/site/content/docs/a.md', ref('/docs/cli/pack_build')), { status: 'unknown' });
    assert.equal(hugoRoutes.resolveTemplateLink!(site, '/site/content/docs/a.md', ref('/docs/b')).status, 'missing');
  });

  // spiffe.io's build (make production-build → pull_external.py) copies other repositories' docs into content/ and
  // lists each file in content/.gitignore: hugo 0.111.3 then writes /docs/latest/deploying/spire_server/.
  it('knows no page at a content file the content folder\'s .gitignore lists', async () => {
    const gitignore = '# THIS FILE IS AUTO-GENERATED. DO NOT MODIFY BY HAND\n\ndocs/latest/deploying/spire_server.md\ndocs/latest/try/SPIRE101.md\nnotes.md\n';
    const site = await openSite(inMemorySite({ 'hugo.toml': 'baseURL = "https://example.org/"\n', 'content/.gitignore': gitignore, 'content/docs/latest/deploying/configuring.md': page('title: Configuring') }), '/site');
    for (const url of ['/docs/latest/deploying/spire_server/', '/docs/latest/try/SPIRE101/']) assert.equal(hugoRoutes.isGeneratedUrl(site, url), true, url);
    for (const url of ['/docs/latest/deploying/spire_agent/', '/notes/']) assert.equal(hugoRoutes.isGeneratedUrl(site, url), false, url);
  });

  it('finds a post added after the lookup was first asked', async () => {
    const fs = inMemorySite({ 'hugo.toml': 'baseURL = "https://example.org/"\n', 'content/posts/a.md': page('title: A') });
    const site = await openSite(fs, '/site');
    const from = '/site/content/posts/a.md';
    assert.equal(hugoRoutes.resolveTemplateLink!(site, from, ref('b.md')).status, 'missing');
    const summary = site.posts.get(from)!;
    site.posts.set('/site/content/posts/b.md', { ...summary, path: '/site/content/posts/b.md' });
    assert.deepEqual(hugoRoutes.resolveTemplateLink!(site, from, ref('b.md')), { status: 'found', path: '/site/content/posts/b.md' });
    site.posts.delete('/site/content/posts/b.md');
    assert.equal(hugoRoutes.resolveTemplateLink!(site, from, ref('b.md')).status, 'missing');
  });
});
