import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, lacksCode, openPost, quickFix, replaceText, revertAndClose, waitForDiagnostics, waitForSiteFile, workspaceFile } from './helpers';

// Two posts this suite writes into the workspace copy (and removes): one slug, one URL.
const first = 'content/blog/2024/same-url-first.md';
const second = 'content/blog/2024/same-url-second.md';

async function writePost(relativePath: string, text: string): Promise<void> {
  const api = await activateExtension();
  const uri = workspaceFile(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await waitForSiteFile(api, uri);
}

describe('Content checks in the editor', () => {
  afterEach(revertAndClose);
  after(async () => {
    for (const path of [first, second]) await vscode.workspace.fs.delete(workspaceFile(path)).then(undefined, () => undefined);
  });

  it('reports two posts built to one URL, pointing at the other, and fixes one to a free slug', async () => {
    await writePost(first, '---\ntitle: "First"\ndate: 2024-04-01\nslug: launch-notes\n---\n\nOne.\n');
    await writePost(second, '---\ntitle: "Second"\ndate: 2024-04-02\nslug: launch-notes\n---\n\nTwo.\n');
    const editor = await openPost(second);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (all) => all.some((diagnostic) => codeOf(diagnostic) === 'duplicate-url'));
    const collision = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'duplicate-url')!;
    assert.equal(collision.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(collision.range), 'launch-notes');
    assert.match(collision.message, /\/blog\/2024\/launch-notes\//);
    assert.deepEqual(collision.relatedInformation?.map((related) => related.location.uri.path.split('/').pop()), ['same-url-first.md']);
    const fix = await quickFix(editor.document, 'duplicate-url', 'Change slug to "launch-notes-2" (/blog/2024/launch-notes-2/)');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(editor.document.getText(), /slug: launch-notes-2\n/);
    await waitForDiagnostics(editor.document.uri, lacksCode('duplicate-url'));
  });

  it('reports an image without alt text and puts the cursor in the alt text it adds', async () => {
    await activateExtension();
    const editor = await openPost('content/blog/2024/postgres-on-kubernetes.md');
    await replaceText(editor, 'Backups run every night:', 'Backups run every night ![](/images/team-photo.png):');
    const fix = await quickFix(editor.document, 'missing-alt', 'Add alt text');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(editor.document.getText(), /night !\[team photo\]\(\/images\/team-photo\.png\):/);
    // The snippet leaves the placeholder selected: typing replaces it.
    assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), 'team photo');
    await waitForDiagnostics(editor.document.uri, lacksCode('missing-alt'));
  });
});
