import * as vscode from 'vscode';
import type { Command } from './commandManager';
import type { DiagnosticsManager, SiteTotals } from '../features/diagnostics';
import type { SiteSession } from '../siteSession';

/** Re-indexes and checks every post of every site, fills the Problems panel and shows a summary. */
export class CheckSiteCommand implements Command {
  readonly id = 'postcraft.checkSite';

  constructor(private readonly session: SiteSession, private readonly diagnostics: DiagnosticsManager) {}

  async execute(): Promise<SiteTotals | undefined> {
    if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Postcraft: open a folder with a static site to check it.'));
      return undefined;
    }
    await this.session.reindex();
    const totals = await this.diagnostics.checkEverything({ wholeSite: true, location: vscode.ProgressLocation.Notification });
    if (!totals) return undefined;
    const summary = vscode.l10n.t('Postcraft checked {0} posts: {1} errors, {2} warnings.', totals.posts, totals.errors, totals.warnings);
    if (totals.errors + totals.warnings > 0) {
      void vscode.window.showWarningMessage(summary, vscode.l10n.t('Show Problems')).then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
    } else void vscode.window.showInformationMessage(summary);
    return totals;
  }
}
