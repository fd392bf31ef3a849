import * as vscode from 'vscode';
import type { SiteSession } from '../siteSession';
import { activePost } from './activePost';
import type { Command } from './commandManager';
import { insertListValue } from './insertIntoFrontmatter';
import { pickOrType } from './pickOrType';
import { postCount } from '../l10n';

/** Picks one of the site's tags (most used first) or a new one, and adds it to the post. */
export class AddTagCommand implements Command {
  readonly id = 'postcraft.addTag';

  constructor(private readonly session: SiteSession) {}

  async execute(tag?: unknown): Promise<boolean> {
    const post = await activePost(this.session);
    if (!post) return false;
    const choices = this.session.service.tagsToAdd(post.path);
    if (!choices) return false;
    const { key } = choices;
    let chosen = typeof tag === 'string' ? tag : undefined;
    if (chosen === undefined) {
      const items = choices.tags.map((usage) => ({ label: usage.tag, description: postCount(usage.count) }));
      chosen = await pickOrType(items, vscode.l10n.t('Tag to add: pick one the site uses, or type a new one'), () => vscode.l10n.t('new tag'));
    }
    return chosen ? insertListValue(this.session, post, key, chosen) : false;
  }
}
