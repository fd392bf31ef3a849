import * as vscode from 'vscode';
import { isInside, type Logger, type PathMove, type TextEdit } from '../../core/index';
import { openEditorText } from '../commands/renameTag';
import { readSettings } from '../config';
import { sitePathOf, toRange, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';
import { Disposable } from '../util/dispose';

/**
 * When posts or folders of posts are renamed or moved (Explorer, a workspace edit), links to them across
 * the site are updated. The edits are planned before the move, while the index still knows the old
 * paths and URLs. `postcraft.links.updateOnRename`:
 * - `prompt`: the edit joins the move as one undoable operation, and VS Code asks first (OK, Show Preview,
 *   Skip Changes; it remembers "Do not ask me again"). The edits are not marked `needsConfirmation`: the
 *   refactor preview would show them unticked.
 * - `always`: applied right after the move, without a question.
 * - `never`: links are left as they are; the check reports those that break.
 */
export class LinkRenameSupport extends Disposable {
  /** Plans for `always`, made before a move and applied once it is done, by the moves' old paths. */
  private readonly planned = new Map<string, Promise<TextEdit[]>>();

  constructor(
    private readonly session: SiteSession,
    private readonly logger: Logger,
  ) {
    super();
    this.register(vscode.workspace.onWillRenameFiles((event) => this.willRename(event)));
    this.register(vscode.workspace.onDidRenameFiles((event) => void this.didRename(event)));
  }

  private willRename(event: vscode.FileWillRenameEvent): void {
    const settings = readSettings();
    if (settings.linksUpdateOnRename === 'never') return;
    const moves = this.postMoves(event.files);
    if (moves.length === 0) return;
    const plan = this.plan(moves, settings.linksAddAliasOnMove, event.token);
    if (settings.linksUpdateOnRename === 'always') {
      this.planned.set(keyOf(this.postMoves(event.files, false)), plan);
      event.waitUntil(plan.then(() => new vscode.WorkspaceEdit()));
      return;
    }
    event.waitUntil(plan.then((edits) => toWorkspaceEdit(edits, moves)));
  }

  private async didRename(event: vscode.FileRenameEvent): Promise<void> {
    const moves = this.postMoves(event.files, false);
    const key = keyOf(moves);
    const plan = this.planned.get(key);
    if (!plan) return;
    this.planned.delete(key);
    // The moved posts' own edits now belong to their new paths; their text (and so the ranges) moved with them.
    const edits = (await plan).map((edit) => ({ ...edit, file: movedPath(edit.file, moves) }));
    if (edits.length > 0 && !(await vscode.workspace.applyEdit(toWorkspaceEdit(edits, moves), { isRefactoring: true }))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Postcraft could not update the links to {0}.', describe(moves)));
    }
  }

  /** The moves of posts and folders holding posts (a page bundle, a section); `indexed`: check the index (before the move). */
  private postMoves(files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[], indexed = true): PathMove[] {
    return files.flatMap(({ oldUri, newUri }): PathMove[] => {
      const from = sitePathOf(oldUri);
      const to = sitePathOf(newUri);
      return from && to && (!indexed || this.movesPosts(from)) ? [{ from, to }] : [];
    });
  }

  private movesPosts(path: string): boolean {
    return this.session.service.holdsPages(path);
  }

  private async plan(moves: readonly PathMove[], addAliases: boolean, token: vscode.CancellationToken): Promise<TextEdit[]> {
    try {
      await this.session.ready;
      return await this.session.service.planMove(moves, { addAliases }, openEditorText, token);
    } catch (error) {
      this.logger.error(`Updating links for ${moves.map((move) => move.from).join(', ')} failed`, error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Postcraft could not update links to {0}: {1}', describe(moves), error instanceof Error ? error.message : String(error)));
      return [];
    }
  }
}

function toWorkspaceEdit(edits: readonly TextEdit[], moves: readonly PathMove[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label: vscode.l10n.t('Update links to {0}', describe(moves)), needsConfirmation: false };
  for (const change of edits) edit.replace(uriOf(change.file), toRange(change.range), change.newText, metadata);
  return edit;
}

function movedPath(path: string, moves: readonly PathMove[]): string {
  for (const { from, to } of moves) {
    if (path === from) return to;
    if (isInside(from, path)) return `${to}${path.slice(from.length)}`;
  }
  return path;
}

function keyOf(moves: readonly PathMove[]): string {
  return moves.map((move) => `${move.from}\u0000${move.to}`).join('\u0001');
}

function describe(moves: readonly PathMove[]): string {
  return moves.map((move) => vscode.workspace.asRelativePath(uriOf(move.from))).join(', ');
}
