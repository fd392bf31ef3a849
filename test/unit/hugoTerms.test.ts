import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unicodeSanitize } from '../../src/core/site/generators/hugo/terms';

/** Hugo's UnicodeSanitize character by character, as terms.ts wrote it before its plain-ASCII fast path. */
function plainUnicodeSanitize(text: string): string {
  const source = [...text];
  let target = '';
  let pendingHyphen = false;
  let wasHyphen = false;
  source.forEach((char, index) => {
    const kept = new Set(['.', '/', '\\', '_', '#', '+', '~', '-', '@']).has(char) || /[\p{L}\p{Nd}\p{M}]/u.test(char) || (char === '%' && /[0-9a-f]/i.test(source[index + 1] ?? '') && /[0-9a-f]/i.test(source[index + 2] ?? ''));
    if (kept) {
      wasHyphen = char === '-';
      if (pendingHyphen && !wasHyphen) target += '-';
      pendingHyphen = false;
      target += char;
    } else if (target !== '' && !wasHyphen && /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(char)) pendingHyphen = true;
  });
  return target;
}

describe("Hugo's UnicodeSanitize", () => {
  it('keeps letters, digits, marks and some punctuation; a run of spaces is one hyphen', () => {
    assert.equal(unicodeSanitize('C++ & Go!'), 'C++-Go');
    assert.equal(unicodeSanitize('/blog/2019/post-7034/'), '/blog/2019/post-7034/');
    assert.equal(unicodeSanitize('Inés  Año %2F %zz'), 'Inés-Año-%2F-zz');
  });

  it('sanitizes as the character-by-character definition does (property)', () => {
    const piece = fc.constantFrom('a', 'Z', '0', '/', '.', '-', '_', '#', '+', '~', '@', '\\', '%', '%2f', '%zz', ' ', '  ', '\t', '!', '&', 'é', 'e\u0301', '\u00a0', '日本', '😀', ':', '?');
    const text = fc.oneof(fc.array(piece, { maxLength: 10 }).map((pieces) => pieces.join('')), fc.string(), fc.string({ unit: 'binary' }));
    fc.assert(fc.property(text, (value) => unicodeSanitize(value) === plainUnicodeSanitize(value)), { numRuns: 20_000 });
  });
});
