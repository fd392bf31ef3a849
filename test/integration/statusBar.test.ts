import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostcraftApi } from '../../src/vscode/extension';
import { activateExtension, openPost, replaceText, revertAndClose, workspaceFile } from './helpers';

const seedPost = 'content/blog/2023/2023-06-01-dok-meetup.md';

/** Resolves with the status item's text once `predicate` holds; waits on its updates, never sleeps. */
function statusText(api: PostcraftApi, predicate: (text: string | undefined) => boolean, timeoutMs = 15_000): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    if (predicate(api.postStats.text)) return resolve(api.postStats.text);
    const seen: (string | undefined)[] = [];
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out waiting for the status bar; it showed: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const subscription = api.postStats.onDidUpdate((text) => {
      seen.push(text);
      if (!predicate(text)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(text);
    });
  });
}

describe('The status bar', () => {
  let api: PostcraftApi;
  before(async () => {
    api = await activateExtension();
  });
  after(revertAndClose);

  it("shows the active post's words and reading time, and counts again as the writer types", async () => {
    const editor = await openPost(seedPost);
    const facts = api.session.service.seoFacts(editor.document.uri.path, editor.document.getText())!;
    const expected = `$(clock) ${facts.words} words · ${facts.readingMinutes} min read`;
    assert.equal(await statusText(api, (text) => text === expected), expected);

    const added = Array.from({ length: 250 }, (_, i) => `extra${i}`).join(' ');
    await replaceText(editor, 'On May 23, very interesting topics', `${added}\n\nOn May 23, very interesting topics`);
    const more = `$(clock) ${facts.words + 250} words · ${Math.ceil((facts.words + 250) / 213)} min read`;
    assert.equal(await statusText(api, (text) => text === more), more);
  });

  it('hides the item outside a post', async () => {
    await vscode.window.showTextDocument(workspaceFile('hugo.toml'));
    assert.equal(await statusText(api, (text) => text === undefined), undefined);
  });
});
