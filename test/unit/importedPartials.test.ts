import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { mdxEsmSpecifiers } from '../../src/core/post/mdxEsm';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const config = "export default { presets: [['classic', { docs: { path: 'docs' }, blog: false }]] };";

async function open(files: Record<string, string | Uint8Array>) {
  const fs = inMemorySite({ 'docusaurus.config.js': config, ...files });
  const service = createPostcraftService({ fs });
  const [site] = await service.openWorkspace(['/site']);
  const check = (path: string, text = files[path] as string) => service.checkText(`/site/${path}`, text).map((finding) => `${finding.code} ${finding.range.start.line}`);
  return { files, service, site: site!, check };
}

const page = (imports: string) => `---\ntitle: Setup\n---\n\n${imports}\n\nSteps:\n\n<Part />\n`;

describe('MDX ESM specifiers', () => {
  it('reads several statements on one line and one statement over several lines, up to a blank line', () => {
    const body = "import A from '@theme/A'; import B from './b.md';\nimport\nC from \"./c.mdx\";\nexport { d } from './d.js';\n\nimport text from './not-esm.md' stays text after a blank line? no: a new block\n";
    assert.deepEqual(
      mdxEsmSpecifiers(body).map(({ value }) => value),
      ['@theme/A', './b.md', './c.mdx', './d.js', './not-esm.md'],
    );
    assert.deepEqual(mdxEsmSpecifiers('Text\n  import A from "./indented.md"\nimportant from "./x.md"\n'), []);
  });

  it('gives the value of an escaped string, with the offset of what is written', () => {
    const body = "import Part from './\\_part.md';\n";
    const [found] = mdxEsmSpecifiers(body);
    assert.equal(found?.value, './_part.md');
    assert.equal(found?.raw, './\\_part.md');
    assert.equal(body.slice(found!.start, found!.start + found!.raw.length), found!.raw);
  });
});

describe('imported Markdown partials', () => {
  it("checks a partial's images from the partial's own folder, reported on the partial", async () => {
    const { check } = await open({
      'docs/setup.md': page("import Part from './shared/\\_part.md';"),
      'docs/shared/_part.md': '![Found from the partial](../img/a.png)\n\n![Only beside the importer](./img/a.png)\n\n![Case](/img/Logo.png)\n',
      'docs/img/a.png': png,
      'static/img/logo.png': png,
    });
    assert.deepEqual(check('docs/shared/_part.md'), ['broken-image 2', 'image-case 4']);
    assert.deepEqual(check('docs/setup.md'), []);
  });

  it('leaves a partial no post imports unchecked, and one imported only in code', async () => {
    const { check } = await open({
      'docs/setup.md': page("Text.\n\n```mdx\nimport Part from './_part.md';\n```"),
      'docs/_part.md': '![Missing](./missing.png)\n',
      'docs/_template/page.md': '![Missing](./missing.png)\n',
    });
    assert.deepEqual(check('docs/_part.md'), []);
    assert.deepEqual(check('docs/_template/page.md'), []);
  });

  it('gives a partial only image checks: it is no page (no title, no frontmatter rules)', async () => {
    const { check } = await open({
      'docs/setup.md': page("import Part from './_part.md';"),
      'docs/_part.md': '---\nauthors: 12\nimage: ./not-a-page-image.png\n---\n![Missing](./missing.png)\n',
    });
    assert.deepEqual(check('docs/_part.md'), ['broken-image 4']);
  });

  it('follows the imports as the importing post is edited', async () => {
    const { check, files } = await open({
      'docs/setup.md': page(''),
      'docs/_part.md': '![Missing](./missing.png)\n',
    });
    assert.deepEqual(check('docs/_part.md'), []);
    check('docs/setup.md', page("import Part from './_part.md';"));
    assert.deepEqual(check('docs/_part.md'), ['broken-image 0']);
    check('docs/setup.md', files['docs/setup.md'] as string);
    assert.deepEqual(check('docs/_part.md'), []);
  });

  it("checks a partial's partials, @site/ imports, and whole-site checks report them once, on the partial", async () => {
    const { service, site } = await open({
      'docs/setup.md': page("import Part from '@site/docs/_part.mdx';\nimport Again from './_part.mdx';"),
      'docs/other.md': page("import Setup from './setup.md';"),
      'docs/_part.mdx': "import Inner from './inner/_inner.md';\n\n![Missing](./missing.png)\n\n<Inner />\n",
      'docs/inner/_inner.md': '![Missing too](./missing.png)\n',
    });
    assert.deepEqual(site.fragments(), ['/site/docs/_part.mdx', '/site/docs/inner/_inner.md']);
    const findings = await service.checkSite(site);
    assert.deepEqual(
      findings.map((finding) => `${finding.file} ${finding.code}`),
      ['/site/docs/_part.mdx broken-image', '/site/docs/inner/_inner.md broken-image'],
    );
  });

  it('finds every image a line of imports names', async () => {
    const { check } = await open({ 'docs/a.mdx': "---\ntitle: A\n---\nimport one from './one.png'; import two from './\\two.png';\n" });
    assert.deepEqual(check('docs/a.mdx'), ['broken-image 3', 'broken-image 3']);
  });
});
