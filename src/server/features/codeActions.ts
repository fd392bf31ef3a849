import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { CodeActionKind, type CodeAction, type Connection, type TextDocumentEdit, type CreateFile, type WorkspaceEdit, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { checkOptionsOf, safeFixes, type Fix } from '../../core/index';
import { diagnosticSource, fixesOf, fixTitle, sameRange, sitePathOf, toLspRange } from '../convert';
import type { ServerSession } from '../session';
import type { DiagnosticsManager } from './diagnostics';

export interface WorkspaceEditSupport {
  /** `documentChanges` (versioned text edits), else the plain `changes` map. */
  readonly documentChanges: boolean;
  /** Resource operations (`create`): a fix that makes a file is offered only with them. */
  readonly createFiles: boolean;
}

/** The kind of fix all, as the extension names it: `"editor.codeActionsOnSave": { "source.fixAll.postcraft": … }`. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.postcraft`;

/**
 * Quick fixes: each core fix becomes one WorkspaceEdit that touches only its target text, as in the extension.
 * With `only` naming fix all (or a kind above it), the one fix-all action instead.
 */
export function registerCodeActionSupport(connection: Connection, session: ServerSession, diagnostics: DiagnosticsManager, support: WorkspaceEditSupport): void {
  connection.onCodeAction(async ({ textDocument, context }) => {
    await session.ready;
    if (context.only?.some((kind) => fixAllKind === kind || fixAllKind.startsWith(`${kind}.`))) {
      const fixAll = fixAllAction(session, textDocument.uri, support);
      return fixAll ? [fixAll] : [];
    }
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
      // The fixes fix all would take (see core features/fixAll.ts), of this finding's kind alone.
      const sameKind = safeFixes(findings.filter((other) => other.code === finding.code), finding.file);
      if (sameKind.length > 1) actions.push(fixAllOfKindAction(session, finding.code, sameKind.map(({ fix }) => fix), support));
    }
    return actions;
  });
}

function fixAllOfKindAction(session: ServerSession, code: string, fixes: readonly Fix[], support: WorkspaceEditSupport): CodeAction {
  return { title: l10n.t('Fix all "{0}" problems in this file', code), kind: CodeActionKind.QuickFix, edit: toWorkspaceEdit(session, fixes, support)! };
}

/**
 * Fix all: every safe fix of the open document, checked again until none is left, as `postcraft check
 * --fix` writes them (PostcraftService.fixText); one text edit per changed region.
 */
function fixAllAction(session: ServerSession, uri: string, support: WorkspaceEditSupport): CodeAction | undefined {
  const document = session.documents.get(uri);
  const path = sitePathOf(uri);
  if (!document || path === undefined) return undefined;
  const result = session.service.fixText(path, document.getText(), checkOptionsOf(session.settings));
  if (result.edits.length === 0) return undefined;
  const edits = result.edits.map((edit) => ({ range: { start: document.positionAt(edit.range.start), end: document.positionAt(edit.range.end) }, newText: edit.newText }));
  const edit: WorkspaceEdit = support.documentChanges ? { documentChanges: [{ textDocument: { uri, version: document.version }, edits }] } : { changes: { [uri]: edits } };
  return { title: l10n.t('Fix all Postcraft problems with a safe fix ({0})', result.applied.length), kind: fixAllKind, edit };
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
