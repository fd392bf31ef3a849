// The fast path for simple YAML frontmatter must give exactly what the YAML library gives, or decline.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseSimpleYaml } from '../../src/core/frontmatter/simpleYaml';
import { parseYamlWithLibrary } from '../../src/core/frontmatter/yaml';

/** Scalars as writers type them, and the ones YAML reads as something else than text. */
const plainScalar = fc.oneof(
  fc.constantFrom('Post 0', '2015-01-10', '2024-05-01T10:00:00Z', 'false', 'True', 'NULL', '~', 'null', '0', '-0', '+1', '007', '12345678901234567890', '0o17', '0x1F', '0b11', '1_000', '1.', '.5', '-.5e3', '1e3', '.inf', '-.Inf', '.nan', 'a:b', 'a #b', 'a#b', 'C#', 'it\'s', 'say "hi"', 'y', 'yes', 'on', 'ünïcödé ✓', 'x:', '- a', '? a', '& a', '* a', '!tag', '|', '>', '%x', '@x', '`x', '[a]', '{a}', 'a, b', 'a,b', 'a]'),
  fc.stringMatching(/^[a-z0-9 .:#'"\-_]{1,12}$/),
);
const quotedScalar = fc.oneof(
  plainScalar.map((text) => `"${text}"`),
  plainScalar.map((text) => `'${text}'`),
  fc.constantFrom('"a\\"b"', "'it''s'", '"tab\\t"', '""', "''", '"unterminated', "'unterminated"),
);
const scalar = fc.oneof(plainScalar, quotedScalar);
const flowList = fc.array(fc.tuple(fc.constantFrom('', ' ', '  '), scalar, fc.constantFrom('', ' ')), { maxLength: 4 }).chain((items) =>
  fc.constantFrom(',', ', ', ',,').map((separator) => `[${items.map(([before, item, after]) => `${before}${item}${after}`).join(separator)}]`),
);
const comment = fc.constantFrom('', ' # note', '  #x', '#x');
const key = fc.constantFrom('title', 'date', 'tags', 'authors', 'draft', 'images', 'x-y', 'a_b', 'true', 'null', '1', '__proto__', 'title');
const blockList = fc.tuple(fc.constantFrom('', '  ', '    '), fc.array(scalar, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '   ')).map(([indent, items, trailing]) => items.map((item) => `\n${indent}- ${item}${trailing}`).join(''));
const line = fc.oneof(
  fc.tuple(key, fc.constantFrom(' ', '  ', ''), scalar, comment).map(([k, gap, value, note]) => `${k}:${gap}${value}${note}`),
  fc.tuple(key, flowList, comment).map(([k, list, note]) => `${k}: ${list}${note}`),
  fc.tuple(key, fc.constantFrom('', ' '), blockList).map(([k, gap, list]) => `${k}:${gap}${list}`),
  fc.constantFrom('', '# a comment', '  # indented', 'nested:\n  a: b', 'empty:', '...', '---', ' ', 'key : v', '"quoted": key', 'k: |\n  block'),
);
const documents = fc.tuple(fc.array(line, { minLength: 0, maxLength: 8 }), fc.constantFrom('', '\n', '\n\n')).map(([lines, end]) => `${lines.join('\n')}${end}`);

describe('simple YAML frontmatter without the library', () => {
  it('reads what it takes exactly as the YAML library does: fields, ranges, styles, data', () => {
    let taken = 0;
    fc.assert(
      fc.property(documents, fc.nat(50), (source, base) => {
        const fast = parseSimpleYaml(source, base);
        if (!fast) return;
        taken++;
        const full = parseYamlWithLibrary(source, base);
        assert.deepEqual(fast, full, JSON.stringify(source));
      }),
      { numRuns: 10_000 },
    );
    // Most generated documents hold some line the fast path declines; enough must remain to compare.
    assert.ok(taken > 1000, `the fast path took only ${taken} of 10,000 documents`);
  });

  it('takes the frontmatter of a typical post', () => {
    const source = 'title: "Post 0"\ndate: 2015-01-10\ndraft: false\ntags: ["upgrade-mysql-73", canary]\nauthors:\n  - author-20\n';
    assert.ok(parseSimpleYaml(source, 4));
    assert.deepEqual(parseSimpleYaml(source, 4), parseYamlWithLibrary(source, 4));
  });

  it('declines escapes, nested maps, block scalars, duplicate keys, empty values and white space YAML does not trim', () => {
    const unusualSpace = ['title: hello\u00A0\n', 'tags: [a\u00A0, b]\n', 'tags: \u00A0\n  - a\n', 'a: b\u3000\n', 'a: b\u2028\n', 'a: b\f\n', 'a: \uFEFFb\n'];
    for (const source of ['a: "x\\ty"\n', 'a:\n  b: c\n', 'a: |\n  text\n', 'a: 1\na: 2\n', 'a:\nb: 1\n', "a: 'it''s'\n", 'a: [b, [c]]\n', 'a: b # c\n', 'a:\r\n  - b\r\n', ...unusualSpace]) {
      assert.equal(parseSimpleYaml(source, 0), undefined, JSON.stringify(source));
    }
  });
});
