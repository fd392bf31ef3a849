// Installs the real generators the oracle tests build fixture sites with: Hugo and Jekyll from Debian's
// archive (Hugo 0.111, Jekyll 4.3 on bookworm), and Eleventy from the npm registry into the ignored
// .generators/eleventy/ of the clone. Nothing happens when they are already there (a stamp for Eleventy).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian package per command; pre-commit runs the project's hook in test/unit/ciIntegrations.test.ts. */
const generators = { hugo: 'hugo', jekyll: 'jekyll', 'pre-commit': 'pre-commit' };

/** Pinned exactly, so the oracle's answers change only when this line does. */
export const eleventyVersion = '3.1.8';
/** The markdown-it plugins fixture sites use for heading IDs, so the oracle builds them as their sites do. */
const eleventyPlugins = ['markdown-it-anchor@9.2.0', 'markdown-it-attrs@4.1.6'];
export const eleventyDir = join(dirname(fileURLToPath(import.meta.url)), '..', '.generators', 'eleventy');
const eleventyStamp = join(eleventyDir, `installed-${eleventyVersion}-${eleventyPlugins.join('-').replace(/[@/]/g, '_')}`);

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
}

/** `@11ty/eleventy` and the plugins at their pinned versions; their install scripts are not needed (none build anything). */
function ensureEleventy() {
  if (existsSync(eleventyStamp)) return;
  console.log(`Installing @11ty/eleventy@${eleventyVersion} and ${eleventyPlugins.join(', ')} from the npm registry into .generators/eleventy/`);
  rmSync(eleventyDir, { recursive: true, force: true });
  mkdirSync(eleventyDir, { recursive: true });
  writeFileSync(join(eleventyDir, 'package.json'), `${JSON.stringify({ private: true, description: 'The Eleventy the oracle tests build with (scripts/generators.mjs)' }, null, 2)}\n`);
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', `@11ty/eleventy@${eleventyVersion}`, ...eleventyPlugins], { cwd: eleventyDir });
  writeFileSync(eleventyStamp, '');
}

export function ensureGenerators() {
  ensureEleventy();
  const missing = Object.entries(generators).filter(([command]) => !hasCommand(command)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`The oracle tests (and the pre-commit hook test) need Debian packages: missing ${missing.join(' ')}. Install them with: sudo apt-get install ${missing.join(' ')}`);
  }
  console.log(`Installing the generators from Debian: ${missing.join(' ')}`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', ...missing]);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) ensureGenerators();
