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

const yieldOnce: (callback: () => void) => void = typeof setImmediate === 'function' ? (callback) => setImmediate(callback) : (callback) => setTimeout(callback, 0);
