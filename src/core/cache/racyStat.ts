/**
 * How long before a run's start a file's mtime may hide a later write: a write in the same clock tick as
 * the read leaves size and mtime as they were (git's "racy" files), and some file systems keep mtimes to
 * the second or two.
 */
export const racyMs = 2000;

/**
 * Whether a size and mtime equal to those recorded still show the file unchanged: not when it was modified
 * within `racyMs` before the recording run started, nor on a file system that keeps no mtimes (0).
 */
export function statStillTells(mtime: number, recordedAt: number): boolean {
  return mtime > 0 && mtime < recordedAt - racyMs;
}
