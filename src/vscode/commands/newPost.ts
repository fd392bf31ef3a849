import * as vscode from 'vscode';
import { relativePath } from '../../core/index';
import { uriOf } from '../convert';
import type { SiteSession } from '../siteSession';
import { pickSite } from './activePost';
import type { Command } from './commandManager';
import { postCount } from '../l10n';

/** Creates a post where the site keeps them, from its archetype, and puts the cursor in the body. */
export class NewPostCommand implements Command {
  readonly id = 'postcraft.newPost';

  constructor(private readonly session: SiteSession) {}

  async execute(title?: unknown, section?: unknown): Promise<vscode.Uri | undefined> {
    const site = await pickSite(this.session, vscode.l10n.t('Which site is the post for?'));
    if (!site) return undefined;
    const sections = this.session.service.postSections(site.root);
    let chosenSection = typeof section === 'string' ? section : undefined;
    if (chosenSection === undefined && sections.length > 1) {
      const picked = await vscode.window.showQuickPick(sections.map((entry) => ({ label: entry.section, description: postCount(entry.posts) })), { placeHolder: vscode.l10n.t('Section for the new post') });
      if (!picked) return undefined;
      chosenSection = picked.label;
    }
    const chosenTitle = typeof title === 'string' ? title : await vscode.window.showInputBox({ prompt: vscode.l10n.t('Title of the new post'), placeHolder: vscode.l10n.t('My new post'), validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('A post needs a title')) });
    if (!chosenTitle?.trim()) return undefined;
    const plan = await this.session.service.planNewPost(site.root, { title: chosenTitle.trim(), section: chosenSection });
    if (!plan) return undefined; // the site closed while the writer typed
    const uri = uriOf(plan.path);
    if (await this.session.fs.stat(plan.path)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Postcraft: {0} already exists; choose another title.', relativePath(site.root, plan.path)));
      return undefined;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: false, overwrite: false, contents: new TextEncoder().encode(plan.content) });
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('could not create {0}', plan.path));
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const cursor = document.positionAt(plan.cursorOffset);
    editor.selection = new vscode.Selection(cursor, cursor);
    editor.revealRange(new vscode.Range(cursor, cursor));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Postcraft: new post from {0}', plan.template), 5000);
    return uri;
  }
}
