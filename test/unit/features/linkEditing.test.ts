import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService, type PostcraftService, type TextEdit } from '../../../src/core/index';
import { parsePost } from '../../../src/core/post/parsedPost';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { planFragmentEdits, planMoveEdits, planUrlChangeEdits } from '../../../src/core/features/linkUpdates';
import { backlinksTo } from '../../../src/core/features/backlinks';
import type { Site } from '../../../src/core/site/site';
import { atCursor } from '../support/cursor';

const first = '/site/_posts/2024-05-01-first-steps.md';
const second = '/site/_posts/2024-06-01-second.md';
const linking = '/site/_posts/2024-07-01-linking.md';

const linkingText = [
  '---',
  'title: Linking',
  '---',
  'See [the start](/2024/05/01/first-steps.html#setup), {% post_url 2024-05-01-first-steps %},',
  '[beside](2024-05-01-first-steps.md) and {% link _posts/2024-05-01-first-steps.md %}.',
  'Also [second](/2024/06/01/second.html).',
  '',
].join('\n');

async function jekyllSite(extra: Record<string, string> = {}): Promise<{ service: PostcraftService; site: Site }> {
  const fs = inMemorySite({
    '_config.yml': 'title: Blog\n',
    '_posts/2024-05-01-first-steps.md': '---\ntitle: First Steps\n---\n## Setup\n\nText.\n',
    '_posts/2024-06-01-second.md': '---\ntitle: The Second Post\n---\nBack to [first](2024-05-01-first-steps.md).\n',
    '_posts/2024-07-01-linking.md': linkingText,
    ...extra,
  });
  const service = createPostcraftService({ fs });
  const [site] = await service.openWorkspace(['/site']);
  return { service, site: site! };
}

/** The texts after applying edits (on one file each, in any order). */
function applied(text: string, edits: readonly TextEdit[], path: string): string {
  const post = parsePost(path, text);
  const offsets = edits.filter((edit) => edit.file === path).map((edit) => ({ start: post.lines.offsetAt(edit.range.start), end: post.lines.offsetAt(edit.range.end), text: edit.newText }));
  let result = text;
  for (const edit of offsets.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function complete(service: PostcraftService, path: string, source: string) {
  const { text, offset } = atCursor(source);
  return service.completions(path, text, offset);
}

describe('link completion', () => {
  it('offers posts by title, newest first, written as the URL the link starts with', async () => {
    const { service } = await jekyllSite();
    const items = complete(service, linking, '---\ntitle: Linking\n---\nSee [x](/$$CURSOR$$)\n');
    assert.deepEqual(items.map((item) => [item.label, item.insertText, item.detail]), [
      ['The Second Post', '/2024/06/01/second.html', '2024-06-01 · /2024/06/01/second.html'],
      ['First Steps', '/2024/05/01/first-steps.html', '2024-05-01 · /2024/05/01/first-steps.html'],
    ]);
    assert.match(items[1]!.filterText!, /first-steps/);
    assert.deepEqual(items[0]!.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 9 } }, 'the typed destination is replaced');
  });

  it('writes a relative file path after ./ and a post name in post_url', async () => {
    const { service } = await jekyllSite();
    const files = complete(service, linking, '---\ntitle: L\n---\n[x](./$$CURSOR$$)\n');
    assert.equal(files.find((item) => item.label === 'First Steps')?.insertText, './2024-05-01-first-steps.md');
    const names = complete(service, linking, '---\ntitle: L\n---\n{% post_url $$CURSOR$$ %}\n');
    assert.deepEqual(names.map((item) => item.insertText).sort(), ['2024-05-01-first-steps', '2024-06-01-second']);
  });

  it('offers the headings of the page the path names after #', async () => {
    const { service, site } = await jekyllSite();
    const target = site.posts.get(first)!;
    site.updatePost(first, { ...target, anchors: [{ id: 'setup', text: 'Setup', range: { start: 30, end: 35 } }] });
    const items = complete(service, linking, '---\ntitle: L\n---\n[x](/2024/05/01/first-steps.html#se$$CURSOR$$)\n');
    assert.deepEqual(items.map((item) => [item.label, item.insertText, item.kind]), [['Setup', 'setup', 'heading']]);
    assert.deepEqual(items[0]!.range, { start: { line: 3, character: 33 }, end: { line: 3, character: 35 } });
  });

  it('offers nothing in a fenced code block, and image paths after ![', async () => {
    const { service } = await jekyllSite({ 'assets/a.png': 'png' });
    assert.deepEqual(complete(service, linking, '---\ntitle: L\n---\n```\n[x](/$$CURSOR$$)\n```\n'), []);
    assert.ok(complete(service, linking, '---\ntitle: L\n---\n```\ncode\n```\n[x](/$$CURSOR$$)\n').length > 0, 'after the fence closes');
    assert.ok(!complete(service, linking, '---\ntitle: L\n---\n![x]($$CURSOR$$)\n').some((item) => item.kind === 'page'));
  });
});

describe('link navigation', () => {
  it('hovers a link with the target title, date and URL, and goes to its heading', async () => {
    const { service, site } = await jekyllSite();
    const target = site.posts.get(first)!;
    const headingAt = '---\ntitle: First Steps\n---\n## '.length;
    site.updatePost(first, { ...target, anchors: [{ id: 'setup', text: 'Setup', range: { start: headingAt, end: headingAt + 5 } }] });
    const offset = linkingText.indexOf('first-steps.html');
    const hover = service.hover(linking, linkingText, offset);
    assert.match(hover?.markdown ?? '', /\*\*First Steps\*\*\n\n2024-05-01 · `\/2024\/05\/01\/first-steps.html`\n\n§ Setup/);
    const definition = await service.definition(linking, linkingText, offset);
    assert.deepEqual(definition, { path: first, range: { start: { line: 3, character: 3 }, end: { line: 3, character: 8 } } });
    const links = service.documentLinks(linking, linkingText).map((link) => [link.target, link.targetOffset]);
    assert.deepEqual(links.slice(0, 2), [[first, headingAt], [first, undefined]]);
  });
});

describe('link updates', () => {
  it('a renamed post: URL, post_url, file and link-tag forms all follow, the fragment stays', async () => {
    const { site, service } = await jekyllSite();
    const edits = await service.planMove([{ from: first, to: '/site/_posts/2024-05-01-getting-started.md' }]);
    assert.equal(
      applied(linkingText, edits, linking),
      linkingText
        .replace('/2024/05/01/first-steps.html#setup', '/2024/05/01/getting-started.html#setup')
        .replace('post_url 2024-05-01-first-steps', 'post_url 2024-05-01-getting-started')
        .replace('(2024-05-01-first-steps.md)', '(2024-05-01-getting-started.md)')
        .replace('link _posts/2024-05-01-first-steps.md', 'link _posts/2024-05-01-getting-started.md'),
    );
    assert.deepEqual(new Set(edits.map((edit) => edit.file)), new Set([linking, second]));
    assert.ok(site.posts.has(first), 'planning changes nothing');
  });

  it('a post moved to another folder re-relativizes its own file links', async () => {
    const { service } = await jekyllSite();
    const edits = await service.planMove([{ from: second, to: '/site/_posts/2024/2024-06-01-second.md' }]);
    const own = edits.filter((edit) => edit.file === second);
    assert.deepEqual(own.map((edit) => edit.newText), ['../2024-05-01-first-steps.md']);
  });

  it('a moved folder updates links to every post in it', async () => {
    const { site, service } = await jekyllSite({ 'notes/_posts/2024-01-01-note.md': '---\ntitle: Note\n---\n' });
    const linkingNote = '---\ntitle: L\n---\n[n](/notes/2024/01/01/note.html) {% post_url 2024-01-01-note %}\n';
    const sources = [parsePost(linking, linkingNote), parsePost('/site/notes/_posts/2024-01-01-note.md', '---\ntitle: Note\n---\n')];
    const edits = planMoveEdits(site, [{ from: '/site/notes', to: '/site/journal' }], sources);
    assert.equal(applied(linkingNote, edits, linking), linkingNote.replace('/notes/2024', '/journal/2024'));
    assert.ok(service);
  });

  it('a changed URL updates URL links only', async () => {
    const { site } = await jekyllSite();
    const sources = [parsePost(linking, linkingText)];
    const edits = planUrlChangeEdits(site, first, '/2024/05/01/first-steps.html', '/start/', sources);
    assert.equal(applied(linkingText, edits, linking), linkingText.replace('/2024/05/01/first-steps.html#setup', '/start/#setup'));
  });

  it('a renamed heading updates every fragment that named it, on that page only', async () => {
    const { site } = await jekyllSite();
    const text = '---\ntitle: L\n---\n[a](/2024/05/01/first-steps.html#setup) [b](/2024/06/01/second.html#setup)\n';
    const edits = planFragmentEdits(site, first, 'setup', 'installing', [parsePost(linking, text)]);
    assert.equal(applied(text, edits, linking), text.replace('first-steps.html#setup', 'first-steps.html#installing'));
  });
});

describe('backlinks', () => {
  it('lists each link to a post with its line', async () => {
    const { site, service } = await jekyllSite();
    const sources = [parsePost(linking, linkingText), parsePost(second, '---\ntitle: The Second Post\n---\nBack to [first](2024-05-01-first-steps.md).\n')];
    const backlinks = backlinksTo(site, first, sources);
    assert.deepEqual(backlinks.map((backlink) => [backlink.from, backlink.range.start.line, backlink.raw]), [
      [linking, 3, '/2024/05/01/first-steps.html#setup'],
      [linking, 3, '2024-05-01-first-steps'],
      [linking, 4, '2024-05-01-first-steps.md'],
      [linking, 4, '_posts/2024-05-01-first-steps.md'],
      [second, 3, '2024-05-01-first-steps.md'],
    ]);
    assert.equal((await service.backlinks(first)).length, 5, 'the service reads the posts itself');
  });
});

describe('links on a Hugo site', () => {
  const firstPost = '/site/content/blog/first.md';
  const otherPost = '/site/content/blog/other.md';
  const firstText = '---\ntitle: First\ndate: 2024-05-01\n---\n## Setup\n\nSee [below](#setup).\n';
  const otherText = [
    '---',
    'title: Other',
    'date: 2024-06-01',
    '---',
    '[a](/blog/first/#setup) {{< ref "blog/first.md" >}} {{< relref "/blog/first" >}} {{< ref "first.md#setup" >}}',
    '',
  ].join('\n');

  async function hugoSite(): Promise<PostcraftService> {
    const fs = inMemorySite({ 'hugo.toml': 'title = "Blog"\n', 'content/blog/first.md': firstText, 'content/blog/other.md': otherText });
    const service = createPostcraftService({ fs });
    await service.openWorkspace(['/site']);
    return service;
  }

  it('a renamed post: URL and ref links follow in the writer\'s style, and the old URL becomes an alias', async () => {
    const service = await hugoSite();
    const edits = await service.planMove([{ from: firstPost, to: '/site/content/blog/getting-started.md' }], { addAliases: true });
    assert.equal(
      applied(otherText, edits, otherPost),
      '---\ntitle: Other\ndate: 2024-06-01\n---\n[a](/blog/getting-started/#setup) {{< ref "blog/getting-started.md" >}} {{< relref "/blog/getting-started" >}} {{< ref "blog/getting-started.md#setup" >}}\n',
    );
    assert.equal(applied(firstText, edits, firstPost), firstText.replace('date: 2024-05-01\n', 'date: 2024-05-01\naliases: ["/blog/first/"]\n'));
  });

  it('a post whose slug fixes its URL keeps its URL links when its file is renamed', async () => {
    const fs = inMemorySite({ 'hugo.toml': '', 'content/blog/first.md': '---\ntitle: First\nslug: start\n---\n', 'content/blog/other.md': '---\ntitle: O\n---\n[a](/blog/start/) [b]({{< ref "blog/first.md" >}})\n' });
    const service = createPostcraftService({ fs });
    await service.openWorkspace(['/site']);
    const edits = await service.planMove([{ from: firstPost, to: '/site/content/blog/renamed.md' }], { addAliases: true });
    assert.deepEqual(edits.map((edit) => edit.newText), ['blog/renamed.md']);
  });

  it('a changed slug updates the URL links to the post', async () => {
    const service = await hugoSite();
    const edits = await service.planUrlChange(firstPost, firstText, firstText.replace('date: 2024-05-01', 'date: 2024-05-01\nslug: begin'));
    assert.equal(applied(otherText, edits, otherPost), otherText.replace('/blog/first/#setup', '/blog/begin/#setup'));
  });

  it('F2 on a heading renames its fragments across the site and in the post itself', async () => {
    const service = await hugoSite();
    const onHeading = firstText.indexOf('Setup') + 2;
    assert.equal(service.headingToRename(firstPost, firstText, firstText.indexOf('See'))?.text, undefined, 'only a heading can be renamed');
    assert.equal(service.headingToRename(firstPost, firstText, onHeading)?.text, 'Setup');
    const edits = await service.planHeadingRename(firstPost, firstText, onHeading, 'Installing It');
    assert.equal(applied(firstText, edits, firstPost), firstText.replace('## Setup', '## Installing It').replace('(#setup)', '(#installing-it)'));
    assert.equal(applied(otherText, edits, otherPost), otherText.replace('/blog/first/#setup', '/blog/first/#installing-it').replace('first.md#setup', 'first.md#installing-it'));
  });

  it('completes this page\'s headings after # alone', async () => {
    const service = await hugoSite();
    const { text, offset } = atCursor(firstText.replace('(#setup)', () => '(#$$CURSOR$$)'));
    assert.deepEqual(service.completions(firstPost, text, offset).map((item) => [item.label, item.insertText]), [['Setup', 'setup']]);
  });
});
