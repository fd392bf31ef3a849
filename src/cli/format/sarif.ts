import { findingCodes, relativePath } from '../../core/results';
import type { SiteCheckReport } from '../report';
import { locate } from './location';

const helpUri = (code: string) => `https://github.com/postcraft/postcraft#${code}`;

/** A path as a URI reference: each segment percent-encoded, `/` kept. */
const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');
/** An absolute folder path as the `file:` URI SARIF wants for a base: ending in `/`. */
const folderUri = (path: string) => `file://${path.startsWith('/') ? '' : '/'}${encodePath(path)}${path.endsWith('/') ? '' : '/'}`;

/**
 * SARIF 2.1.0, the format GitHub code scanning reads. GitHub reads a relative `uri` from the
 * repository root, so each result's `uri` is relative to `sourceRoot` (the repository holding the
 * site) under the base `%SRCROOT%`, and `originalUriBaseIds` says where that is and where the site
 * sits in it (`SITEROOT`), so a site in a subfolder keeps its findings on the right files.
 */
export function formatSarif(report: SiteCheckReport, version: string, sourceRoot: string = report.root): string {
  const siteFolder = relativePath(sourceRoot, report.root);
  const originalUriBaseIds = {
    '%SRCROOT%': { uri: folderUri(sourceRoot), description: { text: 'The root of the repository that holds the checked site.' } },
    ...(siteFolder && siteFolder !== report.root ? { SITEROOT: { uri: `${encodePath(siteFolder)}/`, uriBaseId: '%SRCROOT%', description: { text: 'The checked site folder.' } } } : {}),
  };
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
        originalUriBaseIds,
        results: report.findings.map((finding) => {
          const where = locate(sourceRoot, finding);
          return {
            ruleId: finding.code,
            ruleIndex: findingCodes.indexOf(finding.code),
            level: finding.severity === 'info' ? 'note' : finding.severity,
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodePath(where.file), uriBaseId: '%SRCROOT%' },
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
