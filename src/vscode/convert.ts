import * as vscode from 'vscode';
import type { Finding, Range, Severity } from '../core/index';
import { sitePathOfUri, uriOfSitePath, workspaceSchemes } from './siteUris';
import { findingMessage } from './l10n';

/** Core ⇄ editor conversions, and nothing else. */

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return severity === 'error' ? vscode.DiagnosticSeverity.Error : severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/** The site path of a workspace file, `file:` or not (see siteUris.ts); `undefined` for other editors. */
export function sitePathOf(uri: vscode.Uri): string | undefined {
  return sitePathOfUri(uri);
}

export function uriOf(sitePath: string): vscode.Uri {
  return uriOfSitePath(sitePath);
}

export const diagnosticSource = 'postcraft';

const docsBase = 'https://github.com/postcraft/postcraft';

/**
 * The finding behind each diagnostic Postcraft published. The extension host hands a code action provider
 * the very Diagnostic objects of the collections (those whose range meets the request's), so a quick fix
 * reads its finding here rather than matching code and range against the findings again.
 */
const findings = new WeakMap<vscode.Diagnostic, Finding>();

export function findingOf(diagnostic: vscode.Diagnostic): Finding | undefined {
  return findings.get(diagnostic);
}

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), findingMessage(finding), toSeverity(finding.severity));
  findings.set(diagnostic, finding);
  diagnostic.source = diagnosticSource;
  diagnostic.code = { value: finding.code, target: vscode.Uri.parse(`${docsBase}#${finding.code}`) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(related.file), toRange(related.range)), findingMessage(related)));
  }
  return diagnostic;
}

/**
 * Posts: Markdown and MDX files of the workspace — on disk (`file:`), or on the workspace's own file system
 * in VS Code for the Web (`vscode-remote:`, `vscode-vfs:`…), never in diffs or untitled editors.
 */
export const postSelector: vscode.DocumentSelector = workspaceSchemes().flatMap((scheme) => [
  { language: 'markdown', scheme },
  { language: 'mdx', scheme },
  { scheme, pattern: '**/*.mdx' },
]);

export function isPostDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(postSelector, document) > 0;
}
