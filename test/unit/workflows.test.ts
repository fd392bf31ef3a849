import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService, noCancellation } from '../../src/core/index';
import { addListValue } from '../../src/core/features/frontmatterEdits';
import { evaluateArchetype, formatGoTime } from '../../src/core/features/goTemplate';
import { placeImage, planImageInsertion } from '../../src/core/features/imagePlacement';
import { planNewPost } from '../../src/core/features/newPost';
import { planTagRename } from '../../src/core/features/renameTag';
import { tagClusters } from '../../src/core/features/tagClusters';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { parsePost } from '../../src/core/post/parsedPost';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const date = new Date(2024, 4, 9, 8, 30, 0);

function apply(text: string, edit: { range: { start: number; end: number }; newText: string } | undefined): string {
  assert.ok(edit, 'expected an edit');
  return text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
}

async function openSite(files: Record<string, string | Uint8Array>) {
  const fs = inMemorySite(files);
  const service = createPostcraftService({ fs });
  const [site] = await service.openWorkspace(['/site']);
  return { fs, service, site: site! };
}

describe('Hugo archetype expressions', () => {
  it('fills in the date, name and title the way hugo new does', () => {
    const template = '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\nslug: "{{ .Name }}"\nfolder: blog/{{ now.Format "2006/01" }}\nkeep: {{ .Site.Params.x }}\n---\n';
    const out = evaluateArchetype(template, { name: 'my-post', title: 'My Post', date });
    assert.match(out, /^title: "My Post"$/m);
    assert.match(out, /^date: 2024-05-09T08:30:00[+-]\d\d:\d\d$/m);
    assert.match(out, /^slug: "my-post"$/m);
    assert.match(out, /^folder: blog\/2024\/05$/m);
    assert.match(out, /^keep: \{\{ \.Site\.Params\.x \}\}$/m, 'unknown expressions are left for the writer to see');
  });

  it("formats Go reference-time layouts", () => {
    assert.equal(formatGoTime(date, 'Jan 2, 2006 at 15:04'), 'May 9, 2024 at 08:30');
    assert.equal(formatGoTime(date, '2006-01-02'), '2024-05-09');
  });
});

describe('new post', () => {
  it('follows a Hugo site that files posts by year, using the section archetype', async () => {
    const { fs, site } = await openSite({
      'hugo.toml': '',
      'archetypes/blog.md': '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: "{{ .Date }}"\ndraft: true\n---\n',
      'content/blog/2023/a.md': '---\ntitle: A\n---\n',
      'content/blog/2023/b.md': '---\ntitle: B\n---\n',
      'content/blog/_index.md': '---\ntitle: Blog\n---\n',
    });
    const plan = await planNewPost(fs, site, { title: 'Hello, "World" Again', date });
    assert.equal(plan.path, '/site/content/blog/2024/hello-world-again.md');
    assert.match(plan.content, /^title: "Hello, \\"World\\" Again"$/m);
    assert.equal(plan.template, 'archetypes/blog.md');
    assert.equal(plan.content.slice(plan.cursorOffset - 5, plan.cursorOffset), '---\n\n');
  });

  it('makes a page bundle where the section is made of bundles, from the default archetype', async () => {
    const { fs, site } = await openSite({ 'hugo.toml': '', 'archetypes/default.md': '+++\ntitle = "{{ .Title }}"\n+++\n', 'content/posts/a/index.md': '', 'content/posts/b/index.md': '' });
    const plan = await planNewPost(fs, site, { title: 'Third', date });
    assert.equal(plan.path, '/site/content/posts/third/index.md');
    assert.equal(plan.content, '+++\ntitle = "Third"\n+++\n\n');
  });

  it('names Jekyll posts _posts/YYYY-MM-DD-slug.md with a layout and a date', async () => {
    const { fs, site } = await openSite({ '_config.yml': 'title: x\n', '_posts/2023-01-01-a.md': '---\ntitle: A\n---\n' });
    const plan = await planNewPost(fs, site, { title: 'Ünïcode Títle', date });
    assert.equal(plan.path, '/site/_posts/2024-05-09-ünïcode-títle.md'); // Jekyll's Utils.slugify keeps the letters
    assert.match(plan.content, /^layout: post$/m);
    assert.match(plan.content, /^date: 2024-05-09 08:30:00 [+-]\d{4}$/m);
  });
});

describe('adding a value to a frontmatter list keeps the rest byte for byte', () => {
  const cases: [string, string, string][] = [
    ['flow list', '---\ntags: ["a", "b"] # keep\n---\n', '---\ntags: ["a", "b", "c d"] # keep\n---\n'],
    ['empty flow list', '---\ntags: []\n---\n', '---\ntags: [c d]\n---\n'],
    ['block list', '---\ntags:\n  - a\n  - b\nnext: 1\n---\n', '---\ntags:\n  - a\n  - b\n  - c d\nnext: 1\n---\n'],
    ['single value', '---\ntags: a\n---\n', '---\ntags: [a, c d]\n---\n'],
    ['missing key', '---\ntitle: x\n---\nbody', '---\ntitle: x\ntags: [c d]\n---\nbody'],
    ['TOML', '+++\ntags = ["a"]\n+++\n', '+++\ntags = ["a", "c d"]\n+++\n'],
    ['CRLF block list', '---\r\ntags:\r\n- a\r\n---\r\n', '---\r\ntags:\r\n- a\r\n- c d\r\n---\r\n'],
  ];
  for (const [name, before, after] of cases) {
    it(name, () => assert.equal(apply(before, addListValue(parsePost('/p.md', before), 'tags', 'c d')), after));
  }
});

describe('renaming a tag across the site', () => {
  it('edits exactly the tag values, in every style and taxonomy, and nothing else', async () => {
    const { fs, site } = await openSite({
      'hugo.toml': '[taxonomies]\ntag = "tags"\ncategory = "categories"\n',
      'content/a.md': '---\ntitle: k8s and more # k8s\ntags: ["k8s", go]\ncategories:\n  - k8s\n---\nk8s in the body\n',
      'content/b.md': "+++\ntags = ['k8s']\n+++\n",
      'content/c.md': '---\ntags: [go]\n---\n',
    });
    const edits = await planTagRename(fs, site, 'k8s', 'kubernetes', () => undefined, noCancellation);
    assert.deepEqual(edits.map((edit) => [edit.file, edit.range.start.line, edit.range.start.character, edit.range.end.character, edit.newText]), [
      ['/site/content/a.md', 2, 8, 11, 'kubernetes'],
      ['/site/content/a.md', 4, 4, 7, 'kubernetes'],
      ['/site/content/b.md', 1, 9, 12, 'kubernetes'],
    ]);
  });

  it('uses the text of an open editor over the saved file', async () => {
    const { fs, site } = await openSite({ 'hugo.toml': '', 'content/a.md': '---\ntags: [k8s]\n---\n' });
    const edits = await planTagRename(fs, site, 'k8s', 'kubernetes', (path) => (path === '/site/content/a.md' ? '---\n\ntags: [go, k8s]\n---\n' : undefined), noCancellation);
    assert.deepEqual(edits.map((edit) => [edit.range.start.line, edit.range.start.character]), [[2, 11]]);
  });
});

describe('tag hygiene', () => {
  it('groups case, separator and plural variants with typos of a common tag, most used first', async () => {
    const files: Record<string, string> = { 'hugo.toml': '' };
    const posts = [['kubernetes'], ['kubernetes'], ['kubernetes'], ['Kubernetes'], ['kuberentes'], ['open-source'], ['open source'], ['go'], ['web2'], ['web3'], ['web3']];
    posts.forEach((tags, index) => (files[`content/p${index}.md`] = `---\ntags: [${tags.map((tag) => JSON.stringify(tag)).join(', ')}]\n---\n`));
    const { site } = await openSite(files);
    assert.deepEqual(
      tagClusters(site).map((cluster) => [cluster.canonical.tag, cluster.variants.map((variant) => variant.tag)]),
      [['kubernetes', ['kuberentes', 'Kubernetes']], ['open source', ['open-source']]],
    );
  });
});

describe('where a new image goes', () => {
  it('beside a page bundle', async () => {
    const { site } = await openSite({ 'hugo.toml': '', 'content/posts/a/index.md': '' });
    assert.deepEqual(placeImage(site, '/site/content/posts/a/index.md', 'My Photo.png', date), { destination: '/site/content/posts/a/My-Photo.png', reference: 'My-Photo.png' });
  });

  it('under assets/<section>/YYYY/MM when the Hugo site keeps dated images there', async () => {
    const { site } = await openSite({ 'hugo.toml': '', 'content/blog/2023/a.md': '', 'assets/blog/2023/06/x.png': png });
    assert.deepEqual(placeImage(site, '/site/content/blog/2023/a.md', 'new.png', date), { destination: '/site/assets/blog/2024/05/new.png', reference: 'blog/2024/05/new.png' });
  });

  it('in /assets/images for Jekyll', async () => {
    const { site } = await openSite({ '_config.yml': 'baseurl: /blog\n', '_posts/2024-01-01-a.md': '' });
    assert.deepEqual(placeImage(site, '/site/_posts/2024-01-01-a.md', 'a.png', date), { destination: '/site/assets/images/a.png', reference: '/blog/assets/images/a.png' });
  });
});

describe('an image dropped or pasted into a post', () => {
  it('is referred to where it is when the site already resolves it from the post', async () => {
    const { site } = await openSite({ 'hugo.toml': '', 'content/posts/a.md': '', 'static/images/team.png': png });
    assert.deepEqual(planImageInsertion(site, '/site/content/posts/a.md', { name: 'team.png', path: '/site/static/images/team.png' }, new Set(), date), { reference: '/images/team.png' });
  });

  it('is copied where new images go when it lies outside the site, or where the post cannot refer to it', async () => {
    const { site } = await openSite({ 'hugo.toml': '', 'content/posts/a/index.md': '', 'content/posts/b/index.md': '', 'content/posts/b/shot.png': png });
    assert.deepEqual(planImageInsertion(site, '/site/content/posts/a/index.md', { name: 'photo.png', path: '/home/me/Pictures/photo.png' }, new Set(), date), { reference: 'photo.png', copyTo: '/site/content/posts/a/photo.png' });
    assert.deepEqual(planImageInsertion(site, '/site/content/posts/a/index.md', { name: 'shot.png', path: '/site/content/posts/b/shot.png' }, new Set(), date), { reference: 'shot.png', copyTo: '/site/content/posts/a/shot.png' });
  });

  it('gets a name no file has when pasted, and never overwrites one', async () => {
    const { site } = await openSite({ 'hugo.toml': '', 'content/posts/a/index.md': '', 'content/posts/a/image.png': png });
    const first = planImageInsertion(site, '/site/content/posts/a/index.md', { name: 'image.png' }, new Set(), date);
    assert.deepEqual(first, { reference: 'image-1.png', copyTo: '/site/content/posts/a/image-1.png' });
    const second = planImageInsertion(site, '/site/content/posts/a/index.md', { name: 'image.png' }, new Set([first!.copyTo!]), date);
    assert.deepEqual(second, { reference: 'image-2.png', copyTo: '/site/content/posts/a/image-2.png' });
  });

  it('takes a name in other letter case as taken: on macOS and Windows it is the same file', async () => {
    const { site } = await openSite({ 'hugo.toml': '', 'content/posts/a/index.md': '', 'content/posts/a/Photo.png': png });
    assert.deepEqual(planImageInsertion(site, '/site/content/posts/a/index.md', { name: 'photo.png' }, new Set(), date), { reference: 'photo-1.png', copyTo: '/site/content/posts/a/photo-1.png' });
  });
});

describe('the index follows the disk', () => {
  it('forgets everything in a deleted folder: its images are missing, its posts and their tags gone', async () => {
    const aText = '---\ntitle: A\ntags: [kept]\n---\n![x](/gallery/one.png)\n';
    const { fs, service, site } = await openSite({
      'hugo.toml': '',
      'content/posts/a.md': aText,
      'content/posts/old/index.md': '---\ntitle: Old\ntags: [retired]\n---\n',
      'static/gallery/one.png': png,
    });
    assert.deepEqual(service.checkText('/site/content/posts/a.md', aText).map((finding) => finding.code), []);
    fs.delete('static/gallery/one.png');
    fs.delete('content/posts/old/index.md');
    await service.fileChanged('/site/static/gallery', 'deleted');
    await service.fileChanged('/site/content/posts/old', 'deleted');
    assert.deepEqual(service.checkText('/site/content/posts/a.md', aText).map((finding) => finding.code), ['broken-image']);
    assert.equal(site.posts.has('/site/content/posts/old/index.md'), false);
    assert.equal(site.tags.count('retired'), 0);
    assert.equal(site.tags.count('kept'), 1);
  });
});
