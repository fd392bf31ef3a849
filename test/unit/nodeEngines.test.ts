// `npm start` and `npm test` install the root lockfile: no package in it may ask for a newer Node than the one the
// project names, or `npm ci` warns (EBADENGINE) on a fresh machine. The benchmark's peers, which do, live in bench/peers/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lowestNodeAccepted, wantingNewerNode } from '../../bench/tools/peers';

const projectRoot = join(__dirname, '..', '..');
const readJson = (...path: string[]) => JSON.parse(readFileSync(join(projectRoot, ...path), 'utf8'));

describe('the Node versions packages ask for', () => {
  it('is read as the lowest version an engines range accepts', () => {
    assert.deepEqual(lowestNodeAccepted('>=22'), [22, 0, 0]);
    assert.deepEqual(lowestNodeAccepted('>=20.19.0'), [20, 19, 0]);
    assert.deepEqual(lowestNodeAccepted('^18.18.0 || ^20.9.0 || >=21.1.0'), [18, 18, 0]);
    assert.deepEqual(lowestNodeAccepted('20 || >=22'), [20, 0, 0]);
    assert.deepEqual(lowestNodeAccepted('*'), undefined);
  });

  it('names the packages that want a newer Node than the given one', () => {
    const packages = {
      '': {},
      'node_modules/a': { version: '1.0.0', engines: { node: '>=22' } },
      'node_modules/a/node_modules/b': { version: '2.0.0', engines: { node: '>=20.19.0' } },
      'node_modules/c': { version: '3.0.0', engines: { node: '18 || 20 || >=22' } },
      'node_modules/d': { version: '4.0.0' },
    };
    assert.deepEqual(wantingNewerNode(packages, 'v20.20.2'), ['a 1.0.0 (Node >=22)']);
    assert.deepEqual(wantingNewerNode(packages, 'v20.11.0'), ['a 1.0.0 (Node >=22)', 'b 2.0.0 (Node >=20.19.0)']);
    assert.deepEqual(wantingNewerNode(packages, 'v22.0.0'), []);
  });

  it("none in the project's lockfile wants a newer Node than package.json's engines.node", () => {
    const lowest = lowestNodeAccepted((readJson('package.json') as { engines: { node: string } }).engines.node)!;
    assert.deepEqual(wantingNewerNode(readJson('package-lock.json').packages, lowest.join('.')), []);
  });
});
