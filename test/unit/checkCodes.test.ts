import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { findingCodes } from '../../src/core/index';

// Every finding code can be given a severity wherever a writer sets one, and is documented.
const projectRoot = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(resolve(projectRoot, path), 'utf8');

describe('finding codes', () => {
  it('are settable in the editor settings, in postcraft.config.json and documented in the README', () => {
    const settings = JSON.parse(read('package.json')).contributes.configuration.properties['postcraft.checks'].properties;
    const schema = JSON.parse(read('schemas/postcraft.config.schema.json')).properties.checks.properties;
    const readme = read('README.md');
    assert.deepEqual(Object.keys(settings).sort(), [...findingCodes].sort());
    assert.deepEqual(Object.keys(schema).sort(), [...findingCodes].sort());
    assert.deepEqual(findingCodes.filter((code) => !readme.includes(`<a id="${code}"></a>`)), []);
  });
});
