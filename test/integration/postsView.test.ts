import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostcraftApi } from '../../src/vscode/extension';
import type { PostsNode } from '../../src/vscode/views/postsView';
import { activateExtension, revertAndClose, waitForSiteFile, workspaceFile } from './helpers';

const futurePost = 'content/blog/2024/from-the-future.md';

/** Resolves once the index has read the page at `uri` with this title (its file may be listed before it is read). */
function waitForPage(api: PostcraftApi, uri: vscode.Uri, title: string, timeoutMs = 15_000): Promise<void> {
  const read = () => api.session.service.pageInfo(uri.path)?.title === title;
  return new Promise((resolve, reject) => {
    if (read()) return resolve();
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`${uri.path} was never read as "${title}"`));
    }, timeoutMs);
    const subscription = api.session.onDidChangeFiles(() => {
      if (!read()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

describe('The Posts view', () => {
  let api: PostcraftApi;
  const labelOf = (node: PostsNode) => String(api.postsView.getTreeItem(node).label);
  const childNamed = (nodes: PostsNode[], label: string) => {
    const found = nodes.find((node) => labelOf(node) === label);
    assert.ok(found, `no "${label}" among ${JSON.stringify(nodes.map(labelOf))}`);
    return found;
  };
  const kubernetesPosts = () => {
    const tags = api.postsView.getChildren(childNamed(api.postsView.getChildren(), 'Tags'));
    return api.postsView.getChildren(childNamed(tags, 'kubernetes'));
  };

  before(async () => {
    api = await activateExtension();
  });
  after(async () => {
    await vscode.commands.executeCommand('postcraft.posts.sortByDate');
    await vscode.commands.executeCommand('postcraft.posts.showUnpublished');
    await vscode.workspace.fs.delete(workspaceFile(futurePost)).then(undefined, () => undefined);
    await revertAndClose();
  });

  it('lists tags, authors, and drafts and scheduled posts, with menus by item kind', () => {
    const roots = api.postsView.getChildren();
    assert.deepEqual(roots.map(labelOf), ['Tags', 'Authors', 'Drafts and Scheduled'], 'one site: its groups at the root');
    const tags = api.postsView.getChildren(roots[0]);
    assert.equal(api.postsView.getTreeItem(childNamed(tags, 'kubernetes')).contextValue, 'tag');
    const post = kubernetesPosts()[0]!;
    const item = api.postsView.getTreeItem(post);
    assert.equal(item.contextValue, 'post');
    assert.equal(item.resourceUri?.path, workspaceFile('content/blog/2024/cloud-native-bundle/index.md').path);
    assert.deepEqual(api.postsView.getChildren(roots[2]).map(labelOf), ['Community Day Recap']);
  });

  it('sorts posts newest first, or by title', async () => {
    assert.deepEqual(kubernetesPosts().map(labelOf), ['A Year of Cloud Native Databases', 'Running PostgreSQL on Kubernetes', 'Kubernetes Operators 101', 'Community Day Recap']);
    await vscode.commands.executeCommand('postcraft.posts.sortByTitle');
    assert.equal(api.postsView.order, 'title');
    assert.deepEqual(kubernetesPosts().map(labelOf), ['A Year of Cloud Native Databases', 'Community Day Recap', 'Kubernetes Operators 101', 'Running PostgreSQL on Kubernetes']);
    await vscode.commands.executeCommand('postcraft.posts.sortByDate');
    assert.equal(kubernetesPosts().map(labelOf)[0], 'A Year of Cloud Native Databases');
  });

  it('shows a future-dated post as scheduled, and hides drafts and future posts on request', async () => {
    const uri = workspaceFile(futurePost);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntitle: "Written Ahead"\ndate: 2999-01-01\ntags: [kubernetes]\n---\nLater.\n'));
    await waitForSiteFile(api, uri);
    await waitForPage(api, uri, 'Written Ahead');
    const unpublished = () => api.postsView.getChildren(childNamed(api.postsView.getChildren(), 'Drafts and Scheduled'));
    assert.deepEqual(unpublished().map(labelOf), ['Written Ahead', 'Community Day Recap']);
    assert.match(String(api.postsView.getTreeItem(unpublished()[0]!).description), /^2999-01-01 · scheduled · /);
    assert.ok(kubernetesPosts().map(labelOf).includes('Written Ahead'));

    await vscode.commands.executeCommand('postcraft.posts.hideUnpublished');
    assert.deepEqual(api.postsView.getChildren().map(labelOf), ['Tags', 'Authors']);
    assert.deepEqual(kubernetesPosts().map(labelOf), ['A Year of Cloud Native Databases', 'Running PostgreSQL on Kubernetes', 'Kubernetes Operators 101']);
    await vscode.commands.executeCommand('postcraft.posts.showUnpublished');
    assert.equal(api.postsView.getChildren().length, 3);
  });

  it("renames a tag from its item's menu, and merges it back into another", async () => {
    const tags = () => api.postsView.getChildren(childNamed(api.postsView.getChildren(), 'Tags'));
    const changed = await vscode.commands.executeCommand<number>('postcraft.posts.renameTag', childNamed(tags(), 'percona'), 'percona-labs', false);
    assert.equal(changed, 1);
    const post = await vscode.workspace.openTextDocument(workspaceFile('content/blog/2023/2023-06-01-dok-meetup.md'));
    assert.match(post.getText(), /"percona-labs"/);
    assert.ok(tags().some((node) => labelOf(node) === 'percona-labs'));
    const merged = await vscode.commands.executeCommand<number>('postcraft.posts.mergeTag', childNamed(tags(), 'percona-labs'), 'opensource', false);
    assert.equal(merged, 1);
    assert.doesNotMatch(post.getText(), /"percona-labs"/);
  });
});
