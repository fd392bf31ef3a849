// remark-validate-links through remark-cli, as its readme recommends, on the site folder.
import { join } from 'node:path';
import { assertCompleted, packageVersion, projectRoot, type CheckerTool, type ToolFinding } from './tool';

// `  12:1-12:36  warning  Cannot find file `blog/x.png`  missing-file  remark-validate-links:missing-file`
const messageLine = /^\s*(\d+):\d+(?:-\d+:\d+)?\s+(?:warning|error|info)\s+(.*?)\s+(\S+)\s*$/;
const quotedPath = /`([^`]+)`/;

export const remarkValidateLinks: CheckerTool = {
  name: 'remark-validate-links',
  version: `${packageVersion('remark-validate-links')} (remark-cli ${packageVersion('remark-cli')})`,
  invocation: "`remark --use 'remark-validate-links=repository:false' --quiet --frail --no-stdout --no-color .` in the site",
  checksImages: true,
  blindSpots: "Resolves images relative to the file only: Hugo's `assets/` (and `static/`, theme and mounts) are unknown to it, so every such image is reported missing. No notion of tags, authors or frontmatter.",
  speedNote: "for every file reported missing it ranks a did-you-mean over every file it knows (`propose` in `warn()`, lib/index.js), so its time grows with missing references × files: on a Hugo site, where every `assets/` image looks missing, with the square of the site's size.",
  command: (site) => ({
    args: [join(projectRoot, 'node_modules', 'remark-cli', 'cli.js'), '--use', 'remark-validate-links=repository:false', '--quiet', '--frail', '--no-stdout', '--no-color', '.'],
    cwd: site.root,
  }),
  parse(run) {
    assertCompleted('remark', run);
    const findings: ToolFinding[] = [];
    let file = '';
    for (const line of run.stderr.split('\n')) {
      const message = messageLine.exec(line);
      if (message) {
        const text = message[2]!;
        findings.push({ file, line: Number(message[1]), rule: message[3]!, subject: quotedPath.exec(text)?.[1] ?? text });
      } else if (/^\S.*\.md$/.test(line.trim()) && !/^\s/.test(line)) {
        file = line.trim();
      }
    }
    return findings;
  },
};
