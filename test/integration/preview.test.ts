import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostcraftApi } from '../../src/vscode/extension';
import type { PreviewRendered, PreviewSupport } from '../../src/vscode/preview/index';
import { activateExtension, openPost, replaceText, revertAndClose, workspaceFile } from './helpers';

const seedPost = 'content/blog/2023/2023-06-01-dok-meetup.md';
const otherPost = 'content/blog/2023/kubernetes-operators-101.md';

/** The preview's test hook, reached through the extension's API. */
function previewOf(api: PostcraftApi): PreviewSupport {
  const preview = (api as PostcraftApi & { readonly preview?: PreviewSupport }).preview;
  assert.ok(preview, 'the extension API has no `preview`: registerPreviewSupport is not wired into activate()');
  return preview;
}

/** Resolves with the first render the webview acknowledges that satisfies `predicate`; never sleeps. */
function nextRender(preview: PreviewSupport, predicate: (rendered: PreviewRendered) => boolean, timeoutMs = 20_000): Promise<PreviewRendered> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out waiting for the preview; it showed: ${seen.join(' | ') || 'nothing'}`));
    }, timeoutMs);
    const subscription = preview.onDidRender((rendered) => {
      seen.push(`v${rendered.version} ${vscode.workspace.asRelativePath(rendered.source)} "${rendered.title}"`);
      if (!predicate(rendered)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(rendered);
    });
  });
}

/**
 * Reverts edited posts but leaves the editors and the preview open: VS Code for the web is slow to load
 * a webview opened right after one was closed (it waits for its service worker), and closing the post
 * editors would collapse their group so that the next post opens over the preview.
 */
async function revertEditedPosts(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!document.isDirty, `${document.uri.path} could not be reverted`);
  }
}

describe('The live preview', () => {
  let api: PostcraftApi;
  let preview: PreviewSupport;
  let seed: vscode.Uri;
  // The preview opens once for the suite; what it first showed, and where, is kept for the tests.
  let firstRender: PreviewRendered;
  let columns: { readonly preview: vscode.ViewColumn | undefined; readonly post: vscode.ViewColumn | undefined; readonly active: string | undefined };

  before(async () => {
    api = await activateExtension();
    preview = previewOf(api);
    seed = (await openPost(seedPost)).document.uri;
    const shown = nextRender(preview, (rendered) => rendered.source.toString() === seed.toString());
    await vscode.commands.executeCommand('postcraft.openPreviewToSide');
    firstRender = await shown;
    const columnOf = (matches: (tab: vscode.Tab) => boolean) => vscode.window.tabGroups.all.find((group) => group.tabs.some(matches))?.viewColumn;
    columns = {
      preview: columnOf((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('postcraft.preview')),
      post: columnOf((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === seed.toString()),
      active: vscode.window.activeTextEditor?.document.uri.toString(),
    };
  });
  afterEach(revertEditedPosts);
  after(revertAndClose);

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['postcraft.openPreviewToSide', 'postcraft.togglePreviewLock']) assert.ok(commands.includes(id), `${id} is not registered`);
  });

  it('opens beside the sample post and shows its header card and its images', () => {
    assert.equal(firstRender.title, 'Data on Kubernetes Meetup May 23', 'the title the webview page shows');
    assert.match(firstRender.html, /<img src="[^"]+dok-datainfra\.jpeg" alt="Panel Discussion">/);
    assert.doesNotMatch(firstRender.html, /pc-image-placeholder/);
    assert.match(firstRender.html, /<li class="pc-tag"[^>]*>kuberentes<\/li>/);
    assert.ok(columns.preview !== undefined && columns.post !== undefined, 'the post and its preview are both open');
    assert.notEqual(columns.preview, columns.post, 'the preview opens beside the editor');
    assert.equal(columns.active, seed.toString(), 'the editor keeps the focus');
  });

  it("shows the writer's edits once the webview has them", async () => {
    const editor = await openPost(seedPost);
    const edited = nextRender(preview, (rendered) => rendered.title === 'DoK Meetup, Edited' && rendered.html.includes('A new paragraph.'));
    await replaceText(editor, 'title: "Data on Kubernetes Meetup May 23"', 'title: "DoK Meetup, Edited"');
    await replaceText(editor, 'On May 23, very interesting topics', 'A new paragraph.\n\nOn May 23, very interesting topics');
    const rendered = await edited;
    assert.match(rendered.html, /<p data-line="15">A new paragraph\.<\/p>/);
    assert.match(rendered.html, /<p data-line="17">On May 23, very interesting topics/);
  });

  it('shows the SEO facts in the header card, and marks a title over its limit as the writer types', async () => {
    const text = (await vscode.workspace.openTextDocument(seed)).getText();
    const facts = api.session.service.seoFacts(seed.path, text);
    assert.ok(facts, 'the service has SEO facts for the seed post');
    // What the webview page shows (the card's text), against what the core measured.
    assert.equal(firstRender.facts, `Title ${facts.title?.length}/60Description missingSlug ${facts.slug.length}/75${facts.words} words · ${facts.readingMinutes} min read`);
    assert.ok(facts.words > 400, `the seed post has ${facts.words} words`);
    const editor = await openPost(seedPost);
    const longTitle = 'Data on Kubernetes Meetup May 23: operators, storage and a long list of what we discussed';
    const over = nextRender(preview, (rendered) => (rendered.facts ?? '').includes(`Title ${longTitle.length}/60 (over)`));
    await replaceText(editor, 'title: "Data on Kubernetes Meetup May 23"', `title: "${longTitle}"`);
    await over;
  });

  it('follows the active post, and stays on its post when locked', async () => {
    const other = workspaceFile(otherPost);
    const followed = nextRender(preview, (rendered) => rendered.source.toString() === other.toString());
    const otherEditor = await openPost(otherPost);
    await followed;

    await vscode.commands.executeCommand('postcraft.togglePreviewLock');
    const shownWhileLocked: string[] = [];
    const recording = preview.onDidRender((rendered) => shownWhileLocked.push(rendered.source.toString()));
    try {
      await openPost(seedPost);
      const edited = nextRender(preview, (rendered) => rendered.html.includes('Added while locked.'));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(otherEditor.document.uri, new vscode.Position(otherEditor.document.lineCount, 0), '\nAdded while locked.\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal((await edited).source.toString(), other.toString());
      assert.ok(!shownWhileLocked.includes(seed.toString()), 'the locked preview switched to the active post');
    } finally {
      recording.dispose();
      await vscode.commands.executeCommand('postcraft.togglePreviewLock');
    }
  });
});
