import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../../src/core/index';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';

/** The duplicate-key finding (of `severity`, where there are several) of `frontmatter` in a post of a site made of `files`, and its fix applied to the text. */
async function duplicateKey(files: Record<string, string>, postPath: string, frontmatter: string, severity?: string) {
  const text = `---\n${frontmatter}---\nBody.\n`;
  const service = createPostcraftService({ fs: inMemorySite({ ...files, [postPath]: text }) });
  await service.openWorkspace(['/site']);
  const findings = service.checkText(`/site/${postPath}`, text).filter((finding) => finding.code === 'duplicate-key' && (severity === undefined || finding.severity === severity));
  assert.equal(findings.length, 1);
  const [finding] = findings;
  const lines = text.split('\n');
  const offset = (position: { line: number; character: number }) => lines.slice(0, position.line).join('\n').length + (position.line > 0 ? 1 : 0) + position.character;
  // The fix's edits, applied from the last so that the earlier offsets hold.
  const edits = [...finding!.fixes[0]!.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  const fixed = edits.reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
  return { severity: finding!.severity, message: finding!.message, fixed: fixed.split('---\n')[1] };
}

const jekyll = { '_config.yml': 'title: x\n' };
const hugo = { 'hugo.toml': 'title = "x"\n' };
const eleventy = { 'eleventy.config.js': 'export default function () {}\n' };

describe('a key written twice, as the generator reads it', () => {
  // js-yaml, which these read front matter with, throws "duplicated mapping key".
  it('is an error where the generator stops the build on it', async () => {
    const found = await duplicateKey(eleventy, 'posts/a.md', 'title: A\ntype: post\ntype: post\n');
    assert.deepEqual([found.severity, found.message], ['error', 'Duplicate key "type": Eleventy stops the build on it.']);
  });

  // bitcoincore.org's zh_TW clarification post: `type: post` then `type: posts`; jekyll build 4.3.1 lists it where
  // type == 'posts', so removing the second key would take it off those lists.
  it('is a warning where Jekyll keeps the last value, whose fix removes the first', async () => {
    const found = await duplicateKey(jekyll, '_posts/2016-01-28-a.md', 'title: A\ntype: post\nlang: zh_TW\ntype: posts\n');
    assert.deepEqual(found, { severity: 'warning', message: 'Duplicate key "type": Jekyll keeps only the last value.', fixed: 'title: A\nlang: zh_TW\ntype: posts\n' });
  });

  // Psych keeps the last of three too; removing only the first would leave two values and the warning.
  it('removes every earlier value where Jekyll keeps the last, in one fix', async () => {
    const found = await duplicateKey(jekyll, '_posts/2016-01-28-a.md', 'title: A\ncover: a.png\ndate: 2016-01-28\ncover: a.png\ncover:\n  image: b.png\n', 'warning');
    assert.deepEqual(found, { severity: 'warning', message: 'Duplicate key "cover": Jekyll keeps only the last value.', fixed: 'title: A\ndate: 2016-01-28\ncover:\n  image: b.png\n' });
  });

  // swift.org's 5.6 release post: `published: true` twice; hugo 0.111.3 reads `foo: X` twice as `foo: X`.
  it('is a note where the same value is written twice and the generator keeps one', async () => {
    for (const [files, path, name] of [[jekyll, '_posts/2022-03-14-a.md', 'Jekyll'], [hugo, 'content/posts/a.md', 'Hugo']] as const) {
      const found = await duplicateKey(files, path, 'title: A\npublished: true\ndate: 2022-03-14\npublished: true\n');
      assert.deepEqual(found, { severity: 'info', message: `Duplicate key "published", with the same value: ${name} reads it as if written once.`, fixed: 'title: A\npublished: true\ndate: 2022-03-14\n' });
    }
  });

  it('stays a warning with the second key removed where the generator does neither (Hugo, two values)', async () => {
    const found = await duplicateKey(hugo, 'content/posts/a.md', 'title: A\nfoo: X\nfoo: Y\n');
    assert.deepEqual(found, { severity: 'warning', message: 'Duplicate key "foo": some generators keep only one of the values, others stop the build.', fixed: 'title: A\nfoo: X\n' });
  });
});
