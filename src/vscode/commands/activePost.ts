import * as vscode from 'vscode';
import type { SiteSummary } from '../../core/index';
import { sitePathOf } from '../convert';
import type { SiteSession } from '../siteSession';

export interface ActivePost {
  readonly editor: vscode.TextEditor;
  readonly path: string;
  readonly site: SiteSummary;
}

/** The post in the active editor and its site, or a clear message saying why there is none. */
export async function activePost(session: SiteSession): Promise<ActivePost | undefined> {
  const editor = vscode.window.activeTextEditor;
  const path = editor && sitePathOf(editor.document.uri);
  if (!editor || !path) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Postcraft: open a post (a Markdown file of your site) first.'));
    return undefined;
  }
  await session.ready;
  const site = session.service.siteOfPost(path);
  if (!site) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Postcraft: {0} is not a post of a site in this workspace.', vscode.workspace.asRelativePath(editor.document.uri)));
    return undefined;
  }
  return { editor, path, site };
}

/** Asks which site when the workspace holds several. */
export async function pickSite(session: SiteSession, placeHolder: string): Promise<SiteSummary | undefined> {
  await session.ready;
  const sites = session.service.siteSummaries();
  if (sites.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Postcraft: open a folder with a static site first.'));
    return undefined;
  }
  if (sites.length === 1) return sites[0];
  const picked = await vscode.window.showQuickPick(
    sites.map((site) => ({ label: vscode.workspace.asRelativePath(site.root) || site.root, description: site.generator, site })),
    { placeHolder },
  );
  return picked?.site;
}
