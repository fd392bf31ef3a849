import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../../src/core/index';
import { InMemoryFileSystem } from '../../../src/core/host/inMemoryFileSystem';

async function altFindings(files: Record<string, string>, path: string) {
  const fs = new InMemoryFileSystem('/site', files);
  const service = createPostcraftService({ fs });
  await service.openWorkspace(['/site']);
  const text = files[path]!;
  return (await service.checkFile(`/site/${path}`))
    .filter((finding) => finding.code === 'missing-alt')
    .map((finding) => {
      const lines = text.split('\n');
      const line = lines[finding.range.start.line]!;
      const fix = finding.fixes[0]!.edits[0]!;
      return { at: line.slice(finding.range.start.character, finding.range.end.character), fix: fix.newText, snippet: fix.snippet };
    });
}

// Raw HTML reaches the page only with Goldmark's unsafe renderer.
const hugo = { 'hugo.toml': 'baseURL = "https://example.org/"\n[markup.goldmark.renderer]\nunsafe = true\n' };

describe('missing-alt', () => {
  it('reports Markdown images with empty alt, HTML img without an alt attribute, and figures with neither alt nor caption', async () => {
    const post = [
      '---', 'title: T', '---', '',
      '![](/img/red-fox_2.jpg) ![ ](/a.png) ![A fox](/b.png) ![][ref]', '',
      '![](/ss-71a8276da2996d7ed5d68f31a560f231c5e5242f-1920x1080.png) ![](/IMG_20230101_123456.jpg) ![](/0123456789abcdef.png) ![](/deadbeefcafe.png)', '',
      '<img src="/c.png"> <img src="/d.png" alt=""> <IMG SRC="/e.png" ALT="E"> <img alt src="/f.png"> <img/>-style tags', '',
      '{{< figure src="/g.png" >}} {{< figure src="/h.png" caption="A hen" >}} {{< figure src="/i.png" alt="" title="T" >}}', '',
      '```', '![](/in-code.png)', '```', '',
      '[ref]: /j.png', '',
    ].join('\n');
    const found = await altFindings({ ...hugo, 'content/posts/p.md': post }, 'content/posts/p.md');
    assert.deepEqual(found, [
      { at: '![]', fix: 'red fox 2', snippet: '${1:red fox 2}' },
      { at: '![ ]', fix: 'a', snippet: '${1:a}' },
      { at: '![]', fix: 'j', snippet: '${1:j}' },
      { at: '![]', fix: 'ss', snippet: '${1:ss}' },
      { at: '![]', fix: 'IMG', snippet: '${1:IMG}' },
      { at: '![]', fix: 'image description', snippet: '${1:image description}' },
      { at: '![]', fix: 'deadbeefcafe', snippet: '${1:deadbeefcafe}' },
      { at: '<img', fix: ' alt="c"', snippet: ' alt="${1:c}"' },
      { at: 'figure', fix: ' alt="g"', snippet: ' alt="${1:g}"' },
      { at: 'figure', fix: ' alt="i"', snippet: ' alt="${1:i}"' },
    ]);
  });

  it('leaves figures alone where the site has a figure shortcode of its own', async () => {
    const post = '---\ntitle: T\n---\n\n{{< figure src="/g.png" >}}\n';
    assert.deepEqual(await altFindings({ ...hugo, 'layouts/shortcodes/figure.html': '<img src="{{ .Get `src` }}">', 'content/posts/p.md': post }, 'content/posts/p.md'), []);
  });

  it('reads MDX components: <Image> and <img> without alt, but not with a spread that may carry one', async () => {
    const files = {
      'docusaurus.config.js': 'module.exports = { title: "T", url: "https://example.org", baseUrl: "/" };\n',
      // thedataquarry.com writes `<Image src={Img1}alt="…" />`: astro 5.1.10 writes its alt.
      'blog/2024-01-01-p.mdx': '---\ntitle: T\n---\n\nimport Image from "@theme/IdealImage";\n\n<Image img={require("./x.png")} />\n\n<img src={hero} {...props} />\n\n<Image img="/y.png" alt="Y" />\n\n<Image src={hero}alt="Z" /> <img src="/z.png"alt="Z" />\n',
    };
    const found = await altFindings(files, 'blog/2024-01-01-p.mdx');
    assert.deepEqual(found.map((finding) => finding.at), ['<Image']);
  });

  // moonrepo/moon's `<Image src={require('./img/x.png')} />`, its own component with `alt = ''` by default: docusaurus 3.10.2 writes alt="".
  it("leaves the site's own image components to write their alt", async () => {
    const files = {
      'docusaurus.config.js': 'module.exports = { title: "T", url: "https://example.org", baseUrl: "/" };\n',
      'src/components/Image.jsx': "export default function Image({ src, alt = '' }) { return <img src={src.default} alt={alt} />; }\n",
      'blog/2024-01-01-p.mdx': '---\ntitle: T\n---\n\nimport Image from "@site/src/components/Image";\nimport { Figure } from "../src/components/Figure";\n\n<Image src={require("./x.png")} />\n\n<Figure src="/y.png" />\n\n<img src="/z.png" />\n',
    };
    assert.deepEqual((await altFindings(files, 'blog/2024-01-01-p.mdx')).map((finding) => finding.at), ['<img']);
  });

  // cavo789/blog hands `Image` to every page from a swizzled src/theme/MDXComponents.js: docusaurus 3.10.2 writes its alt={alt || title}.
  it("leaves the components the site's MDXComponents hands every page to write their alt", async () => {
    const files = {
      'docusaurus.config.js': 'module.exports = { title: "T", url: "https://example.org", baseUrl: "/" };\n',
      'src/theme/MDXComponents.js': 'import MDXComponents from "@theme-original/MDXComponents";\nimport Image from "@site/src/components/Image";\nexport default { ...MDXComponents, Image };\n',
      'blog/2024-01-01-p.mdx': '---\ntitle: T\n---\n\n<Image src={require("./x.png").default} title="A happy meerkat" />\n\n<img src="/z.png" />\n',
    };
    assert.deepEqual((await altFindings(files, 'blog/2024-01-01-p.mdx')).map((finding) => finding.at), ['<img']);
  });
});
