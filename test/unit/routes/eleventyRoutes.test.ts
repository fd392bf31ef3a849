import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { noCancellation } from '../../../src/core/host/cancellation';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { eleventy } from '../../../src/core/site/generators/eleventy';
import { eleventyRoutes, inputPathCandidates } from '../../../src/core/site/routes/eleventy';
import { eleventySlugify } from '../../../src/core/text/slugify';
import { Site } from '../../../src/core/site/site';
import { buildWithEleventy, eleventyAvailable } from '../oracle/support/eleventyBuild';

/** One site with every URL rule Postcraft follows, and what Eleventy 3.1.8 (`eleventy --to=json`, `page.url`) made of it. */
const files: Record<string, string> = {
  'eleventy.config.js': 'module.exports = function (eleventyConfig) {\n  eleventyConfig.addPassthroughCopy("src/files");\n  eleventyConfig.addPassthroughCopy({ "static": "/" });\n  return { dir: { input: "src" } };\n};\n',
  'src/index.md': '---\ntitle: Home\n---\n',
  'src/about.md': '---\ntitle: About\npermalink: /about-us/\n---\n',
  'src/contact.md': '---\ntitle: Contact\npermalink: contact.html\n---\n',
  'src/hidden.md': '---\ntitle: Hidden\npermalink: false\n---\n',
  'src/blog/index.md': '---\ntitle: Blog\n---\n',
  'src/blog/blog.md': '---\ntitle: Blog dup\npermalink: /blog-dup/\n---\n',
  'src/blog/2024-03-05-spring-plans.md': '---\ntitle: Spring\n---\n',
  'src/blog/2024/2024-06-01-summer.md': '---\ntitle: Summer\npermalink: "/posts/{{ page.fileSlug }}/"\n---\n',
  'src/blog/stem.md': '---\ntitle: Stem\npermalink: "{{ page.filePathStem }}.html"\n---\n',
  'src/blog/titled.md': "---\ntitle: \"Don't Panic: A Guide\"\npermalink: \"/t/{{ title | slugify }}/\"\n---\n",
  'src/blog/dated.md': '---\ntitle: Dated\ndate: 2023-01-02\n---\n',
  'src/blog/cond.md': '---\ntitle: Cond\npermalink: "/c/{% if true %}yes{% endif %}/"\n---\n',
  'src/notes/notes.11tydata.json': '{ "permalink": "/n/{{ page.fileSlug }}/" }',
  'src/notes/one.md': '---\ntitle: One\n---\n',
  'src/notes/two.md': '---\ntitle: Two\npermalink: /two/\n---\n',
  'src/notes/index.md': '---\ntitle: Notes index\n---\n',
  'src/docs/docs.json': '{ "permalink": "/documentation/{{ page.fileSlug }}/" }',
  'src/docs/guide/guide.11tydata.js': 'module.exports = { tags: ["guide"] };\n',
  'src/docs/guide/start.md': '---\ntitle: Start\n---\n',
  'src/docs/guide/own.md': '---\ntitle: Own\n---\n',
  'src/docs/guide/own.11tydata.json': '{ "permalink": "/own-page/" }',
  'src/docs/guide/index.md': '---\ntitle: Guide\n---\n',
  'src/essays/essays.11tydata.js': 'module.exports = {\n  tags: ["essay"],\n  permalink: function ({ page }) {\n    return `/e/${ page.fileSlug }/`;\n  },\n};\n',
  'src/essays/2019-05-06-first.md': '---\ntitle: First essay\n---\n',
  'src/talks/talks.11tydata.js': 'module.exports = { permalink: (data) => `/talk${data.page.filePathStem}.html` };\n',
  'src/talks/intro.md': '---\ntitle: Intro\n---\n',
  'src/misc/misc.11tydata.js': 'module.exports = { permalink: (data) => `/m/${data.title.toLowerCase()}/` };\n',
  'src/misc/thing.md': '---\ntitle: Thing\n---\n',
  'src/tags/tags.njk': '---\npagination:\n  data: collections\n  size: 1\n  alias: tag\npermalink: /tags/{{ tag | slugify }}/\n---\n{{ tag }}\n',
  'src/list.njk': '---\npagination:\n  data: collections.all\n  size: 2\n---\nlist\n',
  'src/feed.njk': '---\npermalink: /feed.xml\n---\nx\n',
  'src/files/doc.pdf': 'pdf',
  'src/other/file.pdf': 'pdf',
  'static/map.png': 'png',
};

/** `page.url` of each Markdown template, from Eleventy 3.1.8; undefined: `permalink: false`, or (cond.md, misc/thing.md) a permalink Postcraft does not work out. */
const eleventyUrls: Record<string, string | undefined> = {
  'src/index.md': '/',
  'src/about.md': '/about-us/',
  'src/contact.md': '/contact.html',
  'src/hidden.md': undefined,
  'src/blog/index.md': '/blog/',
  'src/blog/blog.md': '/blog-dup/',
  'src/blog/2024-03-05-spring-plans.md': '/blog/2024-03-05-spring-plans/',
  'src/blog/2024/2024-06-01-summer.md': '/posts/summer/',
  'src/blog/stem.md': '/blog/stem.html',
  'src/blog/titled.md': '/t/dont-panic-a-guide/',
  'src/blog/dated.md': '/blog/dated/',
  'src/blog/cond.md': '/c/yes/',
  'src/notes/one.md': '/n/one/',
  'src/notes/two.md': '/two/',
  'src/notes/index.md': '/n/notes/',
  'src/docs/guide/start.md': '/documentation/start/',
  'src/docs/guide/own.md': '/own-page/',
  'src/docs/guide/index.md': '/documentation/guide/',
  'src/essays/2019-05-06-first.md': '/e/first/',
  'src/talks/intro.md': '/talk/talks/intro.html',
  'src/misc/thing.md': '/m/thing/',
};

async function loadSite(siteFiles: Record<string, string>): Promise<Site> {
  return Site.load(inMemorySite(siteFiles), '/site', eleventy, 'eleventy.config.js', noCancellation);
}

describe('Eleventy URL rules', () => {
  it('give each Markdown page the URL Eleventy 3 gives it, and none where the permalink is false or templated beyond reach', async () => {
    const site = await loadSite(files);
    for (const [file, url] of Object.entries(eleventyUrls)) {
      // {% if %} and a function that calls a method: not worked out, silent.
      const expected = file === 'src/blog/cond.md' || file === 'src/misc/thing.md' ? undefined : url;
      assert.equal(site.posts.get(`/site/${file}`)?.route?.url, expected, file);
    }
  });

  it('date a page by its front matter, else by a date in its path', async () => {
    const site = await loadSite(files);
    assert.equal(site.posts.get('/site/src/blog/dated.md')?.route?.date, '2023-01-02');
    assert.equal(site.posts.get('/site/src/blog/2024-03-05-spring-plans.md')?.route?.date, '2024-03-05');
    assert.equal(site.posts.get('/site/src/blog/2024/2024-06-01-summer.md')?.route?.date, '2024-06-01');
    assert.equal(site.posts.get('/site/src/about.md')?.route?.date, undefined);
  });

  it('take the pages of other templates, their pagination, feeds and unrendered permalinks as generated', async () => {
    const site = await loadSite(files);
    for (const url of ['/', '/tags/garden/', '/list/', '/list/1/', '/feed.xml', '/feed/feed.xml', '/c/yes/']) assert.equal(eleventyRoutes.isGeneratedUrl(site, url), true, url);
    // Each branch of the {% if %}, and nothing else; misc/misc.11tydata.js's function writes every address below /m/, not /misc/.
    assert.equal(eleventyRoutes.isGeneratedUrl(site, '/c/anything/'), false);
    assert.equal(eleventyRoutes.isGeneratedUrl(site, '/m/thing/'), true);
    for (const url of ['/blog/missing/', '/n/one/', '/notes/one/', '/about/']) assert.equal(eleventyRoutes.isGeneratedUrl(site, url), false, url);
  });

  // equk/11ty-equk: posts.11tydata.js computes `${date}/${slugify(title)}/` (Eleventy 3.1.2 writes /2015/07/13/netgear-…/), an
  // address below no folder of its own: a link to any URL may be to one of its pages.
  it('take any URL for the pages of a data file whose permalink function writes no folder of its own', async () => {
    const data = 'export default {\n  eleventyComputed: {\n    permalink(data) {\n      const day = data.page.date.toISOString().split("T")[0].split("-").join("/");\n      return `${day}/${data.page.fileSlug}/`;\n    },\n  },\n};\n';
    const site = await loadSite({ 'eleventy.config.js': 'export default function () {}', 'posts/posts.11tydata.js': data, 'posts/2015-07-13-a.md': '---\ntitle: A\n---\nA.\n' });
    assert.equal(eleventyRoutes.isGeneratedUrl(site, '/2015/07/13/a/'), true);
  });

  it('serve files only from passthrough copies, the input folder left out of the URL', async () => {
    const site = await loadSite(files);
    assert.deepEqual(eleventyRoutes.fileCandidates(site.config, '/map.png'), ['/site/static/map.png']);
    assert.ok(eleventyRoutes.fileCandidates(site.config, '/files/doc.pdf').includes('/site/src/files/doc.pdf'));
    // Not copied: no passthrough names src/other/.
    assert.equal(eleventyRoutes.fileCandidates(site.config, '/other/file.pdf').includes('/site/src/other/file.pdf'), false);
  });

  it('know nothing of any URL when the config transforms URLs', async () => {
    const site = await loadSite({ 'eleventy.config.js': 'module.exports = (c) => { c.addUrlTransform(({ url }) => url.toLowerCase()); };\n', 'a.md': '---\ntitle: A\n---\n' });
    assert.equal(site.posts.get('/site/a.md')?.route, undefined);
  });

  it('slugify titles as Eleventy 3 does, accents and `&` too', () => {
    assert.equal(eleventySlugify('Node.js: Tips, Tricks (2024)'), 'node-js-tips-tricks-2024');
    assert.equal(eleventySlugify('Fish & Chips'), 'fish-and-chips');
    assert.equal(eleventySlugify('Émile’s café'), 'emile-s-cafe');
    assert.equal(eleventySlugify("Don't Panic"), 'dont-panic');
  });

  it('agree with the installed Eleventy on the same site', { skip: eleventyAvailable() ? false : 'Eleventy is not installed (npm test installs it)' }, () => {
    const root = mkdtempSync(join(tmpdir(), 'postcraft-eleventy-routes-'));
    try {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), text);
      }
      const build = buildWithEleventy(root);
      assert.equal(build.failure, undefined);
      const urls = Object.fromEntries(build.pages.filter((page) => page.file.endsWith('.md')).map((page) => [page.file, page.url]));
      assert.deepEqual(urls, eleventyUrls);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('take the pages and feeds a local plugin module adds, and the pages of the format a plugin package adds (WebC)', async () => {
    const site = await loadSite({
      'eleventy.config.js': 'import webc from "@11ty/eleventy-plugin-webc";\nimport feeds from "./config/feeds.js";\nexport default function (c) { c.addPlugin(webc); c.addPlugin(feeds); }\nexport const config = { dir: { input: "src" } };\n',
      'config/feeds.js': 'import copies from "./copies";\nexport default function (c) { c.addPlugin(copies); c.addTemplate("f.njk", "x", { permalink: "/journal/feed.xml" }); }\n',
      'config/copies.js': 'export default function (c) { c.addPassthroughCopy("src/sketches"); }\n',
      'src/journal/entry.md': '---\ntitle: Entry\n---\n',
      'src/about.webc': '---\ntitle: About\n---\n<h1>About</h1>\n',
      'src/sketches/fern.svg': '<svg/>',
    });
    assert.equal(eleventyRoutes.isGeneratedUrl(site, '/journal/feed.xml'), true);
    assert.equal(eleventyRoutes.isGeneratedUrl(site, '/about/'), true);
    assert.ok(eleventyRoutes.fileCandidates(site.config, '/sketches/fern.svg').includes('/site/src/sketches/fern.svg'));
  });

  it('with InputPathToUrlTransformPlugin, reach a template by its input path in the order Eleventy tries them', async () => {
    const config = 'import { InputPathToUrlTransformPlugin as ToUrl } from "@11ty/eleventy";\nexport default function (c) { c.addPlugin(ToUrl); }\nexport const config = { dir: { input: "src" } };\n';
    const site = await loadSite({ 'eleventy.config.js': config, 'src/docs/a.md': '---\ntitle: A\n---\n', 'src/docs/b.md': '---\ntitle: B\n---\n' });
    assert.deepEqual(eleventyRoutes.fileCandidates(site.config, '/docs/b.md'), ['/site/src/docs/b.md']);
    assert.deepEqual(inputPathCandidates(site.config, '/site/src/docs/a.md', 'docs/b.md#part'), ['/site/src/docs/b.md', '/site/src/docs/docs/b.md']);
    assert.deepEqual(inputPathCandidates(site.config, '/site/src/docs/a.md', 'src/docs/b.md'), ['/site/src/docs/b.md', '/site/src/src/docs/b.md', '/site/src/docs/src/docs/b.md']);
    assert.deepEqual(inputPathCandidates(site.config, '/site/src/docs/a.md', 'b.md'), ['/site/src/b.md', '/site/src/docs/b.md']);
    assert.deepEqual(eleventyRoutes.fileCandidates(site.config, '/docs/photo.png'), []); // not a template: left as written
    const without = await loadSite({ 'eleventy.config.js': 'export const config = { dir: { input: "src" } };\n', 'src/docs/b.md': '---\ntitle: B\n---\n' });
    assert.deepEqual(eleventyRoutes.fileCandidates(without.config, '/docs/b.md'), []);
  });

  it('rewrite input paths as the installed Eleventy does', { skip: eleventyAvailable() ? false : 'Eleventy is not installed (npm test installs it)' }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'postcraft-eleventy-inputpath-'));
    const siteFiles: Record<string, string> = {
      'package.json': '{ "type": "module" }\n',
      'eleventy.config.js': 'import { InputPathToUrlTransformPlugin } from "@11ty/eleventy";\nexport default function (c) { c.addPlugin(InputPathToUrlTransformPlugin); }\nexport const config = { dir: { input: "src" } };\n',
      'src/b.md': '---\npermalink: /top-b/\n---\n',
      'src/docs/b.md': '---\npermalink: /inner-b/\n---\n',
      'src/docs/only-here.md': '---\npermalink: /only-here/\n---\n',
      'src/docs/a.md': '[1](b.md) [2](/docs/b.md) [3](docs/b.md) [4](src/docs/b.md) [5](only-here.md) [6](/src/docs/b.md) [7](./b.md)\n',
    };
    try {
      for (const [file, text] of Object.entries(siteFiles)) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), text);
      }
      symlinkSync(join(__dirname, '..', '..', '..', '.generators', 'eleventy', 'node_modules'), join(root, 'node_modules'));
      const cmd = join(root, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
      const result = spawnSync(process.execPath, [cmd, '--quiet'], { cwd: root, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      const hrefs = [...readFileSync(join(root, '_site', 'docs', 'a', 'index.html'), 'utf8').matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
      // What Postcraft predicts: the URL of the first candidate that is a page, else the link as written.
      const site = await loadSite(siteFiles);
      const links = ['b.md', '/docs/b.md', 'docs/b.md', 'src/docs/b.md', 'only-here.md', '/src/docs/b.md', './b.md'];
      const predicted = links.map((link) => {
        const page = inputPathCandidates(site.config, link.startsWith('/') ? undefined : '/site/src/docs/a.md', link).map((path) => site.posts.get(path)).find(Boolean);
        return page?.route?.url ?? link;
      });
      assert.deepEqual(hrefs, predicted);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
