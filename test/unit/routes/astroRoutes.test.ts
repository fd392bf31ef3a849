import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noCancellation } from '../../../src/core/host/cancellation';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { toSitePath } from '../../../src/core/index';
import { nodeFileSystem } from '../../../src/node/index';
import { astro, entriesMapped, paginatesOnly } from '../../../src/core/site/generators/astro';
import { astroRoutes } from '../../../src/core/site/routes/astro';
import { resolveLink, resolveUrl } from '../../../src/core/site/resolveLink';
import { Site } from '../../../src/core/site/site';
import { fixturesRoot } from '../support/fixtureSites';

/**
 * The pages `astro build` (Astro 5.18.2, from npm) writes for test/fixtures/sites/astro-links, source file →
 * output, as its log lists them. Markdown sources are the pages Postcraft gives a route.
 */
const astroLinksBuild: readonly (readonly [source: string, url: string])[] = [
  ['src/pages/about.md', '/about/'],
  ['src/pages/archive.astro', '/archive/'],
  ['src/content/blog/broken.md', '/blog/broken/'],
  ['src/content/blog/releases/feature-flags.md', '/blog/releases/feature-flags/'],
  ['src/content/blog/renamed.md', '/blog/renamed-post/'],
  ['src/content/blog/Hello World.md', '/blog/hello-world/'],
  ['src/pages/index.astro', '/'],
  ['src/pages/rss.xml.js', '/rss.xml'],
  ['src/pages/tags/[tag].astro', '/tags/releases/'],
  ['src/pages/tags/[tag].astro', '/tags/meta/'],
];

async function load(root: string, fs = nodeFileSystem): Promise<Site> {
  return Site.load(fs, root, astro, 'astro.config.mjs', noCancellation);
}

describe('Astro URL rules', () => {
  it('give every Markdown page of astro-links the URL astro build writes it at', async () => {
    const root = toSitePath(`${fixturesRoot}/astro-links`);
    const site = await load(root);
    const markdown = astroLinksBuild.filter(([source]) => source.endsWith('.md'));
    assert.deepEqual(
      [...site.posts.entries()].map(([path, post]) => [path.slice(root.length + 1), post.route?.url]).sort(),
      markdown.map(([source, url]) => [source, url]).sort(),
    );
  });

  it('take the other pages astro build writes as generated, and a missing entry of the collection route as not', async () => {
    const site = await load(toSitePath(`${fixturesRoot}/astro-links`));
    for (const [source, url] of astroLinksBuild) if (!source.endsWith('.md')) assert.equal(astroRoutes.isGeneratedUrl(site, url), true, url);
    assert.equal(astroRoutes.isGeneratedUrl(site, '/tags/anything/'), true); // a dynamic route Postcraft cannot list
    assert.equal(astroRoutes.isGeneratedUrl(site, '/blog/feature-flags/'), false);
    assert.equal(astroRoutes.isGeneratedUrl(site, '/about/'), false); // a Markdown page: a route of its own
  });

  // Confirmed with astro build 5.18.2: `build.format` file writes blog/index.md at blog.html, preserve at blog/index.html.
  it('follow build.format and trailingSlash', async () => {
    const pages = {
      'src/pages/about.md': '---\ntitle: About\n---\n',
      'src/pages/blog/index.md': '---\ntitle: Blog\n---\n',
      'src/pages/_draft.md': '---\ntitle: Draft\n---\n',
    };
    const urls = async (config: string) => {
      const site = await load('/site', inMemorySite({ 'astro.config.mjs': config, ...pages }));
      return [...site.posts.entries()].map(([path, post]) => [path, post.route?.url]).sort();
    };
    assert.deepEqual(await urls('export default {};'), [['/site/src/pages/about.md', '/about/'], ['/site/src/pages/blog/index.md', '/blog/']]);
    assert.deepEqual(await urls('export default { build: { format: "file" } };'), [['/site/src/pages/about.md', '/about.html'], ['/site/src/pages/blog/index.md', '/blog.html']]);
    assert.deepEqual(await urls('export default { build: { format: "preserve" } };'), [['/site/src/pages/about.md', '/about.html'], ['/site/src/pages/blog/index.md', '/blog/']]);
    assert.deepEqual(await urls('export default { trailingSlash: "never" };'), [['/site/src/pages/about.md', '/about'], ['/site/src/pages/blog/index.md', '/blog']]);
  });

  // Confirmed with astro build 5.18.2: a legacy collection's `slug` is slugified (or the `slug` field), its `id` the file name.
  it('map legacy collections by slug and glob() collections by id', async () => {
    const site = await load(
      '/site',
      inMemorySite({
        'astro.config.mjs': 'export default {};',
        'src/content.config.ts': 'const notes = defineCollection({ type: "content" });\nconst blog = defineCollection({ loader: glob({ pattern: "**/*.md", base: "./src/data/blog" }) });\nexport const collections = { notes, blog };',
        'src/content/notes/First Note.md': '---\ntitle: N\n---\n',
        'src/content/notes/second.md': '---\ntitle: S\nslug: custom-note\n---\n',
        'src/data/blog/nested/Deep_Post.md': '---\ntitle: D\n---\n',
        'src/data/blog/nested/index.md': '---\ntitle: I\n---\n',
        'src/pages/notes/[slug].astro': '---\nexport async function getStaticPaths() {\n  const notes = await getCollection("notes");\n  return notes.map((note) => ({ params: { slug: note.slug }, props: { note } }));\n}\n---\n',
        'src/pages/blog/[...slug].astro': '---\nexport async function getStaticPaths() {\n  return (await getCollection("blog")).map(({ id }) => ({ params: { slug: id } }));\n}\n---\n',
      }),
    );
    const url = (path: string) => site.posts.get(`/site/${path}`)?.route?.url;
    assert.equal(url('src/content/notes/First Note.md'), '/notes/first-note/');
    assert.equal(url('src/content/notes/second.md'), '/notes/custom-note/');
    assert.equal(url('src/data/blog/nested/Deep_Post.md'), '/blog/nested/deep_post/');
    assert.equal(url('src/data/blog/nested/index.md'), '/blog/nested/');
  });

  it('read only the simple getStaticPaths mappings, and leave the others unknown', () => {
    const page = (body: string) => `---\nexport async function getStaticPaths() {\n${body}\n}\n---\n`;
    assert.deepEqual(entriesMapped('/blog/[...slug]', page('const posts = await getCollection("blog", ({ data }) => !data.draft);\nreturn posts.map((post) => ({ params: { slug: post.id }, props: post }));')), { collection: 'blog', field: 'id' });
    // astro-paper: a helper of the site's own makes the path.
    assert.equal(entriesMapped('/posts/[...slug]', page('const posts = await getCollection("blog");\nreturn posts.map((post) => ({ params: { slug: getPath(post.id, post.filePath, false) }, props: { post } }));')), undefined);
    assert.equal(entriesMapped('/posts/[...page]', page('const posts = await getCollection("blog");\nreturn paginate(posts, { pageSize: 4 });')), undefined);
    assert.equal(entriesMapped('/[lang]/[slug]', page('const posts = await getCollection("blog");\nreturn posts.map((post) => ({ params: { lang: "en", slug: post.id } }));')), undefined);
    assert.deepEqual(entriesMapped('/blog/[slug]', page('const posts = await getCollection("blog");\nreturn posts.map(({ id }) => ({ params: { slug: id } }));')), { collection: 'blog', field: 'id' });
    assert.deepEqual(entriesMapped('/blog/[slug]', page('const paths = [];\nfor (const entry of await getCollection("blog")) paths.push({ params: { slug: entry.slug } });\nreturn paths;')), { collection: 'blog', field: 'slug' });
    // pvillega/blog-zola: a series page over the posts' series names, which astro 5.17.1 writes at /series/<name>/ only.
    const series = 'const posts = await getCollection("blog");\nconst ids = [...new Set(posts.map((p) => p.data.series))];\nreturn ids.map((id) => ({ meta: { id } })).map(({ meta }) => ({ params: { series: meta.id } }));';
    assert.equal(entriesMapped('/series/[series]', page(series)), undefined);
    // Its real page: the object is destructured from the callback's parameter, and passed to a call below.
    const real = 'const posts = await getCollection("blog");\nreturn getSeriesWithPosts(posts).map(({ meta, posts: seriesPosts }) => ({ params: { series: meta.id }, props: { meta } }));\n}\nconst { meta } = Astro.props;\nconst sections = groupPostsBySections(meta, Astro.props.seriesPosts);';
    assert.equal(entriesMapped('/series/[series]', page(real)), undefined);
    assert.deepEqual(entriesMapped('/blog/[slug]', page('const posts = await getCollection("blog");\nreturn posts.map(async function (post, index) { return { params: { slug: post.id } }; });')), { collection: 'blog', field: 'id' });
    assert.equal(entriesMapped('/series/[series]', page('const posts = await getCollection("blog");\nreturn [...new Set(posts.map((p) => p.data.series))].map((id) => ({ params: { series: id } }));')), undefined);
  });

  // doingandlearning/astro-blog: posts/[...slug].astro maps "posts", then reads each post's "webmentions" to render it.
  it('read the collection getStaticPaths maps, whatever else the page reads', () => {
    const rest = '\nconst { entry } = Astro.props;\nconst mentions = await getCollection("webmentions", (mention) => mention.id.endsWith(entry.slug));\n---\n';
    const mapping = 'const entries = await getCollection("posts");\n  return entries.map((entry) => ({ params: { slug: entry.slug }, props: { entry } }));\n';
    assert.deepEqual(entriesMapped('/posts/[...slug]', `---\nexport async function getStaticPaths({ paginate }) {\n  ${mapping}}${rest}`), { collection: 'posts', field: 'slug' });
    assert.deepEqual(entriesMapped('/posts/[...slug]', `---\nexport const getStaticPaths = (async () => {\n  ${mapping}}) satisfies GetStaticPaths;${rest}`), { collection: 'posts', field: 'slug' });
    assert.deepEqual(entriesMapped('/posts/[...slug]', `---\nexport const getStaticPaths: GetStaticPaths = async (): Promise<Paths> => {\n  ${mapping}};${rest}`), { collection: 'posts', field: 'slug' });
    // cappato/astro-blog: getStaticPaths maps a list of the site's own, the page shows the "blog" posts; astro 5.18.2 builds
    // /blog/pillar/devops/ for the list's `devops`, no page per post.
    assert.equal(entriesMapped('/blog/pillar/[pillarId]', '---\nimport { getAllPillars } from "../../../pillars";\nexport async function getStaticPaths() {\n  return getAllPillars().map((pillar) => ({ params: { pillarId: pillar.id }, props: { pillar } }));\n}\nconst posts = await getCollection("blog");\n---\n'), undefined);
    // Written as an expression, its body is not cut out: both collections, so the URLs stay unknown.
    assert.equal(entriesMapped('/posts/[...slug]', `---\nexport const getStaticPaths = async () => (await getCollection("posts")).map((entry) => ({ params: { slug: entry.slug } }));${rest}`), undefined);
  });

  // bigandy/astro-blog (Astro 7): blog/[...slug].astro maps getAllPosts("blog"), a helper that passes its parameter to
  // getCollection; astro 7.0.3 writes each entry at /blog/<id>/.
  it('read the collection a page names to a helper that takes the collection\'s name', async () => {
    const files = {
      'astro.config.mjs': "import { defineConfig } from 'astro/config';\nexport default defineConfig({});",
      'src/content.config.ts': "import { glob } from 'astro/loaders';\nexport const collections = { blog: defineCollection({ loader: glob({ base: './src/content/blog', pattern: '**/*.md' }) }) };",
      'src/utils/getAllPosts.ts': 'import { getCollection } from "astro:content";\nexport const getAllPosts = async (collection: "blog") => await getCollection(collection);\n',
      'src/pages/blog/[...slug].astro': '---\nimport { getAllPosts } from "../../utils/getAllPosts";\nexport async function getStaticPaths() {\n  const posts = await getAllPosts("blog");\n  return posts.map((post) => ({ params: { slug: post.id }, props: { post } }));\n}\n---\n',
      'src/content/blog/ten-years.md': '---\ntitle: Ten\n---\n',
    };
    const site = await load('/site', inMemorySite(files));
    assert.equal(site.posts.get('/site/src/content/blog/ten-years.md')?.route?.url, '/blog/ten-years/');
    assert.equal(resolveUrl(site, '/blog/rippin-kiten/').kind, 'missing');
  });

  // Astro Cactus (and frandieguez.com on its fork): posts/[...slug].astro maps `getAllPosts()` of src/data/post.ts, which
  // returns `getCollection("post", …)`; astro 5.14.1 writes each entry at /posts/<id>/.
  it('read the collection a page lists through a helper module of the site, by alias or relative path', async () => {
    const route = "---\nimport { getAllPosts } from '@/data/post';\nexport const getStaticPaths = async () => {\n  const entries = await getAllPosts();\n  return entries.map((post) => ({ params: { slug: post.id }, props: { post } }));\n};\n---\n";
    const files = {
      'astro.config.mjs': "import { defineConfig } from 'astro/config';\nexport default defineConfig({});",
      'src/content.config.ts': "import { glob } from 'astro/loaders';\nexport const collections = { post: defineCollection({ loader: glob({ base: './src/content/post', pattern: '**/*.md' }) }) };",
      'src/data/post.ts': 'export async function getAllPosts() {\n  // getCollection("notes") in a comment is no call\n  return await getCollection("post", ({ data }) => (import.meta.env.PROD ? !data.draft : true));\n}\n',
      'src/pages/posts/[...slug].astro': route,
      'src/content/post/hello.md': '---\ntitle: Hello\n---\n',
    };
    const site = await load('/site', inMemorySite(files));
    assert.equal(site.posts.get('/site/src/content/post/hello.md')?.route?.url, '/posts/hello/');
    assert.equal(resolveUrl(site, '/posts/nope/').kind, 'missing');
    const relative = await load('/site', inMemorySite({ ...files, 'src/pages/posts/[...slug].astro': route.replace("'@/data/post'", "'../../data/post'") }));
    assert.equal(resolveUrl(relative, '/posts/nope/').kind, 'missing');
    // A component the page imports (a layout listing recent posts), or a helper it does not call, maps nothing.
    const fromJson = "---\nimport Base from '@/layouts/Base.astro';\nimport { getAllPosts } from '@/data/post';\nimport projects from '@/data/projects.json';\nexport function getStaticPaths() {\n  return projects.map((project) => ({ params: { slug: project.id } }));\n}\n---\n";
    const layout = "---\nconst recent = await getCollection('post');\n---\n";
    const projects = await load('/site', inMemorySite({ ...files, 'src/layouts/Base.astro': layout, 'src/data/projects.json': '[]', 'src/pages/posts/[...slug].astro': fromJson }));
    assert.notEqual(resolveUrl(projects, '/posts/nope/').kind, 'missing');
  });

  // kozakemi.github.io (Fuwari): src/pages/[...page].astro returns paginate(posts): astro 4.16 writes /, /2/, /3/… only,
  // so a link to /posts/markdown/local-doc.html is broken, not a page the route may make.
  it('take a route of paginate()\'s page number alone as making its numbered pages only', async () => {
    const page = (body: string) => `---\nexport async function getStaticPaths({ paginate }) {\n${body}\n}\n---\n`;
    const paginated = page('const posts = await getCollection("posts");\nreturn paginate(posts, { pageSize: 8 });');
    assert.equal(paginatesOnly('/[...page]', paginated), true);
    assert.equal(paginatesOnly('/[...page]', page('return paginate(posts, { params: { tag } });')), false);
    assert.equal(paginatesOnly('/tags/[tag]/[...page]', paginated), false);
    const site = await load('/site', inMemorySite({
      'package.json': '{ "dependencies": { "astro": "^4.15.9" } }',
      'astro.config.mjs': 'export default {};\n',
      'src/pages/[...page].astro': paginated,
      'src/pages/blog/[...page].astro': paginated,
      'src/pages/tags/[tag].astro': page('return [];'),
    }));
    for (const url of ['/', '/2/', '/blog/', '/blog/3/', '/blog/3.html', '/tags/anything/']) assert.equal(astroRoutes.isGeneratedUrl(site, url), true, url);
    for (const url of ['/posts/markdown/local-doc.html', '/nope/', '/blog/nope/']) assert.equal(astroRoutes.isGeneratedUrl(site, url), false, url);
  });
});

describe('Astro heading IDs by the site\'s pipeline', () => {
  const headingIds = async (files: Record<string, string>) => {
    const site = await load('/site', inMemorySite({ 'src/pages/a.md': '---\ntitle: A\n---\n\n## Hello -\n', ...files }));
    return [...site.posts.values()][0]!.anchors?.map((anchor) => anchor.id);
  };

  // rehypeHeadingIds of @astrojs/markdown-remark 6.3 cuts the trailing `-` (unless experimental.headingIdCompat),
  // 7.x does not; rehype-slug sets the IDs before it. Astro 7.2.2 builds confirmed `hello--`.
  it('follow the Astro version package.json names, headingIdCompat and rehype-slug', async () => {
    assert.deepEqual(await headingIds({ 'astro.config.mjs': 'export default {};', 'package.json': '{"dependencies":{"astro":"^5.12.0"}}' }), ['hello-']);
    assert.deepEqual(await headingIds({ 'astro.config.mjs': 'export default {};', 'package.json': '{"dependencies":{"astro":"7.2.2"}}' }), ['hello--']);
    assert.deepEqual(await headingIds({ 'astro.config.mjs': 'export default { experimental: { headingIdCompat: true } };', 'package.json': '{"dependencies":{"astro":"^5.9.0"}}' }), ['hello--']);
    assert.deepEqual(
      await headingIds({ 'astro.config.mjs': 'import rehypeSlug from "rehype-slug";\nexport default { markdown: { rehypePlugins: [rehypeSlug] } };', 'package.json': '{"devDependencies":{"astro":"~6.1.0"}}' }),
      ['hello--'],
    );
    // No version to read: either ID is the heading's.
    assert.deepEqual(await headingIds({ 'astro.config.mjs': 'export default {};' }), ['hello-', 'hello--']);
  });
});

/** A Starlight site as its starter writes one, in two languages (root and fr). */
const starlightSite = (config: string, pages: Record<string, string>) =>
  inMemorySite({
    'astro.config.mjs': `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n${config}`,
    'src/content.config.ts': "import { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };",
    ...pages,
  });

const twoLanguages = "export const locales = { root: { label: 'English', lang: 'en' }, fr: { label: 'Français', lang: 'fr' } };\nexport default defineConfig({ integrations: [starlight({ title: 'Docs', locales })] });";

describe('Starlight docs routes', () => {
  // Confirmed with astro build 7.4.8 and @astrojs/starlight 0.42.9 (Node 22) of the same pages: dist/ holds
  // index.html, guides/index.html, guides/first-steps/index.html, api/index.html, fr/index.html, the fallbacks
  // fr/guides/first-steps/index.html, fr/guides/index.html, fr/api/index.html, and 404.html; neither
  // reference/_partial nor the draft reference/draft.
  it('give each docs entry the URL of its id, index pages their folder', async () => {
    const site = await load(
      '/site',
      starlightSite(twoLanguages, {
        'src/content/docs/index.md': '---\ntitle: Home\n---\n',
        'src/content/docs/guides/First Steps.md': '---\ntitle: First steps\n---\n## Install\n',
        'src/content/docs/guides/index.md': '---\ntitle: Guides\n---\n',
        'src/content/docs/reference/moved.md': '---\ntitle: Moved\nslug: api/index\n---\n',
        'src/content/docs/reference/_partial.md': '---\ntitle: Partial\n---\n',
        'src/content/docs/reference/draft.md': '---\ntitle: Draft\ndraft: true\n---\n',
        'src/content/docs/fr/index.md': '---\ntitle: Accueil\n---\n',
      }),
    );
    assert.deepEqual([...site.posts.entries()].map(([path, post]) => [path, post.route?.url]).sort(), [
      ['/site/src/content/docs/fr/index.md', '/fr/'],
      ['/site/src/content/docs/guides/First Steps.md', '/guides/first-steps/'],
      ['/site/src/content/docs/guides/index.md', '/guides/'],
      ['/site/src/content/docs/index.md', '/'],
      ['/site/src/content/docs/reference/draft.md', '/reference/draft/'],
      ['/site/src/content/docs/reference/moved.md', '/api/'],
    ]);
    // A draft is left out of the build: a link to it says so.
    assert.equal(site.publishing.skipsDrafts, true);
    // The fallback pages of the French locale, and the 404 page, are built; a French page no English one has is not.
    for (const url of ['/fr/guides/first-steps/', '/fr/guides/', '/fr/api/', '/404/']) assert.equal(astroRoutes.isGeneratedUrl(site, url), true, url);
    for (const url of ['/fr/nowhere/', '/de/guides/', '/guides/nowhere/']) assert.equal(astroRoutes.isGeneratedUrl(site, url), false, url);
  });

  // Starlight before Astro 5 (legacy src/content/config.ts, no loader) routes an entry by its slug, not its file-named id.
  it('route a legacy docs collection by slug', async () => {
    const site = await load(
      '/site',
      inMemorySite({
        'astro.config.mjs': "import starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Docs' })] });",
        'src/content/config.ts': "import { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ schema: docsSchema() }) };",
        'src/content/docs/index.mdx': '---\ntitle: Home\n---\n',
        'src/content/docs/Guides/Getting Started.md': '---\ntitle: Start\n---\n',
      }),
    );
    assert.deepEqual([...site.posts.entries()].map(([path, post]) => [path, post.route?.url]).sort(), [
      ['/site/src/content/docs/Guides/Getting Started.md', '/guides/getting-started/'],
      ['/site/src/content/docs/index.mdx', '/'],
    ]);
  });

  it('report a docs URL no entry has, and keep quiet under a plugin that may add pages', async () => {
    const pages = { 'src/content/docs/guides/intro.md': '---\ntitle: Intro\n---\nSee [setup](/guides/setup/) and [the intro](/guides/intro/).\n' };
    const broken = async (config: string) => {
      const site = await load('/site', starlightSite(config, pages));
      return resolveUrl(site, '/guides/setup/').kind;
    };
    assert.equal(await broken("export default defineConfig({ integrations: [starlight({ title: 'Docs' })] });"), 'missing');
    assert.equal(await broken("import starlightChangelogs from 'starlight-changelogs';\nexport default defineConfig({ integrations: [starlight({ title: 'Docs', plugins: [starlightChangelogs()] })] });"), 'unknown');
    // starlight-blog's pages are listed (below its prefix, in any locale): the docs URLs stay checked.
    const blog = "import starlightBlog from 'starlight-blog';\nexport default defineConfig({ integrations: [starlight({ title: 'Docs', locales: { root: { label: 'English', lang: 'en' }, fr: { label: 'Français', lang: 'fr' } }, plugins: [starlightBlog({ prefix: '/news/' })] })] });";
    assert.equal(await broken(blog), 'missing');
    const site = await load('/site', starlightSite(blog, pages));
    for (const url of ['/news/', '/news/2/', '/news/tags/astro/', '/news/authors/hideoo/', '/news/rss.xml', '/fr/news/tags/astro/']) assert.equal(astroRoutes.isGeneratedUrl(site, url), true, url);
    for (const url of ['/news/a-post/', '/blog/', '/news/tags/', '/de/news/']) assert.equal(astroRoutes.isGeneratedUrl(site, url), false, url);
    assert.equal(await broken("import starlightBlog from 'starlight-blog';\nexport default defineConfig({ integrations: [starlight({ title: 'Docs', plugins: [starlightBlog({ prefix: blogPrefix })] })] });"), 'unknown');
    assert.equal(await broken("import starlightLinksValidator from 'starlight-links-validator';\nexport default defineConfig({ integrations: [starlight({ title: 'Docs', plugins: [starlightLinksValidator()] })] });"), 'missing');
  });

  // astro 5.14.1 leaves `[tool.rb](./tool.rb)` as written and copies no file of src/content (frandieguez.com's posts).
  it('take a link to a file beside an entry from the page\'s URL: only public/ is published as it is', async () => {
    const site = await load('/site', starlightSite("export default defineConfig({ integrations: [starlight({ title: 'Docs' })] });", {
      'src/content/docs/guides/intro.md': '---\ntitle: Intro\n---\n',
      'src/content/docs/guides/tool.rb': 'puts 1\n',
      'public/guides/intro/slides.pdf': 'pdf',
    }));
    const target = (path: string) => resolveLink(site, '/site/src/content/docs/guides/intro.md', { form: 'markdown', raw: path, path, range: { start: 0, end: path.length } });
    assert.deepEqual(target('./tool.rb'), { kind: 'missing', why: undefined, lookedFor: '/guides/intro/tool.rb', suggestions: [], besideFile: { path: '/site/src/content/docs/guides/tool.rb' } });
    assert.deepEqual(target('slides.pdf'), { kind: 'file', path: '/site/public/guides/intro/slides.pdf' });
  });

  it('read the redirects an object of the config or a module it imports holds', async () => {
    const site = await load(
      '/site',
      starlightSite("import moved from './redirects.js';\nconst more = { '/old/': '/guides/intro/' };\nexport default defineConfig({ redirects: { ...moved, ...more, '/kept/': '/' }, integrations: [starlight({ title: 'Docs' })] });", {
        'redirects.js': "// generated\nexport default {\n  '/guides/moved': '/guides/intro/',\n};\n",
        'src/content/docs/guides/intro.md': '---\ntitle: Intro\n---\n',
      }),
    );
    for (const url of ['/guides/moved/', '/old/', '/kept/']) assert.equal(astroRoutes.isGeneratedUrl(site, url), true, url);
    assert.equal(resolveUrl(site, '/guides/other/').kind, 'missing');
    const unread = await load('/site', starlightSite("export default defineConfig({ redirects: { ...computeRedirects() }, integrations: [starlight({ title: 'Docs' })] });", { 'src/content/docs/guides/intro.md': '---\ntitle: Intro\n---\n' }));
    assert.equal(resolveUrl(unread, '/guides/other/').kind, 'unknown');
  });
});
