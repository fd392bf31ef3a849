import type { Connection } from 'vscode-languageserver';
import { toLspRange } from '../convert';
import type { ServerSession } from '../session';

/** Go to Definition on a link: the post or file it reaches, at the heading its fragment names. */
export function registerDefinitionSupport(connection: Connection, session: ServerSession): void {
  connection.onDefinition(async ({ textDocument, position }) => {
    await session.ready;
    const document = session.documents.get(textDocument.uri);
    if (!document) return null;
    const target = await session.service.definitionInDocument(document, document.offsetAt(position), session.openText);
    return target ? { uri: session.uriFor(target.path), range: toLspRange(target.range) } : null;
  });
}
