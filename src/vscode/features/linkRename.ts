import * as vscode from 'vscode';
import { isInside, type PathMove } from '../../core/index';
import { openEditorText } from '../commands/renameTag';
import { readSettings } from '../config';
import { sitePathOf, toRange, uriOf } from '../convert';
import type { Logger } from '../../core/index';
import type { SiteSession } from '../siteSession';

/**
 * When posts or folders of posts are renamed or moved (Explorer, a workspace edit), links to them across
 * the site are updated in the same undoable operation: VS Code applies the edit before the move, and with
 * `postcraft.links.updateOnRename: "prompt"` asks first and shows the refactor preview.
 */
export function registerLinkRenameSupport(session: SiteSession, logger: Logger): vscode.Disposable {
  return vscode.workspace.onWillRenameFiles((event) => {
    const settings = readSettings();
    if (settings.linksUpdateOnRename === 'never') return;
    const moves = event.files.flatMap(({ oldUri, newUri }): PathMove[] => {
      const from = sitePathOf(oldUri);
      const to = sitePathOf(newUri);
      return from && to && movesPosts(session, from) ? [{ from, to }] : [];
    });
    if (moves.length === 0) return;
    event.waitUntil(
      planEdit(session, moves, settings.linksUpdateOnRename === 'prompt', settings.linksAddAliasOnMove, event.token).catch((error: unknown) => {
        logger.error(`Updating links for ${moves.map((move) => move.from).join(', ')} failed`, error);
        void vscode.window.showErrorMessage(`Postcraft could not update links to the moved post: ${error instanceof Error ? error.message : String(error)}`);
        return new vscode.WorkspaceEdit();
      }),
    );
  });
}

/** A post, or a folder holding posts (a page bundle, a section). */
function movesPosts(session: SiteSession, path: string): boolean {
  const site = session.service.siteFor(path);
  if (!site) return false;
  if (site.posts.has(path)) return true;
  for (const post of site.posts.keys()) if (isInside(path, post)) return true;
  return false;
}

async function planEdit(session: SiteSession, moves: readonly PathMove[], confirm: boolean, addAliases: boolean, token: vscode.CancellationToken): Promise<vscode.WorkspaceEdit> {
  await session.ready;
  const edits = await session.service.planMove(moves, { addAliases }, openEditorText, token);
  const edit = new vscode.WorkspaceEdit();
  const names = moves.map((move) => vscode.workspace.asRelativePath(uriOf(move.from))).join(', ');
  const metadata: vscode.WorkspaceEditEntryMetadata = { label: `Update links to ${names}`, needsConfirmation: confirm };
  for (const change of edits) edit.replace(uriOf(change.file), toRange(change.range), change.newText, metadata);
  return edit;
}
