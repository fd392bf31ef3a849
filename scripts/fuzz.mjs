// `npm run fuzz`: the property tests of test/fuzz/ with their full budget (POSTCRAFT_FUZZ_RUNS cases
// in total, 120k by default; POSTCRAFT_FUZZ_SEED replays a run, POSTCRAFT_FUZZ_ONLY=1,3 picks properties).
import { spawn } from 'node:child_process';
import { projectRoot } from './host/install.mjs';

const child = spawn(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', 'test/fuzz/run.ts'], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { POSTCRAFT_FUZZ_RUNS: '120000', ...process.env },
});
child.on('exit', (code) => {
  process.exitCode = code ?? 1;
});
