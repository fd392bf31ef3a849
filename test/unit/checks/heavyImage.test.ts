import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../../src/core/index';
import { InMemoryFileSystem } from '../../../src/core/host/inMemoryFileSystem';

/** A PNG's signature and IHDR chunk (what image-size reads), padded to `bytes`. */
function png(width: number, height: number, bytes: number): Uint8Array {
  const file = new Uint8Array(bytes);
  file.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(file.buffer).setUint32(16, width);
  new DataView(file.buffer).setUint32(20, height);
  return file;
}

async function heavyFindings(files: Record<string, string | Uint8Array>, path: string) {
  const fs = new InMemoryFileSystem('/site', files);
  const service = createPostcraftService({ fs });
  await service.openWorkspace(['/site']);
  return { fs, service, findings: (await service.checkFile(path)).filter((finding) => finding.code === 'heavy-image') };
}

const hugo = { 'hugo.toml': 'baseURL = "https://example.org/"\n', 'postcraft.config.json': '{ "heavyImageKB": 2 }' };

describe('heavy-image', () => {
  it('reports an image over the limit once per post, with its size and pixel size from the header, also in its hover', async () => {
    const { service, findings } = await heavyFindings({
      ...hugo,
      'static/big.png': png(4000, 3000, 2500),
      'static/small.png': png(10, 10, 1500),
      'assets/processed.png': png(4000, 3000, 5000),
      'content/posts/p.md': '---\ntitle: T\n---\n\n![Big](/big.png) ![Again](/big.png) ![Small](/small.png)\n',
    }, '/site/content/posts/p.md');
    assert.deepEqual(findings.map((finding) => [finding.severity, finding.range.start.line, finding.message]), [
      ['warning', 4, `Image "/big.png" is 3 KB, 4000 × 3000 pixels: over the site's 2 KB limit (heavyImageKB), it slows the page down; a smaller or compressed copy loads faster.`],
    ]);
    const text = '---\ntitle: T\n---\n\n![Big](/big.png) ![Small](/small.png)\n';
    assert.match(service.hover('/site/content/posts/p.md', text, text.indexOf('/big.png') + 1)?.markdown ?? '', /`static\/big.png` · 3 KB, 4000 × 3000$/);
    assert.match(service.hover('/site/content/posts/p.md', text, text.indexOf('/small.png') + 1)?.markdown ?? '', /`static\/small.png`$/);
  });

  // rOpenSci: `twitterImg: blog/…/washington.jpg` (a social card the theme resizes) before `{{< figure src="washington.jpg" >}}` in the body.
  it('reports a heavy image at the first reference that shows it as it is, not hidden by an earlier field or guess naming the same file', async () => {
    const { findings } = await heavyFindings({
      ...hugo,
      'content/posts/shot/big.png': png(4000, 3000, 2500),
      'content/posts/shot/index.md': '---\ntitle: T\nsocialImg: posts/shot/big.png\n---\n\n{{< gallery "big.png" >}}\n\n![Big](big.png)\n',
    }, '/site/content/posts/shot/index.md');
    assert.deepEqual(findings.map((finding) => finding.range.start.line), [7]);
  });

  it('is quiet under the default limit, and follows an image that grows on disk', async () => {
    const files = { 'hugo.toml': hugo['hugo.toml'], 'static/big.png': png(800, 600, 2500), 'content/posts/p.md': '---\ntitle: T\n---\n\n![Big](/big.png)\n' };
    const { fs, service, findings } = await heavyFindings(files, '/site/content/posts/p.md');
    assert.deepEqual(findings, []);
    fs.write('static/big.png', png(800, 600, 600_000));
    assert.equal(await service.fileChanged('/site/static/big.png', 'changed'), 'site');
    const after = (await service.checkFile('/site/content/posts/p.md')).filter((finding) => finding.code === 'heavy-image');
    assert.deepEqual(after.map((finding) => finding.message), [`Image "/big.png" is 600 KB, 800 × 600 pixels: over the site's 500 KB limit (heavyImageKB), it slows the page down; a smaller or compressed copy loads faster.`]);
  });

  it('gives the size alone when the header is no image it knows, and leaves Hugo render hooks to resize', async () => {
    const text = new Uint8Array(3000).fill(0x41);
    const { findings } = await heavyFindings({ ...hugo, 'static/odd.png': text, 'content/posts/p.md': '---\ntitle: T\n---\n\n![Odd](/odd.png)\n' }, '/site/content/posts/p.md');
    assert.deepEqual(findings.map((finding) => finding.message), [`Image "/odd.png" is 3 KB: over the site's 2 KB limit (heavyImageKB), it slows the page down; a smaller or compressed copy loads faster.`]);
    // A hook may resize a page resource; a file of static/ is no resource, so it is shown as it is whatever the hook writes.
    const hooked = await heavyFindings({ ...hugo, 'layouts/_default/_markup/render-image.html': '<img src="{{ .Destination }}">', 'content/posts/p/big.png': png(4000, 3000, 2500), 'static/big.png': png(4000, 3000, 2500), 'content/posts/p/index.md': '---\ntitle: T\n---\n\n![Big](big.png)\n\n![Static](/big.png)\n' }, '/site/content/posts/p/index.md');
    assert.deepEqual(hooked.findings.map((finding) => finding.range.start.line), [6]);
  });

  // Aiden-Jeon/blog and szymonmiks.pl use Stack as a Hugo module or an empty submodule: its render-image hook writes a srcset
  // of resized copies for bundle images, and its layouts show the `image:` cover only resized (hugo 0.111.3 with Stack v3).
  // Whether such a theme shows a frontmatter image at all is its layouts' (text.baldanders.info's writes `image` into
  // og:image alone): with them not on disk, no frontmatter image is weighed.
  it('leaves Markdown images to a theme whose layouts are not on disk, and bundle images in frontmatter to layouts that resize', async () => {
    const bundle = { 'content/posts/p/big.png': png(4000, 3000, 2500), 'static/cover.png': png(4000, 3000, 2500) };
    const post = '---\ntitle: T\nimage: big.png\ncover: /cover.png\n---\n\n![Big](big.png)\n';
    const unseen = await heavyFindings({ ...hugo, 'hugo.toml': 'baseURL = "https://example.org/"\ntheme = "hugo-theme-stack"\n', ...bundle, 'content/posts/p/index.md': post }, '/site/content/posts/p/index.md');
    assert.deepEqual(unseen.findings.map((finding) => finding.range.start.line), []);
    // Docsy has no render hook (google/docsy at 83c5cc1): as a module not on disk it takes no Markdown image (opentelemetry.io).
    const docsy = await heavyFindings({ ...hugo, 'hugo.toml': 'baseURL = "https://example.org/"\n[module]\n[[module.imports]]\npath = "github.com/google/docsy"\n', ...bundle, 'content/posts/p/index.md': post }, '/site/content/posts/p/index.md');
    assert.deepEqual(docsy.findings.map((finding) => finding.range.start.line), [6]);
    const layouts = (single: string) => ({ ...hugo, 'layouts/_default/single.html': single, ...bundle, 'content/posts/p/index.md': post });
    const resizing = await heavyFindings(layouts('{{ with .Resources.GetMatch .Params.image }}<img src="{{ (.Resize "800x").RelPermalink }}">{{ end }}{{ .Params.cover }}{{ .Content }}'), '/site/content/posts/p/index.md');
    assert.deepEqual(resizing.findings.map((finding) => finding.range.start.line), [3, 6]);
    // An SVG icon's `fill` or a CSS `filter` is no image processing.
    const asIs = await heavyFindings(layouts('<svg><path fill="currentColor"/></svg><style>a { filter: none }</style>{{ with .Resources.GetMatch .Params.image }}<img src="{{ .RelPermalink }}">{{ end }}{{ .Params.cover }}{{ .Content }}'), '/site/content/posts/p/index.md');
    assert.deepEqual(asIs.findings.map((finding) => finding.range.start.line), [2, 3]); // the Markdown image shows the same file: one finding
  });

  // A static/ folder mounted into assets/ too is what a site does to let its render hook resize static images.
  it('leaves a file of static/ that a mount also makes a resource to the render hook', async () => {
    const mounts = 'baseURL = "https://example.org/"\n[module]\n[[module.mounts]]\nsource = "static"\ntarget = "static"\n[[module.mounts]]\nsource = "static/images"\ntarget = "assets/images"\n[[module.mounts]]\nsource = "content"\ntarget = "content"\n';
    const files = { ...hugo, 'hugo.toml': mounts, 'layouts/_default/_markup/render-image.html': '{{ with resources.Get .Destination }}<img src="{{ (.Resize "800x").RelPermalink }}">{{ end }}', 'static/images/big.png': png(4000, 3000, 2500), 'static/other/big.png': png(4000, 3000, 2500), 'content/posts/p.md': '---\ntitle: T\n---\n\n![Big](/images/big.png)\n\n![Other](/other/big.png)\n' };
    assert.deepEqual((await heavyFindings(files, '/site/content/posts/p.md')).findings.map((finding) => finding.range.start.line), [6]);
  });

  it('leaves Eleventy sites alone whose build transforms every image', async () => {
    const files = {
      'eleventy.config.js': 'import { eleventyImageTransformPlugin } from "@11ty/eleventy-img";\nexport default function (c) { c.addPlugin(eleventyImageTransformPlugin); }\n',
      'postcraft.config.json': '{ "heavyImageKB": 2 }',
      'img/big.png': png(4000, 3000, 2500),
      'blog/p.md': '---\ntitle: T\n---\n\n![Big](/img/big.png)\n',
    };
    assert.deepEqual((await heavyFindings(files, '/site/blog/p.md')).findings, []);
    const plain = await heavyFindings({ ...files, 'eleventy.config.js': 'export default function (c) { c.addPassthroughCopy("img"); }\n' }, '/site/blog/p.md');
    assert.equal(plain.findings.length, 1);
  });

  // andreabergia/eleventy-blog replaces markdown-it's image rule with one that hands each image to eleventy-img: an
  // Eleventy 2.0.1 build serves a 902 KB jpg as 7.5 and 18.7 KB webp copies. A raw <img> is still shown as it is.
  it('leaves Markdown images alone on an Eleventy site whose config replaces markdown-it\'s image rule', async () => {
    const files = {
      'eleventy.config.js': 'export default function (c) {\n  c.addPassthroughCopy("img");\n  c.amendLibrary("md", (md) => { md.renderer.rules.image = (tokens, idx) => picture(tokens[idx]); });\n}\n',
      'postcraft.config.json': '{ "heavyImageKB": 2 }',
      'img/big.png': png(4000, 3000, 2500),
      'blog/p.md': '---\ntitle: T\n---\n\n![Big](/img/big.png)\n\n<img src="/img/big.png" alt="Big">\n',
    };
    assert.deepEqual((await heavyFindings(files, '/site/blog/p.md')).findings.map((finding) => finding.range.start.line), [6]);
  });
  // 2m.github.io's <Img large={require(…)} small={require(…)}>: react-medium-image-zoom fetches `large` only on a click,
  // and a docusaurus 3.10.1 build writes no <img> of it; IdealImage writes resized copies.
  it('weighs an MDX import only where an <img src={…}> shows it, not where a component takes it', async () => {
    const big = png(4000, 3000, 2500);
    const post = [
      '---', 'title: T', '---', '',
      "import shown from './a.png';", "import Image from '@theme/IdealImage';", '',
      '<img src={shown} />', '',
      "<img src={require('./b.png').default} />", '',
      "<Img large={require('./c.png').default} small={require('./small.png').default} />", '',
      "<Image img={require('./d.png')} />", '',
    ].join('\n');
    const { findings } = await heavyFindings({
      'docusaurus.config.js': 'module.exports = { title: "T", url: "https://example.org", baseUrl: "/" };\n',
      'postcraft.config.json': '{ "heavyImageKB": 2 }',
      'blog/2024-01-01-p/index.mdx': post,
      ...Object.fromEntries(['a', 'b', 'c', 'd'].map((name) => [`blog/2024-01-01-p/${name}.png`, big])),
      'blog/2024-01-01-p/small.png': png(10, 10, 100),
    }, '/site/blog/2024-01-01-p/index.mdx');
    assert.deepEqual(findings.map((finding) => finding.message.split(' is ')[0]), ['Image "./a.png"', 'Image "./b.png"']);
  });

  // Azure/AKS's blog: `image: ./hero.png` (1 MB) in a post's front matter; docusaurus 3.10.2 writes it as og:image only.
  it('weighs no Docusaurus front matter image, which only the social card shows, and still the same file shown in the body', async () => {
    const files = {
      'docusaurus.config.js': 'module.exports = { title: "T", url: "https://example.org", baseUrl: "/", presets: [["classic", {}]] };\n',
      'postcraft.config.json': '{ "heavyImageKB": 2 }',
      'blog/2024-01-01-p/hero.png': png(4000, 3000, 2500),
      'blog/2024-01-01-p/index.md': '---\ntitle: T\nimage: ./hero.png\n---\n\nText.\n',
      'blog/2024-01-02-q/hero.png': png(4000, 3000, 2500),
      'blog/2024-01-02-q/index.md': '---\ntitle: T\nimage: ./hero.png\n---\n\n![Hero](./hero.png)\n',
    };
    assert.deepEqual((await heavyFindings(files, '/site/blog/2024-01-01-p/index.md')).findings, []);
    assert.deepEqual((await heavyFindings(files, '/site/blog/2024-01-02-q/index.md')).findings.map((finding) => finding.range.start.line), [5]);
  });

  // questdb.io: `"prebuild": "node scripts/optimise-images.js && …"`, a script that re-encodes static/img with sharp
  // (quality 75, at most 1920×1440): the deployed files are 37–268 KB where the checkout's are over 500 KB.
  it('weighs no image of a folder a build script re-encodes with sharp or imagemin', async () => {
    const big = png(4000, 3000, 2500);
    const files = {
      'docusaurus.config.js': 'module.exports = { title: "T", url: "https://example.org", baseUrl: "/" };\n',
      'postcraft.config.json': '{ "heavyImageKB": 2 }',
      'package.json': JSON.stringify({ scripts: { prebuild: 'node scripts/optimise-images.js && npm run prestart', build: 'docusaurus build' } }),
      'scripts/optimise-images.js': 'const sharp = require("sharp")\nconst src = "static/img"\n',
      'static/img/a.png': big,
      'static/other/b.png': big,
      'blog/2024-01-01-p.md': '---\ntitle: T\n---\n\n![A](/img/a.png) ![B](/other/b.png)\n',
    };
    const weighed = async (extra: Record<string, string> = {}) => (await heavyFindings({ ...files, ...extra }, '/site/blog/2024-01-01-p.md')).findings.map((finding) => finding.message.split(' is ')[0]);
    assert.deepEqual(await weighed(), ['Image "/other/b.png"']);
    // A script that does not re-encode leaves every image weighed.
    assert.deepEqual(await weighed({ 'scripts/optimise-images.js': 'const src = "static/img"\n' }), ['Image "/img/a.png"', 'Image "/other/b.png"']);
  });

  it('weighs only the images posts show as they are, when they are checked, not every image of the site', async () => {
    const fs = new InMemoryFileSystem('/site', {
      ...hugo,
      'static/big.png': png(4000, 3000, 2500),
      'static/unused.png': png(4000, 3000, 2500),
      'assets/processed.png': png(4000, 3000, 5000),
      'content/posts/p.md': '---\ntitle: T\n---\n\n![Big](/big.png) {{< img src="processed.png" >}}\n',
    });
    const stated: string[] = [];
    const counting = Object.assign(Object.create(fs) as InMemoryFileSystem, { stat: (path: string) => (stated.push(path), fs.stat(path)) });
    const service = createPostcraftService({ fs: counting });
    await service.openWorkspace(['/site']);
    assert.deepEqual(stated.filter((path) => path.endsWith('.png')), [], 'opening the site weighs no image');
    const findings = await service.checkFile('/site/content/posts/p.md');
    assert.deepEqual(findings.filter((finding) => finding.code === 'heavy-image').map((finding) => finding.message.slice(0, 30)), ['Image "/big.png" is 3 KB, 4000']);
    assert.deepEqual(stated.filter((path) => path.endsWith('.png')), ['/site/static/big.png']);
  });

  it('in a synchronous check, weighs an image shown for the first time and gives its finding from the next check on', async () => {
    const fs = new InMemoryFileSystem('/site', { ...hugo, 'static/big.png': png(4000, 3000, 2500), 'content/posts/p.md': '---\ntitle: T\n---\n\nNo image.\n' });
    const service = createPostcraftService({ fs });
    await service.openWorkspace(['/site']);
    const text = '---\ntitle: T\n---\n\n![Big](/big.png)\n';
    const heavy = () => service.checkText('/site/content/posts/p.md', text).filter((finding) => finding.code === 'heavy-image');
    assert.deepEqual(heavy(), []);
    const weighing = service.imagesWeighing('/site/content/posts/p.md');
    assert.ok(weighing, 'the image is being weighed');
    await weighing;
    assert.equal(service.imagesWeighing('/site/content/posts/p.md'), undefined);
    assert.equal(heavy().length, 1);
  });
  it('resolves an image again once the site\'s files change, for the same text (its resolution is kept only while they stay)', async () => {
    const fs = new InMemoryFileSystem('/site', { ...hugo, 'content/posts/p.md': '---\ntitle: T\n---\n\n![Big](/big.png)\n' });
    const service = createPostcraftService({ fs });
    await service.openWorkspace(['/site']);
    const text = '---\ntitle: T\n---\n\n![Big](/big.png)\n';
    // Checked twice: the first check of an image not weighed yet has it weighed for the next.
    const codes = async () => {
      service.checkText('/site/content/posts/p.md', text);
      await service.imagesWeighing('/site/content/posts/p.md');
      return service.checkText('/site/content/posts/p.md', text).map((finding) => finding.code);
    };
    assert.deepEqual(await codes(), ['broken-image']);
    fs.write('static/big.png', png(4000, 3000, 2500));
    await service.fileChanged('/site/static/big.png', 'created');
    assert.deepEqual(await codes(), ['heavy-image']);
    fs.delete('static/big.png');
    await service.fileChanged('/site/static/big.png', 'deleted');
    assert.deepEqual(await codes(), ['broken-image']);
  });
});
