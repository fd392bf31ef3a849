import * as vscode from 'vscode';
import type { SiteSession } from '../siteSession';
import { pickSite } from './activePost';
import type { Command } from './commandManager';
import { applyTagRename } from './renameTag';

/**
 * Lists clusters of near-duplicate tags (typos, case, plural, separators) with their counts, and
 * merges the chosen cluster into its most used spelling with one edit.
 */
export class TagHygieneCommand implements Command {
  readonly id = 'postcraft.tagHygiene';

  constructor(private readonly session: SiteSession) {}

  /** Arguments (the tag to merge a cluster into, preview) let tests and keybindings skip the prompts. */
  async execute(into?: unknown, preview?: unknown): Promise<number> {
    const site = await pickSite(this.session, vscode.l10n.t('Which site?'));
    if (!site) return 0;
    const clusters = this.session.service.tagClusters(site.root);
    if (clusters.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Postcraft: the {0} tags of this site have no near-duplicates.', this.session.service.tagUsages(site.root).length));
      return 0;
    }
    const picked = typeof into === 'string' ? { cluster: clusters.find((cluster) => cluster.canonical.tag === into) } : await vscode.window.showQuickPick(
      clusters.map((cluster) => ({
        label: `${cluster.canonical.tag} (${cluster.canonical.count})`,
        description: `← ${cluster.variants.map((variant) => `${variant.tag} (${variant.count})`).join(', ')}`,
        detail: cluster.onePage
          ? vscode.l10n.t('Merge into "{0}" ({1} already makes them one tag page: this unifies the spelling)', cluster.canonical.tag, site.generator)
          : vscode.l10n.t('Merge into "{0}"', cluster.canonical.tag),
        cluster,
      })),
      { placeHolder: vscode.l10n.t('{0} groups of near-duplicate tags: pick one to merge', clusters.length), matchOnDescription: true },
    );
    if (!picked?.cluster) return 0;
    return applyTagRename(this.session, site.root, picked.cluster.variants.map((variant) => variant.tag), picked.cluster.canonical.tag, preview !== false);
  }
}
