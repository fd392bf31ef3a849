import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, describeDiagnostic, hasCode, lacksCode, openPost, replaceText, revertAndClose, waitForDiagnostics, workspaceFile } from './helpers';
import { codeActionTitled } from './codeActions';

const seedPost = 'content/blog/2023/2023-06-01-dok-meetup.md';

describe('Postcraft in a real VS Code', () => {
  afterEach(revertAndClose);

  it('activates on the sample Hugo site and detects it', async () => {
    const api = await activateExtension();
    const sites = api.session.service.openSites;
    assert.equal(sites.length, 1);
    assert.equal(sites[0]!.profile.id, 'hugo');
    assert.ok(sites[0]!.posts.size >= 5, `expected the sample posts to be indexed, got ${sites[0]!.posts.size}`);
    console.log(`      activation took ${api.activationMs.toFixed(1)} ms in VS Code ${vscode.version}`);
  });

  it('registers its commands', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['postcraft.checkSite', 'postcraft.showLog']) assert.ok(commands.includes(id), `${id} is not registered`);
  });

  it('flags the misspelled tag in the seed post and clears it when the writer fixes the text', async () => {
    await activateExtension();
    const editor = await openPost(seedPost);
    const before = await waitForDiagnostics(editor.document.uri, hasCode('tag-typo'));
    const typo = before.find((diagnostic) => diagnostic.message.includes('kuberentes'));
    assert.ok(typo, `no diagnostic names "kuberentes": ${before.map(describeDiagnostic).join(', ')}`);
    assert.deepEqual([typo.range.start.line, typo.range.start.character, typo.range.end.line, typo.range.end.character], [4, 37, 4, 47]);
    assert.equal(typo.severity, vscode.DiagnosticSeverity.Warning);

    await replaceText(editor, 'kuberentes', 'kubernetes');
    await waitForDiagnostics(editor.document.uri, lacksCode('tag-typo'));
  });

  it('offers a quick fix for the typo that changes only the tag', async () => {
    await activateExtension();
    const editor = await openPost(seedPost);
    const original = editor.document.getText();
    const [typo] = (await waitForDiagnostics(editor.document.uri, hasCode('tag-typo'))).filter((diagnostic) => diagnostic.message.includes('kuberentes'));
    const { action: fix, offered } = await codeActionTitled(editor.document.uri, typo!.range, vscode.CodeActionKind.QuickFix, 'Change to "kubernetes"');
    assert.ok(fix?.edit, `no "Change to kubernetes" fix among: ${offered.join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.getText(), original.replace('"kuberentes"', '"kubernetes"'));
    await waitForDiagnostics(editor.document.uri, lacksCode('tag-typo'));
  });

  it('reports a deleted image at once and clears it when the image comes back', async () => {
    await activateExtension();
    const image = workspaceFile('assets/blog/2023/06/dok-datainfra.jpeg');
    const bytes = await vscode.workspace.fs.readFile(image);
    const editor = await openPost(seedPost);
    await waitForDiagnostics(editor.document.uri, lacksCode('broken-image'));
    await vscode.workspace.fs.delete(image);
    const broken = await waitForDiagnostics(editor.document.uri, hasCode('broken-image'));
    assert.ok(broken.some((diagnostic) => diagnostic.message.includes('dok-datainfra.jpeg')));
    await vscode.workspace.fs.writeFile(image, bytes);
    await waitForDiagnostics(editor.document.uri, lacksCode('broken-image'));
  });
});
