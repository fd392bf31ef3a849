import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsUntil } from './codeActions';
import { activateExtension, codeOf, hasCode, lacksCode, revertAndClose, waitForDiagnostics, workspaceFile } from './helpers';

// `"editor.codeActionsOnSave": { "source.fixAll.postcraft": "explicit" }`: saving a post applies the
// safe fixes, as `postcraft check --fix` writes them, and nothing else.

const postPath = 'content/blog/2024/fix-all-on-save.md';
const original = [
  '---',
  'title: "Fix all on save"',
  'date: "June 5th, 2024"',
  'lastmod: "03/04/2024"',
  'tags: ["kubernetess", "cncf"]',
  '---',
  '',
  'A post  with   its own spacing.',
  '',
].join('\n');

describe('Fix all on save', () => {
  const uri = () => workspaceFile(postPath);

  afterEach(async () => {
    await revertAndClose();
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    await vscode.workspace.fs.delete(uri(), { useTrash: false }).then(undefined, () => undefined);
  });

  it('offers source.fixAll.postcraft, and saving with codeActionsOnSave writes the safe fixes only', async () => {
    const api = await activateExtension();
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(original));
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', { 'source.fixAll.postcraft': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    const document = await vscode.workspace.openTextDocument(uri());
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri(), (diagnostics) => hasCode('tag-typo')(diagnostics) && hasCode('schema')(diagnostics));

    // The Source Action menu's kind: one action, whose edit touches only what it fixes.
    const kind = vscode.CodeActionKind.SourceFixAll.append('postcraft');
    // The settings change above can make built-in extensions register their providers again, which cancels
    // a request in flight (see codeActionsUntil). The save below, what codeActionsOnSave does, is asserted as it happens.
    const actions = await codeActionsUntil(uri(), new vscode.Range(0, 0, 0, 0), kind, (offered) => offered.some((action) => action.kind?.value === kind.value));
    const fixAll = actions.filter((action) => action.kind?.value === kind.value);
    const known = api.session.service.siteFor(document.uri.path)?.posts.has(document.uri.path);
    const shown = vscode.languages.getDiagnostics(uri()).map((diagnostic) => `${codeOf(diagnostic)}@${diagnostic.range.start.line}`);
    assert.equal(fixAll.length, 1, `actions: [${actions.map((action) => `${action.kind?.value}: ${action.title}`).join(', ')}]; diagnostics: [${shown.join(', ')}]; post indexed: ${known}`);
    assert.deepEqual(
      fixAll[0]!.edit!.entries().flatMap(([, edits]) => edits.map((edit) => edit.newText)).sort(),
      ['2024-06-05', 'kubernetes'],
    );

    // A change of the writer's own, then an explicit save.
    assert.ok(await editor.edit((edit) => edit.insert(document.positionAt(original.indexOf('its own')), 'really ')));
    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.equal(document.isDirty, false);
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri()));
    assert.equal(saved, original.replace('June 5th, 2024', '2024-06-05').replace('kubernetess', 'kubernetes').replace('its own', 'really its own'));
    assert.equal(document.getText(), saved);
    // The ambiguous date is left to the writer.
    const left = await waitForDiagnostics(uri(), (diagnostics) => lacksCode('tag-typo')(diagnostics) && diagnostics.filter((diagnostic) => diagnostic.range.start.line === 3).length === 1);
    assert.deepEqual(left.map((diagnostic) => diagnostic.range.start.line), [3]);
  });
});
