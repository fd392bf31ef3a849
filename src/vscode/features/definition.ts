import * as vscode from 'vscode';
import { openEditorText } from '../commands/renameTag';
import { postSelector, sitePathOf, toRange, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';

/** Go to Definition on a link: the post or file it reaches, at the heading its fragment names. */
class LinkDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly session: SiteSession) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const path = sitePathOf(document.uri);
    if (!path) return undefined;
    const target = await this.session.service.definition(path, document.getText(), document.offsetAt(position), openEditorText);
    return target && new vscode.Location(uriOf(target.path), toRange(target.range));
  }
}

export function registerDefinitionSupport(session: SiteSession): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(postSelector, new LinkDefinitionProvider(session));
}
