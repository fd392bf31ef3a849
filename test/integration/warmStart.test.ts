import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, describeDiagnostic } from './helpers';

/** Every Postcraft diagnostic of the workspace, by file, as text. */
function allDiagnostics(): Record<string, string[]> {
  const shown: Record<string, string[]> = {};
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    const ours = diagnostics.filter((diagnostic) => diagnostic.source === 'postcraft').map(describeDiagnostic).sort();
    if (ours.length > 0) shown[uri.toString()] = ours;
  }
  return shown;
}

describe('Warm start', () => {
  it('keeps the site in the workspace storage, and a start from it shows the same diagnostics', async () => {
    const api = await activateExtension();
    await api.diagnostics.checkEverything();
    const cold = allDiagnostics();
    assert.ok(Object.keys(cold).length > 0, 'the sample site has findings');

    await api.warmStart.flush();
    const kept = await api.warmStart.load();
    assert.ok(kept, `no warm-start cache at ${api.warmStart.file?.toString(true)}`);
    assert.ok(Object.values(kept.sites).some((site) => Object.keys(site.posts).length >= 5));

    // As the next window would start: from the kept cache.
    api.session.service.checkCache = kept;
    await api.session.reindex();
    await api.diagnostics.checkEverything();
    assert.deepEqual(allDiagnostics(), cold);
  });

  it('ignores a corrupt cache and rebuilds it', async () => {
    const api = await activateExtension();
    const file = api.warmStart.file;
    assert.ok(file, 'the integration workspace has a storage folder');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{"format": "postcraft-check-cache", "version": 1, "sites": {"/x": 1'));
    assert.equal(await api.warmStart.load(), undefined);
    api.session.service.checkCache = undefined;
    await api.session.reindex();
    await api.warmStart.flush();
    assert.ok(await api.warmStart.load(), 'rebuilt');
  });
});
