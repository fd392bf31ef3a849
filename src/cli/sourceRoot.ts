import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The root of the repository holding `folder` (the nearest folder up with `.git`, a folder or, in a
 * worktree or submodule, a file), or `folder` itself outside a repository. GitHub reads the paths of
 * SARIF results and annotations relative to the repository root, not to the site.
 */
export function repositoryRoot(folder: string): string {
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return folder;
  }
}
