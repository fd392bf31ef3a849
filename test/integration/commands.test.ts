import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, lacksCode, openPost, revertAndClose, waitForDiagnostics, workspaceFile } from './helpers';

const seedPost = 'content/blog/2023/2023-06-01-dok-meetup.md';
const pad = (n: number) => String(n).padStart(2, '0');

describe('Command palette workflows', () => {
  afterEach(revertAndClose);

  it('creates a new post where the site files them, from the blog archetype, without overwriting', async () => {
    await activateExtension();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('postcraft.newPost', 'Integration Test Post');
    try {
      assert.ok(uri, 'no post was created');
      assert.equal(vscode.workspace.asRelativePath(uri), `content/blog/${new Date().getFullYear()}/integration-test-post.md`);
      const text = vscode.window.activeTextEditor!.document.getText();
      assert.match(text, /^title: "Integration Test Post"$/m);
      assert.match(text, /^# Tags: reuse existing ones where you can/m, 'the archetype comments are kept');
      assert.match(text, /^draft: true$/m);
      assert.match(text, /^slug: "integration-test-post"$/m);
      const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('postcraft.newPost', 'Integration Test Post');
      assert.equal(again, undefined, 'an existing post is never overwritten');
    } finally {
      if (uri) await vscode.workspace.fs.delete(uri);
    }
  });

  it('renames a tag across the site, editing only the tag values', async () => {
    await activateExtension();
    const files = ['content/blog/2023/2023-06-01-dok-meetup.md', 'content/blog/2023/kubernetes-operators-101.md', 'content/blog/2024/cloud-native-bundle/index.md'];
    const before = await Promise.all(files.map(async (file) => (await vscode.workspace.openTextDocument(workspaceFile(file))).getText()));
    const changed = await vscode.commands.executeCommand<number>('postcraft.renameTag', 'cncf', 'cloud-native', false);
    try {
      assert.equal(changed, 3);
      for (const [index, file] of files.entries()) {
        const after = (await vscode.workspace.openTextDocument(workspaceFile(file))).getText();
        assert.equal(after, before[index]!.replace(/\bcncf\b/, 'cloud-native'), file);
      }
    } finally {
      // VS Code saves the files of a refactoring (files.refactoring.autoSave): rename back, and prove it restores them.
      assert.equal(await vscode.commands.executeCommand<number>('postcraft.renameTag', 'cloud-native', 'cncf', false), 3);
      for (const [index, file] of files.entries()) assert.equal((await vscode.workspace.openTextDocument(workspaceFile(file))).getText(), before[index], file);
    }
  });

  it('adds a tag to the post in the style of its list', async () => {
    await activateExtension();
    const editor = await openPost(seedPost);
    assert.equal(await vscode.commands.executeCommand('postcraft.addTag', 'databases'), true);
    assert.match(editor.document.getText(), /"percona", "operators", "databases"\]$/m);
  });

  it('copies an inserted image where the site keeps images, with a reference that resolves', async () => {
    await activateExtension();
    const source = join(mkdtempSync(join(tmpdir(), 'postcraft-image-')), 'diagram.png');
    writeFileSync(source, Buffer.from('89504e470d0a1a0a', 'hex'));
    const editor = await openPost(seedPost);
    editor.selection = new vscode.Selection(editor.document.lineCount - 1, 0, editor.document.lineCount - 1, 0);
    const now = new Date();
    const reference = await vscode.commands.executeCommand<string>('postcraft.insertImage', vscode.Uri.file(source));
    const copied = workspaceFile(`assets/blog/${now.getFullYear()}/${pad(now.getMonth() + 1)}/diagram.png`);
    try {
      assert.equal(reference, `blog/${now.getFullYear()}/${pad(now.getMonth() + 1)}/diagram.png`);
      assert.ok((await vscode.workspace.fs.stat(copied)).size > 0);
      assert.ok(editor.document.getText().includes(`![alt text](${reference})`));
      await waitForDiagnostics(editor.document.uri, lacksCode('broken-image'));
    } finally {
      await vscode.workspace.fs.delete(copied);
    }
  });
});
