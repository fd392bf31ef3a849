// The comparison on its own, without a generator: a made-up build against Postcraft's model of a small
// real site, so every kind of disagreement is shown to fail (and agreement to pass).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { comparePages, describeDisagreements } from './support/compare';
import type { GeneratorBuild, GeneratorPage } from './support/generatorPages';
import { postcraftModel } from './support/postcraftModel';

const root = mkdtempSync(join(tmpdir(), 'postcraft-oracle-compare-'));
after(() => rmSync(root, { recursive: true, force: true }));

const files: Record<string, string> = {
  'hugo.toml': 'title = "x"\n',
  'content/posts/a.md': '---\ntitle: A\ntags: [go]\n---\n',
  'content/posts/b.md': '---\ntitle: B\ndate: "June 5th, 2024"\n---\n',
  'content/posts/c.md': '---\ntitle: C\n---\n',
  'content/posts/e.md': '---\ntitle: E\n---\n\nSee {{< ref "nowhere.md" >}}.\n',
  'content/posts/f.md': '---\ntitle: F\n---\n\nSee {{< ref "a.md" >}}.\n',
};
for (const [file, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

function page(file: string, fields: Partial<GeneratorPage> = {}): GeneratorPage {
  return { file, kind: 'page', language: 'en', title: '', derivesTitle: false, date: undefined, draft: false, droppedDates: [], tags: [], authors: [], ...fields };
}

function build(pages: GeneratorPage[], rejected: GeneratorBuild['rejected'] = []): GeneratorBuild {
  return { generator: 'hugo', pages, rejected, languages: [] };
}

describe('the oracle comparison', () => {
  it('agrees where the generator made the same pages (a date it dropped is one Postcraft reports)', async () => {
    const agreeing = build(
      [page('content/posts/a.md', { title: 'A', tags: ['go'] }), page('content/posts/b.md', { title: 'B', droppedDates: ['date'] }), page('content/posts/c.md', { title: 'C' }), page('content/posts/f.md', { title: 'F' })],
      [{ file: 'content/posts/e.md', message: 'REF_NOT_FOUND: Ref "nowhere.md": "content/posts/e.md:5:5": page not found' }],
    );
    const comparison = comparePages(agreeing, await postcraftModel(root));
    assert.equal(describeDisagreements(comparison), '');
    assert.deepEqual(comparison.agreed, ['content/posts/a.md', 'content/posts/b.md', 'content/posts/c.md', 'content/posts/f.md']);
  });

  it('names each kind of disagreement', async () => {
    const differing = build(
      [page('content/posts/a.md', { title: 'Other', tags: ['go', 'rust'] }), page('content/posts/b.md', { title: 'B' }), page('content/posts/d.md', { title: 'D' }), page('content/posts/f.md', { title: 'F' })],
      [{ file: 'content/posts/c.md', message: 'failed to unmarshal YAML' }, { file: 'content/posts/e.md', message: 'REF_NOT_FOUND: Ref "nowhere.md": page not found' }],
    );
    const lines = describeDisagreements(comparePages(differing, await postcraftModel(root))).split('\n');
    assert.deepEqual(lines.slice(0, 4), [
      '- content/posts/d.md: a Hugo page (page) that Postcraft does not check',
      '~ content/posts/a.md: title is "Other" to Hugo, "A" to Postcraft',
      '~ content/posts/a.md: tags is ["go","rust"] to Hugo, ["go"] to Postcraft',
      '! content/posts/c.md: Hugo refuses it (failed to unmarshal YAML), Postcraft reports no error',
    ]);
    assert.match(lines[4] ?? '', /^! content\/posts\/b\.md: Hugo builds it, but Postcraft reports schema at line 3: "date"/);
    assert.equal(lines.length, 5);
  });

  it('holds a ref the generator refuses to a broken-link error, and one it builds to none', async () => {
    const swapped = build(
      [page('content/posts/a.md', { title: 'A', tags: ['go'] }), page('content/posts/b.md', { title: 'B', droppedDates: ['date'] }), page('content/posts/c.md', { title: 'C' }), page('content/posts/e.md', { title: 'E' })],
      [{ file: 'content/posts/f.md', message: 'REF_NOT_FOUND: Ref "a.md": page not found' }],
    );
    const lines = describeDisagreements(comparePages(swapped, await postcraftModel(root))).split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^! content\/posts\/f\.md: Hugo refuses a template link in it \(REF_NOT_FOUND/);
    assert.match(lines[1]!, /^! content\/posts\/e\.md: Hugo builds it, but Postcraft reports line 5: No page or file at "nowhere\.md"/);
  });

  it('reports a build that failed as such, and nothing else', async () => {
    const comparison = comparePages({ ...build([]), failure: 'Error: boom' }, await postcraftModel(root));
    assert.equal(describeDisagreements(comparison), 'Hugo could not build the site:\n  Error: boom');
  });
});
