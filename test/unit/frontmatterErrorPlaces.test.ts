// Each syntax error is reported where the writer made the mistake, not where the parser noticed it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFrontmatter } from '../../src/core/frontmatter/parse';

/**
 * A frontmatter body with the expected range of its one error between ⟨ and ⟩, and the code and
 * words the message must hold.
 */
interface Mistake {
  readonly name: string;
  readonly marked: string;
  readonly code: string;
  readonly message: RegExp;
}

const yamlMistakes: Mistake[] = [
  { name: 'an unclosed double quote, more lines after it', marked: 'title: ⟨"Hello⟩\ndate: 2020-01-01\ntags: [a]\ndraft: false\n', code: 'yaml-syntax', message: /" opened here is never closed/ },
  { name: 'an unclosed single quote on the last line', marked: "title: x\ndescription: ⟨'Hello⟩\n", code: 'yaml-syntax', message: /' opened here is never closed/ },
  { name: 'an unclosed quote that runs on to a later value', marked: 'title: ⟨"Hello⟩  \ndate: 2020-01-01\ndescription: "Something"\n', code: 'yaml-syntax', message: /not closed on its line/ },
  { name: 'a tab as indentation', marked: 'tags:\n⟨\t⟩- a\n', code: 'yaml-syntax', message: /Tabs/ },
  { name: 'a line indented under a key that has its value', marked: 'title: x\n  ⟨date: 2020⟩\n', code: 'yaml-syntax', message: /indented as if it belonged to the key above/ },
  { name: 'a mapping item out of column', marked: 'params:\n  a: 1\n ⟨b⟩: 2\n', code: 'yaml-syntax', message: /same column/ },
  { name: 'a list item out of column', marked: 'tags:\n  - a\n ⟨- b⟩\n', code: 'yaml-syntax', message: /list item is indented less/ },
  { name: 'a missing colon between lines', marked: 'title: x\n⟨date 2020-01-01⟩\ntags: [a]\n', code: 'yaml-syntax', message: /":" missing/ },
  { name: 'a missing colon on the last line', marked: 'title: x\n⟨date 2020-01-01⟩\n', code: 'yaml-syntax', message: /":" missing/ },
  { name: 'no space after the colon', marked: '⟨title:NoSpace⟩\ndescription: y\n', code: 'yaml-syntax', message: /needs a space after it/ },
  { name: 'key: value: more', marked: 'title: ⟨Hello: world⟩\ndate: 2020\n', code: 'yaml-syntax', message: /quote the whole value/ },
  { name: 'a quoted value followed by ": more"', marked: 'title: ⟨"Hello": world⟩\n', code: 'yaml-syntax', message: /quote the whole value/ },
  { name: 'a value starting with a list', marked: 'title: ⟨[Draft] Notes from May⟩\ndate: 2020-01-01\n', code: 'yaml-syntax', message: /starting with "\[" is a list/ },
  { name: 'a value starting with an alias', marked: 'title: ⟨*Bold* moves⟩\n', code: 'yaml-syntax', message: /is an alias/ },
  { name: 'unescaped quotes inside double quotes', marked: 'title: ⟨"Say "hi" now"⟩\n', code: 'yaml-syntax', message: /write \\" for a quote inside/ },
  { name: 'an apostrophe inside single quotes', marked: "tags:\n  - ⟨'It's here'⟩\n", code: 'yaml-syntax', message: /write '' for a quote inside/ },
  { name: 'a value starting with a reserved character', marked: 'title: ⟨@home notes⟩\n', code: 'yaml-syntax', message: /cannot start with "@"; quote/ },
  { name: 'an unclosed flow list, more keys after it', marked: 'title: x\ntags: ⟨[a, b⟩\ndraft: true\n', code: 'yaml-syntax', message: /"\[" opened here is never closed/ },
  { name: 'an unclosed flow list on the last line', marked: 'title: x\ntags: ⟨[a, b⟩\n', code: 'yaml-syntax', message: /never closed with "\]"/ },
  { name: 'an unclosed flow mapping', marked: 'cover: ⟨{image: a.png⟩\ntitle: x\n', code: 'yaml-syntax', message: /never closed with "\}"/ },
];

const tomlMistakes: Mistake[] = [
  { name: 'an unclosed string, more lines after it', marked: 'title = ⟨"Hello⟩\ndate = 2020-01-01\n', code: 'toml-syntax', message: /not closed on its line/ },
  { name: 'an unclosed literal string on the last line', marked: "date = 2020-01-01\ntitle = ⟨'Hello⟩\n", code: 'toml-syntax', message: /not closed on its line/ },
  { name: 'an unclosed multi-line string', marked: 'title = ⟨"""Hello⟩\ndate = 2020-01-01\n', code: 'toml-syntax', message: /never closed/ },
  { name: 'an unclosed array, a key after it', marked: 'title = "x"\ntags = ⟨["a", "b"⟩\ndate = 2020-01-01\n', code: 'toml-syntax', message: /"\[" opened here is never closed/ },
  { name: 'an unclosed array, a table after it', marked: 'tags = ⟨["a", "b"⟩\n[params]\nx = 1\n', code: 'toml-syntax', message: /never closed/ },
  { name: 'an unclosed array, a key on the next line', marked: 'title = "x"\ntags = ⟨["a",⟩\ndate = 2020-01-01\n', code: 'toml-syntax', message: /never closed/ },
  { name: 'an unclosed array at the end', marked: 'title = "x"\ntags = ⟨["a",⟩\n', code: 'toml-syntax', message: /never closed/ },
  { name: 'a missing comma in a multi-line array', marked: 'tags = [\n  "a"\n  ⟨"b"⟩\n]\n', code: 'toml-syntax', message: /comma/ },
  { name: 'a table defined twice', marked: 'title = "x"\n[params]\na = 1\n⟨[params]⟩\nb = 2\n', code: 'toml-syntax', message: /already defined/ },
  { name: 'a key defined twice', marked: 'title = "x"\n⟨title⟩ = "y"\n', code: 'toml-syntax', message: /key is already defined above/ },
  { name: 'a missing equals sign', marked: 'title = "x"\n⟨date 2020-01-01⟩\n', code: 'toml-syntax', message: /"=" missing/ },
  { name: 'an unquoted string', marked: 'title = ⟨Hello⟩ world\n', code: 'toml-syntax', message: /invalid value/ },
];

function check(mistake: Mistake, delimiter: string): void {
  const body = mistake.marked.replace(/[⟨⟩]/g, '');
  const text = `${delimiter}\n${body}${delimiter}\nBody\n`;
  const start = mistake.marked.indexOf('⟨') + delimiter.length + 1;
  const end = mistake.marked.indexOf('⟩') - 1 + delimiter.length + 1;
  // Only the error: a key written twice also has its duplicate-key warning, with the fix.
  const problems = parseFrontmatter(text)!.problems.filter((problem) => problem.severity === 'error');
  assert.equal(problems.length, 1, JSON.stringify(problems));
  const [problem] = problems;
  assert.deepEqual([problem!.code, problem!.severity, text.slice(problem!.range.start, problem!.range.end)], [mistake.code, 'error', text.slice(start, end)]);
  assert.equal(problem!.range.start, start);
  assert.match(problem!.message, mistake.message);
}

describe('syntax errors are reported at the mistake', () => {
  for (const mistake of yamlMistakes) it(`YAML: ${mistake.name}`, () => check(mistake, '---'));
  for (const mistake of tomlMistakes) it(`TOML: ${mistake.name}`, () => check(mistake, '+++'));
});
