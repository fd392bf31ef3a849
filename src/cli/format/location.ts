import { relativePath, type Finding } from '../../core/results';

/** Where a finding is, as people and CI tools count: path relative to the checked folder, 1-based. */
export function locate(root: string, finding: Finding) {
  return {
    file: relativePath(root, finding.file),
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
  };
}
