import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, lacksCode, openPost, revertAndClose, waitForDiagnostics, waitForSiteFile, workspaceFile } from './helpers';

const seedPost = 'content/blog/2023/2023-06-01-dok-meetup.md';
const pad = (n: number) => String(n).padStart(2, '0');

/** An image outside the workspace, as one on the writer's disk, in a folder removed after the suite. */
const outsideFolders: string[] = [];
function imageOutsideWorkspace(prefix: string, name: string, bytes: Buffer): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  outsideFolders.push(folder);
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}
after(() => {
  for (const folder of outsideFolders) rmSync(folder, { recursive: true, force: true });
});

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
    const source = imageOutsideWorkspace('postcraft-image-', 'diagram.png', Buffer.from('89504e470d0a1a0a', 'hex'));
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

  describe('dropping and pasting images into a post', () => {
    const token = new vscode.CancellationTokenSource().token;
    const pngBytes = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

    /** Applies a drop or paste edit the way VS Code does: the additional edit, then the snippet at the cursor. */
    async function apply(editor: vscode.TextEditor, edit: { insertText: string | vscode.SnippetString; additionalEdit?: vscode.WorkspaceEdit }): Promise<void> {
      if (edit.additionalEdit) assert.ok(await vscode.workspace.applyEdit(edit.additionalEdit));
      const snippet = typeof edit.insertText === 'string' ? new vscode.SnippetString(edit.insertText) : edit.insertText;
      assert.ok(await editor.insertSnippet(snippet, editor.selection));
    }

    async function endOfSeedPost(): Promise<vscode.TextEditor> {
      const editor = await openPost(seedPost);
      const last = editor.document.lineCount - 1;
      editor.selection = new vscode.Selection(last, 0, last, 0);
      return editor;
    }

    it('copies an image dropped from outside the site where the site keeps images, as one edit with a reference that resolves', async () => {
      const api = await activateExtension();
      const source = imageOutsideWorkspace('postcraft-drop-', 'Team Photo.png', pngBytes);
      const editor = await endOfSeedPost();
      const dataTransfer = new vscode.DataTransfer();
      dataTransfer.set('text/uri-list', new vscode.DataTransferItem(vscode.Uri.file(source).toString()));
      const edit = await api.imageDropPaste.provideDocumentDropEdits(editor.document, editor.selection.active, dataTransfer, token);
      assert.ok(edit, 'no drop edit for an image');
      const now = new Date();
      const month = `${now.getFullYear()}/${pad(now.getMonth() + 1)}`;
      const copied = workspaceFile(`assets/blog/${month}/Team-Photo.png`);
      try {
        await apply(editor, edit);
        assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(copied)), pngBytes);
        assert.ok(editor.document.getText().endsWith(`![alt text](blog/${month}/Team-Photo.png)`), editor.document.getText().slice(-80));
        await waitForDiagnostics(editor.document.uri, lacksCode('broken-image'));
      } finally {
        await vscode.workspace.fs.delete(copied);
      }
    });

    it('refers to an image of the site where it is when it is dropped from the Explorer', async () => {
      const api = await activateExtension();
      const editor = await endOfSeedPost();
      const dataTransfer = new vscode.DataTransfer();
      dataTransfer.set('text/uri-list', new vscode.DataTransferItem(`${workspaceFile('static/images/logo.png').toString()}\r\n`));
      const edit = await api.imageDropPaste.provideDocumentDropEdits(editor.document, editor.selection.active, dataTransfer, token);
      assert.ok(edit, 'no drop edit for an image of the site');
      assert.equal(edit.additionalEdit, undefined, 'nothing is copied');
      await apply(editor, edit);
      assert.ok(editor.document.getText().endsWith('![alt text](/images/logo.png)'), editor.document.getText().slice(-80));
      await waitForDiagnostics(editor.document.uri, lacksCode('broken-image'));
    });

    it('saves a pasted screenshot under a new name, never over an existing file, and leaves pasted text alone', async () => {
      const api = await activateExtension();
      const editor = await endOfSeedPost();
      const screenshot: vscode.DataTransferFile = { name: 'image.png', data: async () => pngBytes };
      const clipboard = new vscode.DataTransfer();
      clipboard.set('image/png', new (class extends vscode.DataTransferItem {
        override asFile() {
          return screenshot;
        }
      })(''));
      const now = new Date();
      const month = `${now.getFullYear()}/${pad(now.getMonth() + 1)}`;
      const existing = workspaceFile(`assets/blog/${month}/image.png`);
      const pasted = workspaceFile(`assets/blog/${month}/image-1.png`);
      // Made as the Explorer makes files (a workspace edit): the file watcher can miss a file in a folder
      // created just before it, the edit events cannot.
      const made = new vscode.WorkspaceEdit();
      made.createFile(existing, { contents: Buffer.from('not to be overwritten'), ignoreIfExists: true });
      assert.ok(await vscode.workspace.applyEdit(made));
      try {
        await waitForSiteFile(api, existing);
        const edits = await api.imageDropPaste.provideDocumentPasteEdits(editor.document, [editor.selection], clipboard, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token);
        assert.equal(edits?.length, 1);
        await apply(editor, edits![0]!);
        assert.equal(Buffer.from(await vscode.workspace.fs.readFile(existing)).toString(), 'not to be overwritten');
        assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(pasted)), pngBytes);
        assert.ok(editor.document.getText().endsWith(`![alt text](blog/${month}/image-1.png)`), editor.document.getText().slice(-80));
        await waitForDiagnostics(editor.document.uri, lacksCode('broken-image'));

        const text = new vscode.DataTransfer();
        text.set('text/plain', new vscode.DataTransferItem('just words'));
        assert.equal(await api.imageDropPaste.provideDocumentPasteEdits(editor.document, [editor.selection], text, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token), undefined);
      } finally {
        for (const uri of [existing, pasted]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      }
    });
  });
});
