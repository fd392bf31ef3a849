// markdownlint-cli2 with its default rules: a general Markdown linter, for scale (it checks no images).
import { ensurePeers, peerFile, peerVersion } from './peers';
import { assertCompleted, type CheckerTool, type ToolFinding } from './tool';

// `content/a.md:10:81 error MD013/line-length Line length [Expected: 80; Actual: 479]`
const messageLine = /^(.+?\.md):(\d+)(?::\d+)? (?:error|warning) (\S+) /;

export const markdownlint: CheckerTool = {
  name: 'markdownlint-cli2',
  get version() {
    return `${peerVersion('markdownlint-cli2')} (markdownlint ${peerVersion('markdownlint')})`;
  },
  invocation: '`markdownlint-cli2 "**/*.md"` in the site, default rules',
  checksImages: false,
  blindSpots: 'Style and syntax rules only: no image, tag, author or frontmatter-value checks, so it cannot find any planted fault. Its findings here are style warnings (long lines, blank lines), counted as reports that are not planted faults.',
  prepare: async () => ensurePeers(),
  command: (site) => ({ args: [peerFile('markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '**/*.md'], cwd: site.root }),
  parse(run) {
    assertCompleted('markdownlint-cli2', run);
    const findings: ToolFinding[] = [];
    for (const line of run.stderr.split('\n')) {
      const message = messageLine.exec(line);
      if (message) findings.push({ file: message[1]!, line: Number(message[2]), rule: message[3]!.split('/')[0]!, subject: '' });
    }
    return findings;
  },
};
