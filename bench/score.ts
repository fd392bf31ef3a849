// Recall and false reports against the planted faults. A finding counts for a fault when it is in the
// same file, on the same line, and points at exactly the fault's text (a finding that covers a whole
// tags list is not a tag-typo report); every other finding is a false report.
import type { GeneratedSite, PlantedFault } from './generateSite';
import type { ToolFinding } from './tools/tool';

export interface Score {
  readonly brokenImages: { readonly found: number; readonly planted: number };
  readonly tagTypos: { readonly found: number; readonly planted: number };
  readonly brokenLinks: { readonly found: number; readonly planted: number };
  readonly brokenAnchors: { readonly found: number; readonly planted: number };
  readonly falseReports: number;
  /** False reports per rule, most frequent first. */
  readonly falseByRule: readonly (readonly [rule: string, count: number])[];
}

const unquote = (text: string) => text.trim().replace(/^(["'])(.*)\1$/, '$2');

export function score(site: GeneratedSite, findings: readonly ToolFinding[]): Score {
  const faultsAt = new Map<string, PlantedFault[]>();
  for (const fault of site.faults) {
    const key = `${fault.file}:${fault.line}`;
    faultsAt.set(key, [...(faultsAt.get(key) ?? []), fault]);
  }
  const found = new Set<PlantedFault>();
  const falseByRule = new Map<string, number>();
  for (const finding of findings) {
    const subject = unquote(finding.subject);
    const fault = faultsAt.get(`${finding.file}:${finding.line}`)?.find((candidate) => candidate.subject === subject || candidate.alsoSubject === subject);
    if (fault) found.add(fault);
    else falseByRule.set(finding.rule, (falseByRule.get(finding.rule) ?? 0) + 1);
  }
  const count = (kind: PlantedFault['kind']) => ({ found: [...found].filter((fault) => fault.kind === kind).length, planted: site.faults.filter((fault) => fault.kind === kind).length });
  return {
    brokenImages: count('broken-image'),
    tagTypos: count('tag-typo'),
    brokenLinks: count('broken-link'),
    brokenAnchors: count('broken-anchor'),
    falseReports: [...falseByRule.values()].reduce((sum, n) => sum + n, 0),
    falseByRule: [...falseByRule].sort((a, b) => b[1] - a[1]),
  };
}

/** Share of all planted faults found, 0–1. */
export const recall = (s: Score) => {
  const parts = [s.brokenImages, s.tagTypos, s.brokenLinks, s.brokenAnchors];
  return parts.reduce((sum, part) => sum + part.found, 0) / parts.reduce((sum, part) => sum + part.planted, 0);
};
