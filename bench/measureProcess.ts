// Runs one command as a child process: wall time, peak RSS and CPU time (GNU time, when /usr/bin/time exists),
// output, and a time limit that kills the whole process group.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessRun {
  readonly ms: number;
  /** Undefined when /usr/bin/time is missing (reported as n/a) or the run was killed. */
  readonly maxRssKb: number | undefined;
  /** User and system CPU time (GNU time's %U and %S), which a loaded machine sways less than the wall time. */
  readonly cpuMs: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
}

const gnuTime = '/usr/bin/time';
export const canMeasureMemory = existsSync(gnuTime);

export async function runMeasured(command: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<ProcessRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'postcraft-bench-'));
  const rssFile = join(scratch, 'rss');
  // -o keeps GNU time's line out of the tool's own stderr, which is parsed.
  const [file, argv] = canMeasureMemory ? [gnuTime, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, [...args]];
  const start = performance.now();
  // Detached: a new process group, so a time-out kills the tool and not only GNU time.
  const child = spawn(file, argv, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, timeoutMs);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const elapsed = performance.now() - start;
  clearTimeout(timer);
  const [rss, user, system] = (!timedOut && existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)!.split(' ') : []).map(Number);
  rmSync(scratch, { recursive: true, force: true });
  return {
    ms: elapsed,
    maxRssKb: rss !== undefined && Number.isFinite(rss) ? rss : undefined,
    cpuMs: user !== undefined && system !== undefined && Number.isFinite(user + system) ? (user + system) * 1000 : undefined,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    exitCode,
    timedOut,
  };
}
