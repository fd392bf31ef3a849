import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';

async function sitesIn(files: Record<string, string>) {
  return createPostcraftService({ fs: inMemorySite(files) }).findSites(['/site']);
}

describe('findSites: whether a workspace holds a site, before anything is indexed', () => {
  it('finds none for a config.toml that is not Hugo\'s (.cargo/config.toml, a tool\'s settings)', async () => {
    assert.deepEqual(await sitesIn({ '.cargo/config.toml': '[build]\n', 'tool/config.toml': 'x = 1\n', 'README.md': '# Hi\n' }), []);
  });

  it('finds a Hugo site by its config beside a site folder, one folder down', async () => {
    assert.deepEqual(await sitesIn({ 'blog/config.toml': 'title = "x"\n', 'blog/content/a.md': '', 'Cargo.toml': '' }), [{ root: '/site/blog', generator: 'Hugo' }]);
  });

  // 18F's site: .eleventy.js with its config split into config/, beside content/ (hugo 0.111.3 refuses the folder).
  it('takes a config/ folder for Hugo\'s config directory only where no other generator\'s config file is', async () => {
    assert.deepEqual(await sitesIn({ '.eleventy.js': 'module.exports = require("./config");\n', 'config/index.js': '', 'content/posts/a.md': '' }), [{ root: '/site', generator: 'Eleventy' }]);
    assert.deepEqual(await sitesIn({ 'config/_default/hugo.toml': 'title = "x"\n', 'content/posts/a.md': '' }), [{ root: '/site', generator: 'Hugo' }]);
  });

  // aleksandrhovhannisyan.com: `eleventy --config=.eleventy.ts` in packages/web/package.json, a name Eleventy reads only by --config.
  it('finds an Eleventy site by the config its package.json scripts name, where that file is', async () => {
    const scripts = (build: string) => JSON.stringify({ scripts: { build, test: 'node --test' } });
    assert.deepEqual(await sitesIn({ 'web/package.json': scripts('pnpm run clean && ELEVENTY_ENV=production eleventy --config=.eleventy.ts'), 'web/.eleventy.ts': 'export default function () {}\n', 'web/src/_posts/a.md': '' }), [{ root: '/site/web', generator: 'Eleventy' }]);
    assert.deepEqual(await sitesIn({ 'package.json': scripts('eleventy --config "site/config.mjs"'), 'site/config.mjs': '', 'a.md': '' }), [{ root: '/site', generator: 'Eleventy' }]);
    // A named file that is not there, or one outside the folder, marks nothing.
    assert.deepEqual(await sitesIn({ 'web/package.json': scripts('eleventy --config=.eleventy.ts'), 'web/a.md': '' }), []);
    assert.deepEqual(await sitesIn({ 'web/package.json': scripts('eleventy --config=../shared/eleventy.mjs'), 'shared/eleventy.mjs': '', 'web/a.md': '' }), []);
  });

  // mojombo.github.io (the first Jekyll site) has no _config.yml: Jekyll and GitHub Pages build it on their defaults.
  it('finds a Jekyll site without a config by its _posts or _layouts folder, where nothing else marks the folder', async () => {
    assert.deepEqual(await sitesIn({ 'Gemfile': "gem 'github-pages'\n", '_posts/2008-10-20-a.md': '---\ntitle: A\n---\n', '_layouts/post.html': '' }), [{ root: '/site', generator: 'Jekyll' }]);
    assert.deepEqual(await sitesIn({ 'docs/_layouts/default.html': '', 'docs/index.md': '' }), [{ root: '/site/docs', generator: 'Jekyll' }]);
    assert.deepEqual(await sitesIn({ 'eleventy.config.js': '', '_layouts/base.njk': '', 'a.md': '' }), [{ root: '/site', generator: 'Eleventy' }]);
    assert.deepEqual(await sitesIn({ 'notes/_drafts/a.md': '', 'README.md': '' }), []);
  });

  it('counts a plain Markdown folder with postcraft.config.json as a site', async () => {
    assert.deepEqual(await sitesIn({ 'postcraft.config.json': '{}', 'a.md': '' }), [{ root: '/site', generator: 'Markdown' }]);
  });
});
