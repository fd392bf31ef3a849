import * as vscode from 'vscode';
import { relativePath, type PostsOverview } from '../../core/index';
import { uriOf } from '../convert';
import type { SiteSession } from '../siteSession';
import { Disposable } from '../util/dispose';

type PostsNode =
  | { readonly kind: 'group'; readonly label: string; readonly site: PostsOverview; readonly group: 'tags' | 'authors' | 'drafts' }
  | { readonly kind: 'bucket'; readonly label: string; readonly site: PostsOverview; readonly posts: readonly string[]; readonly registered: boolean }
  | { readonly kind: 'post'; readonly site: PostsOverview; readonly path: string };

/** The Explorer's "Posts" view: posts by tag, by author, and the drafts, with counts. */
export class PostsView extends Disposable implements vscode.TreeDataProvider<PostsNode> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly session: SiteSession) {
    super();
    this.register(vscode.window.createTreeView('postcraft.posts', { treeDataProvider: this, showCollapseAll: true }));
    this.register(session.onDidIndex(() => this.changed.fire()));
    this.register(session.onDidChangeFiles(() => this.changed.fire()));
  }

  getChildren(node?: PostsNode): PostsNode[] {
    if (!node) {
      // Read afresh at each refresh: the nodes below carry this data.
      const sites = this.session.service.postsOverview();
      return sites.flatMap((site) => [
        { kind: 'group' as const, label: sites.length > 1 ? vscode.l10n.t('Tags · {0}', relativePath(sites[0]!.site.root, site.site.root) || site.site.generator) : vscode.l10n.t('Tags'), site, group: 'tags' as const },
        { kind: 'group' as const, label: vscode.l10n.t('Authors'), site, group: 'authors' as const },
        { kind: 'group' as const, label: vscode.l10n.t('Drafts'), site, group: 'drafts' as const },
      ]);
    }
    if (node.kind === 'group') return this.buckets(node);
    if (node.kind === 'bucket') return [...node.posts].sort().map((path) => ({ kind: 'post' as const, site: node.site, path }));
    return [];
  }

  private buckets(node: Extract<PostsNode, { kind: 'group' }>): PostsNode[] {
    const { site } = node;
    if (node.group === 'tags') return site.tags.map(({ tag, posts, registered }) => ({ kind: 'bucket' as const, label: tag, site, posts, registered }));
    if (node.group === 'drafts') return site.drafts.map((path) => ({ kind: 'post' as const, site, path }));
    return site.authors.map(({ author, posts, registered }) => ({ kind: 'bucket' as const, label: author, site, posts, registered }));
  }

  getTreeItem(node: PostsNode): vscode.TreeItem {
    if (node.kind === 'post') {
      const summary = node.site.pages.get(node.path);
      const item = new vscode.TreeItem(summary?.title ?? relativePath(node.site.site.root, node.path), vscode.TreeItemCollapsibleState.None);
      item.description = relativePath(node.site.site.root, node.path);
      item.resourceUri = uriOf(node.path);
      item.iconPath = summary?.draft ? new vscode.ThemeIcon('edit') : vscode.ThemeIcon.File;
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Post'), arguments: [uriOf(node.path)] };
      item.contextValue = 'post'; // "Show Backlinks" on the item

      return item;
    }
    const count = node.kind === 'bucket' ? node.posts.length : this.buckets(node).length;
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = node.kind === 'bucket' ? `${count}` : `${count}`;
    item.iconPath = new vscode.ThemeIcon(node.kind === 'group' ? (node.group === 'tags' ? 'tag' : node.group === 'authors' ? 'person' : 'edit') : 'tag');
    if (node.kind === 'group' && node.group === 'authors') item.iconPath = new vscode.ThemeIcon('organization');
    if (node.kind === 'bucket' && node.registered) item.iconPath = new vscode.ThemeIcon('person');
    return item;
  }
}
