// The fuzz properties of test/fuzz/ with a few cases each, so that `npm test` keeps them honest;
// `npm run fuzz` runs the same properties with 120k cases. POSTCRAFT_FUZZ_RUNS sets the total here
// too, POSTCRAFT_FUZZ_SEED replays a run.
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { fuzzSettings, properties, runProperty, runsFor } from '../fuzz/properties';

const total = Number(process.env['POSTCRAFT_FUZZ_RUNS'] ?? 500);
// Other test files run alongside: a looser bound than the full run's 3 s, still far below a hang.
fuzzSettings.caseBoundMs = Number(process.env['POSTCRAFT_FUZZ_MAX_MS'] ?? 10_000);
const seed = process.env['POSTCRAFT_FUZZ_SEED'] === undefined ? undefined : Number(process.env['POSTCRAFT_FUZZ_SEED']);

describe('the core on hostile input (property tests)', () => {
  for (const property of properties) {
    it(property.name, async () => {
      const outcome = await runProperty(property, runsFor(property, total), seed);
      if (outcome.details.failed) throw new Error(fc.defaultReportMessage(outcome.details));
    });
  }
});
