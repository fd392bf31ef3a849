import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService, formatMessage, wordsAndReadingTime, type PostcraftService } from '../../../src/core/index';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { countWords } from '../../../src/core/site/seoFacts';

async function hugoSite(files: Record<string, string> = {}): Promise<PostcraftService> {
  const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': 'title = "Blog"\n', ...files }) });
  await service.openWorkspace(['/site']);
  return service;
}

const post = '/site/content/posts/my-first-post.md';

describe('SEO facts', () => {
  it('measure title, description and slug in characters against Front Matter CMS limits', async () => {
    const service = await hugoSite();
    const facts = service.seoFacts(post, '---\ntitle: "Ünïcödé title"\ndescription: A short one.\n---\nBody.\n')!;
    assert.deepEqual([facts.title?.length, facts.title?.limit, facts.description?.length, facts.description?.limit], [13, 60, 12, 160]);
    assert.deepEqual([facts.slug.text, facts.slug.length, facts.slug.limit], ['my-first-post', 13, 75]);
  });

  it('take the slug from the frontmatter, the bundle folder, or a Jekyll file name without its date', async () => {
    const hugo = await hugoSite();
    assert.equal(hugo.seoFacts(post, '---\nslug: chosen\n---\n')!.slug.text, 'chosen');
    assert.equal(hugo.seoFacts('/site/content/posts/bundle/index.md', '---\ntitle: A\n---\n')!.slug.text, 'bundle');
    const jekyll = createPostcraftService({ fs: inMemorySite({ '_config.yml': 'title: Blog\n' }) });
    await jekyll.openWorkspace(['/site']);
    assert.equal(jekyll.seoFacts('/site/_posts/2024-05-01-hello-world.md', '---\ntitle: A\n---\n')!.slug.text, 'hello-world');
  });

  it('say when the description is missing', async () => {
    const service = await hugoSite();
    assert.equal(service.seoFacts(post, '---\ntitle: A\n---\n')!.description, undefined);
    assert.equal(service.seoFacts(post, '---\ntitle: A\ndescription: "  "\n---\n')!.description, undefined);
  });

  it('count the words a reader reads: not frontmatter, code blocks, HTML, shortcodes or image alt text', async () => {
    const service = await hugoSite();
    const text = [
      '---',
      'title: Many words in the title',
      '---',
      '# Heading one',
      '',
      'Two words, and `inline code` too.',
      '',
      '```js',
      'const notCounted = 1;',
      '```',
      '',
      '<div class="not counted">html</div>',
      '',
      '{{< figure src="a.png" caption="not counted" >}}',
      '',
      '![alt not counted](a.png) - [a link](https://x.y) — done',
      '',
    ].join('\n');
    // Heading one (2) + Two words, and inline code too. (6) + a link done (3)
    assert.equal(service.seoFacts(post, text)!.words, 11);
  });

  it('leave out template calls, and keep the text after an opener that is never closed', async () => {
    const service = await hugoSite();
    const words = (body: string) => service.seoFacts(post, `---\ntitle: A\n---\n${body}\n`)!.words;
    assert.equal(words('one {{< ref "x" >}} two {% raw %} three {{ .Title }} four {# note #}'), 4);
    assert.equal(words('one {{ two three'), 3);
    assert.equal(words('{{ a }} one {{< b two'), 3);
    assert.equal(words('{{'.repeat(50_000) + ' end'), 1);
  });

  it('count CJK letters one by one and read them at 501 a minute, as Hugo does', () => {
    assert.deepEqual(countWords('日本語の文章です。'), { words: 8, cjk: true });
    assert.deepEqual(countWords('Reactの使い方 and more'), { words: 7, cjk: true });
    assert.deepEqual(countWords('plain — words, here'), { words: 3, cjk: false });
  });

  it('give the reading time in whole minutes at 213 words a minute unless the site sets its speed', async () => {
    const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');
    const service = await hugoSite();
    assert.equal(service.seoFacts(post, `---\ntitle: A\n---\n${words(213)}\n`)!.readingMinutes, 1);
    assert.equal(service.seoFacts(post, `---\ntitle: A\n---\n${words(214)}\n`)!.readingMinutes, 2);
    assert.equal(service.seoFacts(post, '---\ntitle: A\n---\n')!.readingMinutes, 0);
    const slow = await hugoSite({ 'postcraft.config.json': '{ "seo": { "wordsPerMinute": 100, "titleLength": -1 } }' });
    const facts = slow.seoFacts(post, `---\ntitle: A\n---\n${words(214)}\n`)!;
    assert.equal(facts.readingMinutes, 3);
    assert.equal(facts.title?.limit, undefined);
    assert.equal(wordsAndReadingTime(facts), '214 words · 3 min read');
    assert.equal(wordsAndReadingTime({ words: 3, readingMinutes: 1, cjk: true }), '3 characters · 1 min read');
  });

  it('note an H1 in the body where the layout prints the title, a second H1, and skipped levels', async () => {
    const service = await hugoSite();
    const facts = service.seoFacts(post, '---\ntitle: A\n---\n# Again\n\n## Fine\n\n#### Skipped\n')!;
    assert.deepEqual(facts.headings.map((heading) => [heading.level, heading.text, heading.line]), [[1, 'Again', 3], [2, 'Fine', 5], [4, 'Skipped', 7]]);
    assert.deepEqual(facts.outline.map((note) => [note.line, note.message]), [
      [3, 'An H1 in the body: the layout prints the title as the H1 already'],
      [7, 'H2 → H4 skips a level'],
    ]);
    assert.deepEqual(service.seoFacts(post, '---\ntitle: A\n---\n## One\n\n### Two\n\n## Three\n')!.outline, []);
    assert.deepEqual(service.seoFacts(post, '---\ndate: 2024-01-01\n---\n# Only one\n\n## Two\n')!.outline, []);
  });

  it('allow one H1 with a title on Docusaurus, which then does not print the title', async () => {
    const service = createPostcraftService({ fs: inMemorySite({ 'docusaurus.config.js': 'module.exports = {};\n', 'package.json': '{"dependencies":{"@docusaurus/core":"3.0.0"}}' }) });
    await service.openWorkspace(['/site']);
    const facts = service.seoFacts('/site/blog/2024-01-01-post.md', '---\ntitle: A\n---\n# Title in the body\n\n# Second\n');
    assert.deepEqual(facts?.outline.map((note) => note.message), ['A second H1: a page has one']);
  });
});

describe('the hover of title and description', () => {
  it('gives each length against its limit, the slug, words and reading time, and outline notes', async () => {
    const service = await hugoSite();
    const text = '---\ntitle: Hello there\ndescription: Short.\ntags: [a]\n---\nThree words here.\n\n### Deep\n';
    const onKey = service.hover(post, text, text.indexOf('title') + 2)!;
    assert.equal(onKey.markdown, [
      '**SEO**',
      '',
      '- Title: 11 characters (search results show about 60)',
      '- Description: 6 characters (search results show about 160)',
      '- Slug: 13 characters (search results show about 75) `my-first-post`',
      '- 4 words · 1 min read',
      '',
      '**Outline**',
      '',
      '- Line 8: H1 → H3 skips a level',
    ].join('\n'));
    assert.deepEqual(onKey.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } });
    assert.match(service.hover(post, text, text.indexOf('Short'))!.markdown, /Description: 6 characters/);
    assert.doesNotMatch(service.hover(post, text, text.indexOf('[a]') + 1)?.markdown ?? '', /SEO/);
  });
});

describe('seo-title-length and seo-description', () => {
  const longTitle = 'A title that goes on and on well past what a search result shows';
  const text = `---\ntitle: ${longTitle}\n---\nBody.\n`;

  it('are off unless the site or the editor gives them a severity', async () => {
    const service = await hugoSite();
    assert.deepEqual(service.checkText(post, text).filter((finding) => finding.code.startsWith('seo-')), []);
    const fromEditor = service.checkText(post, text, { severities: { 'seo-title-length': 'info' } }).filter((finding) => finding.code.startsWith('seo-'));
    assert.deepEqual(fromEditor.map((finding) => [finding.code, finding.severity]), [['seo-title-length', 'info']]);
  });

  it('report a long title on its value, and a missing or long description, with the site\'s limits', async () => {
    const service = await hugoSite({ 'postcraft.config.json': '{ "checks": { "seo-title-length": "warning", "seo-description": "warning" }, "seo": { "descriptionLength": 10 } }' });
    const missing = service.checkText(post, text).filter((finding) => finding.code.startsWith('seo-'));
    assert.deepEqual(missing.map((finding) => [finding.code, finding.range.start.line, finding.range.start.character, finding.range.end.character]), [
      ['seo-description', 0, 0, 3],
      ['seo-title-length', 1, 7, 7 + longTitle.length],
    ]);
    assert.match(missing[1]!.message, /64 characters: search results show about 60/);
    const long = service.checkText(post, '---\ntitle: Short\ndescription: "Longer than ten"\n---\n').filter((finding) => finding.code.startsWith('seo-'));
    assert.deepEqual(long.map((finding) => [finding.code, finding.range.start.line]), [['seo-description', 2]]);
    assert.match(long[0]!.message, /15 characters: search results cut it after about 10/);
  });

  it('reject a settings file with a limit below -1', async () => {
    const service = await hugoSite({ 'postcraft.config.json': '{ "seo": { "titleLength": -5 } }' });
    assert.match(service.siteSummaries()[0]!.configProblems.map((problem) => formatMessage(problem)).join('\n'), /seo\.titleLength/);
  });
});
