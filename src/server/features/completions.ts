import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Connection } from 'vscode-languageserver';
import type { CompletionEntry } from '../../core/index';
import { toLspRange } from '../convert';
import type { ServerSession } from '../session';

// LSP has no `User` kind (VS Code's API has): authors are constants of the site.
const kinds: Record<CompletionEntry['kind'], CompletionItemKind> = {
  tag: CompletionItemKind.EnumMember,
  author: CompletionItemKind.Constant,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  image: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
  page: CompletionItemKind.File,
  heading: CompletionItemKind.Reference,
};

export const completionTriggerCharacters = [':', '[', ',', '-', '/', '"', "'", ' ', '(', '#'];

export interface CompletionSupport {
  readonly snippets: boolean;
  readonly markdownDocumentation: boolean;
}

/** Frontmatter keys, tags, authors, dates, image paths and link destinations, ranked by the core; each replaces the core's range. */
export function registerCompletionSupport(connection: Connection, session: ServerSession, support: CompletionSupport): void {
  connection.onCompletion(async ({ textDocument, position }) => {
    await session.ready;
    const document = session.documents.get(textDocument.uri);
    if (!document) return null;
    const entries = session.service.completionsInDocument(document, document.offsetAt(position));
    // Complete: the core already narrowed the list to what fits here; the client filters as the writer types.
    return { isIncomplete: false, items: entries.map((entry) => toCompletionItem(entry, support)) };
  });
}

function toCompletionItem(entry: CompletionEntry, support: CompletionSupport): CompletionItem {
  const snippet = entry.isSnippet === true && support.snippets;
  const item: CompletionItem = {
    label: entry.label,
    kind: kinds[entry.kind],
    textEdit: { range: toLspRange(entry.range), newText: entry.isSnippet && !snippet ? plainText(entry.insertText) : entry.insertText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: entry.sortText,
    filterText: entry.filterText ?? entry.label,
  };
  if (entry.detail) item.detail = entry.detail;
  if (entry.documentation) item.documentation = support.markdownDocumentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : entry.documentation;
  return item;
}

/** A snippet's text for a client without snippets: placeholders keep their default text, tab stops go. */
export function plainText(snippet: string): string {
  // One pass, so an escaped `\$1` stays text: escapes, placeholders with their default, bare tab stops.
  return snippet.replace(/\\([$}\\])|\$\{\d+:([^}]*)\}|\$\{\d+\}|\$\d+/g, (_match, escaped: string | undefined, placeholder: string | undefined) => escaped ?? placeholder ?? '');
}
