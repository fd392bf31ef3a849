import type { SiteCheckReport } from '../report';
import { english, localize, type Translate } from '../../core/results';
import { locate } from './location';

// Escaping as GitHub's own toolkit does (@actions/core, command.ts): the message may not hold a raw
// line break or `%`; a property value may not hold `,` or `:` either, which end it.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands (`::error file=…::message`), one a finding, which the runner turns
 * into annotations on the pull request. `sourceRoot` is the repository root: GitHub reads `file`
 * relative to it, so a site in a subfolder keeps its findings on the right files.
 */
export function formatGithub(report: SiteCheckReport, sourceRoot: string, translate: Translate = english): string {
  const lines = report.findings.map((finding) => {
    const where = locate(sourceRoot, finding);
    const command = finding.severity === 'info' ? 'notice' : finding.severity;
    const properties = { file: where.file, line: where.line, col: where.column, endLine: where.endLine, endColumn: where.endColumn, title: finding.code };
    const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
    return `::${command} ${list}::${escapeData(localize(finding.message, finding.l10n, translate))}\n`;
  });
  return lines.join('');
}
