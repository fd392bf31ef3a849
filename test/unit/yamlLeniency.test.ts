// libyaml (Hugo's yaml.v2, Jekyll's Psych) ignores the indentation of a quoted value's lines: such a
// value must read the same as when its lines are indented enough for YAML 1.2.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseFrontmatter } from '../../src/core/frontmatter/parse';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { createPostcraftService } from '../../src/core/index';

const word = fc.constantFrom('a', 'long', 'title:', '- item', '#not-a-comment', 'x: y', '[b]', 'ünï', '\\"', "''");
const line = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const quotedLines = fc.tuple(fc.constantFrom('"', "'"), fc.array(fc.oneof(line, fc.constant('')), { minLength: 2, maxLength: 5 })).map(([quote, lines]) =>
  // Inside single quotes a backslash is text and '' is the quote; inside double quotes \" is.
  ({ quote, lines: lines.map((text) => (quote === "'" ? text.replace(/\\"/g, '"') : text.replace(/''/g, "'"))) }),
);

function applyFix(text: string, fix: { range: { start: number; end: number }; newText: string }): string {
  return text.slice(0, fix.range.start) + fix.newText + text.slice(fix.range.end);
}

describe('quoted values continued at a lower indent', () => {
  it('read as the same value as with their lines indented, with one note and no error', () => {
    fc.assert(
      fc.property(quotedLines, fc.constantFrom('', '  '), ({ quote, lines }, outdent) => {
        const scalar = (indent: string) => `${quote}${lines.map((text, index) => (index === 0 || text === '' ? text : indent + text)).join('\n')}${quote}`;
        const frontmatter = (indent: string, keyIndent: string) => {
          const text = `---\nparams:\n${keyIndent}d: ${scalar(indent)}\ndraft: true\n---\n`;
          return { text, ...parseFrontmatter(text)! };
        };
        const strict = frontmatter('      ', '    ');
        fc.pre(strict.problems.length === 0 && lines.slice(1).some((text) => text !== ''));
        const lenient = frontmatter(outdent, '    ');
        assert.deepEqual(lenient.data, strict.data);
        assert.deepEqual(lenient.problems.map((problem) => problem.severity), ['info']);
        // Its fix indents the lines: the same value, now YAML 1.2 as well, and nothing left to note.
        const fixed = applyFix(lenient.text, lenient.problems[0]!.fix!);
        const again = parseFrontmatter(fixed)!;
        assert.deepEqual([again.data, again.problems], [strict.data, []], fixed);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the note on a continued quoted value or flow list', () => {
  it('offers one preferred fix that indents only the continuation lines', async () => {
    const text = '---\ntitle: x\ndescription: "A long\nthat goes on\n\n  and on"\ntags: [a,\nb]\n---\nBody\n';
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': 'baseURL = "https://example.org/"\n', 'content/posts/a.md': text }) });
    await service.openWorkspace(['/site']);
    const notes = service.checkText('/site/content/posts/a.md', text).filter((finding) => finding.code === 'yaml-syntax');
    assert.deepEqual(
      notes.map((finding) => [finding.severity, finding.range.start.line, finding.fixes.map((fix) => [fix.title, fix.isPreferred, fix.edits.map((edit) => edit.newText)])]),
      [
        ['info', 2, [['Indent the continuation lines', true, ['"A long\n  that goes on\n\n  and on"']], ['Ignore this yaml-syntax here', false, ['# postcraft-disable-next-line yaml-syntax\n']]]],
        ['info', 6, [['Indent the continuation lines', true, ['[a,\n  b]']], ['Ignore this yaml-syntax here', false, ['# postcraft-disable-next-line yaml-syntax\n']]]],
      ],
    );
  });
});

// gray-matter 4 reads front matter with js-yaml 3, which takes a tab as indentation (jamstack.org's Eleventy 1
// pages list `supportedgenerators:` items indented with a tab); js-yaml 4 (@11ty/gray-matter, from Eleventy 3.1.7
// and Docusaurus 3.10) refuses them, as YAML 1.2 does.
describe('YAML indented with tabs', () => {
  const post = '---\ntitle: Agit CMS\nsupportedgenerators:\n\t- All\nimages:\n\t- path: /img/a.png\n---\nBody.\n';
  const syntaxErrors = async (files: Record<string, string>, path: string) => {
    const service = createPostcraftService({ fs: inMemorySite({ ...files, [path]: post }) });
    await service.openWorkspace(['/site']);
    return { codes: service.checkText(`/site/${path}`, post).filter((finding) => finding.code === 'yaml-syntax').map((finding) => finding.message) };
  };
  const eleventy = (range: string, lock: Record<string, string> = {}) => ({ '.eleventy.js': 'module.exports = () => ({});\n', 'package.json': `{ "devDependencies": { "@11ty/eleventy": "${range}" } }\n`, ...lock });

  it('is read as with spaces where every release the site builds with reads front matter with js-yaml 3', async () => {
    assert.deepEqual((await syntaxErrors(eleventy('^1.0.0'), 'posts/a.md')).codes, []);
    const pinned = { 'package-lock.json': '{ "packages": { "node_modules/@11ty/eleventy": { "version": "3.1.2", "resolved": "x" } } }\n' };
    assert.deepEqual((await syntaxErrors(eleventy('^3.0.0', pinned), 'posts/a.md')).codes, []);
    const yarn = { 'yarn.lock': '"@docusaurus/core@^3.9.0":\n  version "3.9.2"\n  resolved "x"\n' };
    assert.deepEqual((await syntaxErrors({ 'docusaurus.config.js': 'export default {};', 'package.json': '{ "dependencies": { "@docusaurus/core": "^3.9.0" } }', ...yarn }, 'blog/2020-01-01-a.md')).codes, []);
  });

  it('is a syntax error where the site may build with js-yaml 4, or says nothing of its release', async () => {
    assert.equal((await syntaxErrors(eleventy('^3.0.0'), 'posts/a.md')).codes.length, 2);
    const pnpm = { 'pnpm-lock.yaml': "importers:\n  .:\n    devDependencies:\n      '@11ty/eleventy':\n        specifier: ^3.0.0\n        version: 3.1.8\n" };
    assert.equal((await syntaxErrors(eleventy('^3.0.0', pnpm), 'posts/a.md')).codes.length, 2);
    assert.equal((await syntaxErrors({ '.eleventy.js': 'module.exports = () => ({});\n' }, 'posts/a.md')).codes.length, 2);
    assert.equal((await syntaxErrors({ 'hugo.toml': 'title = "x"\n' }, 'content/posts/a.md')).codes.length, 2);
  });
});
