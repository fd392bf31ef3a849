import { MarkupKind, type Connection } from 'vscode-languageserver';
import { toLspRange } from '../convert';
import type { ServerSession } from '../session';

/** Tag usage, author cards, image previews and link targets from the core, as Markdown. */
export function registerHoverSupport(connection: Connection, session: ServerSession): void {
  connection.onHover(async ({ textDocument, position }) => {
    await session.ready;
    const document = session.documents.get(textDocument.uri);
    const info = document && session.service.hoverInDocument(document, document.offsetAt(position));
    return info ? { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: toLspRange(info.range) } : null;
  });
}
