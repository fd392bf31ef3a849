import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

/** Top-level folders never copied: version control, dependencies and earlier build output. */
const skippedNames = new Set(['.git', 'node_modules', 'public', '_site', 'resources/_gen', '.jekyll-cache', '.sass-cache']);

/** A throwaway copy of a site to build in, removed by `dispose`. The original is never written. */
export function copySite(root: string, label: string): { dir: string; site: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `postcraft-oracle-${label}-`));
  const site = join(dir, 'site');
  cpSync(root, site, { recursive: true, filter: (source) => !skippedNames.has(relative(root, source).split(sep).join('/')) });
  // POSTCRAFT_ORACLE_KEEP=1 keeps the copy to rerun the generator by hand.
  const dispose = () => (process.env['POSTCRAFT_ORACLE_KEEP'] ? console.error(`kept ${dir}`) : rmSync(dir, { recursive: true, force: true }));
  return { dir, site, dispose };
}

/** Every file below `dir`, relative to it with `/` separators. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** A page's source, not a template, config or data file: only those are left out of a build that failed. */
export function isContentFile(file: string): boolean {
  return /\.(md|markdown|mdown|mkdn|mkd|mdx|html?|org|adoc|pandoc|rst)$/i.test(file) && !/^(layouts|themes|_layouts|_includes)\//.test(file);
}

/** The content files named in a generator's error output (absolute paths inside the copy), relative to it. */
export function filesNamedIn(output: string, site: string): string[] {
  const prefix = `${site}${sep}`;
  const named = new Set<string>();
  let at = output.indexOf(prefix);
  while (at !== -1) {
    const match = /^[^\s"':]+/.exec(output.slice(at + prefix.length));
    if (match) named.add(match[0].replace(/[.,)]+$/, ''));
    at = output.indexOf(prefix, at + prefix.length);
  }
  return [...named].filter(isContentFile);
}

/** A whole real site can take minutes on a busy machine; a fixture takes a second. POSTCRAFT_ORACLE_TIMEOUT_MINUTES changes it. */
export const buildTimeoutMs = Number(process.env['POSTCRAFT_ORACLE_TIMEOUT_MINUTES'] ?? 20) * 60_000;

/** Why a generator's run ended without output worth reading (killed by the timeout, or silent). */
export function describeExit(result: { status: number | null; signal: NodeJS.Signals | null; error?: Error; stdout: string; stderr: string }): string {
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || result.signal === 'SIGTERM';
  if (timedOut) return `the generator was stopped after ${buildTimeoutMs / 60_000} minutes`;
  if (result.error || result.signal) return `the generator did not run to the end: ${result.error?.message ?? result.signal}`;
  if (`${result.stdout}${result.stderr}`.trim() === '') return `the generator exited with code ${result.status} and said nothing`;
  return '';
}
