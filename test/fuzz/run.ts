// The full fuzz run: every property of ./properties.ts with its share of POSTCRAFT_FUZZ_RUNS cases
// (120k by default). Prints cases, failures with their seed and counterexample, and the slowest case.
// Failing cases are reported unshrunk unless POSTCRAFT_FUZZ_SHRINK=1.
import fc from 'fast-check';
import { properties, runProperty, runsFor } from './properties';

async function main(): Promise<void> {
  const total = Number(process.env['POSTCRAFT_FUZZ_RUNS'] ?? 120_000);
  const seed = process.env['POSTCRAFT_FUZZ_SEED'] === undefined ? undefined : Number(process.env['POSTCRAFT_FUZZ_SEED']);
  const only = process.env['POSTCRAFT_FUZZ_ONLY'];
  const started = performance.now();
  let cases = 0;
  let failed = 0;
  for (const [index, property] of properties.entries()) {
    if (only !== undefined && !only.split(',').includes(String(index + 1))) continue;
    const runs = runsFor(property, total);
    const propertyStarted = performance.now();
    const outcome = await runProperty(property, runs, seed, process.env['POSTCRAFT_FUZZ_SHRINK'] === '1');
    const { details, stats } = outcome;
    cases += details.numRuns;
    const seconds = ((performance.now() - propertyStarted) / 1000).toFixed(1);
    console.log(`${details.failed ? '✖' : '✔'} ${index + 1}. ${property.name}`);
    console.log(`    ${details.numRuns} cases in ${seconds} s (seed ${details.seed}); slowest case ${stats.worstMs.toFixed(0)} ms on ${stats.worstSize} characters, mean ${(stats.totalMs / Math.max(stats.cases, 1)).toFixed(1)} ms`);
    console.log(`    slowest input starts ${JSON.stringify(stats.worstSample.slice(0, 100))}`);
    if (details.failed) {
      failed++;
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      console.log(`    seed ${details.seed}, path "${details.counterexamplePath}"\n    ${error.split('\n').join('\n    ')}`);
      console.log(`    counterexample: ${fc.stringify(details.counterexample).slice(0, 3000)}`);
    }
  }
  console.log(`\n${cases} cases, ${failed} failing properties, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
