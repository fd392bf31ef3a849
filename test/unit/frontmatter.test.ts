import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findField, scalarItems, type ScalarNode } from '../../src/core/frontmatter/model';
import { parseFrontmatter } from '../../src/core/frontmatter/parse';
import { innerRange } from '../../src/core/frontmatter/values';
import { createPostcraftService } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { frontmatterSyntaxOf } from '../../src/core/site/pageKinds';

const slice = (text: string, range: { start: number; end: number }) => text.slice(range.start, range.end);

describe('YAML frontmatter', () => {
  it('keeps the source range of every key and list item, in flow and block style', () => {
    const text = '---\ntitle: "Hello"\ntags: ["dok", kuberentes]\nauthors:\n  - edith_puclla\n---\nBody';
    const frontmatter = parseFrontmatter(text)!;
    assert.equal(frontmatter.format, 'yaml');
    const tags = findField(frontmatter.fields, 'tags')!;
    assert.equal(slice(text, tags.keyRange), 'tags');
    assert.deepEqual(scalarItems(tags.value).map((node) => slice(text, node.range)), ['"dok"', 'kuberentes']);
    assert.equal(tags.value?.kind === 'list' && tags.value.flow, true);
    const authors = findField(frontmatter.fields, 'authors')!;
    assert.deepEqual(scalarItems(authors.value).map((node) => [node.value, slice(text, node.range)]), [['edith_puclla', 'edith_puclla']]);
    assert.equal(frontmatter.problems.length, 0);
    assert.equal(text.slice(frontmatter.blockRange.end), '\nBody');
  });

  it('reports a syntax error at its line and still returns the keys before it', () => {
    const text = '---\ntitle: ok\ntags: [a, b\ndraft: true\n---\n';
    const frontmatter = parseFrontmatter(text)!;
    const error = frontmatter.problems.find((problem) => problem.code === 'yaml-syntax');
    assert.ok(error, 'expected a yaml-syntax problem');
    assert.ok(error.range.start >= text.indexOf('tags'), `error at ${error.range.start} is before the broken line`);
    assert.ok(findField(frontmatter.fields, 'title'));
  });

  it('reports a duplicate key as a warning with both places', () => {
    const text = '---\ntitle: one\ntitle: two\n---\n';
    const [problem] = parseFrontmatter(text)!.problems;
    assert.equal(problem?.code, 'duplicate-key');
    assert.equal(problem?.severity, 'warning');
    assert.equal(problem && slice(text, problem.range), 'title');
    assert.equal(problem?.range.start, text.lastIndexOf('title'));
    assert.equal(problem?.related?.start, text.indexOf('title'));
  });

  it('stops a billion-laughs alias bomb quickly with a clear error', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const text = `---\n${lines.join('\n')}\n---\n`;
    const started = Date.now();
    const frontmatter = parseFrontmatter(text)!;
    assert.ok(Date.now() - started < 2000);
    assert.ok(frontmatter.problems.some((problem) => problem.code === 'yaml-syntax' && /alias/i.test(problem.message)), JSON.stringify(frontmatter.problems));
  });

  it('reads a flow list continued at a lower indent as Hugo does, with a note naming the construct', () => {
    const text = '---\ntitle: x\ntags: [a,\nb, "c d"]\ndraft: true\n---\n';
    const frontmatter = parseFrontmatter(text)!;
    assert.deepEqual(frontmatter.data, { title: 'x', tags: ['a', 'b', 'c d'], draft: true });
    assert.deepEqual(frontmatter.problems.map((problem) => [problem.severity, slice(text, problem.range)]), [['info', '[a,']]);
    assert.match(frontmatter.problems[0]!.message, /flow list continues on lines indented less than its key/);
    assert.deepEqual(scalarItems(findField(frontmatter.fields, 'tags')!.value).map((node) => slice(text, node.range)), ['a', 'b', '"c d"']);
  });

  it('reads a flow mapping continued at a lower indent too', () => {
    const frontmatter = parseFrontmatter('---\ncover: {image: a.png,\nalt: A}\n---\n')!;
    assert.deepEqual(frontmatter.data, { cover: { image: 'a.png', alt: 'A' } });
    assert.deepEqual(frontmatter.problems.map((problem) => problem.severity), ['info']);
  });

  // Values as hugo 0.111.3 (gopkg.in/yaml.v2) and jekyll 4.3.1 (Psych) printed them for the same posts.
  it('reads a quoted value continued at a lower indent as Hugo and Jekyll do: folded, with a note at its first line', () => {
    const text = '---\ntitle: x\ndescription: "A long sentence\nthat goes on here"\ndate: 2020-01-01\n---\nBody';
    const frontmatter = parseFrontmatter(text)!;
    assert.deepEqual(frontmatter.data, { title: 'x', description: 'A long sentence that goes on here', date: '2020-01-01' });
    assert.deepEqual(frontmatter.problems.map((problem) => [problem.code, problem.severity, slice(text, problem.range)]), [['yaml-syntax', 'info', '"A long sentence']]);
    assert.match(frontmatter.problems[0]!.message, /quoted value continues on lines indented less than its key.*strict YAML 1\.2 readers/);
    const description = findField(frontmatter.fields, 'description')!.value!;
    assert.deepEqual([description.kind === 'scalar' && description.value, slice(text, description.range)], ['A long sentence that goes on here', '"A long sentence\nthat goes on here"']);
    assert.equal(findField(frontmatter.fields, 'date')!.value?.kind, 'scalar');
  });

  it('folds a continued quoted value as libyaml does: blank lines, escaped line breaks, single quotes, list items, nested keys', () => {
    const text = [
      '---',
      'description: "A long sentence',
      '  indented more',
      '',
      'blank line before \\',
      ' escaped"',
      "summary: 'it''s",
      "long'",
      'tags:',
      '  - "a long',
      'tag"',
      'params:',
      '  d: "nested long',
      'low"',
      '---',
      '',
    ].join('\n');
    const frontmatter = parseFrontmatter(text)!;
    assert.deepEqual(frontmatter.data, {
      description: 'A long sentence indented more\nblank line before escaped',
      summary: "it's long",
      tags: ['a long tag'],
      params: { d: 'nested long low' },
    });
    assert.deepEqual(frontmatter.problems.map((problem) => [problem.severity, slice(text, problem.range)]), [['info', '"A long sentence'], ['info', "'it''s"], ['info', '"a long'], ['info', '"nested long']]);
  });

  it('still reports a real error beside a continued quoted value', () => {
    const text = '---\ndescription: "A long\nthat goes on"\ntitle: x\n  bad: 1\n---\n';
    const frontmatter = parseFrontmatter(text)!;
    assert.deepEqual(frontmatter.problems.map((problem) => [problem.severity, slice(text, problem.range)]), [['info', '"A long'], ['error', 'bad: 1']]);
  });

  it('does not read on past a closing quote followed by more text, or past a document marker: Hugo and Jekyll stop there too', () => {
    for (const text of ['---\ntitle: "Say\nthat "again" now"\n---\n', '---\ntitle: "Say\n... more"\n---\n']) {
      const problems = parseFrontmatter(text)!.problems;
      assert.deepEqual(problems.map((problem) => [problem.severity, problem.range.start]), [['error', text.indexOf('"')]], text);
    }
  });

  // hugo 0.111.3 and jekyll 4.3.1 both refused each of the first three; js-yaml and YAML 1.2 read them.
  it('warns of a blank or comment line starting with a tab, where Hugo and Jekyll stop, and of no other tab', () => {
    for (const text of ['---\ntitle: x\n\t\ndate: 2020-01-01\n---\n', '---\ntitle: "x"\n\t# note\ndate: 2020-01-01\n---\n', '---\nparams:\n\t\n  a: 1\n---\n']) {
      const problems = parseFrontmatter(text)!.problems;
      assert.deepEqual(problems.map((problem) => [problem.code, problem.severity, problem.range.start, problem.range.end]), [['yaml-syntax', 'warning', text.indexOf('\t'), text.indexOf('\t') + 1]], text);
      assert.match(problems[0]!.message, /Hugo and Jekyll stop at it/);
    }
    for (const text of ['---\ntitle:\tx\ndate: 2020-01-01\t\n---\n', '---\ntags: [a,\n\tb]\n---\n', '---\nd: "a long\n\tvalue"\n---\n', '---\nparams:\n  a: 1\n   \t\n  b: 2\n---\n']) {
      assert.deepEqual(parseFrontmatter(text)!.problems.filter((problem) => problem.severity !== 'info'), [], text);
    }
  });

  it('reports frontmatter that is never closed', () => {
    const frontmatter = parseFrontmatter('---\ntitle: x\n\nBody text')!;
    assert.equal(frontmatter.problems[0]?.code, 'frontmatter-unclosed');
  });
  // nsshommo/jaycuthrell.github.io's about page closes its frontmatter with `--`: the body read as YAML gave two syntax errors more,
  // about text no generator reads as frontmatter the same way (jekyll 4.3.1 reads none at all).
  it('reports only the missing close, not the body read as YAML', () => {
    const frontmatter = parseFrontmatter('---\ntitle: About\nimage:\n  feature: a.png\n--\n\nCurious? Read: this, that: or else\n- a list\nkey: [unclosed\n')!;
    assert.deepEqual(frontmatter.problems.map((problem) => problem.code), ['frontmatter-unclosed']);
  });


  it('accepts CRLF line endings and a byte-order mark', () => {
    const text = '\uFEFF---\r\ntitle: x\r\ntags: [a]\r\n---\r\nBody';
    const frontmatter = parseFrontmatter(text)!;
    assert.equal(frontmatter.problems.length, 0);
    assert.equal(slice(text, scalarItems(findField(frontmatter.fields, 'tags')!.value)[0]!.range), 'a');
  });

  it('finds no frontmatter in a post without one', () => {
    assert.equal(parseFrontmatter('# Title\n\n---\n'), undefined);
  });
});

describe('frontmatter after blank lines', () => {
  // hugo 0.111.3 (pageparser lexIntroSection) skips blank lines, spaces and tabs before the block: rOpenSci's
  // `\n---\ntitle: …` post has its title and its dated URL. Jekyll reads front matter only at the very start.
  it('is read for Hugo, with its ranges in the text, and not where the generator wants it first', async () => {
    const text = '\n \t\r\n---\ntitle: Champions\n---\nBody';
    const frontmatter = parseFrontmatter(text, frontmatterSyntaxOf('hugo'))!;
    assert.equal(frontmatter.data['title'], 'Champions');
    assert.equal(slice(text, frontmatter.blockRange), '---\ntitle: Champions\n---');
    assert.equal(parseFrontmatter(text, frontmatterSyntaxOf('jekyll')), undefined);
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': 'baseURL = "https://x.org/"\n', 'content/blog/a.md': `\n---\ntitle: A\nslug: champions\n---\nBody\n` }) });
    await service.openWorkspace(['/site']);
    assert.deepEqual(service.siteFor('/site/content/blog/a.md')?.posts.get('/site/content/blog/a.md')?.route?.url, '/blog/champions/');
    assert.deepEqual(await service.checkFile('/site/content/blog/a.md'), []);
  });

  // Astro's frontmatterRE (@astrojs/internal-helpers 7.4.8) allows blank lines first: biomejs.dev's getting-started.mdx
  // opens with one, and its Starlight build has the page's title ("Getting Started") where a missing one fails it.
  it('is read for Astro', () => {
    const text = '\n---\ntitle: Getting Started\n---\nBody';
    assert.equal(parseFrontmatter(text, frontmatterSyntaxOf('astro'))!.data['title'], 'Getting Started');
    assert.equal(parseFrontmatter(text, frontmatterSyntaxOf('docusaurus')), undefined);
  });
});

describe('frontmatter closed by a longer line of dashes', () => {
  // hugo 0.111.3 (pageparser lexFrontMatterSection) ends the block at a line that starts with `---`: falco.org's
  // tuning page closes it with `----------`, and the rest of that line is body (a rule). Jekyll wants the delimiter alone.
  it('is closed there for Hugo, the rest of the line left to the body', () => {
    const text = '---\ntitle: Tuning\nweight: 30\n----------\nBody';
    const frontmatter = parseFrontmatter(text, frontmatterSyntaxOf('hugo'))!;
    assert.deepEqual([frontmatter.data['title'], frontmatter.problems], ['Tuning', []]);
    assert.equal(text.slice(frontmatter.blockRange.end), '-------\nBody');
    assert.equal(parseFrontmatter(text, frontmatterSyntaxOf('jekyll'))!.problems[0]?.code, 'frontmatter-unclosed');
  });
});

describe('frontmatter that starts on the delimiter\'s line', () => {
  // hugo 0.111.3 (pageparser lexFrontMatterSection takes all after the three characters) builds buildpacks.io's
  // `+++ title="Buildpack API"` page with that title and its aliases; Jekyll wants the delimiter alone.
  it('is read by Hugo, from the first character after the blanks, with its keys where they are', () => {
    const text = '+++ title="Buildpack API"\naliases=[\n"/docs/reference/buildpack-api/"\n]\n+++\nBody';
    const frontmatter = parseFrontmatter(text, frontmatterSyntaxOf('hugo'))!;
    assert.deepEqual([frontmatter.format, { ...frontmatter.data }, frontmatter.problems], ['toml', { title: 'Buildpack API', aliases: ['/docs/reference/buildpack-api/'] }, []]);
    const title = frontmatter.fields.find((field) => field.key === 'title')!;
    assert.equal(text.slice(title.keyRange.start, title.keyRange.end), 'title');
    assert.deepEqual({ ...parseFrontmatter('--- title: Two Keys\ndate: 2020-01-01\n---\nBody', frontmatterSyntaxOf('hugo'))?.data }, { title: 'Two Keys', date: '2020-01-01' });
    assert.equal(parseFrontmatter(text, frontmatterSyntaxOf('jekyll')), undefined);
    assert.equal(parseFrontmatter('--- title: Two Keys\n---\nBody', frontmatterSyntaxOf('astro')), undefined);
  });
});

describe('TOML frontmatter', () => {
  it('locates keys and array items, single- and multi-line', () => {
    const text = '+++\ntitle = "Hello"\ntags = [\n  "dok",\n  \'k8s\',\n]\ndraft = true\n[params]\nx = 1\n+++\nBody';
    const frontmatter = parseFrontmatter(text)!;
    assert.equal(frontmatter.format, 'toml');
    assert.deepEqual(frontmatter.problems, []);
    assert.deepEqual(scalarItems(findField(frontmatter.fields, 'tags')!.value).map((node) => [node.value, slice(text, node.range)]), [['dok', '"dok"'], ['k8s', "'k8s'"]]);
    assert.equal(frontmatter.data['draft'], true);
    assert.equal(findField(frontmatter.fields, 'x'), undefined, 'keys of tables are not top-level fields');
  });

  it('reports a TOML syntax error on its line', () => {
    const text = '+++\ntitle = "Hello"\ntags = [oops\n+++\n';
    const problem = parseFrontmatter(text)!.problems[0]!;
    assert.equal(problem.code, 'toml-syntax');
    assert.ok(problem.range.start >= text.indexOf('tags'));
  });

  it('gives the text between the quotes of a triple-quoted or unclosed string, so a fix rewrites only that', () => {
    const text = `+++\nx = 'd\ndraft = true\ntags = ["""a""", '''b''', "c`;
    const frontmatter = parseFrontmatter(text)!;
    assert.deepEqual(scalarItems(findField(frontmatter.fields, 'tags')!.value).map((node) => slice(text, innerRange(node))), ['a', 'b', 'c']);
    assert.equal(slice(text, innerRange(findField(frontmatter.fields, 'x')!.value as ScalarNode)), 'd');
    assert.equal(findField(frontmatter.fields, 'draft')?.value?.kind, 'scalar', 'an unclosed string ends at its line');
  });
});

describe('JSON frontmatter', () => {
  it('reads an object at the start of the file with ranges', () => {
    const text = '{\n  "title": "Hello",\n  "tags": ["a", "b"]\n}\nBody';
    const frontmatter = parseFrontmatter(text)!;
    assert.equal(frontmatter.format, 'json');
    assert.deepEqual(scalarItems(findField(frontmatter.fields, 'tags')!.value).map((node) => slice(text, node.range)), ['"a"', '"b"']);
    assert.equal(text.slice(frontmatter.blockRange.end), '\nBody');
  });
});
