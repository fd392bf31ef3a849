import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDataText } from '../../src/core/site/configFiles';
import { formatMessage } from '../../src/core/l10n/message';

const errorOf = (text: string, extension: string) => {
  const { error } = parseDataText(text, extension);
  return error ? formatMessage(error) : '';
};

describe('Config and data files as the generators read them', () => {
  it('reads YAML with a key written twice, the last value winning whole, as Psych and yaml.v2 do', () => {
    const loaded = parseDataText('title: a\nparams:\n  p: 1\ntitle: b\nparams:\n  q: 2\n', '.yaml');
    assert.deepEqual(loaded.data, { title: 'b', params: { q: 2 } });
    assert.match(errorOf('title: a\nparams:\n  p: 1\ntitle: b\nparams:\n  q: 2\n', '.yaml'), /"title" \(line 4\), "params" \(line 5\)/);
  });

  it('notes duplicates inside nested and flow mappings too', () => {
    assert.match(errorOf('menu: {a: 1, a: 2}\n', '.yml'), /"a" \(line 1\)/);
  });

  it('still refuses YAML that does not parse, with its line', () => {
    const loaded = parseDataText('title: a\nlist: [1, 2\n', '.yml');
    assert.deepEqual(loaded.data, {});
    assert.match(errorOf('title: a\nlist: [1, 2\n', '.yml'), /line \d/);
  });

  it('reads a quoted value continued at a lower indent as libyaml folds it (jekyll and hugo build such configs)', () => {
    const loaded = parseDataText('title: Blog\ndescription: "Notes on gardens\nand seeds"\nauthors:\n  sam:\n    name: Sam\n', '.yml');
    assert.equal(loaded.error, undefined);
    assert.deepEqual(loaded.data, { title: 'Blog', description: 'Notes on gardens and seeds', authors: { sam: { name: 'Sam' } } });
  });

  it('keeps TOML strict: a duplicate key is an error there for Hugo too', () => {
    assert.ok(parseDataText('title = "a"\ntitle = "b"\n', '.toml').error);
  });
});
