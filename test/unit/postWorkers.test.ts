import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkSites } from '../../src/cli/checkSite';
import { createPostWorkerPool, defaultJobs } from '../../src/cli/postWorkerPool';
import { toSitePath, type PostWorkers } from '../../src/core/index';
import { blockingNodeFileSystem } from '../../src/node/index';
import { fixtureSites } from './support/fixtureSites';

// The posts indexed and half-checked by two worker threads give the findings of the single-threaded run,
// message, range and fix alike. `minPosts: 0` sends even these small sites to the workers.
describe('findings with post workers are those of one thread', () => {
  const pool = createPostWorkerPool({ jobs: 2, minPosts: 0, script: fileURLToPath(new URL('./support/postWorker.mjs', import.meta.url)) });
  after(() => pool.close());

  for (const site of fixtureSites()) {
    it(site.name, async () => {
      const root = toSitePath(site.root);
      const alone = await checkSites(blockingNodeFileSystem, root, {});
      let sent = 0;
      const counted: PostWorkers = { indexPosts: (...args) => (sent++, pool.indexPosts(...args)) };
      const spread = await checkSites(blockingNodeFileSystem, root, { postWorkers: counted });
      assert.deepEqual(spread, alone);
      assert.equal(sent, alone.sites.length, 'every site went to the workers');
    });
  }

  it('uses one thread by default on one or two cores, one per core from four', () => {
    assert.deepEqual([1, 2, 3, 4, 16].map((cores) => defaultJobs(cores)), [1, 1, 1, 4, 16]);
  });

  it('declines a site below its threshold, which is then indexed on this thread', () => {
    const small = createPostWorkerPool({ jobs: 2, minPosts: 10 });
    assert.equal(small.indexPosts({ root: '/site', generator: 'hugo', configFile: undefined, files: [], truncated: false }, ['/site/content/a.md'], true), undefined);
    assert.equal(createPostWorkerPool({ jobs: 1, minPosts: 0 }).indexPosts({ root: '/site', generator: 'hugo', configFile: undefined, files: [], truncated: false }, ['/site/content/a.md'], true), undefined);
  });
});
