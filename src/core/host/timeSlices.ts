/**
 * Long work in slices: `next()` resolves at once until `sliceMs` of work has gone by, then after one turn
 * of the event loop. The extension host runs every extension on one thread: a loop over a whole site
 * whose steps finish in microtasks (cached reads, fast checks) never lets anything else run, and held it
 * for over a tenth of a second. Costs a few microseconds per slice in the CLI.
 */
export class TimeSlices {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = 8) {}

  next(): Promise<void> | undefined {
    if (performance.now() - this.sliceStart < this.sliceMs) return undefined;
    return new Promise<void>((resolve) => {
      yieldOnce(() => {
        this.sliceStart = performance.now();
        resolve();
      });
    });
  }
}

/**
 * `each` over `items`, `concurrency` at a time (so that reads overlap their waits), in time slices (see
 * TimeSlices). Each call gets the item's index, for results kept in order.
 */
export async function eachInSlices<T>(items: readonly T[], concurrency: number, each: (item: T, index: number) => Promise<void>): Promise<void> {
  const slices = new TimeSlices();
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      await slices.next();
      const index = next++;
      if (index >= items.length) break;
      await each(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * One turn of the event loop. Node's `setImmediate` where the runtime has one (the CLI, the desktop
 * extension host, the language server): it runs before timers, while `setTimeout(0)` waits a millisecond.
 * A browser's web worker has none; there a message to ourselves, which is not clamped to 4 ms as nested
 * timeouts are. Looked up at run time, so the core needs no Node types (tsconfig.core.json).
 */
const yieldOnce: (callback: () => void) => void = (() => {
  const { setImmediate } = globalThis as { setImmediate?: (callback: () => void) => unknown };
  if (typeof setImmediate === 'function') return (callback) => void setImmediate(callback);
  if (typeof MessageChannel === 'function') {
    const waiting: (() => void)[] = [];
    const channel = new MessageChannel();
    channel.port1.addEventListener('message', () => waiting.shift()?.());
    channel.port1.start();
    return (callback) => {
      waiting.push(callback);
      channel.port2.postMessage(undefined);
    };
  }
  return (callback) => void setTimeout(callback, 0);
})();
