import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IndexedPost, PostWorkers, SiteRecipe } from '../core/index';
import { postWorkerData, type FromPostWorker, type ToPostWorker } from './postWorker';

/**
 * Below this many posts a site is indexed on the main thread: starting the workers (each loads the
 * bundle and the site's files, config and authors) costs more than they save. Measured on two cores,
 * see docs/benchmarks.md "Every core and a smaller start".
 */
export const minPostsForWorkers = 2000;

/** Posts per message: small enough to spread the work evenly, large enough that messages cost little. */
const batchSize = 250;

export interface PostWorkerPoolOptions {
  /** Threads indexing posts; the main thread only records their results. */
  readonly jobs: number;
  readonly minPosts?: number;
  /** The module a worker runs: this bundle (dist/cli.js) by default, src/cli/postWorker.ts under tsx. */
  readonly script?: string;
  readonly execArgv?: readonly string[];
}

export interface PostWorkerPool extends PostWorkers {
  /** Ends the workers; the process can then exit. */
  close(): Promise<void>;
}

/**
 * `--jobs` when not given: one thread per core the process may use, from four cores on. On two, the
 * workers' start (each loads the bundle and the site's files, config and authors) and the copying of
 * their results back cost more than the second core saves (docs/benchmarks.md).
 */
export function defaultJobs(cores = availableParallelism()): number {
  return cores >= minCoresForWorkers ? cores : 1;
}

export const minCoresForWorkers = 4;

export function createPostWorkerPool({ jobs, minPosts = minPostsForWorkers, script = __filename, execArgv }: PostWorkerPoolOptions): PostWorkerPool {
  let workers: Worker[] | undefined;
  let nextSite = 0;
  const start = () => (workers ??= Array.from({ length: jobs }, () => new Worker(script, { workerData: postWorkerData, ...(execArgv ? { execArgv: [...execArgv] } : {}) })));
  return {
    indexPosts(recipe: SiteRecipe, paths: readonly string[], check: boolean): Promise<readonly IndexedPost[]> | undefined {
      if (jobs < 2 || paths.length < minPosts) return undefined;
      return indexOnWorkers(start(), nextSite++, recipe, paths, check);
    },
    async close() {
      await Promise.all((workers ?? []).map((worker) => worker.terminate()));
      workers = undefined;
    },
  };
}

/** Each worker loads the site, then takes the next batch as it finishes one; results come back in the paths' order. */
function indexOnWorkers(workers: readonly Worker[], site: number, recipe: SiteRecipe, paths: readonly string[], check: boolean): Promise<readonly IndexedPost[]> {
  const batches: (readonly string[])[] = [];
  for (let start = 0; start < paths.length; start += batchSize) batches.push(paths.slice(start, start + batchSize));
  const results: (readonly IndexedPost[])[] = new Array(batches.length);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let received = 0;
    const cleanups: (() => void)[] = [];
    const finish = (error?: Error) => {
      for (const cleanup of cleanups) cleanup();
      if (error) reject(error);
      else resolve(results.flat());
    };
    const sendNext = (worker: Worker) => {
      if (sent >= batches.length) return;
      const batch = sent++;
      worker.postMessage({ type: 'posts', site, batch, paths: batches[batch]!, check } satisfies ToPostWorker);
    };
    for (const worker of workers) {
      const onMessage = (message: FromPostWorker) => {
        if (message.type === 'failed') return finish(new Error(`A post worker failed: ${message.message}`));
        results[message.batch] = message.posts;
        if (++received === batches.length) return finish();
        sendNext(worker);
      };
      const onError = (error: Error) => finish(error);
      const onExit = (code: number) => finish(new Error(`A post worker stopped (exit code ${code})`));
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      cleanups.push(() => worker.off('message', onMessage).off('error', onError).off('exit', onExit));
      worker.postMessage({ type: 'site', site, recipe } satisfies ToPostWorker);
      // Two batches each: one to work on, one waiting, so a worker never idles for a round trip.
      sendNext(worker);
      sendNext(worker);
    }
  });
}
