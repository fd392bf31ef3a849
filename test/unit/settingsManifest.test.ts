import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const settings: Record<string, { scope?: string; order?: number }> = manifest.contributes.configuration.properties;

test('every postcraft setting says where it may differ (scope) and where it shows (order)', () => {
  const orders = new Set<number>();
  for (const [key, setting] of Object.entries(settings)) {
    assert.ok(['application', 'machine', 'window', 'resource', 'language-overridable', 'machine-overridable'].includes(setting.scope ?? ''), `${key} declares a scope`);
    assert.equal(typeof setting.order, 'number', `${key} declares an order`);
    assert.ok(!orders.has(setting.order!), `${key} has an order of its own`);
    orders.add(setting.order!);
  }
});

test('a setting read per document is resource-scoped, the others are not (a folder value would be ignored)', () => {
  // The extension reads these with the document's URI (src/vscode/preview/previewSettings.ts, imageEdit.ts).
  const perDocument = new Set(['postcraft.preview.allowRemoteImages', 'postcraft.preview.stylesheet', 'postcraft.images.destination']);
  for (const [key, setting] of Object.entries(settings)) assert.equal(setting.scope === 'resource', perDocument.has(key), key);
});

test('MDX commands, menus and keys need no MDX language extension: they go by the file name', () => {
  const whens = JSON.stringify(manifest.contributes).match(/"when":"[^"]*"/g) ?? [];
  const mdx = whens.filter((when) => when.includes('mdx'));
  assert.ok(mdx.length > 0);
  for (const when of mdx) assert.ok(when.includes('resourceExtname == .mdx') && !when.includes('editorLangId == mdx'), when);
});
