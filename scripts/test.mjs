// `npm test`: everything from a fresh clone. Installs what is missing (npm packages, Debian packages,
// the VS Code hosts), type-checks, runs the unit tests in Node and the integration suite in real
// VS Code hosts (oldest supported and newest), then the web suite in their web worker hosts, and prints one
// summary line.
//   POSTCRAFT_HOSTS=oldest npm test   (limit the hosts)
import { spawnSync } from 'node:child_process';
import { build, ensureDependencies } from './ensureDependencies.mjs';
import { ensureGenerators } from './generators.mjs';
import { hosts } from './host/versions.mjs';
import { projectRoot } from './host/install.mjs';

const started = Date.now();
const results = [];

function step(title) {
  console.log(`\n━━ ${title} ━━`);
}

try {
  step('Dependencies');
  ensureDependencies();
  ensureGenerators(); // Hugo, Jekyll and Eleventy, the oracles of test/unit/oracle/

  step('Type check');
  const typecheck = spawnSync('npm', ['run', '--silent', 'typecheck'], { cwd: projectRoot, stdio: 'inherit' });
  results.push({ name: 'type check', passed: typecheck.status === 0 ? 1 : 0, failed: typecheck.status === 0 ? 0 : 1 });
  // The core alone, with no Node types: it must also run in a browser's web worker (tsconfig.core.json).
  const coreTypecheck = spawnSync('npx', ['tsc', '--noEmit', '-p', 'tsconfig.core.json'], { cwd: projectRoot, stdio: 'inherit' });
  results.push({ name: 'core type check (no Node)', passed: coreTypecheck.status === 0 ? 1 : 0, failed: coreTypecheck.status === 0 ? 0 : 1 });

  step('Build');
  build();

  step('Unit tests (Node)');
  const { runUnitTests } = await import('./unitTests.mjs');
  results.push({ name: 'unit', ...(await runUnitTests()) });

  const { runIntegrationSuite } = await import('./integrationTests.mjs');
  const hostNames = (process.env.POSTCRAFT_HOSTS ?? Object.keys(hosts).join(',')).split(',').filter(Boolean);
  for (const name of hostNames) {
    step(`Integration tests in VS Code ${hosts[name]?.vscode ?? name}`);
    const result = await runIntegrationSuite(name);
    // A host that ran no test is a failure, never a quiet pass.
    results.push({ name: `integration, VS Code ${result.vscode}`, passed: result.passed, failed: result.exitCode !== 0 && result.failed === 0 ? 1 : result.failed });
  }

  // VS Code for the Web: the browser-only extension in the same hosts' web worker extension host.
  const { runWebSuite } = await import('./webTests.mjs');
  for (const name of hostNames) {
    step(`Web tests in the web worker host of VS Code ${hosts[name]?.vscode ?? name}`);
    const result = await runWebSuite(name);
    results.push({ name: `web, VS Code ${result.vscode}`, passed: result.passed, failed: result.exitCode !== 0 && result.failed === 0 ? 1 : result.failed });
  }
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  results.push({ name: 'setup', passed: 0, failed: 1 });
}

step('Summary');
for (const result of results) console.log(`${result.name}: ${result.passed} passed, ${result.failed} failed`);
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`(${Math.round((Date.now() - started) / 1000)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
