import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../../src/core/index';
import { InMemoryFileSystem } from '../../../src/core/host/inMemoryFileSystem';

// The site of a hugo 0.111 build (`hugo list all` and `hugo -d`): a.md and b.md are both written to
// /2024/05/same/ (b wins), h.md and i.md to /hh/ (i wins), about.md and blog/_index.md to /blog/ (the
// list wins); j's aliases /hh/ and /k/ are not written (the pages are). Near-misses built apart: c (another month), d (French, under /fr/), e (a draft) and f,
// g (an alias to itself).
const page = (front: string) => `---\n${front}\n---\nText.\n`;
const hugoFiles = {
  'hugo.toml': 'baseURL = "https://x.org/"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[permalinks]\nposts = "/:year/:month/:slug/"\n',
  'content/posts/a.md': page('title: A\ndate: 2024-05-01\nslug: same'),
  'content/posts/b.md': page('title: B\ndate: 2024-05-20\nslug: same'),
  'content/posts/c.md': page('title: C\ndate: 2024-06-01\nslug: same'),
  'content/posts/d.fr.md': page('title: D\ndate: 2024-05-01\nslug: same'),
  'content/posts/e.md': page('title: E\ndate: 2024-05-02\nslug: same2\ndraft: true'),
  'content/posts/f.md': page('title: F\ndate: 2024-05-03\nslug: same2'),
  'content/blog/_index.md': page('title: Blog'),
  'content/about.md': page('title: About\nurl: /blog/'),
  'content/g.md': page('title: G\naliases: [/g/]'),
  'content/h.md': page('title: H\nurl: /hh/'),
  'content/i.md': page('title: I\nurl: /hh/'),
  'content/j.md': page('title: J\naliases: [/hh/, /k/]'),
  'content/k.md': page('title: K'),
  // The same alias in two languages: hugo 0.111 writes the French redirect over the English one, current
  // Hugo writes it under /fr/: not reported.
  'content/l.md': page('title: L\naliases: [/old-l/]'),
  'content/l.fr.md': page('title: L\naliases: [/old-l/]'),
  // hugo 0.111.3 writes the alias old.html to old.html and the alias old to old/index.html: two redirects.
  'content/m.md': page('title: M\naliases: [old.html]'),
  'content/n.md': page('title: N\naliases: [old]'),
  // pothix.github.com's articles.md and book.md both alias writing.html and writing: each file written once, of two.
  'content/r.md': page('title: R\naliases: [w.html, w]'),
  'content/s.md': page('title: S\naliases: [w.html, w]'),
};

async function findingsBySite(files: Record<string, string>) {
  const fs = new InMemoryFileSystem('/site', files);
  const service = createPostcraftService({ fs, checksAfterOpening: () => true });
  const [site] = await service.openWorkspace(['/site']);
  const all = (await service.checkSite(site!)).filter((finding) => finding.code === 'duplicate-url');
  return { service, all, list: all.map((finding) => [finding.file.slice('/site/'.length), finding.severity, files[finding.file.slice('/site/'.length)]!.split('\n')[finding.range.start.line]!.slice(finding.range.start.character, finding.range.end.character)]) };
}

describe('duplicate-url', () => {
  it('reports the pages hugo writes to one URL, and not those it builds apart', async () => {
    const { list } = await findingsBySite(hugoFiles);
    assert.deepEqual(list.sort(), [
      ['content/about.md', 'error', '/blog/'],
      ['content/blog/_index.md', 'error', '---'],
      ['content/h.md', 'error', '/hh/'],
      ['content/i.md', 'error', '/hh/'],
      ['content/j.md', 'warning', '/hh/'],
      ['content/j.md', 'warning', '/k/'],
      ['content/posts/a.md', 'error', 'same'],
      ['content/posts/b.md', 'error', 'same'],
      ['content/r.md', 'warning', 'w'],
      ['content/r.md', 'warning', 'w.html'],
      ['content/s.md', 'warning', 'w'],
      ['content/s.md', 'warning', 'w.html'],
    ].sort());
  });

  it('names the redirect file an alias writes', async () => {
    const { all } = await findingsBySite(hugoFiles);
    assert.deepEqual(all.filter((finding) => finding.file === '/site/content/r.md').map((finding) => finding.message), [
      'The alias /w.html is an alias of "content/s.md" too: only one of the two redirects is written.',
      'The alias /w/ is an alias of "content/s.md" too: only one of the two redirects is written.',
    ]);
  });

  // hugo 0.111.3 writes the live page at /same/ whichever of the two is expired, and with `buildExpired` the two collide.
  it('takes an expired page (Hugo) for one not built: it collides with nothing, unless the config builds expired pages', async () => {
    const files = { 'hugo.toml': 'baseURL = "https://x.org/"\n', 'content/posts/a.md': page('title: A\nurl: /same/\nexpiryDate: 2001-01-01'), 'content/posts/z.md': page('title: Z\nurl: /same/') };
    assert.deepEqual((await findingsBySite(files)).list, []);
    const buildsExpired = { ...files, 'hugo.toml': 'baseURL = "https://x.org/"\nbuildExpired = true\n' };
    assert.deepEqual((await findingsBySite(buildsExpired)).list.sort(), [['content/posts/a.md', 'error', '/same/'], ['content/posts/z.md', 'error', '/same/']]);
  });

  it('links to the other page and offers a free slug, checked with the permalink rule', async () => {
    const { all } = await findingsBySite(hugoFiles);
    const a = all.find((finding) => finding.file === '/site/content/posts/a.md')!;
    assert.match(a.message, /"content\/posts\/b.md" build to the same URL \/2024\/05\/same\//);
    assert.deepEqual(a.related?.map((related) => related.file), ['/site/content/posts/b.md']);
    assert.deepEqual(a.fixes[0]!.title, 'Change slug to "same-2" (/2024/05/same-2/)');
    assert.deepEqual(a.fixes[0]!.edits[0]!.newText, 'same-2');
  });

  it('is the same post by post as in a whole-site check, and gone once the other page is a draft', async () => {
    const { service, all } = await findingsBySite(hugoFiles);
    assert.deepEqual(await service.checkFile('/site/content/posts/a.md').then((findings) => findings.filter((finding) => finding.code === 'duplicate-url')), all.filter((finding) => finding.file === '/site/content/posts/a.md'));
    const fs = new InMemoryFileSystem('/site', { ...hugoFiles, 'content/posts/b.md': page('title: B\ndate: 2024-05-20\nslug: same\ndraft: true') });
    const fresh = createPostcraftService({ fs });
    await fresh.openWorkspace(['/site']);
    assert.deepEqual((await fresh.checkFile('/site/content/posts/a.md')).filter((finding) => finding.code === 'duplicate-url'), []);
  });

  it('adds a slug where a Jekyll post sets none: two posts of one day and name in two folders', async () => {
    const files = {
      '_config.yml': 'permalink: /:year/:month/:day/:title/\n',
      '_posts/2024-05-01-hello.md': page('title: Hello'),
      'blog/_posts/2024-05-01-hello.md': page('title: Hello again'),
    };
    const { all } = await findingsBySite(files);
    assert.deepEqual(all.map((finding) => finding.file).sort(), ['/site/_posts/2024-05-01-hello.md', '/site/blog/_posts/2024-05-01-hello.md']);
    assert.deepEqual(all[0]!.fixes[0]!.edits[0]!.newText, 'slug: hello-2\n');
  });

  it('takes a Docusaurus translation for the default locale for the page it replaces, not a second page', async () => {
    const files = {
      'docusaurus.config.js': "module.exports = { title: 'T', url: 'https://x.org', baseUrl: '/', i18n: { defaultLocale: 'en', locales: ['en', 'fr'] } };\n",
      'blog/2026-03-11-notes.md': page('title: Notes\nslug: notes'),
      'i18n/en/docusaurus-plugin-content-blog/2026-03-11-notes.md': page('title: Notes\nslug: notes'),
      'blog/2026-03-12-other.md': page('title: Other\nslug: notes'),
    };
    const { all } = await findingsBySite(files);
    assert.deepEqual(all.map((finding) => finding.file.slice('/site/'.length)).sort(), ['blog/2026-03-11-notes.md', 'blog/2026-03-12-other.md', 'i18n/en/docusaurus-plugin-content-blog/2026-03-11-notes.md']);
    assert.match(all.find((finding) => finding.file.endsWith('/blog/2026-03-11-notes.md'))!.message, /^This page and "blog\/2026-03-12-other.md" build/);
  });
});
