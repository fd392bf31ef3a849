import type { CheckOptions } from './runChecks';

/**
 * The check options as text that two equal sets of options share whatever their order: what the caches
 * compare to tell whether findings were made with the options asked for now.
 */
export function checkOptionsKey(options: CheckOptions): string {
  return JSON.stringify([Object.entries(options.severities ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)), options.reportUnusedDisable === true]);
}
