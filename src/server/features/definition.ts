import type { Connection } from 'vscode-languageserver';
import { sitePathOf, toLspRange } from '../convert';
import type { ServerSession } from '../session';

/** Go to Definition on a link: the post or file it reaches, at the heading its fragment names. */
export function registerDefinitionSupport(connection: Connection, session: ServerSession): void {
  connection.onDefinition(async ({ textDocument, position }) => {
    await session.ready;
    const document = session.documents.get(textDocument.uri);
    const path = sitePathOf(textDocument.uri);
    if (!document || !path) return null;
    const target = await session.service.definition(path, document.getText(), document.offsetAt(position), session.openText);
    return target ? { uri: session.uriFor(target.path), range: toLspRange(target.range) } : null;
  });
}
