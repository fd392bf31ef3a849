import type { SiteCheckReport } from '../checkSite';
import { english, localize, type Translate } from '../../core/index';
import { locate } from './location';

/** `translate`: the findings' language (JSON and SARIF stay English, for programs). */
export function formatText(report: SiteCheckReport, color: boolean, translate: Translate = english): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const finding of report.findings) {
    const where = locate(report.root, finding);
    const level = finding.severity === 'error' ? paint(31, 'error') : finding.severity === 'warning' ? paint(33, 'warning') : paint(36, 'info');
    lines.push(`${where.file}:${where.line}:${where.column}  ${level}  ${localize(finding.message, finding.l10n, translate)}  ${paint(2, finding.code)}`);
  }
  const sites = report.sites.map((site) => `${site.generator} (${site.posts} posts)`).join(', ');
  const summary = `${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'} in ${sites}`;
  if (lines.length) lines.push('');
  lines.push(report.exitCode === 0 ? paint(32, `✓ ${summary}`) : paint(31, `✗ ${summary}`));
  return `${lines.join('\n')}\n`;
}
