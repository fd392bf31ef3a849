import { headingIdsOf } from '../../../src/core/site/generators/astro';
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

  // Jekyll 4.3 (kramdown) keeps `<sup id="l1">` of a line that lazily continues a list item's paragraph, unindented, as
  // that item's inline HTML (kubevirt.io's footnote markers); so does any CommonMark renderer, and an indented continuation too.
  it('finds an anchor in a line that continues a paragraph, lazily or indented', () => {
    for (const style of ['kramdown', 'github'] as const) {
      assert.deepEqual(ids('* item text\n<sup id="l1">1</sup> more\n\n> quoted\n<a name="l2"></a>\n\nPara\n    <span id="l3">x</span>\n', style), ['l1', 'l2', 'l3']);
    }
  });

  // hugo 0.111.3 writes `<h5 id="a-namemergingamerging"><a name="merging"></a>Merging</h5>` and keeps a tag of an
  // HTML block as written over its lines: both #merging and #fnref1 reach their place (rOpenSci's blog).
  it('finds an anchor in a heading line, and one whose tag goes on over a line break', () => {
    const body = '<table><tr><td>x<a\nhref="#fn1" id="fnref1">1</a></td></tr></table>\n\n##### <a name="merging"></a>Merging\n\nConventillo<a href="#fn2" class="footnote-ref"\nid="fnref2"\nrole="doc-noteref"><sup>2</sup></a>\n\nA <b\n\nid="not-a-tag">\n';
    const anchors = anchorsOf(body, 0, { style: 'github', mdx: false });
    assert.deepEqual(anchors.map((anchor) => anchor.id), ['a-namemergingamerging', 'fnref1', 'merging', 'fnref2']);
    for (const anchor of anchors.slice(1)) assert.equal(written(body, anchor), anchor.id);
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
    assert.deepEqual(ids('Intro\n\n    ## Indented', 'github-slugger', true), ['indented']);
    assert.deepEqual(ids('Intro\n\n    ## Indented', 'github-slugger', false), []);
  });

  // spiegel-im-spiegel's text.baldanders.info (autoHeadingID = false): hugo 0.111.3 writes `## Moral rights{#about}` as
  // <h2 id="about"> and the footnote as <li id="fn:1">; kramdown with auto_ids: false keeps `{#id}` and footnotes too.
  it('gives headings only the IDs written with them where automatic IDs are off, and keeps footnotes and explicit anchors', () => {
    const body = '# Title\n\n## Moral rights{#about}\n\n## Second {#two}\n\nA note.[^1]\n\n[^1]: The note.\n\n<a id="x"></a>';
    assert.deepEqual(ids(body, 'goldmark-explicit'), ['about', 'two', 'x', 'fn:1', 'fnref:1']);
    assert.deepEqual(ids('# Title\n\n## Second {#two}\n\nA note.[^n]\n\n[^n]: The note.', 'kramdown-explicit'), ['two', 'fn:n', 'fnref:n']);
  });

  it('numbers duplicates the way each generator does', () => {
    const body = '# A\n\n# A\n\n# A-1\n\n# A';
    assert.deepEqual(ids(body, 'github'), ['a', 'a-1', 'a-1-1', 'a-2']);
    assert.deepEqual(ids(body, 'kramdown'), ['a', 'a-1', 'a-1', 'a-2']);
    assert.deepEqual(ids(body.replaceAll('# ', '## '), 'github-slugger'), ['a', 'a-1', 'a-1-1', 'a-2']);
    // Docusaurus's theme renders an h1 without its ID, though the slugger counts it (theme-classic Heading).
    assert.deepEqual(ids(body.replace('# A-1', '## A-1').replace(/# A$/, '## A'), 'github-slugger'), ['a-1-1', 'a-2']);
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
      const id = custom ? custom.groups!['id']!.trim() : slugger.slug(text);
      // theme-classic's Heading renders an h1 with no id.
      return node.depth === 1 ? [] : [id];
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

  // Docusaurus ≥ 3.10 (remark/headings getCommentHeadingId): babeljs.io's 3.10.2 build writes id="stage-0:-class-properties".
  it('takes an MDX comment at the heading end whose first word starts with # as the ID, in MDX only', () => {
    const body = '### Stage 0: Class Properties { /*#stage-0:-class-properties*/ }\n\n## Two {/* #two-id and words */}\n';
    assert.deepEqual(anchorsOf(body, 0, { style: 'github-slugger', mdx: true }).map((anchor) => [anchor.id, anchor.text]), [['stage-0:-class-properties', 'Stage 0: Class Properties'], ['two-id', 'Two']]);
    assert.notDeepEqual(anchorsOf(body, 0, { style: 'github-slugger', mdx: false }).map((anchor) => anchor.id), ['stage-0:-class-properties', 'two-id']);
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

// Checked with jekyll 4.3 (kramdown 2.4, GFM parser) and Eleventy 3.1.8 with markdown-it-anchor 8.6.7/9.2.0 and markdown-it-attrs 4.1.6.
describe('anchorsOf: kramdown block IALs, Liquid blocks, `_` without a partner', () => {
  it('gives any block the id of a block IAL under it or, after a blank line, before it; not in code, HTML or ALD lines', () => {
    const body = [
      'Para one', 'two', '{: #p1}', '',
      '* item a', '* item b', '{: #l1}', '',
      '> quote', '{: #q1}', '',
      '{: #before}', '', 'Para after', '',
      '```', '{: #code}', '```', '',
      '<div>', '{: #html}', '</div>', '',
      '{:ref: #from-ald}', 'Para', '{: ref}', '',
      'Lazy', '{: .cls #first #last}', '',
      'Para', '{: #9digit}', '',
      'end', '', '{: #lost}', '',
    ].join('\n');
    assert.deepEqual(ids(body, 'kramdown'), ['p1', 'l1', 'q1', 'before', 'from-ald', 'last']);
  });

  // jekyll 4.3.1 writes <strong id="at">, <a id="lnk">, <code id="cd">, <em id="em"> here, and no id in the fence (w3.org/WAI's glossary).
  it('gives a span element the id of a span IAL right after it, not in code', () => {
    const body = '- **Assistive Technologies**{:#at} - software.\n- [link](/x/){: #lnk .c} and `code`{:#cd} and *em*{:#em}\n\n```\n**no**{:#nope}\n```\n';
    assert.deepEqual(ids(body, 'kramdown'), ['at', 'lnk', 'cd', 'em']);
  });

  // yy933/Technote-blog-Astropaper runs remark-emoji: Astro 6.4.8 writes <h2 id="-notes">📝 Notes</h2> for `## :memo: Notes`.
  it('slugs an Astro heading after remark-emoji made its shortcodes emoji, where the site runs it', () => {
    const astro = (body: string, emoji?: true) => anchorsOf(body, 0, { style: { generator: 'astro', trailingDash: 'kept', smartDashes: true, ...(emoji ? { emoji } : {}) }, mdx: false }).map((anchor) => anchor.id);
    assert.deepEqual(astro('## :memo: Notes\n\n## At 10:30:45\n', true), ['-notes', 'at-103045']);
    assert.deepEqual(astro('## :memo: Notes\n'), ['memo-notes']);
    assert.equal(headingIdsOf("import remarkEmoji from 'remark-emoji';\nexport default { markdown: { remarkPlugins: [remarkEmoji] } };", 6).emoji, true);
    assert.equal(headingIdsOf('export default { markdown: { remarkPlugins: [] } };', 6).emoji, undefined);
  });

  // MarkusThill.github.io (al-folio): a `<br>` line right before `## Appendix`. kramdown's block HTML parser passes a span
  // element's tag to the paragraph (jekyll 4.3.1 writes <p><br /></p><h2 id="appendix">), where CommonMark starts an HTML
  // block that runs to the blank line; a block element's tag still starts one.
  it('reads a line starting with a span element\'s tag as paragraph text, not the start of an HTML block', () => {
    assert.deepEqual(ids('Text\n\n<br>\n## Appendix\n### Why n\n\n<img src="a.png" alt="a">\n## After image\n', 'kramdown'), ['appendix', 'why-n', 'after-image']);
    assert.deepEqual(ids('<br>\n## Appendix\n', 'github'), []);
    assert.deepEqual(ids('<div>\n## Inside\n</div>\n\n## Out\n', 'kramdown'), ['out']);
  });

  // w3.org/WAI's theme includes write the id they are given: `{% include excol.html type="start" id="opening" %}` is a <details id="opening">.
  it('takes the id an include is given for an anchor of the page', () => {
    assert.deepEqual(ids('{% include excol.html type="start" id="opening-keynote" %}\n\nText\n\n{% include box.html title="x" %}\n', 'kramdown'), ['opening-keynote']);
  });

  it('reads no heading or anchor in a Liquid comment or highlight block (Jekyll, Eleventy), but in raw', () => {
    const body = '{% highlight ruby %}\n# Output\n{: #hl}\n{% endhighlight %}\n\n{% comment %}\n## Gone\n{% endcomment %}\n\n{% raw %}\n## Output\n{% endraw %}\n\n## Output\n';
    assert.deepEqual(ids(body, 'kramdown'), ['output', 'output-1']);
    assert.deepEqual(ids(body, 'markdown-it-anchor'), ['output', 'output-1']);
    // Other generators do not run Liquid: Hugo's Goldmark reads the lines as Markdown.
    assert.deepEqual(ids(body, 'github'), ['output', 'gone', 'output-1', 'output-2']);
  });

  it('keeps a `_` that no partner makes emphasis, by each parser\'s own rules', () => {
    const body = '## ERB @_init\n\n## a_b _c d_ e__f\n\n## 1_a_\n';
    assert.deepEqual(ids(body, 'kramdown'), ['erb-_init', 'a_b-c-d-e__f', '1a']);
    assert.deepEqual(ids(body, 'github-slugger'), ['erb-_init', 'a_b-c-d-e__f', '1_a_']);
    assert.deepEqual(ids(body, 'github'), ['erb-_init', 'a_b-_c-d_-e__f', '1_a_']);
  });
});

// opensource.guide's Arabic articles wrap their text in `<div dir="rtl" markdown="1">`; jekyll 4.3.1 (kramdown 2.4,
// GFM input, GitHub Pages settings) wrote every id below, on a fixture of these lines.
describe('anchorsOf: kramdown HTML elements read as Markdown (`markdown="1"`)', () => {
  it('reads the headings of an element marked markdown="1" or "block", with explicit ids, IALs and the converter\'s auto ids', () => {
    const body = [
      '<div dir="rtl" markdown="1">', '',
      '### كتابة ملف {#كتابة-ملف-README}', '',
      '## تجنب تعارضات', '', '## تجنب تعارضات', '',
      '## Zażółć w divie', '', '## 2. Intro *em*', '', '## Section', '',
      '### With IAL', '{: #ial-in-div}', '',
      'Para text', '</div>', '',
      '## Zażółć poza', '',
      '<div markdown="block">', '# Block mode', '</div>', '',
      '<section markdown="1">', '', '## In section', '', '<div>', '', '## nested raw', '', '</div>', '', '## After nested', '', '</section>', '',
      '<div>', '<div markdown="1">', '', '## Inside raw outer', '', '</div>', '</div>', '',
      '  <DIV markdown="1">', '', '## Indented start', '', '  </DIV>', '',
      '## Last',
    ].join('\n');
    // jekyll: <h3 id="كتابة-ملف-README">, then section, section-1, za-w-divie, intro-em, section-2 (kramdown's converter
    // numbers its own ids), ial-in-div; outside the div the GFM id zażółć-poza.
    assert.deepEqual(ids(body, 'kramdown'), [
      'كتابة-ملف-README', 'section', 'section-1', 'za-w-divie', 'intro-em', 'section-2', 'ial-in-div',
      'zażółć-poza', 'block-mode', 'in-section', 'after-nested', 'inside-raw-outer', 'indented-start', 'last',
    ]);
  });

  it('closes the element at its closing tag under a line of span HTML (opensource.guide\'s pull quotes)', () => {
    const body = '<aside markdown = "1" class = "pquote">\n  <img src="a.png" alt="avatar">\n  Quote text\n  <p markdown = "1" class = "pquote-credit">\n— @mikeal\n  </p>\n</aside>\n\n## Написание README\n';
    // jekyll 4.3.1: <h2 id="написание-readme"> (the GFM id: the heading is outside the aside).
    assert.deepEqual(ids(body, 'kramdown'), ['написание-readme']);
  });

  it('reads no heading in an element marked "span", "0", or "1" on a span or raw content model (p, table)', () => {
    const body = '<div markdown="span">\n# Span mode\n</div>\n\n<div markdown="0">\n\n# Raw mode\n\n</div>\n\n<p markdown="1">\n# P text\n</p>\n\n<table markdown="1">\n\n# In table\n\n</table>\n\n# After';
    // jekyll 4.3.1 wrote only <h1 id="after">.
    assert.deepEqual(ids(body, 'kramdown'), ['after']);
    // Other generators have no such attribute: markdown-it ends an HTML block at a blank line.
    assert.deepEqual(ids('<div markdown="1">\n\n## Text\n\n</div>', 'github-slugger'), ['text']);
  });
});

// jekyll 4.3.1 (kramdown 2.4, GFM input, GitHub Pages settings) wrote these ids; opensource.guide's Arabic checklist heading has a shadda.
describe('anchorsOf: kramdown explicit header IDs', () => {
  it('takes an explicit {#id} holding combining marks, as kramdown\'s XML Name does', () => {
    // jekyll 4.3.1: <h2 id="قائمة-تحقّق"> (U+0651 shadda), <h2 id="हिन्दी-शीर्षक">; a digit cannot start a Name: digit-start-9bad.
    assert.deepEqual(ids('## قائمة تحقّق {#قائمة-تحقّق}\n\n## हिन्दी {#हिन्दी-शीर्षक}\n\n## Digit start {#9bad}', 'kramdown'), ['قائمة-تحقّق', 'हिन्दी-शीर्षक', 'digit-start-9bad']);
  });
});

describe('anchorsOf: markdown-it-anchor', () => {
  const rule = (options: { attrs?: boolean; typographer?: boolean } = {}) => ({ plugin: 'markdown-it-anchor' as const, attrs: false, typographer: false, html: true, ...options });
  const of = (body: string, options: { attrs?: boolean; typographer?: boolean } = {}) => anchorsOf(body, 0, { style: rule(options), mdx: false }).map((anchor) => anchor.id);
  const body = "# Hello World\n## Hello   World\n## Café's \"q\" -- x\n## `code` [link](/x) ![img](/i.png) <b>b</b> *em*\nSetext *a*\nb\n---\n## Major GC { #major-gc }\n## hello-world\n";

  it('slugs the text and code of the heading, lower-cased, blanks to `-`, URI-encoded (the id decoded), `-1` for repeats', () => {
    assert.deepEqual(of(body), ['hello-world', 'hello-world-1', 'café\'s-"q"----x', 'code-link-b-em', 'setext-ab', 'major-gc-{-#major-gc-}', 'hello-world-2']);
  });

  it('takes markdown-it-attrs ids, on headings and on any block, and the typographer\'s quotes and dashes', () => {
    assert.deepEqual(of(body, { attrs: true, typographer: true }), ['hello-world', 'hello-world-1', 'café’s-“q”-–-x', 'code-link-b-em', 'setext-ab', 'major-gc', 'hello-world-2']);
    assert.deepEqual(of('Given:\n\n{ #test.js }\n\n```\n{#in-code}\n```\n', { attrs: true }), ['test.js']);
  });

  // sass-lang.com passes `slugify: s => slugify(s)` (@sindresorhus/slugify): "In SassScript" is in-sass-script.
  it('slugs with @sindresorhus/slugify where the site passes it, decamelizing unless told not to', () => {
    const ids = (decamelize: boolean) => anchorsOf('## In SassScript\n## Café & Crème\n## In SassScript\n', 0, { style: { ...rule(), slugify: { decamelize } }, mdx: false }).map((anchor) => anchor.id);
    assert.deepEqual(ids(true), ['in-sass-script', 'cafe-and-creme', 'in-sass-script-1']);
    assert.deepEqual(ids(false), ['in-sassscript', 'cafe-and-creme', 'in-sassscript-1']);
  });

  it('is the Eleventy rule when the config loader found the plugin', () => {
    assert.deepEqual(headingIdStyleOf({ generator: 'eleventy', headingIds: 'markdown-it-anchor' }), rule());
    assert.equal(headingIdStyleOf({ generator: 'eleventy' }), undefined);
  });
});

describe('definition terms as anchors (Hugo ≥ 0.144, autoDefinitionTermID)', () => {
  // markup/goldmark attributes.go generateAutoID: a <dt> gets an ID from its plain text, from the headings' counter, in document order.
  const body = [
    '`target`',
    ': The target.',
    'still the definition, not a term',
    '',
    'Term one',
    'Term *two*',
    ': Both terms.',
    ': A second definition.',
    '',
    '```',
    'in code',
    ': not a definition',
    '```',
    '',
    '- a list item',
    ': not its term',
    '',
    '## Target',
    '',
    'matchers',
    ': After the heading.',
  ].join('\n');
  const anchors = (definitionTerms: boolean) => anchorsOf(body, 0, { style: 'github', mdx: false, goldmark: definitionTerms ? { definitionTerms } : {} }).map((anchor) => [anchor.id, anchor.text]);

  it('gives each term of a definition list an ID from the heading counter, in document order', () => {
    assert.deepEqual(anchors(true), [['target', 'target'], ['term-one', 'Term one'], ['term-two', 'Term two'], ['target-1', 'Target'], ['matchers', 'matchers']]);
  });

  it('gives terms no ID without the setting', () => {
    assert.deepEqual(anchors(false), [['target', 'Target']]);
  });
});

describe('emoji in Goldmark heading IDs (Hugo enableEmoji)', () => {
  // hugo 0.111.3 writes these IDs with enableEmoji = true, and lock-security-enhancements, time-103045-and-1-x without it.
  it('drops emoji shortcodes from the ID and keeps the blank around them, and leaves other colons alone', () => {
    const body = '## :lock: Security enhancements\n\n## Time 10:30:45 and :+1: x\n\n## [Docs](https://x.org) :tada:\n';
    assert.deepEqual(anchorsOf(body, 0, { style: 'github', mdx: false, goldmark: { emoji: true } }).map((anchor) => anchor.id), ['-security-enhancements', 'time-103045-and--x', 'docshttpsxorg-']);
    assert.deepEqual(anchorsOf(body, 0, { style: 'github', mdx: false }).map((anchor) => anchor.id), ['lock-security-enhancements', 'time-103045-and-1-x', 'docshttpsxorg-tada']);
  });
});

describe('footnote anchors (Hugo\'s Goldmark, Jekyll\'s kramdown)', () => {
  // hugo 0.111.3 writes <li id="fn:1"> for [^b] (referenced first), id="fn:2" for [^a], fnref:1, fnref:2 and fnref1:1
  // on the references, and nothing for [^c] (never referenced) or the [^d] in code.
  it('gives each referenced footnote fn:N by the order of first reference, and its references fnref:N, fnref1:N…', () => {
    const body = 'Text[^b] and[^a] and again[^b].\n\n[^a]: A.\n[^b]: B.\n[^c]: unused.\n\n```\n[^d]\n```\n';
    assert.deepEqual(anchorsOf(body, 0, { style: 'github', mdx: false }).map((anchor) => anchor.id), ['fn:1', 'fnref:1', 'fn:2', 'fnref:2', 'fnref1:1']);
    assert.deepEqual(anchorsOf(body, 0, { style: 'github-slugger', mdx: false }).map((anchor) => anchor.id), []);
  });

  // jekyll 4.3.1 writes id="fnref:js-disabled", "fnref:js-disabled:1", "fnref:2", "fn:js-disabled", "fn:2" for this body.
  it('names kramdown footnotes by their label: fn:name, fnref:name, fnref:name:1…', () => {
    const body = 'Text[^js-disabled] and again[^js-disabled] and [^2].\n\n[^js-disabled]: Note.\n[^2]: Two.\n[^unused]: no.\n';
    assert.deepEqual(anchorsOf(body, 0, { style: 'kramdown', mdx: false }).map((anchor) => anchor.id).sort(), ['fn:2', 'fn:js-disabled', 'fnref:2', 'fnref:js-disabled', 'fnref:js-disabled:1']);
  });
});
