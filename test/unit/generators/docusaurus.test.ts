import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../../src/core/index';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { contentPlugins, defaultExclude, docusaurus, kebabCase } from '../../../src/core/site/generators/docusaurus';
import { stringListSetting, withoutComments } from '../../../src/core/site/generators/jsConfig';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

async function open(files: Record<string, string | Uint8Array>) {
  const service = createPostcraftService({ fs: inMemorySite({ 'docusaurus.config.js': 'export default {};', ...files }) });
  const [site] = await service.openWorkspace(['/site']);
  assert.equal(site?.profile.id, 'docusaurus');
  const check = (post: string, text: string) => service.checkText(`/site/${post}`, text, { severities: { 'missing-alt': 'off' } }).map((finding) => ({ code: finding.code, line: finding.range.start.line, message: finding.message }));
  return { site: site!, check };
}

const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);
const authors = 'slorber:\n  name: Sébastien Lorber\n  image_url: /img/slorber.png\nyangshun:\n  name: Yangshun Tay\n';

const config = `
export default {
  baseUrl: '/docs-site/',
  staticDirectories: ['static', 'public'],
  presets: [
    ['classic', {
      docs: { path: 'guides', sidebarPath: './sidebars.js', versions: { current: { path: 'next' } } },
      blog: { path: 'news', authorsMapPath: 'people.yml' },
      // pages: false,
    }],
  ],
  plugins: [
    // ['@docusaurus/plugin-content-blog', { id: 'old', path: 'changelog' }],
    ['@docusaurus/plugin-content-blog', { id: 'releases', path: 'releases', authorsMapPath: '../news/people.yml' }],
    ['content-docs', { id: 'api', path: "api-docs" }],
  ],
  themeConfig: { blog: { sidebar: { groupByYear: true } } },
};`;

describe('Docusaurus rules', () => {
  it("reads imports in .md posts as MDX, unless markdown.format is 'md' or 'detect'", async () => {
    const post = "---\ntitle: A\n---\nimport hero from './hero.png';\n";
    const mdx = await open({});
    assert.deepEqual(codes(mdx.check('blog/a.md', post)), ['broken-image']);
    for (const format of ['md', 'detect']) {
      const plain = createPostcraftService({ fs: inMemorySite({ 'docusaurus.config.js': `export default { markdown: { mermaid: true, format: '${format}' } };` }) });
      await plain.openWorkspace(['/site']);
      assert.deepEqual(codes(plain.checkText('/site/blog/a.md', post)), [], format);
      assert.deepEqual(codes(plain.checkText('/site/blog/b.mdx', post)), ['broken-image'], `${format}: an .mdx file is MDX`);
    }
  });

  it('finds blog, docs and pages instances in preset options and plugins, not in comments or nested options', () => {
    const plugins = contentPlugins(withoutComments(config));
    assert.deepEqual(plugins.blogs.map(({ id, path, authorsMapPath, tags, onInlineTags }) => ({ id, path, authorsMapPath, tags, onInlineTags })), [
      { id: 'default', path: 'news', authorsMapPath: 'people.yml', tags: 'tags.yml', onInlineTags: 'warn' },
      { id: 'releases', path: 'releases', authorsMapPath: '../news/people.yml', tags: 'tags.yml', onInlineTags: 'warn' },
    ]);
    assert.deepEqual(plugins.docs.map((docs) => [docs.id, docs.path]), [['default', 'guides'], ['api', 'api-docs']]);
    assert.deepEqual(plugins.pages.map((pages) => pages.path), ['src/pages']);
  });

  it('uses the default blog/ and docs/ folders, and none when the preset says false', () => {
    const defaults = contentPlugins('');
    assert.deepEqual(defaults.blogs, [{ id: 'default', path: 'blog', include: ['**/*.{md,mdx}'], exclude: defaultExclude, authorsMapPath: 'authors.yml', tags: 'tags.yml', onInlineTags: 'warn' }]);
    assert.deepEqual([defaults.docs.map((docs) => docs.path), defaults.pages.map((pages) => pages.path)], [['docs'], ['src/pages']]);
    const twice = contentPlugins("export default { plugins: [['content-blog', { path: 'news' }], ['content-blog', { path: 'old' }]] };");
    assert.deepEqual(twice.blogs.map((blog) => blog.path), ['news'], 'one id is one instance');
    const disabled = contentPlugins("export default { presets: [['classic', { blog: false, docs: { routeBasePath: '/' } }]] };");
    assert.deepEqual([disabled.blogs, disabled.docs.map((docs) => docs.path)], [[], ['docs']]);
  });

  // jellyfin.org's config has no presets: plugin-content-blog with id blog-main serves /posts, and Docusaurus 3.10.2 builds
  // no /blog (it reports a link to /blog/first-post as broken).
  it('assumes no preset instance where the config lists plugins and names no preset', () => {
    const plugins = contentPlugins("import * as Blog from '@docusaurus/plugin-content-blog';\nimport type * as Docs from \"@docusaurus/plugin-content-docs\";\nexport default { plugins: [['@docusaurus/plugin-content-blog', { id: 'blog-main', routeBasePath: 'posts', path: 'blog' } satisfies Blog.Options], ['@docusaurus/plugin-content-pages', {}]], themes: [['@docusaurus/theme-classic', {}]] };");
    assert.deepEqual([plugins.blogs.map((blog) => blog.id), plugins.docs, plugins.pages.map((pages) => pages.path)], [['blog-main'], [], ['src/pages']]);
    const preset = contentPlugins("const presets = [['classic', {}]];\nexport default { presets, plugins: [['@docusaurus/plugin-content-blog', { id: 'news', path: 'news' }]] };");
    assert.deepEqual(preset.blogs.map((blog) => blog.id), ['default', 'news'], 'a preset named otherwise still counts');
  });

  // Azure/AKS's blog: `[…](#stay-tuned-to-make-models-smarter)` above `<!-- truncate -->`, the heading below it; docusaurus
  // build 3.10.2 reports the fragment as broken on /, /tags/… and /authors/…, whose excerpt stops at the marker.
  it('reports a same-page fragment above the truncate marker whose heading is below it, as the list pages show the post', async () => {
    const text = (marker: string) => `---\ntitle: P\n---\nSee [below](#later) and [above](#intro).\n\n## Intro\n\n${marker}\n\n## Later\n\n[back](#later)\n`;
    const { check } = await open({ 'docusaurus.config.js': "export default { presets: [['classic', {}]] };" });
    for (const marker of ['<!-- truncate -->', '{/* truncate */}']) {
      assert.deepEqual(check('blog/2024-01-01-p.mdx', text(marker)).map(({ code, line, message }) => [code, line, message.split(':')[0]]), [['broken-anchor', 3, '"#later" is above the truncate marker and its heading below it']], marker);
    }
    // Without a marker the post is shown whole; a docs page has no list page; a marker of the plugin's own is not read.
    assert.deepEqual(check('blog/2024-01-02-q.md', text('')), []);
    assert.deepEqual(check('docs/a.md', text('<!-- truncate -->')), []);
    const own = await open({ 'docusaurus.config.js': "export default { presets: [['classic', { blog: { truncateMarker: /<!-- more -->/ } }]] };" });
    assert.deepEqual(own.check('blog/2024-01-01-p.md', text('<!-- truncate -->')), []);
  });

  // typescript-eslint's docusaurus.config.mts: `const pluginContentDocsOptions: PluginContentDocsOptions = { id: 'base-docs', path: '../../docs', … }`
  // then `plugins: [['@docusaurus/plugin-content-docs', pluginContentDocsOptions]]`.
  it('reads a plugin\'s options from the variable the config declares them in', () => {
    const plugins = contentPlugins("const docsOptions: Options = { id: 'base-docs', path: '../../docs', routeBasePath: '/' };\nexport default { presets: [['classic', { docs: false }]], plugins: [['@docusaurus/plugin-content-docs', docsOptions]] };");
    assert.deepEqual(plugins.docs.map((docs) => [docs.id, docs.path]), [['base-docs', '../../docs']]);
  });

  // kuizuo/blog: `blog: false` in the preset and `['./src/plugin/plugin-content-blog', { path: 'blog' }]`, a module that
  // returns @docusaurus/plugin-content-blog's instance with its posts sorted; docusaurus 3.10.1 builds that blog
  // (and stops on an author key authors.yml does not have).
  it('takes a local plugin that wraps a content plugin for an instance of it, with its options', async () => {
    const wrapper = "const blogPluginExports = require('@docusaurus/plugin-content-blog');\nmodule.exports = async (context, options) => ({ ...(await blogPluginExports.default(context, options)) });\n";
    const files = {
      'docusaurus.config.js': "export default { presets: [['classic', { blog: false }]], plugins: [['./src/plugin/plugin-content-blog', { path: 'posts' }], ['./src/plugin/other', {}]] };",
      'src/plugin/plugin-content-blog/index.js': wrapper,
      'src/plugin/other.js': 'module.exports = () => ({ name: "other" });\n',
      'posts/authors.yml': authors,
    };
    const { site, check } = await open(files);
    assert.equal(site.isPost('/site/posts/2024-01-01-a.md'), true);
    assert.deepEqual(codes(await check('posts/2024-01-01-a.md', '---\ntitle: A\nauthors: [slorber, nobody]\n---\n')), ['unknown-author']);
  });

  it('indexes only the content folders, versioned docs included, and never the build output', async () => {
    const { site } = await open({ 'docusaurus.config.js': config, 'versions.json': '["1.0"]' });
    const isPost = (path: string) => site.isPost(`/site/${path}`);
    assert.deepEqual(['news/a.md', 'releases/a.md', 'guides/a.md', 'api-docs/a.mdx', 'versioned_docs/version-1.0/a.md', 'src/pages/about.md'].filter((path) => !isPost(path)), []);
    assert.deepEqual(['blog/a.md', 'changelog/a.md', 'build/a.md', 'README.md'].filter(isPost), []);
  });

  it("reports inline tags outside the blog's tags.yml as onInlineTags says, per blog", async () => {
    const tags = 'tracing:\n  label: Tracing\nmetrics:\n  label: Metrics\n';
    const { check } = await open({ 'blog/tags.yml': tags });
    const findings = await check('blog/2024-01-01-a.md', '---\ntitle: A\ntags: [tracing, metrcs, brand-new]\n---\n');
    assert.deepEqual(findings.map((finding) => [finding.code, finding.message]), [
      ['unknown-tag', 'Tag "metrcs" is not in blog/tags.yml. Did you mean "metrics"?'],
      ['unknown-tag', 'Tag "brand-new" is not in blog/tags.yml.'],
    ]);
    const strict = await open({ 'docusaurus.config.js': "export default { presets: [['classic', { blog: { onInlineTags: 'throw' } }]] };", 'blog/tags.yml': tags });
    assert.deepEqual((await strict.check('blog/2024-01-01-a.md', '---\ntitle: A\ntags: [nope]\n---\n')).map((finding) => finding.code), ['unknown-tag']);
    const relaxed = await open({ 'docusaurus.config.js': "export default { presets: [['classic', { blog: { onInlineTags: 'ignore' } }]] };", 'blog/tags.yml': tags });
    assert.deepEqual(await relaxed.check('blog/2024-01-01-a.md', '---\ntitle: A\ntags: [nope]\n---\n'), []);
  });

  it("reads each blog's authors map at its authorsMapPath", async () => {
    const { site } = await open({ 'docusaurus.config.js': config, 'news/people.yml': authors, 'blog/authors.yml': 'ghost:\n  name: Not read\n' });
    assert.deepEqual([...site.authors.keys()], ['slorber', 'yangshun']);
    assert.equal(site.authors.get('slorber')?.avatar, '/img/slorber.png');
  });

  it('reports an authors key missing from authors.yml, but not inline author objects or the legacy author field', async () => {
    const { check } = await open({ 'blog/authors.yml': authors });
    const inline = 'authors:\n  - slorber\n  - name: Guest Writer\n    title: Friend of the project\nauthor: Someone Else';
    assert.deepEqual(await check('blog/2024-01-01-a.md', `---\ntitle: A\n${inline}\n---\n`), []);
    const findings = await check('blog/2024-01-01-b.md', '---\ntitle: B\nauthors: [slorber, yangshum]\n---\n');
    assert.deepEqual(codes(findings), ['unknown-author']);
    assert.match(findings[0]!.message, /Did you mean "yangshun"/);
  });

  it('resolves @site/ paths from the site, /paths from every static folder, and ./paths beside the file only', async () => {
    const files = { 'docusaurus.config.js': config, 'static/img/a.png': png, 'public/b.png': png, 'news/2024-01-01-post/c.png': png };
    const { check } = await open(files);
    const body = "import d from '@site/static/img/a.png';\n\n![](/img/a.png) ![](/b.png) ![](/docs-site/img/a.png) ![](./c.png) ![](c.png) ![](pathname:///raw.png)";
    assert.deepEqual(await check('news/2024-01-01-post/index.mdx', `---\ntitle: A\nimage: img/a.png\n---\n${body}\n`), []);
    assert.deepEqual(codes(await check('news/2024-01-02-other/index.md', '---\ntitle: A\n---\n![](./img/a.png)\n')), ['broken-image']);
  });

  // OpenKruise writes <img src={require('/static/img/x.png').default} />: docusaurus 3.9.2 builds it, as webpack's
  // resolve.roots are the static folders, then the site folder. A Markdown image goes through transformImage,
  // which looks in the static folders only.
  it('resolves an import or require of /path from the static folders, then the site folder; a Markdown /path from the static folders only', async () => {
    const { check } = await open({ 'docusaurus.config.js': config, 'static/img/x.png': png });
    const body = "<img src={require('/static/img/x.png').default} alt=\"x\" />\n\n<img src={require('/img/x.png').default} alt=\"y\" />\n\n<img src={require('/static/img/gone.png').default} alt=\"z\" />\n\n![md](/static/img/x.png)\n";
    const found = await check('news/2024-01-01-post/index.mdx', `---\ntitle: A\n---\n${body}`);
    assert.deepEqual(found.map(({ code, message }) => [code, message.split(' (')[0]]), [['broken-image', 'Image not found: "/static/img/gone.png"'], ['broken-image', 'Image not found: "/static/img/x.png"']]);
  });

  // OpenKruise: `onlyIncludeVersions: (() => ['current', ...versions.slice(0, 3)])()` with versions = require('./versions.json'),
  // and a versioned_docs/version-v1.5 that versions.json does not list; docusaurus 3.9.2 builds neither v1.5 nor v1.6.
  it('leaves out the files of versions it does not build: unlisted, or left out by onlyIncludeVersions, translations too', async () => {
    const configured = "const versions = require('./versions.json');\nexport default { i18n: { defaultLocale: 'en', locales: ['en', 'zh'] }, presets: [['classic', { docs: { onlyIncludeVersions: (() => {\n  return ['current', ...versions.slice(0, 1)];\n})() } }]] };";
    const doc = '---\ntitle: D\n---\nText.\n';
    const files = { 'docusaurus.config.js': configured, 'versions.json': '["v2", "v1"]', 'docs/a.md': doc, 'versioned_docs/version-v2/a.md': doc, 'versioned_docs/version-v1/a.md': doc, 'versioned_docs/version-v0/a.md': doc, 'i18n/zh/docusaurus-plugin-content-docs/version-v1/a.md': doc, 'i18n/zh/docusaurus-plugin-content-docs/version-v2/a.md': doc, 'i18n/zh/docusaurus-plugin-content-docs/current/a.md': doc };
    const { site } = await open(files);
    assert.deepEqual([...site.posts.keys()].sort(), ['/site/docs/a.md', '/site/i18n/zh/docusaurus-plugin-content-docs/current/a.md', '/site/i18n/zh/docusaurus-plugin-content-docs/version-v2/a.md', '/site/versioned_docs/version-v2/a.md']);
  });

  it('strips comments but keeps strings and regular expressions that contain slashes', () => {
    const source = "const a = 'https://x.org/'; // note\n/* block: path: 'no' */ const r = /\\/\\/ not a comment/; const b = \"//b\";";
    const stripped = withoutComments(source);
    assert.equal(stripped.length, source.length);
    assert.ok(stripped.includes("'https://x.org/'") && stripped.includes('"//b"') && stripped.includes('/\\/\\/ not a comment/'));
    assert.ok(!stripped.includes('note') && !stripped.includes("'no'"));
    assert.deepEqual(stringListSetting("staticDirectories: ['static', `assets`, dir]", 'staticDirectories'), ['static', 'assets']);
  });

  // kuizuo/blog's config: a template inside a template's `${…}`, whose `https://` no comment starts.
  it('reads a template literal inside another one\'s substitution as a string', () => {
    const source = "const x = { html: `a ${(() => { log(`see https://kuizuo.cn`); return '}'; })()} b`, plugins: ['./p'] }; // end";
    const stripped = withoutComments(source);
    assert.ok(stripped.includes('see https://kuizuo.cn') && stripped.includes("plugins: ['./p']") && !stripped.includes('end'));
  });

  it('leaves out what GlobExcludeDefault excludes: _ files and folders, tests; a plugin exclude replaces it, include narrows', async () => {
    const { site } = await open({});
    const isPost = (path: string) => site.isPost(`/site/${path}`);
    assert.deepEqual(['blog/_template.md', 'blog/_guide/how-to.md', 'blog/2024/_drafts/a.mdx', 'docs/__tests__/a.md', 'docs/_shared/note.md', 'src/pages/_hidden.md'].filter(isPost), []);
    assert.deepEqual(['blog/a.md', 'blog/my_post.md', 'docs/guide/a_b.mdx', 'src/pages/about.md'].filter((path) => !isPost(path)), []);
    const options = "export default { presets: [['classic', { blog: { exclude: ['drafts/**'], include: ['*.md', '*/index.{md,mdx}'] }, docs: { exclude: [...GlobExcludeDefault, '**/wip-*'] } }]] };";
    const custom = await open({ 'docusaurus.config.js': options });
    const isCustomPost = (path: string) => custom.site.isPost(`/site/${path}`);
    assert.deepEqual(['blog/_template.md', 'blog/a.md', 'blog/post/index.md', 'blog/post/index.mdx', 'docs/a.md'].filter((path) => !isCustomPost(path)), []);
    assert.deepEqual(['blog/drafts/a.md', 'blog/a.mdx', 'blog/x/y/index.md', 'docs/_partial.md', 'docs/wip-a.md'].filter(isCustomPost), []);
  });

  it('takes translations from i18n/<locale>/docusaurus-plugin-content-*[-id]/ of listed locales, in their language', async () => {
    const i18nConfig = "export default { i18n: { defaultLocale: 'en', locales: ['en', 'fr'] }, presets: [['classic', {}]], plugins: [['@docusaurus/plugin-content-blog', { id: 'releases', path: 'releases' }]] };";
    const { site, check } = await open({
      'docusaurus.config.js': i18nConfig,
      'versions.json': '["1.0"]',
      'blog/authors.yml': authors,
      'i18n/fr/docusaurus-plugin-content-blog/authors.yml': 'camille:\n  name: Camille\n',
      'i18n/fr/docusaurus-plugin-content-blog/2024-01-01-post/schema.png': png,
    });
    const isPost = (path: string) => site.isPost(`/site/${path}`);
    const translated = ['i18n/fr/docusaurus-plugin-content-blog/2024-01-01-post/index.md', 'i18n/fr/docusaurus-plugin-content-docs/current/intro.md', 'i18n/fr/docusaurus-plugin-content-docs/version-1.0/intro.md', 'i18n/fr/docusaurus-plugin-content-blog-releases/v2.md', 'i18n/fr/docusaurus-plugin-content-pages/about.md'];
    assert.deepEqual(translated.filter((path) => !isPost(path)), []);
    const partials = ['i18n/fr/docusaurus-plugin-content-blog/_partial.md', 'i18n/fr/docusaurus-plugin-content-docs/current/_partial.md', 'i18n/fr/docusaurus-plugin-content-docs/version-1.0/_x/a.md', 'versioned_docs/version-1.0/_partial.mdx'];
    assert.deepEqual(['i18n/de/docusaurus-plugin-content-blog/a.md', 'i18n/fr/code.md', ...partials].filter(isPost), []);
    assert.deepEqual([site.languageOf('/site/i18n/fr/docusaurus-plugin-content-blog/a.md'), site.languageOf('/site/blog/a.md')], ['fr', 'en']);
    assert.equal((await open({})).site.languageOf('/site/blog/a.md'), undefined, 'one locale: no language to tell apart');
    const post = 'i18n/fr/docusaurus-plugin-content-blog/2024-01-01-post/index.md';
    assert.deepEqual(await check(post, '---\ntitle: A\nauthors: [slorber, camille]\n---\n![](./schema.png)\n'), []);
    assert.deepEqual(codes(await check(post, '---\ntitle: A\n---\n![](./missing.png)\n')), ['broken-image']);
  });

  // apache/answer-website: zh-CN's answer-recap-july/index.md beside the index.mdx that blog/ has. docusaurus 3.1.1 and
  // 3.10.2 list the plugin's own folder and take each file from the translation where it has the same path: the
  // index.md and a translation with no original are never built.
  it('reads a translation only where the plugin\'s own folder has the same file', async () => {
    const { site } = await open({
      'docusaurus.config.js': "export default { i18n: { defaultLocale: 'en', locales: ['en', 'fr'] }, presets: [['classic', { blog: {} }]] };",
      'blog/hello/index.mdx': '---\ntitle: Hello\n---\nText.\n',
      'docs/intro.md': '---\ntitle: Intro\n---\nText.\n',
      'i18n/fr/docusaurus-plugin-content-blog/hello/index.mdx': '---\ntitle: Bonjour\n---\nTraduction.\n',
      'i18n/fr/docusaurus-plugin-content-blog/hello/index.md': '---\ntitle: Stale\n---\nNever read.\n',
      'i18n/fr/docusaurus-plugin-content-blog/orphan.md': '---\ntitle: Orphan\n---\n[x](/nowhere)\n',
      'i18n/fr/docusaurus-plugin-content-docs/current/intro.md': '---\ntitle: Intro FR\n---\nTexte.\n',
      'i18n/fr/docusaurus-plugin-content-docs/current/extra.md': '---\ntitle: Extra\n---\nTexte.\n',
    });
    const isPost = (path: string) => site.isPost(`/site/${path}`);
    assert.deepEqual(['i18n/fr/docusaurus-plugin-content-blog/hello/index.mdx', 'i18n/fr/docusaurus-plugin-content-docs/current/intro.md'].filter((path) => !isPost(path)), []);
    assert.deepEqual(['i18n/fr/docusaurus-plugin-content-blog/hello/index.md', 'i18n/fr/docusaurus-plugin-content-blog/orphan.md', 'i18n/fr/docusaurus-plugin-content-docs/current/extra.md'].filter(isPost), []);
  });

  // openfeature.dev's specification docs read external-content/specification, a submodule the snapshot lacks: its pages
  // (/specification/sections/hooks) are built from it, so a link there is neither found nor missing.
  it('takes a URL below a docs plugin whose folder is a submodule the checkout lacks for one it may build', async () => {
    const { check } = await open({
      'docusaurus.config.js': "export default { presets: [['classic', { docs: {}, blog: {} }]], plugins: [['@docusaurus/plugin-content-docs', { id: 'spec', path: 'external/spec', routeBasePath: 'specification' }]] };",
      '.gitmodules': '[submodule "spec"]\n\tpath = external/spec\n\turl = https://example.org/spec.git\n',
      'docs/concepts/hooks.md': '---\ntitle: Hooks\n---\nText.\n',
    });
    assert.deepEqual(codes(await check('blog/p.md', '---\ntitle: P\n---\n[a](/specification/sections/hooks) [b](/docs/concepts/hookz)\n')), ['broken-link']);
  });

  it('reads a translated blog\'s own tags.yml, else the original one', async () => {
    const i18nConfig = "export default { i18n: { defaultLocale: 'en', locales: ['en', 'fr', 'es'] } };";
    const { check } = await open({ 'docusaurus.config.js': i18nConfig, 'blog/tags.yml': 'tracing:\n  label: Tracing\n', 'i18n/fr/docusaurus-plugin-content-blog/tags.yml': 'tracage:\n  label: Traçage\n' });
    assert.deepEqual(await check('i18n/fr/docusaurus-plugin-content-blog/a.md', '---\ntitle: A\ntags: [tracage]\n---\n'), []);
    assert.deepEqual(await check('i18n/es/docusaurus-plugin-content-blog/a.md', '---\ntitle: A\ntags: [tracing]\n---\n'), []);
    assert.deepEqual(codes(await check('i18n/es/docusaurus-plugin-content-blog/a.md', '---\ntitle: A\ntags: [rastreo]\n---\n')), ['unknown-tag']);
  });

  it('merges inline tags as Docusaurus does, by the kebab-case of their label', () => {
    // Expected values as lodash 4.17 gives them.
    const terms = ['Astro', 'astro', 'JavaScript', 'javascript', 'Node.js', 'node js', 'iOS', 'web3', "Don't Panic", 'XMLHttpRequest', 'C++', '机器学习', 'Área de Trabalho', 'k8s', 'AI/ML'].map(kebabCase);
    assert.deepEqual(terms, ['astro', 'astro', 'java-script', 'javascript', 'node-js', 'node-js', 'i-os', 'web-3', 'dont-panic', 'xml-http-request', 'c', '机器学习', 'area-de-trabalho', 'k-8-s', 'ai-ml']);
    assert.equal(docusaurus.tagTerm, kebabCase);
  });
});

// From Jest's website, built with Docusaurus 3.10.2.
// Redux's website/docusaurus.config.ts reads its docs from ../docs (routeBasePath '/'), as Jest's and Prettier's read their current docs.
describe('Docusaurus content outside the config\'s folder', () => {
  const files = {
    'website/docusaurus.config.js': "export default { presets: [['classic', { docs: { path: '../docs', routeBasePath: '/' }, blog: false }]] };",
    'website/static/img/logo.png': png,
    'docs/intro.md': '---\ntitle: Intro\n---\nSee [the guide](./guide.md#setup), [gone](./gone.md), ![Logo](/img/logo.png) and ![Shot](./img/shot.png).\n',
    'docs/guide.md': '---\ntitle: Guide\n---\n## Install\n',
    'docs/img/shot.png': png,
  };

  it('is read from the workspace folder that holds both, with the config\'s folder as the site\'s', async () => {
    const service = createPostcraftService({ fs: inMemorySite(files) });
    const [site] = await service.openWorkspace(['/site']);
    assert.deepEqual([site?.root, site?.config.configFile], ['/site', '/site/website/docusaurus.config.js']);
    assert.deepEqual([...site!.posts.entries()].map(([path, post]) => [path, post.route?.url]).sort(), [
      ['/site/docs/guide.md', '/guide'],
      ['/site/docs/intro.md', '/intro'],
    ]);
    const findings = await service.checkFile('/site/docs/intro.md');
    assert.deepEqual(findings.map((finding) => [finding.code, finding.message.match(/"([^"]+)"/)?.[1]]), [
      ['broken-anchor', '#setup'],
      ['broken-link', './gone.md'],
    ]);
  });

  it('stays unread where the workspace is the config\'s folder alone', async () => {
    const service = createPostcraftService({ fs: inMemorySite(files) });
    const [site] = await service.openWorkspace(['/site/website']);
    assert.deepEqual([site?.root, site?.posts.size], ['/site/website', 0]);
  });
});

describe('Docusaurus pages as the build reads them', () => {
  // JHipster's module-details plugin adds a page per module it fetches from npm while the site builds.
  it('knows the routes the site\'s own plugins add, by the literal start of their path', async () => {
    const plugin = 'export default function plugin(context) {\n  return { name: "x", async contentLoaded({ content, actions }) {\n    const { addRoute } = actions;\n    content.forEach((name) => addRoute({ path: `${context.baseUrl}docs/details/${name}`, component: "@site/src/x.tsx" }));\n    addRoute({ path: "/docs/catalog", component: "@site/src/y.tsx" });\n  } };\n}\n';
    const configured = 'export default { presets: [["classic", {}]], plugins: ["docusaurus-plugin-sass", "./src/plugins/details.ts"] };';
    const post = '---\ntitle: A\n---\n[m](/docs/details/generator-x/) [c](/docs/catalog) [s](/docs/catalog/sub/) [n](/docs/other/) [k](/docs/catalogue)\n';
    const { check } = await open({ 'docusaurus.config.js': configured, 'src/plugins/details.ts': plugin, 'docs/a.md': post });
    assert.deepEqual(check('docs/a.md', post).map(({ message }) => message.split(' (')[0]), ['No page or file at "/docs/other/"', 'No page or file at "/docs/catalogue"']);
  });

  it('needs no title: a doc or blog post is titled by its first heading, else its file name', async () => {
    const { check } = await open({});
    assert.deepEqual(codes(check('blog/2020-01-02-untitled.md', '---\nauthors: []\n---\nText with no heading.\n')), []);
    assert.deepEqual(codes(check('docs/untitled.md', '---\nsidebar_position: 1\n---\nText.\n')), []);
  });

  // Prettier's config: `url: packageJson.homepage`; its build has no #gone on the blog post.
  it('follows links to the site\'s own address where url is package.json\'s homepage, or static/CNAME names the host', async () => {
    const post = '---\ntitle: P\n---\n[a](https://prettier.io/blog/2020/01/02/p#gone)\n';
    const withHomepage = await open({ 'docusaurus.config.js': 'const packageJson = require("./package.json");\nexport default { url: packageJson.homepage };', 'package.json': '{ "homepage": "https://prettier.io" }', 'blog/2020-01-02-p.md': post });
    assert.deepEqual(codes(withHomepage.check('blog/2020-01-02-p.md', post)), ['broken-anchor']);
    const withCname = await open({ 'static/CNAME': 'prettier.io\n', 'blog/2020-01-02-p.md': post });
    assert.deepEqual(codes(withCname.check('blog/2020-01-02-p.md', post)), ['broken-anchor']);
  });

  // karmada.io's zh pages link https://karmada.io/docs/…#resource-template: docusaurus 3.10.2 writes the address as it
  // is, and the English page it names has that heading; `/docs/…` written so on a zh page is the zh page (Link adds /zh/).
  it('takes a full address on a translated page for the page it names, and a root-relative link for the translation', async () => {
    const zh = 'i18n/zh/docusaurus-plugin-content-docs/current/use.md';
    const post = '---\ntitle: Use\n---\n[a](https://x.io/docs/concepts#resource-template) [b](/docs/concepts#resource-template)\n';
    const { check } = await open({
      'docusaurus.config.js': "export default { url: 'https://x.io', i18n: { defaultLocale: 'en', locales: ['en', 'zh'] } };",
      'docs/concepts.md': '---\ntitle: Concepts\n---\n## Resource Template\n',
      'docs/use.md': '---\ntitle: Use\n---\n',
      'i18n/zh/docusaurus-plugin-content-docs/current/concepts.md': '---\ntitle: 概念\n---\n## 资源模板\n',
      [zh]: post,
    });
    assert.deepEqual((await check(zh, post)).map(({ code, message }) => [code, message.split('.')[0]]), [['broken-anchor', 'No heading or anchor "#resource-template" in "概念"']]);
  });

  it('checks the anchors of a page whose only imports are shown in code blocks, not of one that imports a partial', async () => {
    const { check } = await open({ 'docs/target.md': '---\ntitle: T\n---\n## Setup\n\n```js\nimport {render} from \'./render\';\n```\n', 'docs/partial.md': '---\ntitle: P\n---\nimport Note from \'./_note.md\';\n\n## Setup\n\n<Note />\n', 'docs/_note.md': 'A note.\n' });
    const text = '---\ntitle: S\n---\n[a](target.md#setup) [b](target.md#gone) [c](partial.md#gone)\n';
    assert.deepEqual(check('docs/source.md', text).map(({ code, message }) => [code, /"#([^"]+)"/.exec(message)?.[1]]), [['broken-anchor', 'gone']]);
  });

  // socket.io's blog: `#### socket.emit(eventName[, ...args][, ack])`, with no `[, ack]` defined, is
  // socketemiteventname-args-ack in Docusaurus 3.10.2 (CommonMark: the brackets are text) and socketemiteventname-args in
  // 2.4.3 (MDX 1's remark-parse 8 makes a link reference of them).
  it('reads [text][label] in a heading as text where no definition names the label, from Docusaurus 3 on', async () => {
    const post = '---\ntitle: P\n---\n[a](#socketemiteventname-args-ack) [b](#socketemiteventname-args) [c](#see-the-docs)\n\n#### socket.emit(eventName[, ...args][, ack])\n\n## See [the docs][docs]\n\n[docs]: https://example.com/\n';
    const gone = async (core: string) => (await open({ 'package.json': `{ "dependencies": { "@docusaurus/core": "${core}" } }`, 'blog/2024-01-01-p.md': post })).check('blog/2024-01-01-p.md', post).filter((finding) => finding.code === 'broken-anchor').map((finding) => /"#([^"]+)"/.exec(finding.message)?.[1]);
    assert.deepEqual(await gone('^3.10.2'), ['socketemiteventname-args']);
    assert.deepEqual(await gone('2.4.3'), ['socketemiteventname-args-ack']);
  });

  // OpenLineage's blog: `<img src="./screenshot.gif">` in an MDX post, which docusaurus 3.10.2 writes as it is (the browser
  // asks /blog/…/screenshot.gif, never built), while `![…](./screenshot.gif)` beside it is bundled.
  it('looks for a JSX <img> with a relative src at the page\'s URL, not beside the file', async () => {
    const post = '---\ntitle: Q\nslug: q\n---\n<img src="./pic.png" alt="A chart" />\n\n![A chart in markdown](./pic.png)\n';
    const { check } = await open({ 'blog/2024-01-02-q/index.mdx': post, 'blog/2024-01-02-q/pic.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    assert.deepEqual(check('blog/2024-01-02-q/index.mdx', post).filter((finding) => finding.code === 'broken-image').map((finding) => finding.line), [4]);
  });
});

// moonrepo/moon's sidebars.ts gives categories `link: { type: 'generated-index', slug: '/commands/sync' }`; a `_category_.json`
// may too. docusaurus 3.10.2 builds build/docs/commands/sync.html and build/docs/all-guides/index.html (onBrokenLinks: 'throw' passes).
describe('Docusaurus generated index pages at a slug', () => {
  it('takes a link to a category index at its slug, from the sidebars file or a category file, for a page', async () => {
    const { check } = await open({
      'sidebars.js': "module.exports = { docs: ['intro', { type: 'category', label: 'sync', items: ['commands/sync/projects'], link: { type: 'generated-index', title: 'sync', slug: '/commands/sync', keywords: ['sync'] } }] };",
      'docs/intro.md': '# Intro\n',
      'docs/commands/sync/projects.md': '# Projects\n',
      'docs/guides/_category_.json': '{ "label": "Guides", "link": { "type": "generated-index", "slug": "/all-guides" } }',
      'docs/guides/a.md': '# A\n',
    });
    const findings = check('blog/2025-03-31-release.md', '---\ntitle: Release\n---\nSee [sync](/docs/commands/sync), [guides](/docs/all-guides) and [gone](/docs/commands/gone).\n');
    assert.deepEqual(findings.map((finding) => [finding.code, /"([^"]+)"/.exec(finding.message)?.[1]]), [['broken-link', '/docs/commands/gone']]);
  });
});
