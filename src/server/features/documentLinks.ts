import { readFile } from 'node:fs/promises';
import type { Connection, DocumentLink } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sitePathOf, toLspRange } from '../convert';
import type { ServerSession } from '../session';

/** What a link to a heading in another post keeps until it is resolved: its line is found only when followed. */
interface HeadingLinkData {
  readonly path: string;
  readonly offset: number;
}

/** Image paths, author ids and links to pages become links to the files they name (at the heading). */
export function registerDocumentLinkSupport(connection: Connection, session: ServerSession): void {
  connection.onDocumentLinks(async ({ textDocument }) => {
    await session.ready;
    const document = session.documents.get(textDocument.uri);
    const path = document && sitePathOf(document.uri);
    if (!document || !path) return null;
    return session.service.linksInDocument(document).map((link): DocumentLink => {
      const range = toLspRange(link.range);
      const target = session.uriFor(link.target);
      if (link.targetOffset === undefined) return { range, target, tooltip: link.tooltip };
      if (link.target === path) return { range, target: atPosition(target, document, link.targetOffset), tooltip: link.tooltip };
      const data: HeadingLinkData = { path: link.target, offset: link.targetOffset };
      return { range, tooltip: link.tooltip, data };
    });
  });

  connection.onDocumentLinkResolve(async (link) => {
    const data = link.data as HeadingLinkData | undefined;
    if (!data || link.target) return link;
    const target = session.uriFor(data.path);
    const text = session.openText(data.path) ?? (await readFile(data.path.replace(/^\/(?=[A-Za-z]:)/, ''), 'utf8').catch(() => undefined));
    return { ...link, target: text === undefined ? target : atPosition(target, TextDocument.create(target, 'markdown', 0, text), data.offset) };
  });
}

/** A file URI that opens at a position: the `#L12,3` fragment VS Code reads; other clients open the file. */
function atPosition(uri: string, document: Pick<TextDocument, 'positionAt'>, offset: number): string {
  const position = document.positionAt(offset);
  return `${uri}#L${position.line + 1},${position.character + 1}`;
}
