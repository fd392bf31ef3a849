// Postcraft in the web worker extension host (VS Code for the Web), on a copy of the hugo-blog fixture
// opened through code-server: the folder's scheme is `vscode-remote`, the only file access `workspace.fs`.
import * as vscode from 'vscode';
import type { PostcraftApi } from '../../src/web/extension';
import { sitePathOfUri, uriOfSitePath } from '../../src/vscode/siteUris';
import { afterEach, equal, ok, test } from './runner';
import { codeActionTitled } from '../integration/codeActions';

const extensionId = 'postcraft.postcraft';
const seedPost = 'content/blog/2023/2023-06-01-dok-meetup.md';
const imagesPost = 'content/blog/2024/postgres-on-kubernetes.md';
const datePost = 'content/blog/2024/community-day.md';

function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'the web suite needs the sample site open as a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

async function activateExtension(): Promise<PostcraftApi> {
  const extension = vscode.extensions.getExtension<PostcraftApi>(extensionId);
  ok(extension, `${extensionId} is not loaded in this VS Code (is engines.vscode newer than ${vscode.version}?)`);
  const api = await extension.activate();
  await api.session.ready;
  return api;
}

async function openPost(relativePath: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(relativePath)), vscode.ViewColumn.One);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** Resolves with the file's Postcraft diagnostics once `predicate` holds; waits on change events. */
function waitForDiagnostics(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'postcraft');
  return new Promise((resolve, reject) => {
    if (predicate(current())) return resolve(current());
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out waiting for diagnostics on ${uri.path}; have: ${current().map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).join(', ') || 'none'}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString()) || !predicate(current())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(current());
    });
  });
}

function positionAfter(document: vscode.TextDocument, search: string): vscode.Position {
  const offset = document.getText().indexOf(search);
  ok(offset >= 0, `"${search}" is not in ${document.uri.path}`);
  return document.positionAt(offset + search.length);
}

afterEach(async () => {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
});

test('activates in the web worker host, with no process global, and indexes the site through workspace.fs', async () => {
  ok(typeof (globalThis as { process?: unknown }).process === 'undefined', 'a `process` global exists: this is not the web worker host');
  equal(vscode.env.uiKind, vscode.UIKind.Web, 'uiKind');
  const folder = vscode.workspace.workspaceFolders?.[0];
  equal(folder?.uri.scheme, 'vscode-remote', 'workspace folder scheme');
  const started = performance.now();
  const api = await activateExtension();
  const sites = api.session.service.siteSummaries();
  equal(sites.length, 1, 'sites found');
  equal(sites[0]!.generator, 'Hugo', 'generator');
  // Read by scripts/webTests.mjs for docs/benchmarks.md.
  console.log(`web-bench: activate ${api.activationMs.toFixed(1)} ms, activate+index ${(performance.now() - started).toFixed(0)} ms, ${sites[0]!.posts} posts`);
});

test("reports the fixture's expected findings, with their codes and places, on posts never opened", async () => {
  await activateExtension();
  const expected = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('expected-findings.json')))) as { file: string; line: number; column: number; code: string }[];
  ok(expected.length > 0, 'expected-findings.json lists findings');
  for (const finding of expected) {
    const diagnostics = await waitForDiagnostics(workspaceFile(finding.file), (all) => all.some((d) => codeOf(d) === finding.code && d.range.start.line === finding.line - 1 && d.range.start.character === finding.column - 1));
    ok(diagnostics.length > 0, `${finding.code} on ${finding.file}`);
  }
});

test('checks an open post as it is edited: broken-image and image-case on the images post', async () => {
  await activateExtension();
  const editor = await openPost(imagesPost);
  const diagnostics = await waitForDiagnostics(editor.document.uri, (all) => ['broken-image', 'image-case'].every((code) => all.some((d) => codeOf(d) === code)));
  ok(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Error), 'image findings are errors');
});

test("completes the site's tags in the tags list, most used first", async () => {
  await activateExtension();
  const editor = await openPost(seedPost);
  ok(await editor.edit((edit) => edit.replace(new vscode.Range(positionAfter(editor.document, '"operators"'), positionAfter(editor.document, '"operators"]')), ', ]')), 'edit applied');
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, positionAfter(editor.document, '"operators", '), ',');
  const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
  equal(labels[0], 'kubernetes', `first tag offered (all: ${labels.join(', ')})`);
  ok(!labels.includes('cncf'), 'tags the post already has are not offered');
});

test('shows tag usage on hover', async () => {
  await activateExtension();
  const editor = await openPost(seedPost);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionAfter(editor.document, '"cnc'));
  const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
  ok(/Tag `cncf`\*\*: used in 3 posts/.test(text), `hover: ${text}`);
});

test('applies a quick fix: a date Hugo cannot read becomes ISO, and the finding goes', async () => {
  await activateExtension();
  const editor = await openPost(datePost);
  const [schema] = await waitForDiagnostics(editor.document.uri, (all) => all.some((d) => codeOf(d) === 'schema'));
  // A built-in extension activating on the first Markdown file can cancel the request (see codeActionsUntil).
  const { action: fix, offered } = await codeActionTitled(editor.document.uri, schema!.range, vscode.CodeActionKind.QuickFix, 'Change to "2024-06-05"');
  ok(fix?.edit, `quick fixes offered: ${offered.join(', ')}`);
  ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applies');
  ok(/^date: "2024-06-05"$/m.test(editor.document.getText()), 'the date is ISO');
  await waitForDiagnostics(editor.document.uri, (all) => !all.some((d) => codeOf(d) === 'schema'));
});

test('opens the preview: a webview panel shows the post, rendered by the webview', async () => {
  const api = await activateExtension();
  const editor = await openPost(seedPost);
  const rendered = new Promise<string | undefined>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the preview never rendered the post')), 20_000);
    const subscription = api.preview.onDidRender((event) => {
      if (event.source.toString() !== editor.document.uri.toString()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(event.title);
    });
  });
  await vscode.commands.executeCommand('postcraft.openPreviewToSide');
  equal(await rendered, 'Data on Kubernetes Meetup May 23', 'preview title');
  const panels = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('postcraft.preview'));
  equal(panels.length, 1, 'preview panels');
});

const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

async function endOfPost(relativePath: string): Promise<vscode.TextEditor> {
  const editor = await openPost(relativePath);
  const last = editor.document.lineCount - 1;
  editor.selection = new vscode.Selection(last, 0, last, 0);
  return editor;
}

async function applyInsertion(editor: vscode.TextEditor, edit: { insertText: string | vscode.SnippetString; additionalEdit?: vscode.WorkspaceEdit }): Promise<void> {
  if (edit.additionalEdit) ok(await vscode.workspace.applyEdit(edit.additionalEdit), 'the copy applies');
  ok(await editor.insertSnippet(typeof edit.insertText === 'string' ? new vscode.SnippetString(edit.insertText) : edit.insertText, editor.selection), 'the link is inserted');
}

test('saves a pasted screenshot into the site through workspace.fs and links it', async () => {
  const api = await activateExtension();
  const editor = await endOfPost(seedPost);
  const clipboard = new vscode.DataTransfer();
  const screenshot: vscode.DataTransferFile = { name: 'image.png', data: async () => pngBytes };
  clipboard.set('image/png', new (class extends vscode.DataTransferItem {
    override asFile() {
      return screenshot;
    }
  })(''));
  const now = new Date();
  const month = `${now.getFullYear()}/${String(now.getMonth() + 1).padStart(2, '0')}`;
  const pasted = workspaceFile(`assets/blog/${month}/image.png`);
  try {
    const edits = await api.imageDropPaste.provideDocumentPasteEdits(editor.document, [editor.selection], clipboard, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, new vscode.CancellationTokenSource().token);
    equal(edits?.length, 1, 'paste edits');
    await applyInsertion(editor, edits![0]!);
    equal((await vscode.workspace.fs.readFile(pasted)).join(','), pngBytes.join(','), 'the bytes written');
    ok(editor.document.getText().endsWith(`![alt text](blog/${month}/image.png)`), editor.document.getText().slice(-80));
    await waitForDiagnostics(editor.document.uri, (all) => !all.some((d) => codeOf(d) === 'broken-image'));
  } finally {
    await vscode.workspace.fs.delete(pasted).then(undefined, () => undefined);
  }
});

test('links an image of the site dropped from the Explorer where it is (a vscode-remote: URI)', async () => {
  const api = await activateExtension();
  const editor = await endOfPost(seedPost);
  const dataTransfer = new vscode.DataTransfer();
  dataTransfer.set('text/uri-list', new vscode.DataTransferItem(`${workspaceFile('static/images/logo.png').toString()}\r\n`));
  const edit = await api.imageDropPaste.provideDocumentDropEdits(editor.document, editor.selection.active, dataTransfer, new vscode.CancellationTokenSource().token);
  ok(edit, 'no drop edit for an image of the site');
  equal(edit.additionalEdit, undefined, 'nothing is copied');
  await applyInsertion(editor, edit);
  ok(editor.document.getText().endsWith('![alt text](/images/logo.png)'), editor.document.getText().slice(-80));
});

test('site paths name every workspace URI and back: file:, vscode-remote:, vscode-vfs:', () => {
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  const post = vscode.Uri.joinPath(folder, seedPost);
  const path = sitePathOfUri(post);
  equal(path, `/vscode-remote:${folder.authority}${folder.path}/${seedPost}`, 'site path');
  equal(uriOfSitePath(path!).toString(), post.toString(), 'back to the URI');
  equal(uriOfSitePath('/vscode-vfs:github/owner/blog/content/post.md').toString(), 'vscode-vfs://github/owner/blog/content/post.md', 'vscode-vfs');
  equal(uriOfSitePath('/home/writer/blog/content/post.md').toString(), 'file:///home/writer/blog/content/post.md', 'file');
  equal(sitePathOfUri(post.with({ scheme: 'git' })), undefined, 'a git: diff is no site file');
});

test('creates a new post from the archetype through workspace.fs, and never overwrites one', async () => {
  await activateExtension();
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('postcraft.newPost', 'Web Test Post');
  try {
    ok(uri, 'no post was created');
    equal(uri.scheme, 'vscode-remote', 'the new post is on the workspace file system');
    equal(vscode.workspace.asRelativePath(uri), `content/blog/${new Date().getFullYear()}/web-test-post.md`, 'where the site files posts');
    ok(/^title: "Web Test Post"$/m.test(vscode.window.activeTextEditor!.document.getText()), 'the title is filled in');
    equal(await vscode.commands.executeCommand<vscode.Uri | undefined>('postcraft.newPost', 'Web Test Post'), undefined, 'an existing post is kept');
  } finally {
    if (uri) await vscode.workspace.fs.delete(uri);
  }
});

test('adds a tag to the open post and renames a tag across the site', async () => {
  await activateExtension();
  const editor = await openPost(seedPost);
  equal(await vscode.commands.executeCommand('postcraft.addTag', 'databases'), true, 'addTag');
  ok(/"percona", "operators", "databases"\]$/m.test(editor.document.getText()), editor.document.getText().slice(0, 200));
  await vscode.commands.executeCommand('workbench.action.files.revert');
  // VS Code saves a refactoring's files (files.refactoring.autoSave): renamed and renamed back. The index
  // learns of the saved files from the file watcher, which reaches the web worker a little later.
  const api = await activateExtension();
  const saved = new Set<string>();
  const allSaved = new Promise<void>((resolve) => {
    const subscription = api.session.onDidChangeFiles(({ path }) => {
      saved.add(path);
      if (saved.size < 3) return;
      subscription.dispose();
      resolve();
    });
  });
  equal(await vscode.commands.executeCommand<number>('postcraft.renameTag', 'cncf', 'cloud-native', false), 3, 'posts changed');
  ok((await vscode.workspace.openTextDocument(workspaceFile(seedPost))).getText().includes('"cloud-native"'), 'the tag is renamed');
  await allSaved;
  equal(await vscode.commands.executeCommand<number>('postcraft.renameTag', 'cloud-native', 'cncf', false), 3, 'posts changed back');
});

test('checks the whole site from the command', async () => {
  await activateExtension();
  const totals = await vscode.commands.executeCommand<{ posts: number; errors: number; warnings: number }>('postcraft.checkSite');
  ok(totals, 'no totals');
  equal(totals.posts, 11, 'posts checked');
  ok(totals.errors >= 4 && totals.warnings >= 1, `errors ${totals.errors}, warnings ${totals.warnings}`);
});
