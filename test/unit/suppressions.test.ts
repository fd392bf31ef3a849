// Suppression comments as markdownlint writes them, in the editor (checkText) and the two-pass whole-site
// check (the CLI), and the "Ignore this <code> here" fix that writes one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSites } from '../../src/cli/checkSite';
import { createPostcraftService, type Finding, type Fix } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { LineIndex } from '../../src/core/text/lineIndex';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

const posts: Record<string, string> = {
  'content/posts/yaml.md': '---\ntitle: Y\n# postcraft-disable-next-line schema\ndate: nope\ntags:\n  # postcraft-disable-next-line broken-image\n  - kuberentes\n---\nbody\n',
  'content/posts/toml.md': '+++\ntitle = "T"\n  # postcraft-disable-next-line\ndate = "nope"\n+++\nbody\n',
  'content/posts/body.md': [
    '---',
    'title: B',
    '---',
    '![a](images/missing1.png)',
    '<!-- postcraft-disable-next-line broken-image -->',
    '![b](images/missing2.png)',
    '<!-- postcraft-disable-next-line schema -->',
    '![c](images/missing3.png)',
    '<!-- postcraft-disable -->',
    '![d](images/missing4.png)',
    '<!-- postcraft-enable -->',
    '![e](images/missing5.png)',
    '<!-- postcraft-disable broken-image -->',
    '![f](images/missing6.png)',
    '<!-- postcraft-enable broken-image -->',
    '![g](images/missing7.png)',
    '`<!-- postcraft-disable-next-line -->`',
    '![h](images/missing8.png)',
    '```',
    '<!-- postcraft-disable -->',
    '```',
    '',
    '![i](images/missing9.png)',
    '',
  ].join('\n'),
};

function site(extra: Record<string, string> = {}) {
  const files: Record<string, string | Uint8Array> = {
    'hugo.toml': 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\n',
    'assets/images/hero.png': png,
    ...posts,
    ...extra,
  };
  for (let i = 0; i < 4; i++) files[`content/posts/p${i}.md`] = `---\ntitle: P${i}\ntags: [kubernetes]\n---\n`;
  return files;
}

async function editor(files: Record<string, string | Uint8Array>) {
  const service = createPostcraftService({ fs: inMemorySite(files) });
  await service.openWorkspace(['/site']);
  return service;
}

const lineCodes = (findings: readonly Finding[]) => findings.map((finding) => `${finding.range.start.line}:${finding.code}`);

function applyFix(text: string, fix: Fix): string {
  const lines = new LineIndex(text);
  const [edit] = fix.edits;
  assert.equal(fix.edits.length, 1);
  const start = lines.offsetAt(edit!.range.start);
  return text.slice(0, start) + edit!.newText + text.slice(lines.offsetAt(edit!.range.end));
}

describe('suppression comments', () => {
  it('silence the next frontmatter line, for the codes named or all (YAML and TOML)', async () => {
    const service = await editor(site());
    // The YAML comment names schema for the date, but broken-image, not tag-typo, for the tag.
    assert.deepEqual(lineCodes(service.checkText('/site/content/posts/yaml.md', posts['content/posts/yaml.md']!)), ['6:tag-typo']);
    assert.deepEqual(lineCodes(service.checkText('/site/content/posts/toml.md', posts['content/posts/toml.md']!)), []);
    // Without the comments, the findings are there.
    const bare = posts['content/posts/yaml.md']!.replace(/.*postcraft.*\n/g, '');
    assert.deepEqual(lineCodes(service.checkText('/site/content/posts/yaml.md', bare)), ['2:schema', '4:tag-typo']);
  });

  it('in the body: next line, disable … enable, by code or all; never from code', async () => {
    const service = await editor(site());
    const findings = service.checkText('/site/content/posts/body.md', posts['content/posts/body.md']!);
    assert.deepEqual(findings.map((finding) => finding.message.match(/missing\d/)?.[0]), ['missing1', 'missing3', 'missing5', 'missing7', 'missing8', 'missing9']);
  });

  it('a disable without enable lasts to the end; MDX writes them as {/* */}', async () => {
    const service = await editor(site());
    assert.deepEqual(service.checkText('/site/content/posts/open.md', '---\ntitle: O\n---\n<!-- postcraft-disable broken-image -->\n\n![a](images/x.png)\n\n![b](images/y.png)\n'), []);
    const mdx = '---\ntitle: M\n---\n{/* postcraft-disable-next-line broken-image */}\n![a](images/x.png)\n';
    assert.deepEqual(service.checkText('/site/content/posts/m.mdx', mdx), []);
  });

  it('hold in the whole-site check (CLI) as in the editor', async () => {
    const files = site();
    const report = await checkSites(inMemorySite(files), '/site', {});
    const service = await editor(files);
    const expected = Object.keys(files)
      .filter((path) => path.startsWith('content/posts/'))
      .sort()
      .flatMap((path) => service.checkText(`/site/${path}`, files[path] as string));
    assert.deepEqual(report.findings, expected);
    assert.deepEqual(lineCodes(report.findings.filter((finding) => finding.file.endsWith('yaml.md'))), ['6:tag-typo']);
  });
});

describe('the "Ignore this <code> here" fix', () => {
  const cases: { name: string; path: string; text: string; code: string; inserted: string }[] = [
    { name: 'an indented frontmatter line', path: 'content/posts/a.md', text: '---\ntitle: A\ntags:\n  - kubernetse\n---\n', code: 'tag-typo', inserted: '  # postcraft-disable-next-line tag-typo\n' },
    { name: 'TOML, CRLF', path: 'content/posts/b.md', text: '+++\r\ntitle = "B"\r\ndate = "nope"\r\n+++\r\n', code: 'schema', inserted: '# postcraft-disable-next-line schema\r\n' },
    { name: 'a body line', path: 'content/posts/c.md', text: '---\ntitle: C\n---\ntext ![a](images/x.png)\n', code: 'broken-image', inserted: '<!-- postcraft-disable-next-line broken-image -->\n' },
    { name: 'an MDX body line', path: 'content/posts/d.mdx', text: '---\ntitle: D\n---\n![a](images/x.png)\n', code: 'broken-image', inserted: '{/* postcraft-disable-next-line broken-image */}\n' },
  ];
  for (const { name, path, text, code, inserted } of cases) {
    it(`on ${name}: inserts the comment above, never preferred, and the finding goes`, async () => {
      const service = await editor(site({ [path]: text }));
      const [finding] = service.checkText(`/site/${path}`, text).filter((found) => found.code === code);
      assert.ok(finding, `${code} found`);
      const fix = finding.fixes.at(-1)!;
      assert.equal(fix.title, `Ignore this ${code} here`);
      assert.equal(fix.isPreferred, false);
      assert.deepEqual(fix.edits[0]!.range, { start: { line: finding.range.start.line, character: 0 }, end: { line: finding.range.start.line, character: 0 } });
      assert.equal(fix.edits[0]!.newText, inserted);
      const after = service.checkText(`/site/${path}`, applyFix(text, fix));
      assert.deepEqual(after.filter((found) => found.code === code), []);
    });
  }

  it('is not offered on the frontmatter delimiter nor in JSON frontmatter', async () => {
    const service = await editor(site());
    const json = '{\n  "title": "J",\n  "date": "nope"\n}\n';
    const findings = service.checkText('/site/content/posts/j.md', json);
    assert.ok(findings.length > 0);
    for (const finding of findings) assert.ok(!finding.fixes.some((fix) => fix.title.startsWith('Ignore')), `${finding.code} on JSON`);
    const unclosed = service.checkText('/site/content/posts/u.md', '---\ntitle: [x\n');
    for (const finding of unclosed.filter((found) => found.range.start.line === 0)) assert.ok(!finding.fixes.some((fix) => fix.title.startsWith('Ignore')));
  });
});
