// libyaml (Hugo's yaml.v2, Jekyll's Psych) ignores the indentation of a quoted value's lines: such a
// value must read the same as when its lines are indented enough for YAML 1.2.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseFrontmatter } from '../../src/core/frontmatter/parse';

const word = fc.constantFrom('a', 'long', 'title:', '- item', '#not-a-comment', 'x: y', '[b]', 'ünï', '\\"', "''");
const line = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const quotedLines = fc.tuple(fc.constantFrom('"', "'"), fc.array(fc.oneof(line, fc.constant('')), { minLength: 2, maxLength: 5 })).map(([quote, lines]) =>
  // Inside single quotes a backslash is text and '' is the quote; inside double quotes \" is.
  ({ quote, lines: lines.map((text) => (quote === "'" ? text.replace(/\\"/g, '"') : text.replace(/''/g, "'"))) }),
);

describe('quoted values continued at a lower indent', () => {
  it('read as the same value as with their lines indented, with one note and no error', () => {
    fc.assert(
      fc.property(quotedLines, fc.constantFrom('', '  '), ({ quote, lines }, outdent) => {
        const scalar = (indent: string) => `${quote}${lines.map((text, index) => (index === 0 || text === '' ? text : indent + text)).join('\n')}${quote}`;
        const frontmatter = (indent: string, keyIndent: string) => parseFrontmatter(`---\nparams:\n${keyIndent}d: ${scalar(indent)}\ndraft: true\n---\n`)!;
        const strict = frontmatter('      ', '    ');
        fc.pre(strict.problems.length === 0 && lines.slice(1).some((text) => text !== ''));
        const lenient = frontmatter(outdent, '    ');
        assert.deepEqual(lenient.data, strict.data);
        assert.deepEqual(lenient.problems.map((problem) => problem.severity), ['info']);
      }),
      { numRuns: 500 },
    );
  });
});
