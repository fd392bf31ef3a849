import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SiteTotals } from '../../src/vscode/features/diagnostics';
import { activateExtension, codeOf, hasCode, lacksCode, openPost, revertAndClose, waitForDiagnostics, workspaceFile } from './helpers';

const seedPost = 'content/blog/2023/2023-06-01-dok-meetup.md';

interface ExpectedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
}

const severities: Record<ExpectedFinding['severity'], vscode.DiagnosticSeverity> = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };

/**
 * Every Postcraft diagnostic VS Code holds for a file of the site (what the Problems panel lists), as
 * `file:line:column severity code`. Files earlier tests created and deleted are left out: VS Code keeps
 * their documents loaded for a while after their editors close, and an open document is checked from its text.
 */
async function problemsPanel(): Promise<string[]> {
  const rows: string[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    const ours = diagnostics.filter((diagnostic) => diagnostic.source === 'postcraft');
    if (ours.length === 0 || !(await vscode.workspace.fs.stat(uri).then(() => true, () => false))) continue;
    for (const diagnostic of ours) rows.push(`${vscode.workspace.asRelativePath(uri)}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${diagnostic.severity} ${codeOf(diagnostic)}`);
  }
  return rows.sort();
}

/** Puts files a command saved back as they were, so later tests see the sample site unchanged. */
async function restore(files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  for (const [file, bytes] of files) await vscode.workspace.fs.writeFile(workspaceFile(file), bytes);
}

async function snapshot(...files: string[]): Promise<Map<string, Uint8Array>> {
  return new Map(await Promise.all(files.map(async (file) => [file, await vscode.workspace.fs.readFile(workspaceFile(file))] as const)));
}

describe('Site-wide commands and the status bar', () => {
  afterEach(revertAndClose);

  it('Check Whole Site shows its progress and fills the Problems panel with the findings of every post', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors'); // the findings come from the check, not from open editors
    const shown: vscode.ProgressOptions[] = [];
    const withProgress = vscode.window.withProgress;
    // The extension and its tests share one `vscode` API object: record what the check asks VS Code to show.
    vscode.window.withProgress = (options, task) => {
      shown.push(options);
      return withProgress(options, task);
    };
    let totals: SiteTotals | undefined;
    try {
      totals = await vscode.commands.executeCommand<SiteTotals | undefined>('postcraft.checkSite');
    } finally {
      vscode.window.withProgress = withProgress;
    }
    assert.ok(totals, 'the check returned no totals');
    const progress = shown.find((options) => options.title === 'Postcraft: checking posts');
    assert.ok(progress, `no progress for the check; shown: ${JSON.stringify(shown)}`);
    assert.equal(progress.location, vscode.ProgressLocation.Notification, 'a check the writer asked for says so in a notification');
    assert.equal(progress.cancellable, true);

    const expected: ExpectedFinding[] = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('expected-findings.json'))));
    assert.deepEqual(await problemsPanel(), expected.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${severities[finding.severity]} ${finding.code}`).sort());
    // The summary counts what the Problems panel shows (a still-loaded document of a deleted file included).
    const all = vscode.languages.getDiagnostics().flatMap(([, diagnostics]) => diagnostics.filter((diagnostic) => diagnostic.source === 'postcraft'));
    assert.equal(totals.errors, all.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error).length);
    assert.equal(totals.warnings, all.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Warning).length);
    assert.ok(totals.posts >= 5, `checked ${totals.posts} posts`);
  });

  it('Add Author adds the chosen author to the post in the style of its list, and nothing else', async () => {
    await activateExtension();
    const post = 'content/blog/2023/kubernetes-operators-101.md';
    const editor = await openPost(post);
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand<boolean>('postcraft.addAuthor', 'sam-rivera'), true);
    assert.equal(editor.document.getText(), before.replace('  - Jane Doe\n', '  - Jane Doe\n  - sam-rivera\n'));
    assert.ok(editor.document.isDirty, 'an undoable edit of the open post, not a write behind the editor');
  });

  it('Add Author says so and changes nothing outside a post', async () => {
    await activateExtension();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\nauthors: []\n---\n' });
    await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand<boolean>('postcraft.addAuthor', 'sam-rivera'), false);
    assert.equal(document.getText(), '---\nauthors: []\n---\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'); // an untitled editor cannot be reverted, only closed unsaved
  });

  it('Find Near-Duplicate Tags merges the misspelled tag into the spelling the site uses most', async () => {
    const api = await activateExtension();
    const root = api.session.service.openSites[0]!.root;
    const clusters = api.session.service.tagClusters(root);
    assert.deepEqual(clusters.map((cluster) => [cluster.canonical.tag, cluster.variants.map((variant) => variant.tag)]), [['kubernetes', ['kuberentes']]]);
    const saved = await snapshot(seedPost);
    const editor = await openPost(seedPost);
    await waitForDiagnostics(editor.document.uri, hasCode('tag-typo'));
    try {
      assert.equal(await vscode.commands.executeCommand<number>('postcraft.tagHygiene', 'no-such-tag', false), 0, 'no cluster, no edit');
      assert.equal(await vscode.commands.executeCommand<number>('postcraft.tagHygiene', 'kubernetes', false), 1);
      const text = editor.document.getText();
      assert.equal(text, new TextDecoder().decode(saved.get(seedPost)).replace('"kuberentes"', '"kubernetes"'));
      await waitForDiagnostics(editor.document.uri, lacksCode('tag-typo'));
      assert.deepEqual(api.session.service.tagClusters(root), [], 'the index knows the merge at once');
    } finally {
      await revertAndClose();
      await restore(saved);
    }
  });

  it('the status bar names the site, counts it, checks it on click, and spins while indexing', async () => {
    const api = await activateExtension();
    await openPost(seedPost);
    const { item } = api.statusBar;
    assert.ok(api.statusBar.visible);
    assert.equal(item.text, '$(book) Hugo');
    assert.equal(item.command, 'postcraft.checkSite');
    // The last test's post, restored on disk, reaches the index through the file watcher a moment later.
    const counts = () => {
      const status = api.session.service.siteStatus(workspaceFile(seedPost).path)!;
      return new RegExp(`${status.posts} posts.* · ${status.tags} tags · ${status.authors} authors`);
    };
    const deadline = Date.now() + 5_000;
    while (!counts().test(String(item.tooltip)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.match(String(item.tooltip), counts(), 'the tooltip counts what the index holds');

    const indexing = api.session.reindex();
    assert.equal(item.text, '$(sync~spin) Postcraft', 'indexing shows at once');
    await indexing;
    assert.equal(item.text, '$(book) Hugo');
    assert.ok(api.statusBar.visible);
  });
});
