import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileStat } from '../core/host/fileSystem';
import { statBlocking } from './blockingNodeFileSystem';

/**
 * Stats many paths as `blockingNodeFileSystem.stat` does, on two threads where there are two cores: the
 * main thread stats the first half while a worker stats the rest. What `postcraft check --cache` spends
 * most of a re-run on: a 10,000-post site with its images is 45,000 stats, about 200 ms on one thread,
 * and the kernel serves two threads at once. The worker starts when this is called (about 30 ms, while
 * the caller lists the folders whose files it will stat) and holds the process open only while it
 * works. It is a few lines of its own, not the CLI's bundle, which would cost more to load than it
 * saves; `test/unit/parallelStat.test.ts` holds its answers equal to `blockingNodeFileSystem.stat`'s.
 */
export function parallelStat({ cores = availableParallelism(), minPaths = 8000 } = {}): (paths: readonly string[]) => Promise<(FileStat | undefined)[]> {
  const onThisThread = (paths: readonly string[]) => paths.map(statBlocking);
  if (cores < 2) return async (paths) => onThisThread(paths);
  const worker = startWorker();
  let queue = Promise.resolve();
  return async (paths) => {
    if (paths.length < minPaths) return onThisThread(paths);
    const split = Math.ceil(paths.length / 2);
    const rest = paths.slice(split);
    const answer = queue.then(() => worker.stat(rest));
    queue = answer.then(
      () => undefined,
      () => undefined,
    );
    const first = onThisThread(paths.slice(0, split));
    return [...first, ...((await answer.catch(() => undefined)) ?? onThisThread(rest))];
  };
}

// Each path's kind (0 missing, 1 file, 2 folder), size and mtime: three numbers in one transferred buffer.
const workerSource = `
const { statSync } = require('node:fs');
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (paths) => {
  const stats = new Float64Array(paths.length * 3);
  for (let i = 0; i < paths.length; i++) {
    try {
      const stat = statSync(paths[i]);
      stats[3 * i] = stat.isDirectory() ? 2 : 1;
      stats[3 * i + 1] = stat.size;
      stats[3 * i + 2] = stat.mtimeMs;
    } catch {}
  }
  parentPort.postMessage(stats, [stats.buffer]);
});`;

function startWorker(): { stat(paths: readonly string[]): Promise<(FileStat | undefined)[]> } {
  const worker = new Worker(workerSource, { eval: true });
  let failure: Error | undefined;
  let waiting: { resolve(stats: Float64Array): void; reject(error: Error): void } | undefined;
  const fail = (error: Error) => {
    failure = error;
    waiting?.reject(error);
  };
  worker.on('message', (stats: Float64Array) => waiting?.resolve(stats));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the stat worker stopped (exit code ${code})`)));
  worker.unref(); // idle, it keeps no process alive
  return {
    async stat(paths) {
      if (failure) throw failure;
      worker.ref();
      try {
        const stats = await new Promise<Float64Array>((resolve, reject) => {
          waiting = { resolve, reject };
          worker.postMessage(paths);
        });
        return paths.map((_, i) => (stats[3 * i] === 0 ? undefined : { type: stats[3 * i] === 2 ? 'directory' : 'file', size: stats[3 * i + 1]!, mtime: stats[3 * i + 2]! }));
      } finally {
        waiting = undefined;
        worker.unref();
      }
    },
  };
}
