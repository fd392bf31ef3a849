import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../../src/core/index';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { frontmatterSchemas } from '../../../src/core/schema/frontmatterSchema';

async function check(files: Record<string, string>, post: string, text: string) {
  const service = createPostcraftService({ fs: inMemorySite(files) });
  await service.openWorkspace(['/site']);
  return service.checkText(`/site/${post}`, text).map((finding) => `${finding.severity} ${finding.message}`);
}

describe('Frontmatter schema messages', () => {
  it('never gives zod’s own words ("Invalid input", "Invalid string…"): every key of every generator says what it expected', () => {
    const wrongValues: unknown[] = [null, 123, true, { a: 1 }, [{ a: 1 }], 'nope', [null], [[1]], new Date(Number.NaN)];
    const zodWords: string[] = [];
    for (const [generator, schema] of Object.entries(frontmatterSchemas)) {
      const keys = Object.keys((schema as unknown as { _zod: { def: { shape: object } } })._zod.def.shape);
      assert.ok(keys.length > 3, generator);
      for (const key of keys) {
        for (const value of wrongValues) {
          const result = schema.safeParse({ [key]: value });
          for (const issue of result.success ? [] : result.error.issues) if (/^Invalid\b/.test(issue.message)) zodWords.push(`${generator}.${key}: ${issue.message}`);
        }
      }
    }
    assert.deepEqual(zodWords, []);
  });

  it('takes a key with no value as Hugo 0.111 does (title, date, draft, weight: none), and as Jekyll 4.3 does (title: none; date: the build stops)', async () => {
    // No type error; but an empty title is no title (hugo 0.111.3 gives the page an empty one), as a missing one is.
    const hugoPost = '---\ntitle:\ndate:\ndraft:\nweight:\n---\nText\n';
    assert.deepEqual(await check({ 'hugo.toml': '' }, 'content/posts/a.md', hugoPost), ['warning "title" is empty: the page gets no title.']);
    assert.deepEqual(await check({ 'hugo.toml': '' }, 'content/posts/a.md', '---\ntitle: ""\n---\nText\n'), ['warning "title" is empty: the page gets no title.']);
    const jekyllPost = '---\ntitle:\ndate:\n---\nText\n';
    assert.deepEqual(await check({ '_config.yml': 'title: x\n' }, '_posts/2024-01-02-a.md', jekyllPost), [
      'error "date": not a date the generator can read; write it as 2024-06-05 or 2024-06-05T09:30:00+02:00.',
    ]);
  });

  // Hugo's default archetype titles a new page from its file name: `{{ replace .File.ContentBaseName "-" " " | title }}`.
  it('adds a missing title made from the file name, which an empty one would not be', async () => {
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': '' }) });
    await service.openWorkspace(['/site']);
    const titleFix = (post: string, text: string) => service.checkText(`/site/${post}`, text).flatMap((finding) => finding.fixes ?? []).find((fix) => fix.title === 'Add "title"')?.edits[0]?.newText;
    assert.equal(titleFix('content/posts/2024-01-02-my-first-post.md', '---\ndraft: false\n---\nText\n'), 'title: "My First Post"\n');
    assert.equal(titleFix('content/posts/a-bundle/index.md', '+++\ndraft = false\n+++\nText\n'), 'title = "A Bundle"\n');
  });

  // hugo 0.111.3 lists weights '' → 0, "3" → 3, "3.0" → 3, "abc" → 0 (spf13/cast ToInt): only the word is a weight lost.
  it('takes a Hugo weight as a number, a numeric string or an empty string (a CMS’s empty field), and says so of a word', async () => {
    const weight = (value: string) => check({ 'hugo.toml': '' }, 'content/posts/a.md', `---\ntitle: A\nweight: ${value}\n---\nText\n`);
    for (const value of ["''", '"3"', '"3.0"', '-2', '1.5']) assert.deepEqual(await weight(value), [], value);
    assert.deepEqual(await weight('"abc"'), ['warning "weight": expected a number.']);
  });

  it('says what a title should be when it is a list', async () => {
    assert.deepEqual(await check({ 'hugo.toml': '' }, 'content/posts/a.md', '---\ntitle: [a, b]\n---\nText\n'), ['warning "title": expected the title as text; a list or table shows as no title.']);
  });
});
