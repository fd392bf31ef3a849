// `postcraft check <site> --format json`: the production CLI bundle, a new process each run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotDir } from '../productionBuild';
import { assertCompleted, projectRoot, projectVersion, type CheckerTool, type ToolFinding } from './tool';

interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly code: string;
}

/** The text of a 1-based range, on one line (a multi-line range keeps the rest of its first line). */
function textAt(text: string, finding: JsonFinding): string {
  const line = text.split('\n')[finding.line - 1] ?? '';
  return line.slice(finding.column - 1, finding.endLine === finding.line ? finding.endColumn - 1 : undefined);
}

export const postcraft: CheckerTool = {
  name: 'Postcraft',
  version: projectVersion(),
  invocation: '`node packages/cli/dist/cli.js check <site> --format json` on a copy of the production bundle taken right after the build',
  checksImages: true,
  blindSpots: 'Resolves links by Hugo\'s URL rules and heading IDs; a URL outside every folder the site\'s pages are published in is not reported (a theme or the host may serve it).',
  command: (site) => ({ args: [join(snapshotDir, 'cli.js'), 'check', site.root, '--format', 'json'], cwd: projectRoot }),
  parse(run, site) {
    assertCompleted('postcraft', run);
    const texts = new Map<string, string>();
    const textOf = (file: string) => texts.get(file) ?? texts.set(file, readFileSync(join(site.root, file), 'utf8')).get(file)!;
    return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.map((finding): ToolFinding => ({
      file: finding.file,
      line: finding.line,
      rule: finding.code,
      subject: textAt(textOf(finding.file), finding),
    }));
  },
};
