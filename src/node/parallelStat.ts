import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileStat } from '../core/host/fileSystem';
import { statBlocking } from './blockingNodeFileSystem';

/**
 * Stats many paths as `blockingNodeFileSystem.stat` does, with a second thread where there are two cores.
 * What `postcraft check --cache` spends much of a re-run on: a 10,000-post site with its images is 23,000
 * stats, about 100 ms on one thread, and the kernel serves two threads at once. The paths go in chunks
 * that the main thread and a worker take in turn from a shared counter, so the worker only ever helps: on
 * a machine whose other cores are busy it takes few chunks or none, and the main thread does what is left
 * without waiting for it (it waits only for a chunk the worker has started). The worker starts when this is
 * called (about 30 ms, while the caller lists the folders whose files it will stat) and holds the process
 * open only while it works. It is a few lines of its own, not the CLI's bundle, which would cost more to
 * load than it saves; `test/unit/parallelStat.test.ts` holds its answers equal to `blockingNodeFileSystem.stat`'s.
 */
export function parallelStat({ cores = availableParallelism(), minPaths = 4096, mainThreadTakes = true } = {}): (paths: readonly string[]) => Promise<(FileStat | undefined)[]> {
  const onThisThread = (paths: readonly string[]) => paths.map(statBlocking);
  if (cores < 2) return async (paths) => onThisThread(paths);
  const worker = startWorker(mainThreadTakes);
  return async (paths) => (paths.length < minPaths || worker.failed() ? onThisThread(paths) : worker.statTogether(paths));
}

/** Paths per chunk: small enough that the last chunk the worker takes is soon done, large enough to keep the counter cold. */
const chunkSize = 256;
/** How long the main thread waits for a chunk the worker started before it stats that chunk itself. */
const chunkWaitMs = 1000;

// control[0]: the next chunk to take; control[1]: chunks the worker is statting now. Each path's kind (0
// missing, 1 file, 2 folder; -1 not done yet), size and mtime: three numbers in shared memory.
const workerSource = `
const { statSync } = require('node:fs');
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ paths, control, stats, chunkSize }) => {
  const chunks = Math.ceil(paths.length / chunkSize);
  for (;;) {
    Atomics.add(control, 1, 1);
    const chunk = Atomics.add(control, 0, 1);
    if (chunk < chunks) {
      for (let i = chunk * chunkSize; i < Math.min(paths.length, (chunk + 1) * chunkSize); i++) {
        try {
          const stat = statSync(paths[i]);
          stats[3 * i + 1] = stat.size;
          stats[3 * i + 2] = stat.mtimeMs;
          stats[3 * i] = stat.isDirectory() ? 2 : 1;
        } catch {
          stats[3 * i] = 0;
        }
      }
    }
    Atomics.sub(control, 1, 1);
    Atomics.notify(control, 1);
    if (chunk >= chunks) break;
  }
});`;

/** `mainThreadTakes` false: the worker stats every path, and the main thread waits (for tests of the worker's answers). */
function startWorker(mainThreadTakes: boolean): { statTogether(paths: readonly string[]): Promise<(FileStat | undefined)[]>; failed(): boolean } {
  const worker = new Worker(workerSource, { eval: true });
  let failed = false;
  worker.on('error', () => (failed = true));
  worker.on('exit', () => (failed = true));
  worker.unref(); // it keeps no process alive
  let busy = Promise.resolve();
  const statTogether = (paths: readonly string[]): (FileStat | undefined)[] => {
    const control = new Int32Array(new SharedArrayBuffer(8));
    const stats = new Float64Array(new SharedArrayBuffer(paths.length * 3 * Float64Array.BYTES_PER_ELEMENT));
    for (let i = 0; i < paths.length; i++) stats[3 * i] = -1;
    worker.postMessage({ paths, control, stats, chunkSize });
    const found: (FileStat | undefined)[] = new Array(paths.length);
    const chunks = Math.ceil(paths.length / chunkSize);
    const ours = new Uint8Array(chunks);
    for (let chunk = mainThreadTakes ? Atomics.add(control, 0, 1) : chunks; chunk < chunks; chunk = Atomics.add(control, 0, 1)) {
      ours[chunk] = 1;
      for (let i = chunk * chunkSize; i < Math.min(paths.length, (chunk + 1) * chunkSize); i++) found[i] = statBlocking(paths[i]!);
    }
    // Every chunk is taken: wait for those the worker is on (Atomics make its writes seen once it says so).
    if (!mainThreadTakes) while (Atomics.load(control, 0) < chunks) Atomics.wait(control, 1, 0, 10);
    const deadline = Date.now() + chunkWaitMs;
    for (let statting = Atomics.load(control, 1); statting !== 0 && Date.now() < deadline; statting = Atomics.load(control, 1)) Atomics.wait(control, 1, statting, chunkWaitMs);
    for (let chunk = 0; chunk < chunks; chunk++) {
      if (ours[chunk]) continue;
      for (let i = chunk * chunkSize; i < Math.min(paths.length, (chunk + 1) * chunkSize); i++) {
        const kind = stats[3 * i];
        // Not done in time (a worker stopped mid-chunk): statted here.
        found[i] = kind === -1 ? statBlocking(paths[i]!) : kind === 0 ? undefined : { type: kind === 2 ? 'directory' : 'file', size: stats[3 * i + 1]!, mtime: stats[3 * i + 2]! };
      }
    }
    return found;
  };
  return {
    // One batch at a time: the worker takes its messages in turn anyway.
    statTogether: (paths) => {
      const answer = busy.then(() => statTogether(paths));
      busy = answer.then(
        () => undefined,
        () => undefined,
      );
      return answer;
    },
    failed: () => failed,
  };
}
