import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService, formatMessage } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { noCancellation } from '../../src/core/host/cancellation';
import { jekyll } from '../../src/core/site/generators/jekyll';
import type { GeneratorProfile } from '../../src/core/site/generators/profile';
import { Site } from '../../src/core/site/site';
import { checkSites } from '../../src/cli/checkSite';

// Rules about a page as a whole that differ by generator: which need a title, which dates stop the
// build, which files are drafts. Each was checked against the generator (see the rules' comments).

async function open(files: Record<string, string>) {
  const service = createPostcraftService({ fs: inMemorySite(files) });
  const [site] = await service.openWorkspace(['/site']);
  const check = (post: string, text: string) => service.checkText(`/site/${post}`, text, { severities: { 'missing-alt': 'off' } }).map((finding) => `${finding.severity} ${finding.code}: ${finding.message}`);
  return { site: site!, check };
}

describe('page rules by generator', () => {
  it('asks Eleventy posts for no title (a layout reads whatever key it likes), Hugo posts for one', async () => {
    const eleventy = await open({ 'eleventy.config.js': 'export default function () {}' });
    assert.deepEqual(eleventy.check('blog/a.md', '---\nnewstitle: Moving house\n---\nText\n'), []);
    const hugo = await open({ 'hugo.toml': 'baseURL = "https://example.org/"\n' });
    assert.deepEqual(hugo.check('content/posts/a.md', '---\ndate: 2024-01-02\n---\nText\n'), ['warning schema: Missing "title".']);
  });

  it('asks a redirect stub (jekyll-redirect-from redirect_to) for no title', async () => {
    const { check } = await open({ '_config.yml': 'title: Blog\n' });
    assert.deepEqual(check('old-page.md', '---\nredirect_to: /new-page/\n---\n'), []);
    assert.deepEqual(check('about.md', '---\nlayout: page\n---\nText\n'), ['warning schema: Missing "title".']);
  });

  // `jekyll new` writes index.md as `layout: home` alone: minima (and rustwasm.github.io's theme) title the home page with
  // the site's name. A page below it still needs its own.
  it('asks the home page for no title', async () => {
    const files = { '_config.yml': 'title: Blog\nbaseurl: /docs\n', 'index.md': '---\nlayout: home\n---\n\nWelcome.\n', 'guide/index.md': '---\nlayout: page\n---\n\nText.\n' };
    const { check } = await open(files);
    assert.deepEqual(check('index.md', files['index.md']), []);
    assert.deepEqual(check('guide/index.md', files['guide/index.md']), ['warning schema: Missing "title".']);
    // The CLI checks each post as it indexes it, before the site holds the page: its URL is made from its path.
    const report = await checkSites(inMemorySite(files), '/site', {});
    assert.deepEqual(report.findings.map((finding) => `${finding.file.slice('/site/'.length)}: ${finding.message}`), ['guide/index.md: Missing "title".']);
  });

  // jekyll 4.3.1 titles every document from its file name (Document#populate_title): `_docs/rendering-process.md`
  // is "Rendering Process", as `_posts/2024-01-01-a.md` is "A"; a page gets no title.
  it('asks a Jekyll document (a post, a collection document) for no title, and a page for one', async () => {
    const { check } = await open({ '_config.yml': 'collections:\n  docs:\n    output: true\n' });
    assert.deepEqual(check('_docs/rendering-process.md', '---\n---\nSome text.\n'), []);
    assert.deepEqual(check('_posts/2024-01-01-a.md', '---\n---\nSome text.\n'), []);
    assert.deepEqual(check('_drafts/idea.md', '---\n---\nSome text.\n'), []);
    assert.deepEqual(check('docs/page.md', '---\nlayout: page\n---\nSome text.\n'), ['warning schema: Missing "title".']);
    // An underscore folder that is no collection is not read at all: nothing in it is checked.
    assert.deepEqual(check('_notes/a.md', '---\n---\nSome text.\n'), []);
  });

  // jekyll build 4.3.1 writes a page of no layout as its converted text alone (`<p>hello</p>`): no title shows
  // (swift.org's `.well-known/atproto-dtd`). A layout from `defaults:` or from jekyll-default-layout shows one.
  it('asks a Jekyll page written without a layout for no title', async () => {
    const page = '---\npermalink: /x/\n---\nSome text.\n';
    assert.deepEqual((await open({ '_config.yml': 'title: Blog\n' })).check('x.md', page), []);
    assert.deepEqual((await open({ '_config.yml': 'defaults:\n  - scope:\n      path: ""\n    values:\n      layout: page\n' })).check('x.md', page), ['warning schema: Missing "title".']);
    assert.deepEqual((await open({ '_config.yml': 'plugins: [jekyll-default-layout]\n' })).check('x.md', page), ['warning schema: Missing "title".']);
  });

  it('makes a Jekyll date that jekyll build refuses an error, as Hugo does', async () => {
    const { check } = await open({ '_config.yml': 'title: Blog\n' });
    const findings = check('_posts/2024-07-01-a.md', '---\ntitle: A\ndate: 2024-31-07 09:00:00 +0200\n---\n');
    assert.equal(findings.length, 1);
    assert.match(findings[0]!, /^error schema: "date"/);
  });

  it('takes every Jekyll document in _drafts/ for a draft', async () => {
    const { site } = await open({ '_config.yml': 'title: Blog\n', '_drafts/idea.md': '---\ntitle: Idea\n---\n', '_posts/2024-01-01-done.md': '---\ntitle: Done\n---\n' });
    assert.equal(site.posts.get('/site/_drafts/idea.md')?.draft, true);
    assert.equal(site.posts.get('/site/_posts/2024-01-01-done.md')?.draft, false);
  });
});

describe('what a post names', () => {
  it('indexes no tag or author for an empty item (being typed) or an empty key', async () => {
    const { site } = await open({ '_config.yml': 'title: Blog\n', '_posts/2024-01-01-a.md': '---\ntitle: A\ntags:\n  - astronomy\n  - \nauthors:\ncategories: ""\n---\n' });
    const summary = site.posts.get('/site/_posts/2024-01-01-a.md');
    assert.deepEqual(summary?.tags, ['astronomy']);
    assert.deepEqual(summary?.authors, []);
  });
});

describe('Markdown without frontmatter on a Jekyll site', () => {
  const readme = '# Notes\n\n![](missing.png)\n';

  it('is a static file Jekyll copies, so nothing in it is checked or indexed', async () => {
    const { site, check } = await open({ '_config.yml': 'title: Blog\n', Gemfile: 'source "https://rubygems.org"\ngem "jekyll"\n', 'NOTES.md': readme, 'about.md': '---\ntitle: About\n---\n![](gone.png)\n' });
    assert.deepEqual([...site.posts.keys()], ['/site/about.md']);
    assert.deepEqual(check('NOTES.md', readme), []);
    assert.equal(check('about.md', '---\ntitle: About\n---\n![](gone.png)\n').length, 1);
  });

  it('is a page under GitHub Pages or jekyll-optional-front-matter, and checked', async () => {
    // A site with no Gemfile is built by GitHub Pages, with its default plugins (m-pilia.github.io's lib/notes.md).
    for (const files of [{ Gemfile: 'source "https://rubygems.org"\ngem "github-pages", group: :jekyll_plugins\n' }, { '_config.yml': 'plugins:\n  - jekyll-optional-front-matter\n' }, {}]) {
      const { site, check } = await open({ '_config.yml': 'title: Blog\n', ...files, 'NOTES.md': readme });
      assert.ok(site.posts.has('/site/NOTES.md'));
      assert.deepEqual(check('NOTES.md', readme).map((finding) => finding.split(':')[0]), ['error broken-image']);
    }
  });
});

// jekyll-optional-front-matter's FILENAME_BLACKLIST: jekyll 4.3.1 with the plugin builds lib/notes.html and copies
// lib/README.md and CONTRIBUTING.md as files; jekyll-readme-index (GitHub Pages) makes a README its folder's index.
describe('a repository file without frontmatter under jekyll-optional-front-matter', () => {
  const text = 'See [it](missing.md).\n';
  const pages = async (config: string, files: Record<string, string> = {}) => {
    const { site } = await open({ '_config.yml': config, Gemfile: 'gem "jekyll"\n', 'lib/notes.md': text, 'lib/README.md': text, 'CONTRIBUTING.md': text, 'LICENSE.md': text, ...files });
    return [...site.posts.keys()].map((path) => path.slice('/site/'.length)).sort();
  };

  it('is no page where the plugin never makes one, unless the config includes it', async () => {
    assert.deepEqual(await pages('plugins:\n  - jekyll-optional-front-matter\n'), ['lib/notes.md']);
    assert.deepEqual(await pages('plugins:\n  - jekyll-optional-front-matter\ninclude:\n  - CONTRIBUTING.md\n'), ['CONTRIBUTING.md', 'lib/notes.md']);
  });

  it('is a README page where jekyll-readme-index runs, and no page at all where the plugin is turned off', async () => {
    assert.deepEqual(await pages('plugins:\n  - jekyll-optional-front-matter\n  - jekyll-readme-index\n'), ['lib/README.md', 'lib/notes.md']);
    assert.deepEqual(await pages('plugins:\n  - jekyll-optional-front-matter\noptional_front_matter:\n  enabled: false\n'), []);
    assert.deepEqual(await pages('plugins:\n  - jekyll-optional-front-matter\nrequire_front_matter: true\n'), []);
  });
});

describe('frontmatter blocks by generator', () => {
  const callout = '{% callout "info" %}\nInstall it locally.\n{% endcallout %}\n';

  it('reads a body opening with a brace as text outside Hugo (Eleventy, Jekyll), and as JSON frontmatter in Hugo', async () => {
    const eleventy = await open({ 'eleventy.config.js': 'export default function () {}' });
    assert.deepEqual(eleventy.check('docs/install.md', callout), []);
    const hugo = await open({ 'hugo.toml': 'baseURL = "https://example.org/"\n' });
    const findings = hugo.check('content/posts/a.md', callout).map((finding) => finding.split(':')[0]);
    assert.ok(findings.length > 0 && findings.every((finding) => finding === 'error json-syntax'), findings.join(', '));
  });

  it('reads +++ as TOML in Hugo only', async () => {
    const toml = '+++\ntitle = "A"\ntags = ["go"\n+++\nText\n';
    const hugo = await open({ 'hugo.toml': 'baseURL = "https://example.org/"\n' });
    assert.deepEqual(hugo.check('content/posts/a.md', toml).map((finding) => finding.split(':')[0]), ['error toml-syntax']);
    const docusaurus = await open({ 'docusaurus.config.js': 'module.exports = {};' });
    assert.ok(!docusaurus.check('blog/a.md', toml).some((finding) => finding.includes('toml-syntax')));
  });
});

describe('tags Hugo merges under its config', () => {
  it("merges Café and Cafe into one term under removePathAccents, so neither is a variant of the other", async () => {
    const post = (tag: string) => `---\ntitle: A\ntags: [${tag}]\n---\n`;
    const files = (accents: string) => ({ 'hugo.toml': `baseURL = "https://example.org/"\n${accents}`, 'content/posts/a.md': post('Cafe'), 'content/posts/b.md': post('Cafe'), 'content/posts/c.md': post('Cafe') });
    const merged = await open(files('removePathAccents = true\n'));
    assert.deepEqual(merged.check('content/posts/d.md', post('Café')), []);
    const apart = await open(files(''));
    assert.deepEqual(apart.check('content/posts/d.md', post('Café')).map((finding) => finding.split(':')[0]), ['info tag-variant']);
  });
});

describe('a config Postcraft cannot follow', () => {
  // V8 refuses some patterns built from huge configs ("Regular expression too large") only when they are
  // first run (found by the fuzz run on a generated Eleventy config); this one stands in for them.
  class RefusedPattern extends RegExp {
    override test(): boolean {
      throw new SyntaxError('Invalid regular expression: Regular expression too large');
    }
  }
  const refusing: GeneratorProfile = {
    ...jekyll,
    async loadConfig(fs, root, configFile) {
      const loaded = await jekyll.loadConfig(fs, root, configFile);
      return { ...loaded, config: { ...loaded.config, excludedFiles: [new RefusedPattern('x'), ...(loaded.config.excludedFiles ?? [])] } };
    },
  };

  it('loads a site whose exclusion pattern V8 refuses to run, checks its posts and says so', async () => {
    const files = { '_config.yml': 'title: Blog\n', '_posts/2024-01-01-a.md': '---\ntitle: A\n---\n' };
    const site = await Site.load(inMemorySite(files), '/site', refusing, '_config.yml', noCancellation);
    assert.ok(site.posts.has('/site/_posts/2024-01-01-a.md'));
    const problems = site.configProblems.map((problem) => formatMessage(problem));
    assert.ok(problems.some((problem) => /too large to follow/.test(problem)), problems.join('; '));
  });
});
