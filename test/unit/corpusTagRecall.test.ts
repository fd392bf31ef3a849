import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replaceTagOnce, swapMiddleLetters, tagsOfFrontmatter } from '../../scripts/corpus/tagRecall.mjs';

describe('the corpus tag-recall measure', () => {
  it('swaps two adjacent, different letters near the middle of a tag, and leaves short or letterless tags alone', () => {
    assert.equal(swapMiddleLetters('release'), 'reelase');
    assert.equal(swapMiddleLetters('Node.js 16'), 'Node.sj 16');
    assert.equal(swapMiddleLetters('CI'), undefined);
    assert.equal(swapMiddleLetters('2024'), undefined);
  });

  it('changes the tag in the tags list, not the same word earlier in the title', () => {
    const post = "---\ntitle: 'Discontinuing release posts'\ntags:\n - release\n---\nA release.\n";
    assert.equal(replaceTagOnce(post, 'release', 'reelase'), "---\ntitle: 'Discontinuing release posts'\ntags:\n - reelase\n---\nA release.\n");
  });

  it('changes one use in a flow list and leaves a post without tags as it is', () => {
    assert.equal(replaceTagOnce('---\ntags: [go, "rust", go]\n---\n', 'go', 'og'), '---\ntags: [og, "rust", go]\n---\n');
    assert.equal(replaceTagOnce('---\ntitle: go\n---\n', 'go', 'og'), '---\ntitle: go\n---\n');
  });

  it('reads tags as the generator does: Jekyll splits a string at whitespace, others keep it whole', () => {
    const post = '---\ntags: osb jdeveloper\n---\n';
    assert.deepEqual(tagsOfFrontmatter(post, 'jekyll').tags, ['osb', 'jdeveloper']);
    assert.deepEqual(tagsOfFrontmatter(post, 'hugo').tags, ['osb jdeveloper']);
    assert.deepEqual(tagsOfFrontmatter('+++\ntags = ["a", "b"]\n+++\n', 'hugo'), { tags: ['a', 'b'], toml: true });
  });
});
