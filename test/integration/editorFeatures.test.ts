import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, hasCode, lacksCode, openPost, replaceText, revertAndClose, waitForDiagnostics } from './helpers';
import { codeActionTitled } from './codeActions';

const seedPost = 'content/blog/2023/2023-06-01-dok-meetup.md';
const bundlePost = 'content/blog/2024/cloud-native-bundle/index.md';

function positionAfter(document: vscode.TextDocument, search: string): vscode.Position {
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `"${search}" not found`);
  return document.positionAt(offset + search.length);
}

describe('Editor features on the sample site', () => {
  afterEach(revertAndClose);

  it('completes site tags in the tags list, most used first, without the ones the post has', async () => {
    await activateExtension();
    const editor = await openPost(seedPost);
    await replaceText(editor, '"operators"]', '"operators", ]');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, positionAfter(editor.document, '"operators", '), ',');
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.equal(labels[0], 'kubernetes', `got ${labels.join(', ')}`);
    assert.ok(!labels.includes('cncf'), 'tags the post already has are not offered');
    assert.equal(list.items[0]!.detail, '4 posts');
  });

  it('completes author ids with display names', async () => {
    await activateExtension();
    const editor = await openPost(seedPost);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, positionAfter(editor.document, '  - '));
    const authors = list.items.map((item) => [typeof item.label === 'string' ? item.label : item.label.label, item.detail]);
    assert.deepEqual(authors.filter(([label]) => label === 'jane-doe'), [['jane-doe', 'Jane Doe']]);
  });

  it('shows tag usage on hover', async () => {
    await activateExtension();
    const editor = await openPost(seedPost);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionAfter(editor.document, '"cnc'));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /Tag `cncf`\*\*: used in 3 posts/);
  });

  it('links image paths and author ids to their files', async () => {
    await activateExtension();
    const editor = await openPost(seedPost);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri);
    const targets = links.map((link) => link.target?.path.split('/').slice(-3).join('/'));
    assert.ok(targets.includes('2023/06/dok-intro.jpg'), targets.join(', '));
    assert.ok(targets.includes('authors/edith_puclla/_index.md'), targets.join(', '));
  });

  it('fixes an unknown author with one undoable edit that leaves every other byte alone', async () => {
    await activateExtension();
    const editor = await openPost(bundlePost);
    await replaceText(editor, 'authors: [edith_puclla, John Smith]', 'authors: [edith_pucla] # who wrote it');
    const original = editor.document.getText();
    const diagnostics = await waitForDiagnostics(editor.document.uri, (all) => all.some((diagnostic) => diagnostic.message.includes('"edith_pucla"')));
    const unknown = diagnostics.find((diagnostic) => diagnostic.message.includes('"edith_pucla"'))!;
    const { action: fix, offered } = await codeActionTitled(editor.document.uri, unknown.range, vscode.CodeActionKind.QuickFix, 'Change to "edith_puclla"');
    assert.ok(fix?.edit, offered.join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.getText(), original.replace('[edith_pucla] # who wrote it', '[edith_puclla] # who wrote it'));
    await waitForDiagnostics(editor.document.uri, lacksCode('unknown-author'));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original, 'one undo restores the text');
  });

  it('turns a date Hugo cannot read into ISO form', async () => {
    await activateExtension();
    const editor = await openPost('content/blog/2024/community-day.md');
    const [schema] = await waitForDiagnostics(editor.document.uri, hasCode('schema'));
    const { action: fix, offered } = await codeActionTitled(editor.document.uri, schema!.range, vscode.CodeActionKind.QuickFix, 'Change to "2024-06-05"');
    assert.ok(fix?.edit, offered.join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.getText(), /^date: "2024-06-05"$/m);
    await waitForDiagnostics(editor.document.uri, lacksCode('schema'));
  });
});
