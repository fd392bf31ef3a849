import type { SiteCheckReport } from '../report';
import { english, formatMessage, localize, msg, type Message, type Translate } from '../../core/results';
import { locate } from './location';

/** `translate`: the language of the findings and the summary (JSON and SARIF stay English, for programs). */
export function formatText(report: SiteCheckReport, color: boolean, translate: Translate = english): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const t = (message: Message) => formatMessage(message, translate);
  const lines: string[] = [];
  for (const finding of report.findings) {
    const where = locate(report.root, finding);
    const level = finding.severity === 'error' ? paint(31, t(msg('error'))) : finding.severity === 'warning' ? paint(33, t(msg('warning'))) : paint(36, t(msg('info')));
    lines.push(`${where.file}:${where.line}:${where.column}  ${level}  ${localize(finding.message, finding.l10n, translate)}  ${paint(2, finding.code)}`);
  }
  const sites = report.sites.map((site) => `${site.generator} (${t(site.posts === 1 ? msg('{0} post', site.posts) : msg('{0} posts', site.posts))})`).join(', ');
  const errors = report.errors === 1 ? msg('{0} error', report.errors) : msg('{0} errors', report.errors);
  const warnings = report.warnings === 1 ? msg('{0} warning', report.warnings) : msg('{0} warnings', report.warnings);
  const summary = t(msg('{0}, {1} in {2}', errors, warnings, sites));
  if (lines.length) lines.push('');
  lines.push(report.exitCode === 0 ? paint(32, `✓ ${summary}`) : paint(31, `✗ ${summary}`));
  return `${lines.join('\n')}\n`;
}
