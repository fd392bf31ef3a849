import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CandidateIndex, closestMatches } from '../../src/core/text/similarity';

describe('CandidateIndex', () => {
  it('suggests what closestMatches suggests, in its order (property)', () => {
    const piece = fc.constantFrom('post', 'Post', 'posts', '-', '_', ' ', '1', '12', 'a', 'é', 'e\u0301', 'kubernetes', 'kuberentes', 'K8s', 'x', 'ß', 'İ');
    const word = fc.oneof(fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join('')), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), word, fc.integer({ min: 1, max: 5 }), (candidates, asked, limit) => {
        assert.deepEqual(new CandidateIndex(candidates).closestMatches(asked, limit), closestMatches(asked, candidates, limit));
      }),
      { numRuns: 5_000 },
    );
  });

  it('finds typos, variants and case alike', () => {
    const index = new CandidateIndex(['kubernetes', 'Kubernetes', 'helm-charts', 'go']);
    assert.deepEqual(index.closestMatches('kuberentes', 3), ['kubernetes', 'Kubernetes']);
    assert.deepEqual(index.closestMatches('helm_chart', 3), ['helm-charts']);
  });
});
