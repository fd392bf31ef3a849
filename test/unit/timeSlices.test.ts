// eachInSlices: every item once, at most `concurrency` at a time, with its index.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eachInSlices } from '../../src/core/host/timeSlices';

describe('eachInSlices', () => {
  it('calls each item once with its index, never more than the concurrency at once', async () => {
    for (const [count, concurrency] of [[0, 4], [3, 8], [100, 4], [257, 32]] as const) {
      const seen: number[] = [];
      let running = 0;
      let most = 0;
      const items = Array.from({ length: count }, (_, i) => `item-${i}`);
      await eachInSlices(items, concurrency, async (item, index) => {
        assert.equal(item, `item-${index}`);
        most = Math.max(most, ++running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        seen.push(index);
      });
      assert.deepEqual([...seen].sort((a, b) => a - b), Array.from({ length: count }, (_, i) => i));
      assert.ok(most <= concurrency, `${most} at once with a concurrency of ${concurrency}`);
    }
  });
});
