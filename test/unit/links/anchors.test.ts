import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import { anchorsOf, headingIdStyleOf } from '../../../src/core/links/anchors';
import type { Anchor, HeadingIdStyle } from '../../../src/core/links/model';

const ids = (body: string, style: HeadingIdStyle, mdx = false) => anchorsOf(body, 0, { style, mdx }).map((anchor) => anchor.id);
const written = (text: string, anchor: Anchor) => text.slice(anchor.range.start, anchor.range.end);

describe('anchorsOf', () => {
  it('gives each heading its range: the text without #s, closing #s or {#id}, offset by bodyStart', () => {
    const front = '---\ntitle: x\n---\n';
    const body = '## Install *it* ##\n\n### Custom {#mine}\n\nSetext\ntwo lines\n---\n';
    const post = front + body;
    const anchors = anchorsOf(body, front.length, { style: 'github-slugger', mdx: false });
    assert.deepEqual(anchors.map((anchor) => written(post, anchor)), ['Install *it*', 'Custom', 'Setext\ntwo lines']);
    assert.deepEqual(anchors.map((anchor) => anchor.text), ['Install it', 'Custom', 'Setext two lines']);
    // mdast keeps the line break in the text, and github-slugger drops it: `setexttwo-lines`, as Docusaurus makes it.
    assert.deepEqual(anchors.map((anchor) => anchor.id), ['install-it', 'mine', 'setexttwo-lines']);
  });

  it('finds explicit anchors in raw HTML, by id on any element and name on <a>, with the value as range', () => {
    const body = 'Text <a id="top"></a> and <a name=old-name>x</a>\n\n<div id=\'box\' data-id="no">\n\n<span name="not-an-anchor">s</span>\n';
    const anchors = anchorsOf(body, 10, { style: 'github', mdx: false });
    assert.deepEqual(anchors.map((anchor) => anchor.id), ['top', 'old-name', 'box']);
    for (const anchor of anchors) assert.equal(body.slice(anchor.range.start - 10, anchor.range.end - 10), anchor.id);
    assert.ok(anchors.every((anchor) => anchor.text === undefined));
  });

  it('skips headings and anchors in code: fences of either kind and length, indented code, code spans', () => {
    const body = [
      '````md', '```', '# not one', '```', '<a id="no1">', '````',
      '~~~', '# not two', '~~~',
      '    # not three',
      'See `<a id="no2">` here',
      '# Yes',
    ].join('\n');
    assert.deepEqual(ids(body, 'github'), ['yes']);
  });

  it('in MDX, an indented line is no code: the heading counts', () => {
    assert.deepEqual(ids('Intro\n\n    # Indented', 'github-slugger', true), ['indented']);
    assert.deepEqual(ids('Intro\n\n    # Indented', 'github-slugger', false), []);
  });

  it('gives no heading IDs for style none, but keeps explicit anchors', () => {
    assert.deepEqual(ids('# Title\n\n<a id="x"></a>', 'none'), ['x']);
  });

  it('numbers duplicates the way each generator does', () => {
    const body = '# A\n\n# A\n\n# A-1\n\n# A';
    assert.deepEqual(ids(body, 'github'), ['a', 'a-1', 'a-1-1', 'a-2']);
    assert.deepEqual(ids(body, 'kramdown'), ['a', 'a-1', 'a-1', 'a-2']);
    assert.deepEqual(ids(body, 'github-slugger'), ['a', 'a-1', 'a-1-1', 'a-2']);
  });

  it('Hugo: an ID comes from the heading as written (link URLs included), {#id} and {.class} attributes cut', () => {
    assert.deepEqual(ids('## [Docs](https://x.org)\n\n## Named {#named .c}\n\n## Styled {.c}\n\n## !!!', 'github'), ['docshttpsxorg', 'named', 'styled', 'heading']);
    assert.deepEqual(ids('## Crème brûlée 🍮', 'github-ascii'), ['creme-brulee-']);
    assert.deepEqual(ids('## Crème brûlée 🍮 snake_case', 'blackfriday'), ['crème-brûlée-snake-case']);
  });

  it('reads no more than a body with nothing that could make a heading or an anchor', () => {
    assert.deepEqual(anchorsOf('Just words.\nMore words.', 0, { style: 'github', mdx: false }), []);
  });
});

describe('github-slugger IDs follow Docusaurus: mdast text without HTML, slugged, {#id} as written', () => {
  // Docusaurus's heading plugin (mdx-loader remark/headings) in small: remark parses, toString of the heading
  // without its html children, parseMarkdownHeadingId's pattern, github-slugger.
  function docusaurusIds(body: string): string[] {
    const slugger = new GithubSlugger();
    const tree = remark().parse(body);
    return tree.children.flatMap((node) => {
      if (node.type !== 'heading') return [];
      const text = toString(node.children.filter((child) => child.type !== 'html'));
      const custom = /\s*\{#(?<id>(?:.(?!\{#|\}))*.)\}$/.exec(text);
      return [custom ? custom.groups!['id']!.trim() : slugger.slug(text)];
    });
  }

  const headings = [
    '## Hello World', '## Hello World', "## What's `new` in [v2](https://x.org/v2)?", '## Ünïcödé 🚀 Émoji', '## snake_case and _em_ and **strong**',
    '## &amp; entities &copy;', '## Image ![alt](a.png) here', '## Custom {#custom-id}', '## Tag <span>inside</span> it', '## \\*escaped\\* \\# hash',
    '## A -- B', '## C++ / C# ###', 'Setext *one*\n===',
  ];

  it('on a list of tricky headings', () => {
    const body = headings.join('\n\n');
    assert.deepEqual(ids(body, 'github-slugger'), docusaurusIds(body));
  });
});

describe('headingIdStyleOf', () => {
  it('takes the config\'s choice, else the generator\'s default; Eleventy has none', () => {
    assert.equal(headingIdStyleOf({ generator: 'hugo', headingIds: 'blackfriday' }), 'blackfriday');
    assert.equal(headingIdStyleOf({ generator: 'jekyll' }), 'kramdown');
    assert.equal(headingIdStyleOf({ generator: 'eleventy' }), undefined);
  });
});

describe('Astro heading IDs (rehypeHeadingIds after remark-smartypants)', () => {
  const ids = (body: string, style: 'astro' | 'github-slugger') => anchorsOf(body, 0, { style, mdx: false }).map((anchor) => anchor.id);

  it('drops the dash smartypants makes of `--`, and one trailing hyphen', () => {
    assert.deepEqual(ids('## Set up -- fast\n\n## Hello -\n', 'astro'), ['set-up--fast', 'hello-']);
    assert.deepEqual(ids('## Set up -- fast\n\n## Hello -\n', 'github-slugger'), ['set-up----fast', 'hello--']);
  });

  it('takes `{#id}` for text, as Astro has no custom heading IDs', () => {
    assert.deepEqual(ids('## Intro {#start}\n', 'astro'), ['intro-start']);
    assert.deepEqual(ids('## Intro {#start}\n', 'github-slugger'), ['start']);
  });

  // IDs from `astro build` with Astro 7.2.2 and Starlight 0.41.7 (with and without rehype-slug): Astro 7 keeps
  // the trailing hyphen that Astro 6 and before cut.
  const byPipeline = (body: string, trailingDash: 'cut' | 'kept' | 'either', smartDashes: boolean | 'either' = true, mdx = false) =>
    anchorsOf(body, 0, { style: { generator: 'astro', trailingDash, smartDashes }, mdx }).map((anchor) => anchor.id);

  it('keeps the trailing hyphen where Astro 7 or rehype-slug makes the IDs', () => {
    const body = '## Trailing dash -\n\n## Emoji 🚀 end 🚀\n\n## A -- B\n\n## `biome.lsp.trace.server`\n\n## Dash at end-\n';
    assert.deepEqual(byPipeline(body, 'kept'), ['trailing-dash--', 'emoji--end-', 'a--b', 'biomelsptraceserver', 'dash-at-end-']);
    assert.deepEqual(byPipeline(body, 'cut'), ['trailing-dash-', 'emoji--end', 'a--b', 'biomelsptraceserver', 'dash-at-end']);
  });

  it('accepts both IDs where the config leaves the rule open, the likeliest with the heading text', () => {
    const anchors = anchorsOf('## Hello -\n\n## A -- B\n', 0, { style: { generator: 'astro', trailingDash: 'either', smartDashes: 'either' }, mdx: false });
    assert.deepEqual(anchors.map((anchor) => [anchor.id, anchor.text]), [['hello-', 'Hello -'], ['a--b', 'A -- B'], ['a----b', undefined], ['hello--', undefined]]);
    assert.deepEqual(byPipeline('## A -- B\n', 'kept', false), ['a----b']);
  });
});

describe('MDX fenced code', () => {
  it('closes a fence at any indentation in MDX (micromark without indented code), at up to three columns in Markdown', () => {
    // A fence inside a JSX component (Starlight <Tabs>), indented by tabs.
    const body = '<Tabs>\n\t<TabItem label="npm">\n\t\t```shell\n\t\t## not a heading\n\t\t```\n\t</TabItem>\n</Tabs>\n\n## After\n\n  ```\n## code\n      ```\n\n## Last\n';
    assert.deepEqual(ids(body, 'github-slugger', true), ['after', 'last']);
    assert.deepEqual(ids('  ```\n## code\n      ```\n\n## Last\n', 'github-slugger', false), []);
  });
});
