import * as vscode from 'vscode';
import { relativePath } from '../../core/index';
import { sitePathOf, toRange, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';
import { activePost } from './activePost';
import type { Command } from './commandManager';
import { openEditorText } from './renameTag';

/** Lists the links across the site to a post (the active one, or one from the Posts view) and opens the one picked. */
export class ShowBacklinksCommand implements Command {
  readonly id = 'postcraft.showBacklinks';

  constructor(private readonly session: SiteSession) {}

  /** `target`: a post's URI, or a Posts view node with its `path`; else the active post. */
  async execute(target?: unknown): Promise<number> {
    const path = await this.targetPath(target);
    if (!path) return 0;
    const { root, title: pageTitle } = this.session.service.pageInfo(path)!;
    const title = pageTitle ?? relativePath(root, path);
    const backlinks = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Postcraft: finding backlinks') }, () => this.session.service.backlinks(path, openEditorText));
    if (backlinks.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Postcraft: no post links to "{0}".', title));
      return 0;
    }
    const items = backlinks.map((backlink) => ({
      label: this.session.service.pageInfo(backlink.from)?.title ?? relativePath(root, backlink.from),
      description: `${relativePath(root, backlink.from)}:${backlink.range.start.line + 1}`,
      detail: backlink.line,
      backlink,
    }));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: backlinks.length === 1 ? vscode.l10n.t('1 link to "{0}"', title) : vscode.l10n.t('{0} links to "{1}"', backlinks.length, title), matchOnDescription: true, matchOnDetail: true });
    if (picked) await vscode.window.showTextDocument(uriOf(picked.backlink.from), { selection: toRange(picked.backlink.range) });
    return backlinks.length;
  }

  private async targetPath(target: unknown): Promise<string | undefined> {
    await this.session.ready;
    const path = target instanceof vscode.Uri ? sitePathOf(target) : typeof target === 'object' && target !== null && 'path' in target && typeof target.path === 'string' ? target.path : undefined;
    if (path !== undefined) return this.session.service.pageInfo(path) ? path : undefined;
    return (await activePost(this.session))?.path;
  }
}
