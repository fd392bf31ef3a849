import { DiagnosticSeverity, type Diagnostic, type Range as LspRange } from 'vscode-languageserver';
import { localize, sitePathOfUri, uriOfSitePath, type Finding, type Fix, type Range, type Severity } from '../core/index';
import { translate } from '../node/index';

/** Core ⇄ protocol conversions, and nothing else. */

/**
 * The site path of a `file:` URI, by the core's mapping (core/text/uris.ts, the extension's too);
 * undefined for other schemes (`untitled:`, …), which the server's Node file system cannot read.
 */
export function sitePathOf(uri: string): string | undefined {
  return uri.slice(0, 5).toLowerCase() === 'file:' ? sitePathOfUri(uri) : undefined;
}

/** The `file:` URI of a site path (`/c:/x` becomes `file:///c:/x`). */
export function uriOf(sitePath: string): string {
  return uriOfSitePath(sitePath);
}

/** The core's ranges count UTF-16 code units, as LSP positions do by default. */
export function toLspRange(range: Range): LspRange {
  return { start: { ...range.start }, end: { ...range.end } };
}

export function toSeverity(severity: Severity): DiagnosticSeverity {
  return severity === 'error' ? DiagnosticSeverity.Error : severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

export const diagnosticSource = 'postcraft';

const docsBase = 'https://github.com/postcraft/postcraft';

/** What a Postcraft diagnostic carries in `data`: its finding's fixes. */
export interface DiagnosticData {
  readonly fixes: readonly Fix[];
}

/** The fixes a diagnostic carries, if the client sent its `data` back intact. */
export function fixesOf(diagnostic: Diagnostic): readonly Fix[] | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return Array.isArray(data?.fixes) && data.fixes.every((fix) => typeof fix?.title === 'string' && Array.isArray(fix.edits)) ? data.fixes : undefined;
}

export function toDiagnostic(finding: Finding, relatedSupport: boolean): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toLspRange(finding.range),
    severity: toSeverity(finding.severity),
    code: finding.code,
    codeDescription: { href: `${docsBase}#${finding.code}` },
    source: diagnosticSource,
    message: localize(finding.message, finding.l10n, translate),
  };
  // The fixes travel with the diagnostic (clients send `data` back with a code action request), so a
  // code action applies exactly what this check found, without matching the finding again.
  if (finding.fixes.length > 0) diagnostic.data = { fixes: finding.fixes } satisfies DiagnosticData;
  if (relatedSupport && finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({ location: { uri: uriOf(related.file), range: toLspRange(related.range) }, message: localize(related.message, related.l10n, translate) }));
  }
  return diagnostic;
}

export function sameRange(a: LspRange, b: LspRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A fix's title in the client's language (see server.ts, `useLocale`). */
export function fixTitle(fix: Fix): string {
  return localize(fix.title, fix.l10n, translate);
}
