// Fix all in the editor (the `source.fixAll.postcraft` code action of the language server, which the
// extension's provider mirrors over the same PostcraftService.fixText) and `postcraft check --fix` give
// the same text on every post of every fixture site.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { checkSites } from '../../../src/cli/checkSite';
import { createPostcraftService, toSitePath } from '../../../src/core/index';
import { blockingNodeFileSystem } from '../../../src/node/index';
import { fixtureSites } from '../support/fixtureSites';
import { copyFixtures, fileUri, TestClient } from './lspClient';

describe('fix all on save and postcraft check --fix agree on every fixture post', () => {
  const names = fixtureSites().map((fixture) => fixture.name);
  const sites = copyFixtures(...names);
  const client = new TestClient({});
  after(() => {
    client.kill();
    sites.dispose();
  });
  before(async () => {
    await client.initialize(sites.roots);
  });

  let fixedPosts = 0;
  for (const [index, name] of names.entries()) {
    it(name, async () => {
      const root = toSitePath(sites.roots[index]!);
      const report = await checkSites(blockingNodeFileSystem, root, { fix: true });
      const byCli = new Map(report.fixes!.files.map((fix) => [fix.file, fix.after]));
      assert.deepEqual(report.fixes!.refused, []);
      const service = createPostcraftService({ fs: blockingNodeFileSystem });
      await service.openWorkspace([root]);
      const posts = service.postsOverview().flatMap((overview) => [...overview.pages.keys()]);
      assert.ok(posts.length > 0);
      for (const post of posts) {
        const path = post.replace(/^\/(?=[A-Za-z]:)/, '');
        const text = readFileSync(path, 'utf8');
        const uri = await client.open(path, text);
        const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll.postcraft'], triggerKind: 2 },
        });
        assert.ok(actions.every((action) => action.kind === 'source.fixAll.postcraft'));
        const change = actions[0]?.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
        const byEditor = change ? TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), change.edits.map((edit) => ({ range: edit.range, newText: 'newText' in edit ? edit.newText : '' }))) : text;
        assert.equal(change?.textDocument.uri ?? fileUri(path), uri);
        assert.equal(byEditor, byCli.get(post) ?? text, post);
        if (byEditor !== text) fixedPosts++;
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
    });
  }

  it('fixed something: the comparison is not between untouched texts', () => {
    assert.ok(fixedPosts >= 5, `${fixedPosts} posts fixed`);
  });
});
