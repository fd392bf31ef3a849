import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { CodeActionKind, type CodeAction, type Connection, type TextDocumentEdit, type CreateFile, type WorkspaceEdit, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Finding, Fix } from '../../core/index';
import { diagnosticSource, fixesOf, fixTitle, sameRange, toLspRange } from '../convert';
import type { ServerSession } from '../session';
import type { DiagnosticsManager } from './diagnostics';

export interface WorkspaceEditSupport {
  /** `documentChanges` (versioned text edits), else the plain `changes` map. */
  readonly documentChanges: boolean;
  /** Resource operations (`create`): a fix that makes a file is offered only with them. */
  readonly createFiles: boolean;
}

/** Quick fixes: each core fix becomes one WorkspaceEdit that touches only its target text, as in the extension. */
export function registerCodeActionSupport(connection: Connection, session: ServerSession, diagnostics: DiagnosticsManager, support: WorkspaceEditSupport): void {
  connection.onCodeAction(async ({ textDocument, context }) => {
    await session.ready;
    const findings = diagnostics.findingsFor(textDocument.uri);
    const actions: CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== diagnosticSource) continue;
      const finding = findings.find((candidate) => candidate.code === diagnostic.code && sameRange(toLspRange(candidate.range), diagnostic.range));
      // The fixes the diagnostic carries (see toDiagnostic); a client that drops `data` gets the finding's.
      const fixes = fixesOf(diagnostic) ?? finding?.fixes ?? [];
      for (const fix of fixes) {
        const edit = toWorkspaceEdit(session, [fix], support);
        if (edit) actions.push({ title: fixTitle(fix), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred === true, edit });
      }
      if (!finding) continue;
      const sameKind = findings.filter((other) => other.code === finding.code && other.fixes.some((fix) => fix.isPreferred && fix.edits.length > 0 && !fix.createFile));
      if (sameKind.length > 1) actions.push(fixAllAction(session, finding.code, sameKind, support));
    }
    return actions;
  });
}

function fixAllAction(session: ServerSession, code: string, findings: readonly Finding[], support: WorkspaceEditSupport): CodeAction {
  const fixes = findings.map((finding) => finding.fixes.find((fix) => fix.isPreferred && !fix.createFile)!);
  return { title: l10n.t('Fix all "{0}" problems in this file', code), kind: CodeActionKind.QuickFix, edit: toWorkspaceEdit(session, fixes, support)! };
}

/**
 * The fixes as one edit; undefined when the client cannot apply them (a file to create without
 * resource operations). A file to create is created empty, then filled by a text edit: LSP's CreateFile
 * carries no contents. An existing file is never touched.
 */
export function toWorkspaceEdit(session: ServerSession, fixes: readonly Fix[], support: WorkspaceEditSupport): WorkspaceEdit | undefined {
  const creates: (CreateFile | TextDocumentEdit)[] = [];
  const edits = new Map<string, LspTextEdit[]>();
  const add = (uri: string, edit: LspTextEdit) => edits.set(uri, [...(edits.get(uri) ?? []), edit]);
  for (const fix of fixes) {
    if (fix.createFile) {
      if (!support.createFiles) return undefined;
      const uri = session.uriFor(fix.createFile.path);
      if (!existsSync(fix.createFile.path.replace(/^\/(?=[A-Za-z]:)/, ''))) {
        const start = { line: 0, character: 0 };
        creates.push({ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: fix.createFile.content }] });
      }
    }
    for (const change of fix.edits) add(session.uriFor(change.file), { range: toLspRange(change.range), newText: change.newText });
  }
  if (!support.documentChanges) return { changes: Object.fromEntries(edits) };
  const documentEdits: TextDocumentEdit[] = [...edits].map(([uri, textEdits]) => ({ textDocument: { uri, version: session.documents.get(uri)?.version ?? null }, edits: textEdits }));
  return { documentChanges: [...creates, ...documentEdits] };
}
