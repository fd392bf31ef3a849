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
    if (post.site.authors.size === 0) {
      void vscode.window.showInformationMessage(`Postcraft: this ${post.site.profile.displayName} site has no authors registry.`);
      return false;
    }
    const key = post.site.config.authorKeys.find((candidate) => candidate === 'authors') ?? post.site.config.authorKeys[0] ?? 'authors';
    let chosen = typeof id === 'string' ? id : undefined;
    if (chosen === undefined) {
      const items = [...post.site.authors.values()].map((author) => ({ label: author.id, description: author.name ?? '', ...(author.bio ? { detail: author.bio } : {}) }));
      chosen = (await vscode.window.showQuickPick(items, { placeHolder: 'Author to add', matchOnDescription: true }))?.label;
    }
    return chosen ? insertListValue(post, key, chosen) : false;
  }
}
