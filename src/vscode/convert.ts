import * as vscode from 'vscode';
import { toSitePath, type Finding, type Range, type Severity } from '../core/index';

/** Core ⇄ editor conversions, and nothing else. */

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return severity === 'error' ? vscode.DiagnosticSeverity.Error : severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

export function sitePathOf(uri: vscode.Uri): string | undefined {
  return uri.scheme === 'file' ? toSitePath(uri.fsPath) : undefined;
}

export function uriOf(sitePath: string): vscode.Uri {
  return vscode.Uri.file(sitePath);
}

export const diagnosticSource = 'postcraft';

const docsBase = 'https://github.com/postcraft/postcraft';

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, toSeverity(finding.severity));
  diagnostic.source = diagnosticSource;
  diagnostic.code = { value: finding.code, target: vscode.Uri.parse(`${docsBase}#${finding.code}`) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(related.file), toRange(related.range)), related.message));
  }
  return diagnostic;
}

/** Posts: Markdown and MDX files on disk. */
export const postSelector: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'mdx', scheme: 'file' },
  { scheme: 'file', pattern: '**/*.mdx' },
];

export function isPostDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(postSelector, document) > 0;
}
