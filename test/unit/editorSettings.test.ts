import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEditorSettings, readPreviewSettings } from '../../src/core/index';

const settings = (values: Record<string, unknown>) => readEditorSettings((key) => values[key]);

describe('the postcraft.* settings', () => {
  it('take the defaults for what is unset', () => {
    assert.deepEqual(settings({}), {
      validateEnabled: true,
      validateWorkspace: true,
      intervalMs: 150,
      checks: {},
      reportUnusedDisable: false,
      linksUpdateOnRename: 'prompt',
      linksAddAliasOnMove: false,
    });
  });

  it('keep valid values', () => {
    const values = { 'validate.enabled': false, 'validate.workspace': false, 'validate.intervalMs': 5000, checks: { 'broken-link': 'off', 'tag-typo': 'error' }, 'validate.reportUnusedDisable': true, 'links.updateOnRename': 'never', 'links.addAliasOnMove': true };
    assert.deepEqual(settings(values), { validateEnabled: false, validateWorkspace: false, intervalMs: 5000, checks: { 'broken-link': 'off', 'tag-typo': 'error' }, reportUnusedDisable: true, linksUpdateOnRename: 'never', linksAddAliasOnMove: true });
  });

  it('fall back to the default for a bad value, each setting on its own', () => {
    for (const intervalMs of [-1, 5001, 1.5, '100', Number.NaN, null]) assert.equal(settings({ 'validate.intervalMs': intervalMs }).intervalMs, 150, String(intervalMs));
    assert.equal(settings({ 'validate.enabled': 'false' }).validateEnabled, true);
    assert.equal(settings({ 'links.updateOnRename': 'sometimes' }).linksUpdateOnRename, 'prompt');
    assert.equal(settings({ 'validate.intervalMs': 0, 'links.addAliasOnMove': 1 }).intervalMs, 0);
  });

  it('drop the whole checks object when a code or a severity in it is unknown, or it is no object', () => {
    for (const checks of [{ 'broken-link': 'off', 'no-such-code': 'off' }, { 'broken-link': 'loud' }, ['broken-link'], 'broken-link', null]) {
      assert.deepEqual(settings({ checks }).checks, {}, JSON.stringify(checks));
    }
  });

  it('read the preview settings: a stylesheet trimmed, none when empty', () => {
    assert.deepEqual(readPreviewSettings(() => undefined), { allowRemoteImages: false, stylesheet: undefined });
    assert.deepEqual(readPreviewSettings((key) => ({ allowRemoteImages: true, stylesheet: '  style.css ' })[key]), { allowRemoteImages: true, stylesheet: 'style.css' });
    assert.deepEqual(readPreviewSettings((key) => ({ allowRemoteImages: 'yes', stylesheet: '   ' })[key]), { allowRemoteImages: false, stylesheet: undefined });
  });
});
