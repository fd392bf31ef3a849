// Timing samples and how they are printed.
export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: sorted.length };
}

export async function time(fn: () => Promise<unknown> | unknown, count: number): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

export const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
/** `median ms (min–max)`, in seconds from 10 s; a single sample alone. */
export function range(s: Stats): string {
  const [unit, scale, digits] = s.median >= 10_000 ? ['s', 1000, (v: number) => v.toFixed(1)] : ['ms', 1, ms];
  const value = (v: number) => digits(v / scale);
  return s.runs === 1 ? `${value(s.median)} ${unit}` : `${value(s.median)} ${unit} (${value(s.min)}–${value(s.max)})`;
}
export const ratio = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)}×`;
