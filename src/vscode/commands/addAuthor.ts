import * as vscode from 'vscode';
import type { SiteSession } from '../siteSession';
import { activePost } from './activePost';
import type { Command } from './commandManager';
import { insertListValue } from './insertIntoFrontmatter';

/** Picks an author from the site's registry and adds them to the post. */
export class AddAuthorCommand implements Command {
  readonly id = 'postcraft.addAuthor';

  constructor(private readonly session: SiteSession) {}

  async execute(id?: unknown): Promise<boolean> {
    const post = await activePost(this.session);
    if (!post) return false;
    const choices = this.session.service.authorsToAdd(post.path);
    if (!choices || choices.authors.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Postcraft: this {0} site has no authors registry.', post.site.generator));
      return false;
    }
    const { key } = choices;
    let chosen = typeof id === 'string' ? id : undefined;
    if (chosen === undefined) {
      const items = choices.authors.map((author) => ({ label: author.id, description: author.name ?? '', ...(author.bio ? { detail: author.bio } : {}) }));
      chosen = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Author to add'), matchOnDescription: true }))?.label;
    }
    return chosen ? insertListValue(this.session, post, key, chosen) : false;
  }
}
