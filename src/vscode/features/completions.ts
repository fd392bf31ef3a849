import * as vscode from 'vscode';
import type { CompletionEntry } from '../../core/index';
import { postSelector, sitePathOf, toRange } from '../convert';
import type { SiteSession } from '../siteSession';

const kinds: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  tag: vscode.CompletionItemKind.EnumMember,
  author: vscode.CompletionItemKind.User,
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  image: vscode.CompletionItemKind.File,
  folder: vscode.CompletionItemKind.Folder,
  page: vscode.CompletionItemKind.File,
  heading: vscode.CompletionItemKind.Reference,
};

/** Frontmatter keys, tags, authors, dates, image paths and link destinations, ranked by the core. */
class PostCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly session: SiteSession) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const path = sitePathOf(document.uri);
    if (!path) return undefined;
    const entries = this.session.service.completions(path, document.getText(), document.offsetAt(position));
    return entries.map((entry) => {
      const item = new vscode.CompletionItem(entry.label, kinds[entry.kind]);
      item.insertText = entry.isSnippet ? new vscode.SnippetString(entry.insertText) : entry.insertText;
      item.range = toRange(entry.range);
      item.sortText = entry.sortText;
      item.filterText = entry.filterText ?? entry.label;
      if (entry.detail) item.detail = entry.detail;
      if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
      if (entry.kind === 'folder') item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
      return item;
    });
  }
}

export function registerCompletionSupport(session: SiteSession): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(postSelector, new PostCompletionProvider(session), ':', '[', ',', '-', '/', '"', "'", ' ', '(', '#');
}
