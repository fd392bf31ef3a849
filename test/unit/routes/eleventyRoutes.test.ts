import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { noCancellation } from '../../../src/core/host/cancellation';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { eleventy } from '../../../src/core/site/generators/eleventy';
import { eleventyRoutes, plainSlugify } from '../../../src/core/site/routes/eleventy';
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
  'src/tags/tags.njk': '---\npagination:\n  data: collections\n  size: 1\n  alias: tag\npermalink: /tags/{{ tag | slugify }}/\n---\n{{ tag }}\n',
  'src/list.njk': '---\npagination:\n  data: collections.all\n  size: 2\n---\nlist\n',
  'src/feed.njk': '---\npermalink: /feed.xml\n---\nx\n',
  'src/files/doc.pdf': 'pdf',
  'src/other/file.pdf': 'pdf',
  'static/map.png': 'png',
};

/** `page.url` of each Markdown template, from Eleventy 3.1.8; undefined: `permalink: false`, or (cond.md) a permalink Postcraft does not render. */
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
};

async function loadSite(siteFiles: Record<string, string>): Promise<Site> {
  return Site.load(inMemorySite(siteFiles), '/site', eleventy, 'eleventy.config.js', noCancellation);
}

describe('Eleventy URL rules', () => {
  it('give each Markdown page the URL Eleventy 3 gives it, and none where the permalink is false or templated beyond reach', async () => {
    const site = await loadSite(files);
    for (const [file, url] of Object.entries(eleventyUrls)) {
      const expected = file === 'src/blog/cond.md' ? undefined : url; // {% if %}: not rendered, stays silent
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
    for (const url of ['/', '/tags/garden/', '/list/', '/list/1/', '/feed.xml', '/feed/feed.xml', '/c/yes/', '/c/anything/']) assert.equal(eleventyRoutes.isGeneratedUrl(site, url), true, url);
    for (const url of ['/blog/missing/', '/n/one/', '/notes/one/', '/about/']) assert.equal(eleventyRoutes.isGeneratedUrl(site, url), false, url);
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

  it('slugify titles only where the result is certain', () => {
    assert.equal(plainSlugify('Node.js: Tips, Tricks (2024)'), 'node-js-tips-tricks-2024');
    assert.equal(plainSlugify('Fish & Chips'), undefined); // `&` becomes "and"
    assert.equal(plainSlugify('Émile'), undefined); // transliterated
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
});
