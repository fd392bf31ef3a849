import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../../src/core/index';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

async function open(files: Record<string, string | Uint8Array>) {
  const service = createPostcraftService({ fs: inMemorySite({ 'eleventy.config.js': 'export default function () {}', ...files }) });
  const [site] = await service.openWorkspace(['/site']);
  assert.equal(site?.profile.id, 'eleventy');
  const check = (post: string, text: string) => service.checkText(`/site/${post}`, text, { severities: { 'missing-alt': 'off' } }).map((finding) => ({ code: finding.code, line: finding.range.start.line, message: finding.message }));
  return { site: site!, check };
}

const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);

const baseBlogConfig = `
export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy({ "./public/": "/" });
  eleventyConfig.addPassthroughCopy({ "media/uploads/**/*": "uploads/" });
  eleventyConfig.ignores.add("content/archive/");
  // eleventyConfig.setInputDirectory("old-src");
}
export const config = {
  dir: { input: "content", includes: "../_includes", data: "../_data", output: "_site" },
  pathPrefix: "/garden/",
};`;

describe('Eleventy rules', () => {
  it('takes templates from the input folder of dir: {…}, never from includes, data, output, .eleventyignore or .gitignore paths', async () => {
    const { site } = await open({ 'eleventy.config.js': baseBlogConfig, '.eleventyignore': '# drafts\ncontent/drafts/\n**/*.tmp.md\n', '.gitignore': 'node_modules/\n/content/private/\n*.log\n' });
    const isPost = (path: string) => site.isPost(`/site/${path}`);
    assert.deepEqual(['content/blog/a.md', 'content/about.md'].filter((path) => !isPost(path)), []);
    assert.deepEqual(['README.md', '_includes/partial.md', '_data/x.md', '_site/a.md', 'content/archive/old.md', 'content/drafts/wip.md', 'content/private/a.md', 'old-src/a.md'].filter(isPost), []);
  });

  // css-irl.info: `parcel build 'src/images/*'` before Eleventy writes each image to dist/<name>, Eleventy's output folder
  // too (parcel 2.16 and Eleventy 3.1.2 build): <img src="/photo.svg"> is served.
  it('serves at the root the folder a Parcel build writes into the output folder by name', async () => {
    const files = {
      '.eleventy.js': 'module.exports = () => ({ dir: { input: "src", output: "dist" } });',
      'package.json': JSON.stringify({ scripts: { build: 'run-s build:images build:eleventy', 'build:images': "parcel build 'src/images/*' --no-cache", 'build:eleventy': 'npx @11ty/eleventy' } }),
      'src/images/photo.svg': '<svg/>',
    };
    const text = '---\ntitle: Post\n---\n<img src="/photo.svg" alt="Fireworks"> <img src="/gone.svg" alt="Gone">\n';
    assert.deepEqual((await (await open(files)).check('src/posts/post.md', text)).map(({ message }) => message.split(' (')[0]), ['Image not found: "/gone.svg"']);
    const elsewhere = { ...files, 'package.json': JSON.stringify({ scripts: { build: "parcel build 'src/images/*' --dist-dir public/assets && eleventy" } }) };
    assert.deepEqual(codes(await (await open(elsewhere)).check('src/posts/post.md', text)), ['broken-image', 'broken-image']);
  });

  it('ignores the default _includes and _data folders inside the input folder', async () => {
    const { site } = await open({});
    assert.deepEqual(['_includes/layouts/post.md', '_data/notes.md', '_site/index.md', 'node_modules/x/readme.md'].filter((path) => site.isPost(`/site/${path}`)), []);
    assert.equal(site.isPost('/site/blog/a.md'), true);
  });

  it('reads the v3 directory setters and --input in package.json scripts, the command line winning', async () => {
    const setters = 'export default function (c) { c.setInputDirectory("src"); c.setIncludesDirectory("partials"); c.setOutputDirectory("dist"); }';
    const { site } = await open({ 'eleventy.config.js': setters });
    assert.deepEqual([site.isPost('/site/src/a.md'), site.isPost('/site/src/partials/a.md'), site.isPost('/site/a.md')], [true, false, false]);
    const cli = await open({ 'eleventy.config.js': setters, 'package.json': '{"scripts": {"build": "npx @11ty/eleventy --input=pages --output=public"}}' });
    assert.deepEqual([cli.site.isPost('/site/pages/a.md'), cli.site.isPost('/site/src/a.md')], [true, false]);
  });

  // LeaVerou/lea.verou.me: `dir: { output: "." }` writes each page beside its source; Eleventy ignores the output
  // folder only when it does not hold the input (EleventyFiles.getIgnores), so every post is still a template.
  it('keeps the templates when the output folder holds the input folder', async () => {
    const beside = await open({ 'eleventy.config.js': 'export default () => ({ dir: { data: "data", output: "." } });' });
    assert.deepEqual(['blog/2023/going-lean/index.md', 'about.md'].map((path) => beside.site.isPost(`/site/${path}`)), [true, true]);
    const above = await open({ 'eleventy.config.js': 'export default () => ({ dir: { input: "content", output: "." } });' });
    assert.deepEqual(['content/a.md', 'a.md'].map((path) => above.site.isPost(`/site/${path}`)), [true, false]);
    const inside = await open({ 'eleventy.config.js': 'export default () => ({ dir: { output: "docs" } });' });
    assert.deepEqual(['blog/a.md', 'docs/a.md'].map((path) => inside.site.isPost(`/site/${path}`)), [true, false]);
  });

  // lea.verou.me's redirects.njk has `permalink: _redirects`: Eleventy writes the page where Netlify reads its rules
  // (`/20* /blog/20:splat 301` keeps the old year/month/slug links), beside rules the template makes in a loop.
  it('reads the host redirects a page writes by its permalink', async () => {
    const rules = (permalink: string) => `---\npermalink: ${permalink}\nlayout: null\n---\n{% for domain in site.aliases %}{{ domain }}/* https://example.org/:splat 301\n{% endfor %}\n/20* /blog/20:splat 301\n`;
    const post = '---\ntitle: A\n---\nSee [dabblet](/2011/12/dabblet/).\n';
    const files = { 'blog/2011/12/dabblet/index.md': '---\ntitle: Dabblet\n---\nText.\n' };
    const redirected = await open({ ...files, 'redirects.njk': rules('_redirects') });
    assert.deepEqual(await redirected.check('blog/2023/a/index.md', post), []);
    const elsewhere = await open({ ...files, 'redirects.njk': rules('/redirects.txt') });
    assert.deepEqual(codes(await elsewhere.check('blog/2023/a/index.md', post)), ['broken-link']);
  });

  // aleksandrhovhannisyan.com's redirects.liquid writes a rule from each page's `redirectFrom`: those are the pages'
  // old URLs, so a link to one reaches its page, and a link to nothing is still reported as it would be without the page.
  it('takes the rules a redirects page makes from each page\'s data for aliases of those pages', async () => {
    const template = '---\npermalink: /_redirects\n---\n{%- comment -%}Old URLs.{%- endcomment -%}\n/blog/dev/* /blog/:splat\n{%- for page in collections.all -%}\n  {%- if page.url and page.data.redirectFrom -%}\n    {%- for oldUrl in page.data.redirectFrom %}\n{{ oldUrl }}  {{ page.url }}\n    {%- endfor -%}\n  {%- endif -%}\n{%- endfor -%}\n';
    const files = { 'eleventy.config.js': 'export default () => ({ templateFormats: ["md", "liquid"] });', 'redirects.liquid': template, 'blog/moved.md': '---\ntitle: Moved\nredirectFrom: [/blog/old-name/]\n---\nText.\n' };
    const { check } = await open(files);
    const post = '---\ntitle: A\n---\n[moved](/blog/old-name/) [dev](/blog/dev/moved/) [gone](/blog/gone/) [host](example.org/x)\n';
    const findings = await check('blog/a.md', post);
    assert.deepEqual(findings.map((finding) => [finding.code, finding.message.split(' (')[0]]), [['broken-link', 'No page or file at "/blog/gone/"'], ['broken-link', 'No page or file at "example.org/x"']]);
  });

  it('resolves passthrough copies: folders mapped to the root, object mappings to a sub-path, and pathPrefix', async () => {
    const files = { 'eleventy.config.js': baseBlogConfig, 'public/img/a.png': png, 'media/uploads/2024/b.jpg': png, 'content/img/c.png': png, 'img/d.png': png, 'content/blog/post/e.png': png };
    const { check } = await open(files);
    const body = '![](/img/a.png) ![](/garden/img/a.png) <img src="/uploads/2024/b.jpg"> ![](e.png) ![](./e.png)';
    assert.deepEqual(await check('content/blog/post/index.md', `---\ntitle: A\n---\n${body}\n`), []);
    // A file of the input folder or the project root that no passthrough copy takes is not on the site (see below).
    assert.deepEqual((await check('content/blog/post/index.md', '---\ntitle: A\n---\n![](/img/c.png) ![](/img/d.png)\n')).map((finding) => finding.message.split(' in the source')[0]), ['Image "/img/c.png" is content/img/c.png', 'Image "/img/d.png" is img/d.png']);
    assert.deepEqual(codes(await check('content/blog/post/index.md', '---\ntitle: A\n---\n![](/uploads/2024/missing.jpg)\n')), ['broken-image']);
  });

  // google/eleventy-high-performance-blog: posts.11tydata.js computes each post's permalink, and secondpost.md shows
  // `../../img/doener.jpg`, which the browser takes from /posts/secondpost/ to /img/doener.jpg (it never climbs past the root).
  it('takes a climbing relative image from the site root when the page\'s URL is computed', async () => {
    const computed = 'module.exports = () => ({ eleventyComputed: { permalink: (data) => data.permalink } });\n';
    const { check } = await open({ 'eleventy.config.js': 'module.exports = (c) => { c.addPassthroughCopy("img"); };', 'posts/posts.11tydata.js': computed, 'img/doener.jpg': png });
    assert.deepEqual(await check('posts/secondpost.md', '---\ntitle: Two\n---\n![Doener](../../img/doener.jpg)\n'), []);
    assert.deepEqual(codes(await check('posts/secondpost.md', '---\ntitle: Two\n---\n![Gone](../../img/gone.jpg)\n')), ['image-outside-site']);
  });

  it('reads authors from the data folder: a keyed file, a folder of files, or a list with ids', async () => {
    const keyed = await open({ 'eleventy.config.js': baseBlogConfig, '_data/authors.json': '{"rosa": {"name": "Rosa Delgado"}}', '_data/authors/sam.json': '{"name": "Sam"}' });
    assert.deepEqual([...keyed.site.authors.keys()].sort(), ['rosa', 'sam']);
    const listed = await open({ '_data/authors.json': '[{"key": "ines", "name": "Ines"}, {"name": "no id"}]' });
    assert.deepEqual([...listed.site.authors.keys()], ['ines']);
  });

  it('accepts an author key or display name and reports anything else when there is a registry', async () => {
    const { check } = await open({ '_data/authors.json': '{"rosa": {"name": "Rosa Delgado"}, "sam": {"name": "Sam Okafor"}}' });
    assert.deepEqual(await check('blog/a.md', '---\ntitle: A\nauthor: rosa\n---\n'), []);
    assert.deepEqual(await check('blog/a.md', '---\ntitle: A\nauthor: Sam Okafor\n---\n'), []);
    const findings = await check('blog/a.md', '---\ntitle: A\nauthor: samm\n---\n');
    assert.deepEqual(codes(findings), ['unknown-author']);
    assert.match(findings[0]!.message, /Did you mean "sam"/);
  });

  it('leaves authors alone when global data has no authors file Postcraft can read', async () => {
    const { site, check } = await open({ '_data/authors.js': 'export default async () => fetch("https://example.org/authors.json")' });
    assert.equal(site.authors.size, 0);
    assert.deepEqual(await check('blog/a.md', '---\ntitle: A\nauthor: anyone\n---\n'), []);
  });
});

describe('Eleventy frontmatter conventions', () => {
  it('never takes the collection names post, posts, all or nav for tag typos', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3; i++) files[`blog/p${i}.md`] = '---\ntitle: P\ntags: [posts, web]\n---\n';
    const { check } = await open(files);
    assert.deepEqual(codes(check('blog/new.md', '---\ntitle: N\ntags: [post]\n---\n')), []);
  });

  // hawksworx.com's posts write `permalink: null`; Eleventy 3.1.8 reads it with `??`, as no permalink (Template.js).
  it('accepts permalink null (the default URL), false, a URL and a per-build object, and nothing else', async () => {
    const { check } = await open({});
    for (const value of ['null', 'false', '/x/', '{ build: /y/ }']) assert.deepEqual(codes(await check('blog/a.md', `---\ntitle: A\npermalink: ${value}\n---\nText.\n`)), [], value);
    assert.deepEqual(codes(await check('blog/a.md', '---\ntitle: A\npermalink: [a, b]\n---\nText.\n')), ['schema']);
  });

  it('accepts the date keywords Eleventy fills in from the file or git', async () => {
    const { check } = await open({});
    for (const keyword of ['Last Modified', 'Created', 'git Last Modified', 'git Created']) assert.deepEqual(codes(check('blog/a.md', `---\ntitle: A\ndate: ${keyword}\n---\n`)), [], keyword);
  });

  // js-yaml (Eleventy 3.1.8's) makes these Dates: a one-digit hour or zone hour, `T` or blanks between; 18F's posts are dated so.
  it('accepts the timestamps Eleventy\'s YAML reader makes Dates of, and still reports a date it cannot read', async () => {
    const { check } = await open({});
    for (const date of ['2015-03-17 14:00:00 -4', '2016-03-23 9:00:00 -4', '2024-6-5 9:30:00', '2024-06-05 9:30:00 +05:30', '2024-06-05T9:30:00Z']) assert.deepEqual(codes(check('blog/a.md', `---\ntitle: A\ndate: ${date}\n---\n`)), [], date);
    assert.deepEqual(codes(check('blog/a.md', '---\ntitle: A\ndate: 5 June 2024\n---\n')), ['schema']);
  });

  it('ignores templates matched by ignore globs, yet finds images passthrough-copied from an ignored folder', async () => {
    const config = 'export default function (c) { c.addPassthroughCopy("slides/"); c.ignores.add("./notes/*"); c.ignores.add("**/*.draft.md"); }';
    const { site, check } = await open({ 'eleventy.config.js': config, '.eleventyignore': 'slides/\n', 'slides/talk/01.jpg': png, 'slides/talk/index.md': '# Talk\n' });
    assert.deepEqual(['slides/talk/index.md', 'notes/a.md', 'notes/x/b.md', 'blog/post.draft.md'].filter((path) => site.isPost(`/site/${path}`)), []);
    assert.deepEqual(['blog/a.md', 'notesx/a.md'].filter((path) => !site.isPost(`/site/${path}`)), []);
    assert.deepEqual(await check('blog/a.md', '---\ntitle: A\n---\n![](/slides/talk/01.jpg)\n'), []);
    assert.deepEqual(codes(await check('blog/a.md', '---\ntitle: A\n---\n![](/slides/talk/02.jpg)\n')), ['broken-image']);
  });

  // sass-lang.com: a build step writes typedoc's pages into source/documentation/js-api, which .gitignore lists and
  // `setUseGitIgnore(false)` has Eleventy render (eleventy 3.1.8 writes _site/documentation/js-api/classes/Value/).
  it('takes links into a git-ignored folder of the input for pages the build writes, where the config renders such folders', async () => {
    const pages = Object.fromEntries(['a', 'b', 'c'].map((name) => [`src/documentation/${name}.md`, `---\ntitle: ${name}\n---\n`]));
    const post = '---\ntitle: P\n---\n[api](/documentation/js-api/classes/Value/#change) [typo](/documentation/js-apy/) [api root](/documentation/js-api)\n';
    const files = (config: string) => ({ ...pages, 'eleventy.config.js': config, '.gitignore': '/_site/\n/src/documentation/js-api\n*.log\n' });
    const rendering = 'module.exports = (c) => { c.setUseGitIgnore(false); return { dir: { input: "src" } }; };';
    const linked = async (config: string) => (await (await open(files(config))).check('src/blog/p.md', post)).map((finding) => finding.message.split(' (')[0]);
    assert.deepEqual(await linked(rendering), ['No page or file at "/documentation/js-apy/"']);
    assert.deepEqual(await linked(rendering.replace('c.setUseGitIgnore(false); ', '')), ['No page or file at "/documentation/js-api/classes/Value/#change"', 'No page or file at "/documentation/js-apy/"', 'No page or file at "/documentation/js-api"']);
  });

  // zachleat.com: `if(!process.env.PRODUCTION_BUILD) { eleventyConfig.ignores.add(…) }`: the published build has those pages.
  it('takes an ignore added only under a condition for one the published build may not have', async () => {
    const config = 'export default function (c) {\n  if (!process.env.PRODUCTION_BUILD) {\n    c.ignores.add("./drafts/*");\n  }\n  const prod = process.env.PROD;\n  prod && c.ignores.add("./maybe/*");\n  c?.ignores.add("./notes/*");\n}\n';
    const { site } = await open({ 'eleventy.config.js': config });
    assert.deepEqual(['drafts/a.md', 'maybe/b.md', 'notes/c.md'].filter((path) => site.isPost(`/site/${path}`)), ['drafts/a.md', 'maybe/b.md']);
    // Read in one pass: thousands of ignores in a large config open the site (a scan per call would not end).
    const many = `export default function (c) {\n  if (x) {\n${'    c.ignores.add("./drafts/*");\n'.repeat(20_000)}  }\n}\n`;
    assert.equal((await open({ 'eleventy.config.js': many })).site.isPost('/site/drafts/a.md'), true);
  });

  it('checks a long file name against a glob of many wildcards in bounded time (such a glob is taken literally)', async () => {
    const { site } = await open({ '.eleventyignore': '*a*a*a*a*ab\n**/**/**/**/**/**/x\n' });
    const started = performance.now();
    assert.equal(site.isPost(`/site/${'a'.repeat(120)}.md`), true);
    assert.ok(performance.now() - started < 500, 'a glob that backtracks took seconds');
  });

  it('takes an ignore line that is no valid glob literally, and opens the site', async () => {
    const { site } = await open({ '.eleventyignore': 'drafts(old\n[z-a]\nnotes/\n' });
    assert.deepEqual([site.isPost('/site/drafts(old/a.md'), site.isPost('/site/notes/a.md'), site.isPost('/site/blog/a.md')], [false, false, true]);
  });

  it('reads the config file Eleventy reads when a site has two: .eleventy.js before eleventy.config.js', async () => {
    const service = createPostcraftService({ fs: inMemorySite({ '.eleventy.js': 'module.exports = () => ({ dir: { input: "src" } });', 'eleventy.config.js': 'export default function () {}' }) });
    const [site] = await service.openWorkspace(['/site']);
    assert.equal(site?.config.configFile, '/site/.eleventy.js');
  });
});

describe('Eleventy heading IDs by markdown-it-anchor with a slugify Postcraft knows', () => {
  const post = '---\ntitle: P\n---\n## In SassScript\n\n[a](#in-sass-script) [b](#in-sassscript) [c](#insassscript)\n';
  const reported = async (slugify: string, preamble = '') => {
    const config = `import markdownIt from "markdown-it";\nimport anchor from "markdown-it-anchor";\nimport slugify from "@sindresorhus/slugify";\nexport default function (eleventyConfig) {\n${preamble}  eleventyConfig.setLibrary("md", markdownIt().use(anchor, { slugify: ${slugify} }));\n}\n`;
    const { check } = await open({ 'eleventy.config.js': config, 'p.md': post });
    return (await check('p.md', post)).filter((finding) => finding.code === 'broken-anchor').map((finding) => /"#([^"]+)"/.exec(finding.message)?.[1]);
  };

  // sass-lang.com's engines.ts: `slugify: s => slugify(s)`; zachleat.com: `const slugify = eleventyConfig.getFilter("slugify")`.
  it('takes @sindresorhus/slugify (decamelizing by default) and Eleventy\'s slugify filter (not decamelizing)', async () => {
    assert.deepEqual(await reported('(s) => slugify(s)'), ['in-sassscript', 'insassscript']);
    assert.deepEqual(await reported('slugify'), ['in-sassscript', 'insassscript']);
    assert.deepEqual(await reported('s => slugify(s, { decamelize: false })'), ['in-sass-script', 'insassscript']);
    assert.deepEqual(await reported('eleventyConfig.getFilter("slugify")'), ['in-sass-script', 'insassscript']);
    assert.deepEqual(await reported('(str) => slug(str)', '  const slug = eleventyConfig.getFilter("slugify");\n'), ['in-sass-script', 'insassscript']);
  });

  // sass-lang.com's {% function %} (addPairedLiquidShortcode in source/helpers/function.ts) writes `id="adjust"`
  // for each function it documents: a page calling it has ids its Markdown does not show.
  it('knows no IDs of a page that calls a shortcode of the site writing ids, and keeps them for other shortcodes', async () => {
    const page = '---\ntitle: Color\n---\n## In SassScript\n\n{% function "adjust" %}Adjusts.{% endfunction %}\n{% note %}A note.{% endnote %}\n';
    const source = '---\ntitle: S\n---\n[a](/color/#adjust) [b](/color/#nowhere)\n';
    const reported = async (shortcodes: string) => {
      const config = `import markdownIt from "markdown-it";\nimport anchor from "markdown-it-anchor";\nconst note = (content) => \`<aside>\${content}</aside>\`;\nfunction documented(content, name) {\n  return \`<div id="\${name}">\${content}</div>\`;\n}\nexport default function (c) {\n  c.setLibrary("md", markdownIt().use(anchor));\n${shortcodes}}\n`;
      const { check } = await open({ 'eleventy.config.js': config, 'color.md': page, 's.md': source });
      return (await check('s.md', source)).map((finding) => /"#([^"]+)"/.exec(finding.message)?.[1]);
    };
    assert.deepEqual(await reported('  c.addPairedShortcode("note", note);\n'), ['adjust', 'nowhere']);
    assert.deepEqual(await reported('  c.addPairedShortcode("note", note);\n  c.addPairedLiquidShortcode("function", documented);\n'), []);
    assert.deepEqual(await reported('  c.addPairedShortcode("note", note);\n  c.addPairedShortcode("function", (content, name) => `<h3>${name}</h3>${content}`);\n'), []);
    assert.deepEqual(await reported('  c.addPairedShortcode("note", note);\n  c.addPairedShortcode("function", fromPackage);\n'), []);
  });

  // sia.codes: shortcodes registered by computed names from a module of the site, each writing a Cloudinary address of its
  // argument (Eleventy 0.12.1 and 3.1.8 write https://res.cloudinary.com/…/possum.jpg); brendanokane's figure writes its own.
  it('guesses no image in the arguments of a shortcode that writes them into an address on another host', async () => {
    // srcset reaches getSrc through a constant of its helper first, three names deep, and directly too.
    const shortcodes = 'const BASE = `https://res.cloudinary.com/${"x"}/image/upload/`;\nfunction getSrc(file, width) {\n  return `${BASE}w_${width}/${file}`;\n}\nfunction getSrcset(file) {\n  const set = [300, 600].map((w) => `${getSrc(file, w)} ${w}w`)\n  return set.join(", ")\n}\nmodule.exports = {\n  srcset: (file) => getSrcset(file),\n  src: (file, width) => getSrc(file, width),\n  note: (content) => `<aside>${content}</aside>`,\n};\n';
    const config = 'const shortcodes = require("./_11ty/shortcodes.js");\nmodule.exports = function (c) {\n  Object.keys(shortcodes).forEach((name) => c.addShortcode(name, shortcodes[name]));\n  c.addPairedShortcode("figure", function (caption, src) { return `<figure><img src="${src}"><figcaption>${caption}</figcaption></figure>`; });\n};\n';
    const post = '---\ntitle: A\n---\n<img src="{% src \'possum.jpg\' %}" alt="A possum">\n\n{% note \'mouse.jpg\' %}\n\n{% figure "cat.jpg" %}A cat{% endfigure %}\n\n{% srcset \'otter.jpg\' %}\n';
    const { check } = await open({ '.eleventy.js': config, '_11ty/shortcodes.js': shortcodes, 'posts/a.md': post });
    assert.deepEqual(check('posts/a.md', post).filter((finding) => finding.code === 'broken-image').map((finding) => /"([^"]+)"/.exec(finding.message)?.[1]), ['mouse.jpg', 'cat.jpg']);
  });

  // sia.codes' layouts show featuredImage only through {% src post.data.featuredImage, 300 %} and {% seoImages featuredImage %}
  // (Cloudinary addresses in the built pages); a layout that writes {{ featuredImage }} asks the site for the file.
  it('checks no frontmatter image the layouts pass only to a shortcode that writes an address on another host', async () => {
    const shortcodes = 'const BASE = "https://res.cloudinary.com/x/image/upload/";\nmodule.exports = { src: (file, width) => `${BASE}w_${width}/${file}` };\n';
    const config = 'const shortcodes = require("./_11ty/shortcodes.js");\nmodule.exports = function (c) {\n  Object.keys(shortcodes).forEach((name) => c.addShortcode(name, shortcodes[name]));\n};\n';
    const post = '---\ntitle: A\nlayout: layouts/post.njk\nfeaturedImage: possum.jpg\n---\nText.\n';
    const broken = async (layout: string) => (await open({ '.eleventy.js': config, '_11ty/shortcodes.js': shortcodes, '_includes/layouts/post.njk': layout, 'posts/a.md': post })).check('posts/a.md', post).filter((finding) => finding.code === 'broken-image').map((finding) => finding.line);
    assert.deepEqual(await broken('{% if featuredImage %}<img src="{% src featuredImage, 300 %}">{% endif %}{{ content | safe }}'), []);
    assert.deepEqual(await broken('{% if featuredImage %}<img src="{% src featuredImage, 300 %}"><meta content="{{ featuredImage }}">{% endif %}{{ content | safe }}'), [3]);
  });

  // musikele/blog-eleventy: a global eleventyComputed of tags alone; Eleventy 3.1.2 computes only the keys it has, so the
  // posts keep their URLs and ../aa/ is a 404. One that computes permalink, or one Postcraft cannot read, leaves URLs unknown.
  it('keeps URLs known under a global eleventyComputed that computes no permalink', async () => {
    const post = '---\ntitle: B\n---\n[to a](../a/) [typo](../aa/)\n';
    const broken = async (computed: string) => (await open({ 'eleventy.config.js': `export default function (c) {\n  c.addGlobalData('eleventyComputed', ${computed});\n}\n`, 'about.md': '# About\n', 'posts/a.md': '---\ntitle: A\n---\nA.\n', 'posts/b.md': post })).check('posts/b.md', post).filter((finding) => finding.code === 'broken-link').map((finding) => /"([^"]+)"/.exec(finding.message)?.[1]);
    assert.deepEqual(await broken('{ tags: (d) => (Array.isArray(d.tags) ? d.tags.map((t) => t.toLowerCase()) : d.tags) }'), ['../aa/']);
    assert.deepEqual(await broken('{ permalink: (d) => `/${d.page.fileSlug}/` }'), []);
    assert.deepEqual(await broken('computedData'), []);
    const dotted = async (name: string) => (await open({ 'eleventy.config.js': `export default function (c) {\n  c.addGlobalData('${name}', (d) => d.permalink);\n}\n`, 'about.md': '# About\n', 'posts/a.md': '---\ntitle: A\n---\nA.\n', 'posts/b.md': post })).check('posts/b.md', post).filter((finding) => finding.code === 'broken-link').length;
    assert.equal(await dotted('eleventyComputed.permalink'), 0);
    assert.equal(await dotted('eleventyComputed.title'), 1);
  });

  // musikele/blog-eleventy's and LJWatson's paginated home pages: Eleventy 3.1.2 writes `/` and `/archives/page2/`…, so
  // the pattern is those two branches, not every URL of the site (which hid every broken link).
  it('reads each branch of an {% if %} in a permalink as a URL the page may have', async () => {
    const post = '---\ntitle: B\n---\n[to a](../a/) [typo](../aa/) [page](/archives/page2/)\n';
    const broken = async (permalink: string) => (await open({ 'index.njk': `---\npagination: { data: collections.all, size: 1 }\npermalink: "${permalink}"\n---\n`, 'posts/a.md': '---\ntitle: A\n---\nA.\n', 'posts/b.md': post })).check('posts/b.md', post).filter((finding) => finding.code === 'broken-link').map((finding) => /"([^"]+)"/.exec(finding.message)?.[1]);
    assert.deepEqual(await broken('/{% if pagination.pageNumber > 0 %}archives/page{{ pagination.pageNumber + 1 }}/{% endif %}'), ['../aa/']);
    assert.deepEqual(await broken('{%- if pagination.pageNumber > 0 -%}archives/page{{ pagination.pageNumber }}{%- else -%}archives/page1{%- endif -%}/index.html'), ['../aa/']);
    assert.deepEqual(await broken('/{% for x in y %}{{ x }}/{% endfor %}'), []);
  });

  it('knows no IDs with a slugify it cannot run', async () => {
    assert.deepEqual(await reported('(s) => slugify(s, { separator: "_" })'), []);
    assert.deepEqual(await reported('(s) => s.toLowerCase()'), []);
    assert.deepEqual(await reported('(s) => slugify(s + "x")'), []);
    assert.deepEqual(await reported('eleventyConfig.getFilter("slugify")', '  eleventyConfig.addFilter("slugify", (s) => s);\n'), []);
  });
});

describe('Eleventy heading IDs by IdAttributePlugin', () => {
  // Eleventy 3.1.8 writes <h2 id="cafe-and-creme">, id="intro", id="intro-2" and <h3 id="code-bold-link"> for this post.
  const post = '---\ntitle: P\n---\n## Café & *Crème*\n\n## Intro\n\n## Intro\n\n### `code` <b>bold</b> [link](/x/)\n\n[a](#intro-2) [b](#cafe-and-creme) [c](#intro-1) [d](#code-bold-link)\n';
  const anchorsReported = async (config: string) => {
    const { check } = await open({ 'eleventy.config.js': config, 'p.md': post });
    return check('p.md', post).filter((finding) => finding.code === 'broken-anchor').map((finding) => /"#([^"]+)"/.exec(finding.message)?.[1]);
  };

  it('gives headings Eleventy’s slugify of their text, repeats from -2, and checks fragments by them', async () => {
    assert.deepEqual(await anchorsReported('import { IdAttributePlugin } from "@11ty/eleventy";\nexport default function (eleventyConfig) {\n  eleventyConfig.addPlugin(IdAttributePlugin);\n}\n'), ['intro-1']);
  });

  it('knows no IDs without the plugin, or with options that change its slugify or selector', async () => {
    assert.deepEqual(await anchorsReported('export default function (eleventyConfig) {}\n'), []);
    assert.deepEqual(await anchorsReported('import { IdAttributePlugin } from "@11ty/eleventy";\nexport default function (c) {\n  c.addPlugin(IdAttributePlugin, { slugify: (s) => s });\n}\n'), []);
  });
});

// drivet/website-11ty passthrough-copies static/ only, and its src/oldsite/gp.md shows /oldsite/gp_img/*.jpg kept beside it:
// Eleventy 3.1.2 writes no _site/oldsite/gp_img/, so every one is a missing image.
describe('Eleventy images in the source that no passthrough copy takes', () => {
  const post = '---\ntitle: Gallery\n---\n<img src="/oldsite/gp_img/carpet.jpg" alt="carpet">\n\n<img src="/static/logo.png" alt="logo">\n';
  const files = (config: string) => ({ 'eleventy.config.js': config, 'src/oldsite/gp_img/carpet.jpg': png, 'src/static/logo.png': png, 'src/oldsite/other.md': '---\ntitle: O\n---\n' });

  it('reports an image of the input folder that nothing copies, and not one a passthrough copy takes', async () => {
    const { check } = await open(files('module.exports = (c) => { c.addPassthroughCopy("src/static"); return { dir: { input: "src" } }; };'));
    assert.deepEqual(check('src/oldsite/gp.md', post).map((finding) => [finding.code, finding.line, finding.message.includes('no passthrough copy')]), [['broken-image', 3, true]]);
  });

  it('takes it for published where a passthrough copy or the image transform takes it', async () => {
    for (const config of [
      'module.exports = (c) => { c.addPassthroughCopy("src/static"); c.addPassthroughCopy("src/oldsite/gp_img"); return { dir: { input: "src" } }; };',
      'const { eleventyImageTransformPlugin } = require("@11ty/eleventy-img");\nmodule.exports = (c) => { c.addPlugin(eleventyImageTransformPlugin); c.addPassthroughCopy("src/static"); return { dir: { input: "src" } }; };',
      // Comandeer's blog copies a list in a loop: what it copies is not written in the config.
      'module.exports = (c) => { ["src/static", "src/oldsite"].forEach((path) => c.addPassthroughCopy(path)); return { dir: { input: "src" } }; };',
    ]) assert.deepEqual(codes((await open(files(config))).check('src/oldsite/gp.md', post)), [], config);
  });

  // v8.dev's markdown-it core rule reads each image token and inlines the file of a /_svg/ image into the page.
  it("leaves Markdown images to a rule of the site's own that reads image tokens", async () => {
    const config = 'module.exports = (c) => { c.amendLibrary("md", (md) => md.core.ruler.push("embed", (state) => { for (const t of state.tokens) if (t.type === "image") t.content = ""; })); c.addPassthroughCopy("src/static"); return { dir: { input: "src" } }; };';
    const { check } = await open(files(config));
    assert.deepEqual(codes(check('src/oldsite/gp.md', '---\ntitle: G\n---\n![carpet](/oldsite/gp_img/carpet.jpg)\n')), []);
    assert.deepEqual(codes(check('src/oldsite/gp.md', post)), ['broken-image']);
  });
});

// schneyra/martinschneiderme-11ty: _layouts/article.njk sets `permalink: articles/{{ title | slugify }}/index.html` and articles.json
// `layout: article`; eleventy 2.0.1 builds /articles/hello-first-world/ (layout front matter is the data cascade's fifth source).
describe('Eleventy permalinks in layout front matter', () => {
  const files = {
    'eleventy.config.js': 'module.exports = () => ({ dir: { input: "src", layouts: "_layouts" } });',
    'src/_layouts/article.njk': '---\npermalink: articles/{{ title | slugify }}/index.html\n---\n{{ content | safe }}',
    'src/_layouts/note.njk': '---\nlayout: article\n---\n{{ content | safe }}',
    'src/articles/articles.json': '{"layout":"article","tags":["articles"]}',
    'src/articles/01-first/index.md': '---\ntitle: "Hello, First World!"\n---\nFirst.\n',
    'src/articles/03-own/index.md': '---\ntitle: Own\npermalink: /mine/\n---\nOwn.\n',
    'src/notes/n.md': '---\ntitle: A Note\nlayout: note\n---\nNote.\n',
  };

  it("gives a page the permalink of its layout's front matter, under its own and its data files'", async () => {
    const { check } = await open(files);
    const post = '---\ntitle: Second\n---\nSee [the first](/articles/hello-first-world/), [mine](/mine/), [the note](/articles/a-note/) and [gone](/articles/01-first/).\n';
    assert.deepEqual(check('src/articles/02-second/index.md', post).map((finding) => [finding.code, /"([^"]+)"/.exec(finding.message)?.[1]]), [['broken-link', '/articles/01-first/']]);
  });
});

// henrik/thepugautomatic.com-eleventy: post.njk sets `permalink: "/{{ page.date | slugDate }}/{{ page.fileSlug }}/index.html"`, a filter
// Postcraft cannot run; `[libxml](libxml.rubyforge.org/)` is a web address without its scheme whatever the page's URL.
describe('Eleventy links from a page of unknown URL', () => {
  it('reports a web address or an e-mail address written as a relative link', async () => {
    const { check } = await open({
      'eleventy.config.js': 'module.exports = () => ({ dir: { input: "src" } });',
      'src/_includes/post.njk': '---\npermalink: "/{{ page.date | slugDate }}/{{ page.fileSlug }}/index.html"\n---\n{{ content | safe }}',
    });
    const post = '---\ntitle: A\nlayout: post.njk\n---\nSee [libxml](libxml.rubyforge.org/), [me](me@example.org) and [b](b/).\n';
    assert.deepEqual(check('src/posts/a.md', post).map((finding) => [finding.code, finding.message.includes('https://libxml.rubyforge.org/') || finding.message.includes('mailto:me@example.org')]), [['broken-link', true], ['broken-link', true]]);
  });
});
