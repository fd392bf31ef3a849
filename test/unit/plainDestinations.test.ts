import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainDestinationMatches } from '../../src/core/post/markdownStructure';

// The plain-prose scan's destinations, found from each `[`, must be matchAll's with the same pattern.
const plainDestination = /(\[[^[\]\n]*\]\([ ]*)([^\s()]+)(?:[ ]+"[^"\n]*")?[ ]*\)/g;
const shape = (matches: Iterable<RegExpMatchArray>) => [...matches].map((match) => [match.index, match[0], match[1], match[2]]);

describe('plainDestinationMatches', () => {
  it('finds what matchAll finds (property)', () => {
    const piece = fc.constantFrom('[', ']', '(', ')', '![', '](', ' ', '  ', '"', '"t"', '\n', 'a', 'word ', 'x.png', '/p/', '#h', '[a](b)', '![c](d.png "e")', '[[', '))');
    const body = fc.oneof(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')), fc.string());
    fc.assert(fc.property(body, (text) => assert.deepEqual(shape(plainDestinationMatches(text)), shape(text.matchAll(plainDestination)))), { numRuns: 20_000 });
  });

  it('finds links and images in prose', () => {
    assert.deepEqual(shape(plainDestinationMatches('See [a](/x/) and ![b](img.png "t").')), [[4, '[a](/x/)', '[a](', '/x/'], [18, '[b](img.png "t")', '[b](', 'img.png']]);
    // A `[` inside a destination starts no second, overlapping find.
    assert.deepEqual(shape(plainDestinationMatches('[a](x[b)](c)')), [[0, '[a](x[b)', '[a](', 'x[b']]);
  });
});
