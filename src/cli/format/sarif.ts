import { findingCodes } from '../../core/index';
import type { SiteCheckReport } from '../checkSite';
import { locate } from './location';

const helpUri = (code: string) => `https://github.com/postcraft/postcraft#${code}`;

/** SARIF 2.1.0, the format GitHub code scanning reads. */
export function formatSarif(report: SiteCheckReport, version: string): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postcraft',
            version,
            informationUri: 'https://github.com/postcraft/postcraft',
            rules: findingCodes.map((code) => ({ id: code, shortDescription: { text: code.replace(/-/g, ' ') }, helpUri: helpUri(code) })),
          },
        },
        results: report.findings.map((finding) => {
          const where = locate(report.root, finding);
          return {
            ruleId: finding.code,
            ruleIndex: findingCodes.indexOf(finding.code),
            level: finding.severity === 'info' ? 'note' : finding.severity,
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: where.file },
                  region: { startLine: where.line, startColumn: where.column, endLine: where.endLine, endColumn: where.endColumn },
                },
              },
            ],
          };
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
