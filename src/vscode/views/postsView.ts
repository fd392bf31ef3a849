import * as vscode from 'vscode';
import { basename, relativePath, type PostsOverview } from '../../core/index';
import { uriOf } from '../convert';
import type { SiteSession } from '../siteSession';
import { Disposable } from '../util/dispose';

export type PostsNode =
  | { readonly kind: 'site'; readonly site: PostsOverview }
  | { readonly kind: 'group'; readonly label: string; readonly site: PostsOverview; readonly group: 'tags' | 'authors' | 'unpublished' }
  | { readonly kind: 'bucket'; readonly label: string; readonly site: PostsOverview; readonly group: 'tags' | 'authors'; readonly posts: readonly string[]; readonly registered: boolean }
  | { readonly kind: 'post'; readonly site: PostsOverview; readonly path: string };

export type PostsOrder = 'date' | 'title';

const orderKey = 'postcraft.posts.sortBy';
const unpublishedKey = 'postcraft.posts.showUnpublished';

/**
 * The Explorer's "Posts" view: posts by tag and by author, and the drafts and future-dated posts, with
 * counts; one root per site when the workspace has several. Sorted by date (newest first) or title;
 * drafts and future posts can be hidden, as the generator hides them from a build.
 */
export class PostsView extends Disposable implements vscode.TreeDataProvider<PostsNode> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;
  private orderBy: PostsOrder;
  private unpublishedShown: boolean;

  constructor(private readonly session: SiteSession, private readonly memento?: Pick<vscode.ExtensionContext, 'workspaceState'>) {
    super();
    this.orderBy = memento?.workspaceState.get<PostsOrder>(orderKey) === 'title' ? 'title' : 'date';
    this.unpublishedShown = memento?.workspaceState.get<boolean>(unpublishedKey) ?? true;
    this.register(vscode.window.createTreeView('postcraft.posts', { treeDataProvider: this, showCollapseAll: true }));
    this.register(session.onDidIndex(() => this.changed.fire()));
    this.register(session.onDidChangeFiles(() => this.changed.fire()));
    this.register(vscode.commands.registerCommand('postcraft.posts.sortByDate', () => this.sortBy('date')));
    this.register(vscode.commands.registerCommand('postcraft.posts.sortByTitle', () => this.sortBy('title')));
    this.register(vscode.commands.registerCommand('postcraft.posts.showUnpublished', () => this.showUnpublished(true)));
    this.register(vscode.commands.registerCommand('postcraft.posts.hideUnpublished', () => this.showUnpublished(false)));
    this.updateContext();
  }

  get order(): PostsOrder {
    return this.orderBy;
  }

  get showsUnpublished(): boolean {
    return this.unpublishedShown;
  }

  sortBy(order: PostsOrder): void {
    this.orderBy = order;
    void this.memento?.workspaceState.update(orderKey, order);
    this.updateContext();
    this.changed.fire();
  }

  showUnpublished(shown: boolean): void {
    this.unpublishedShown = shown;
    void this.memento?.workspaceState.update(unpublishedKey, shown);
    this.updateContext();
    this.changed.fire();
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', orderKey, this.orderBy);
    void vscode.commands.executeCommand('setContext', unpublishedKey, this.unpublishedShown);
  }

  getChildren(node?: PostsNode): PostsNode[] {
    if (!node) {
      // Read afresh at each refresh: the nodes below carry this data.
      const sites = this.session.service.postsOverview();
      return sites.length === 1 ? this.groups(sites[0]!) : sites.map((site) => ({ kind: 'site' as const, site }));
    }
    if (node.kind === 'site') return this.groups(node.site);
    if (node.kind === 'group') return this.buckets(node);
    if (node.kind === 'bucket') return this.sorted(node.site, node.posts).map((path) => ({ kind: 'post' as const, site: node.site, path }));
    return [];
  }

  private groups(site: PostsOverview): PostsNode[] {
    const groups: PostsNode[] = [
      { kind: 'group', label: vscode.l10n.t('Tags'), site, group: 'tags' },
      { kind: 'group', label: vscode.l10n.t('Authors'), site, group: 'authors' },
    ];
    if (this.unpublishedShown) groups.push({ kind: 'group', label: vscode.l10n.t('Drafts and Scheduled'), site, group: 'unpublished' });
    return groups;
  }

  private buckets(node: Extract<PostsNode, { kind: 'group' }>): PostsNode[] {
    const { site } = node;
    if (node.group === 'unpublished') return this.sorted(site, [...site.pages.keys()].filter((path) => this.isUnpublished(site, path))).map((path) => ({ kind: 'post' as const, site, path }));
    const named = node.group === 'tags' ? site.tags.map(({ tag, posts, registered }) => ({ label: tag, posts, registered })) : site.authors.map(({ author, posts, registered }) => ({ label: author, posts, registered }));
    return named
      .map(({ label, posts, registered }) => ({ kind: 'bucket' as const, label, site, group: node.group as 'tags' | 'authors', posts: this.visible(site, posts), registered }))
      .filter((bucket) => bucket.posts.length > 0);
  }

  private visible(site: PostsOverview, posts: readonly string[]): readonly string[] {
    return this.unpublishedShown ? posts : posts.filter((path) => !this.isUnpublished(site, path));
  }

  private isUnpublished(site: PostsOverview, path: string): boolean {
    const page = site.pages.get(path);
    return page !== undefined && (page.draft || isFuture(page.date));
  }

  /** Newest first (undated last), or by title; the path breaks ties so the order is stable. */
  private sorted(site: PostsOverview, posts: readonly string[]): string[] {
    const title = (path: string) => site.pages.get(path)?.title ?? basename(path);
    const date = (path: string) => site.pages.get(path)?.date ?? '';
    const byTitle = (a: string, b: string) => title(a).localeCompare(title(b)) || a.localeCompare(b);
    return [...posts].sort(this.orderBy === 'title' ? byTitle : (a, b) => date(b).localeCompare(date(a)) || byTitle(a, b));
  }

  getTreeItem(node: PostsNode): vscode.TreeItem {
    if (node.kind === 'site') {
      const item = new vscode.TreeItem(basename(node.site.site.root), vscode.TreeItemCollapsibleState.Expanded);
      item.description = node.site.site.generator;
      item.tooltip = node.site.site.root;
      item.iconPath = new vscode.ThemeIcon('globe');
      item.contextValue = 'site';
      return item;
    }
    if (node.kind === 'post') {
      const page = node.site.pages.get(node.path);
      const uri = uriOf(node.path);
      const item = new vscode.TreeItem(page?.title ?? relativePath(node.site.site.root, node.path), vscode.TreeItemCollapsibleState.None);
      const state = page?.draft ? 'draft' : isFuture(page?.date) ? 'scheduled' : undefined;
      const stateLabel = state === 'draft' ? vscode.l10n.t('draft') : state === 'scheduled' ? vscode.l10n.t('scheduled') : undefined;
      item.description = [page?.date?.slice(0, 10), stateLabel, relativePath(node.site.site.root, node.path)].filter(Boolean).join(' · ');
      item.resourceUri = uri;
      item.iconPath = state === 'draft' ? new vscode.ThemeIcon('edit') : state === 'scheduled' ? new vscode.ThemeIcon('calendar') : vscode.ThemeIcon.File;
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Post'), arguments: [uri] };
      item.contextValue = 'post'; // Open, Open Preview, Reveal in Explorer and Show Backlinks on the item

      return item;
    }
    const count = node.kind === 'bucket' ? node.posts.length : this.buckets(node).length;
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = `${count}`;
    if (node.kind === 'group') {
      item.iconPath = new vscode.ThemeIcon(node.group === 'tags' ? 'tag' : node.group === 'authors' ? 'organization' : 'edit');
      item.contextValue = `group.${node.group}`;
      return item;
    }
    item.iconPath = new vscode.ThemeIcon(node.group === 'tags' ? 'tag' : node.registered ? 'person' : 'account');
    item.contextValue = node.group === 'tags' ? 'tag' : 'author'; // Rename Tag and Merge Tag on tags
    return item;
  }
}

/** A date after now: Hugo and Jekyll leave such posts out of a build unless told to build the future. */
function isFuture(date: string | undefined): boolean {
  if (!date) return false;
  const time = Date.parse(date);
  return Number.isFinite(time) && time > Date.now();
}
