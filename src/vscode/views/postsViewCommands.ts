import * as vscode from 'vscode';
import { uriOf } from '../convert';
import { applyTagRename } from '../commands/renameTag';
import type { Command } from '../commands/commandManager';
import type { SiteSession } from '../siteSession';
import type { PostsNode } from './postsView';
import { postCount } from '../l10n';

// The commands on the Posts view's items (their menus in package.json, by `viewItem`). Each takes the
// node VS Code passes for the clicked item; from the palette they are hidden.

type PostNode = Extract<PostsNode, { kind: 'post' }>;
type TagNode = Extract<PostsNode, { kind: 'bucket' }>;

function postOf(node: unknown): PostNode | undefined {
  return typeof node === 'object' && node !== null && (node as PostsNode).kind === 'post' ? (node as PostNode) : undefined;
}

function tagOf(node: unknown): TagNode | undefined {
  return typeof node === 'object' && node !== null && (node as PostsNode).kind === 'bucket' && (node as TagNode).group === 'tags' ? (node as TagNode) : undefined;
}

export class OpenPostCommand implements Command {
  readonly id = 'postcraft.posts.open';
  async execute(node?: unknown): Promise<void> {
    const post = postOf(node);
    if (post) await vscode.window.showTextDocument(uriOf(post.path));
  }
}

export class PreviewPostCommand implements Command {
  readonly id = 'postcraft.posts.openPreview';
  async execute(node?: unknown): Promise<void> {
    const post = postOf(node);
    if (post) await vscode.commands.executeCommand('postcraft.openPreviewToSide', uriOf(post.path));
  }
}

export class RevealPostCommand implements Command {
  readonly id = 'postcraft.posts.revealInExplorer';
  async execute(node?: unknown): Promise<void> {
    const post = postOf(node);
    if (post) await vscode.commands.executeCommand('revealInExplorer', uriOf(post.path));
  }
}

export class RenameTagInViewCommand implements Command {
  readonly id = 'postcraft.posts.renameTag';
  constructor(private readonly session: SiteSession) {}

  /** `to` and `preview` let tests skip the prompt and the refactor preview. */
  async execute(node?: unknown, to?: unknown, preview?: unknown): Promise<number> {
    const tag = tagOf(node);
    if (!tag) return 0;
    const newTag = typeof to === 'string' ? to : await vscode.window.showInputBox({ prompt: tag.posts.length === 1 ? vscode.l10n.t('Rename "{0}" in 1 post to', tag.label) : vscode.l10n.t('Rename "{0}" in {1} posts to', tag.label, tag.posts.length), value: tag.label, validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('A tag cannot be empty')) });
    if (!newTag?.trim() || newTag.trim() === tag.label) return 0;
    return applyTagRename(this.session, tag.site.site.root, [tag.label], newTag.trim(), preview !== false);
  }
}

export class MergeTagCommand implements Command {
  readonly id = 'postcraft.posts.mergeTag';
  constructor(private readonly session: SiteSession) {}

  /** Merges the tag into another of the site's tags; `into` and `preview` let tests skip the prompts. */
  async execute(node?: unknown, into?: unknown, preview?: unknown): Promise<number> {
    const tag = tagOf(node);
    if (!tag) return 0;
    const others = this.session.service.tagUsages(tag.site.site.root).filter((usage) => usage.tag !== tag.label);
    const target =
      typeof into === 'string'
        ? into
        : (await vscode.window.showQuickPick(others.map((usage) => ({ label: usage.tag, description: postCount(usage.count) })), { placeHolder: vscode.l10n.t('Merge "{0}" into', tag.label) }))?.label;
    if (!target || target === tag.label) return 0;
    return applyTagRename(this.session, tag.site.site.root, [tag.label], target, preview !== false);
  }
}
