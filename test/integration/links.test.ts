import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, lacksCode, openPost, quickFix, replaceText, revertAndClose, waitForDiagnostics, waitForSiteFile, workspaceFile } from './helpers';
import { codeActionTitled } from './codeActions';

const fixturePost = 'content/blog/2024/postgres-on-kubernetes.md';
// Posts this suite writes into the workspace copy (and removes): one with a heading, one linking to it.
const target = 'content/blog/2024/link-target.md';
const source = 'content/blog/2024/link-source.md';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function writePost(relativePath: string, text: string): Promise<void> {
  const api = await activateExtension();
  const uri = workspaceFile(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await waitForSiteFile(api, uri);
}

async function removePost(relativePath: string): Promise<void> {
  await vscode.workspace.fs.delete(workspaceFile(relativePath)).then(undefined, () => undefined);
}

/** Completions at the end of the first occurrence of `marker`, which the editor's text must hold. */
async function completionsAfter(editor: vscode.TextEditor, marker: string): Promise<vscode.CompletionItem[]> {
  const offset = editor.document.getText().indexOf(marker);
  assert.ok(offset >= 0, `"${marker}" not found`);
  const position = editor.document.positionAt(offset + marker.length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
  return list.items;
}

describe('Links between posts in the editor', () => {
  before(async () => {
    await writePost(target, '---\ntitle: "Link Target"\ndate: 2024-03-01\n---\n\nIntro.\n\n## Getting Started\n\nSteps.\n');
    await writePost(source, '---\ntitle: "Link Source"\ndate: 2024-03-02\n---\n\nRead [the target](link-target.md) first.\n');
  });
  afterEach(revertAndClose);
  after(async () => {
    for (const path of [target, source, 'content/blog/2024/link-goal.md', 'content/blog/2024/link-end.md']) await removePost(path);
  });

  it('reports a link to a post that is not there and fixes it to the post meant', async () => {
    await activateExtension();
    const editor = await openPost(fixturePost);
    // A misspelt name: the site's link hook looks the page up by name (Hugo's GetPage), so only a name no page has is broken.
    await replaceText(editor, 'Backups run every night:', 'Backups run every night, see [operators](kubernetes-operator-101.md):');
    const fix = await quickFix(editor.document, 'broken-link', 'Change to "../2023/kubernetes-operators-101.md"');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(editor.document.getText(), /see \[operators\]\(\.\.\/2023\/kubernetes-operators-101\.md\):/);
    await waitForDiagnostics(editor.document.uri, lacksCode('broken-link'));
  });

  it('completes a post by title in a link destination, then its headings after #', async () => {
    await activateExtension();
    const editor = await openPost(source);
    await replaceText(editor, ' first.', ' first. More in [it](./');
    const posts = await completionsAfter(editor, '[it](./');
    const linkTarget = posts.find((item) => labelOf(item) === 'Link Target');
    assert.ok(linkTarget, posts.map(labelOf).join(', '));
    assert.equal(linkTarget.insertText, './link-target.md');
    assert.equal(linkTarget.kind, vscode.CompletionItemKind.File);
    await replaceText(editor, '[it](./', '[it](./link-target.md#');
    const headings = await completionsAfter(editor, '[it](./link-target.md#');
    const heading = headings.find((item) => labelOf(item) === 'Getting Started');
    assert.ok(heading, headings.map(labelOf).join(', '));
    assert.equal(heading.insertText, 'getting-started');
  });

  it('renames a heading (F2) and the fragments in other posts that name it', async () => {
    await writePost('content/blog/2024/link-heading.md', '---\ntitle: "Link Heading"\n---\n\nSee [setup](link-target.md#getting-started).\n');
    try {
      await activateExtension();
      const editor = await openPost(target);
      const heading = editor.document.positionAt(editor.document.getText().indexOf('Getting Started') + 3);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, heading, 'First Steps');
      assert.ok(edit, 'a rename edit');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.match(editor.document.getText(), /^## First Steps$/m);
      const linking = await vscode.workspace.openTextDocument(workspaceFile('content/blog/2024/link-heading.md'));
      assert.match(linking.getText(), /\(link-target\.md#first-steps\)/);
    } finally {
      await revertAndClose();
      await removePost('content/blog/2024/link-heading.md');
    }
  });

  it('updates a link in another post when a post is renamed, in the same operation', async () => {
    const api = await activateExtension();
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceFile(target), workspaceFile('content/blog/2024/link-goal.md'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const document = await vscode.workspace.openTextDocument(workspaceFile(source));
    assert.match(document.getText(), /Read \[the target\]\(link-goal\.md\) first\./, 'the link changed before applyEdit resolved');
    await waitForSiteFile(api, workspaceFile('content/blog/2024/link-goal.md'));
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, lacksCode('broken-link'));
    if (document.isDirty) assert.ok(await document.save());
  });

  it('offers to update links to the old URL while the slug is being changed', async () => {
    await writePost('content/blog/2024/url-target.md', '---\ntitle: "URL Target"\n---\n\nBody.\n');
    await writePost('content/blog/2024/url-source.md', '---\ntitle: "URL Source"\n---\n\nSee [it](/blog/2024/url-target/).\n');
    try {
      await activateExtension();
      const editor = await openPost('content/blog/2024/url-target.md');
      await replaceText(editor, 'title: "URL Target"', 'title: "URL Target"\nslug: moved-here');
      const at = new vscode.Range(1, 0, 1, 0);
      const { action: update, offered } = await codeActionTitled(editor.document.uri, at, vscode.CodeActionKind.RefactorRewrite, 'Update links to /blog/2024/url-target/ across the site to /blog/2024/moved-here/', 1);
      assert.ok(update?.edit, offered.join(', '));
      assert.ok(await vscode.workspace.applyEdit(update.edit));
      const source = await vscode.workspace.openTextDocument(workspaceFile('content/blog/2024/url-source.md'));
      assert.match(source.getText(), /See \[it\]\(\/blog\/2024\/moved-here\/\)\./);
    } finally {
      await revertAndClose();
      for (const path of ['content/blog/2024/url-target.md', 'content/blog/2024/url-source.md']) await removePost(path);
    }
  });

  it('with updateOnRename "always", updates the link right after the rename', async () => {
    const api = await activateExtension();
    const settings = vscode.workspace.getConfiguration('postcraft');
    await settings.update('links.updateOnRename', 'always', vscode.ConfigurationTarget.Workspace);
    try {
      const document = await vscode.workspace.openTextDocument(workspaceFile(source));
      const updated = new Promise<void>((resolve) => {
        const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
          if (event.document !== document || !document.getText().includes('(link-end.md)')) return;
          subscription.dispose();
          resolve();
        });
      });
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(workspaceFile('content/blog/2024/link-goal.md'), workspaceFile('content/blog/2024/link-end.md'));
      assert.ok(await vscode.workspace.applyEdit(edit));
      await updated;
      assert.match(document.getText(), /Read \[the target\]\(link-end\.md\) first\./);
      await waitForSiteFile(api, workspaceFile('content/blog/2024/link-end.md'));
      if (document.isDirty) assert.ok(await document.save());
    } finally {
      await settings.update('links.updateOnRename', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
