// Installs the real generators the oracle tests build fixture sites with: Hugo and Jekyll from Debian's
// archive (Hugo 0.111, Jekyll 4.3 on bookworm). Nothing happens when both commands are already there.
import { spawnSync } from 'node:child_process';

/** Debian package per command. */
const generators = { hugo: 'hugo', jekyll: 'jekyll' };

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
}

export function ensureGenerators() {
  const missing = Object.entries(generators).filter(([command]) => !hasCommand(command)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`The oracle tests need the generators: missing Debian packages ${missing.join(' ')}. Install them with: sudo apt-get install ${missing.join(' ')}`);
  }
  console.log(`Installing the generators from Debian: ${missing.join(' ')}`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', ...missing]);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) ensureGenerators();
