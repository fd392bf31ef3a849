import * as vscode from 'vscode';
import type { Site } from '../../core/index';
import { postPaths, postsByAuthor, relativePath } from '../../core/index';
import { uriOf } from '../convert';
import type { SiteSession } from '../siteSession';
import { Disposable } from '../util/dispose';

type PostsNode =
  | { readonly kind: 'group'; readonly label: string; readonly site: Site; readonly group: 'tags' | 'authors' | 'drafts' }
  | { readonly kind: 'bucket'; readonly label: string; readonly site: Site; readonly posts: readonly string[] }
  | { readonly kind: 'post'; readonly site: Site; readonly path: string };

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
      const sites = this.session.service.openSites;
      return sites.flatMap((site) => [
        { kind: 'group' as const, label: sites.length > 1 ? `Tags · ${relativePath(sites[0]!.root, site.root) || site.profile.displayName}` : 'Tags', site, group: 'tags' as const },
        { kind: 'group' as const, label: 'Authors', site, group: 'authors' as const },
        { kind: 'group' as const, label: 'Drafts', site, group: 'drafts' as const },
      ]);
    }
    if (node.kind === 'group') return this.buckets(node);
    if (node.kind === 'bucket') return [...node.posts].sort().map((path) => ({ kind: 'post' as const, site: node.site, path }));
    return [];
  }

  private buckets(node: Extract<PostsNode, { kind: 'group' }>): PostsNode[] {
    const { site } = node;
    if (node.group === 'tags') return site.tags.all().map((usage) => ({ kind: 'bucket' as const, label: usage.tag, site, posts: [...usage.posts] }));
    if (node.group === 'drafts') return postPaths(site).filter((path) => site.posts.get(path)!.draft).map((path) => ({ kind: 'post' as const, site, path }));
    const byAuthor = postsByAuthor(site);
    return [...byAuthor].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([label, posts]) => ({ kind: 'bucket' as const, label, site, posts }));
  }

  getTreeItem(node: PostsNode): vscode.TreeItem {
    if (node.kind === 'post') {
      const summary = node.site.posts.get(node.path);
      const item = new vscode.TreeItem(summary?.title ?? relativePath(node.site.root, node.path), vscode.TreeItemCollapsibleState.None);
      item.description = relativePath(node.site.root, node.path);
      item.resourceUri = uriOf(node.path);
      item.iconPath = summary?.draft ? new vscode.ThemeIcon('edit') : vscode.ThemeIcon.File;
      item.command = { command: 'vscode.open', title: 'Open Post', arguments: [uriOf(node.path)] };
      item.contextValue = 'post'; // "Show Backlinks" on the item

      return item;
    }
    const count = node.kind === 'bucket' ? node.posts.length : this.buckets(node).length;
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = node.kind === 'bucket' ? `${count}` : `${count}`;
    item.iconPath = new vscode.ThemeIcon(node.kind === 'group' ? (node.group === 'tags' ? 'tag' : node.group === 'authors' ? 'person' : 'edit') : 'tag');
    if (node.kind === 'group' && node.group === 'authors') item.iconPath = new vscode.ThemeIcon('organization');
    if (node.kind === 'bucket' && node.site.findAuthor(node.label)) item.iconPath = new vscode.ThemeIcon('person');
    return item;
  }
}
