import type { SiteCheckReport } from '../report';
import { formatMessage, relativePath } from '../../core/results';
import { locate } from './location';

export function formatJson(report: SiteCheckReport): string {
  const findings = report.findings.map((finding) => ({
    ...locate(report.root, finding),
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((edit) => ({ ...locate(report.root, { ...finding, file: edit.file, range: edit.range }), newText: edit.newText })),
      ...(fix.createFile ? { createFile: locate(report.root, { ...finding, file: fix.createFile.path }).file } : {}),
    })),
  }));
  const summary = { errors: report.errors, warnings: report.warnings, infos: report.findings.length - report.errors - report.warnings, sites: report.sites.map((site) => ({ ...site, root: relativePath(report.root, site.root) || '.', problems: site.problems.map((problem) => formatMessage(problem)) })) };
  return `${JSON.stringify({ findings, summary }, null, 2)}\n`;
}
