// remark-validate-links through remark-cli, as its readme recommends, on the site folder.
import { ensurePeers, peerFile, peerVersion } from './peers';
import { assertCompleted, type CheckerTool, type ToolFinding } from './tool';

// `  12:1-12:36  warning  Cannot find file `blog/x.png`  missing-file  remark-validate-links:missing-file`
const messageLine = /^\s*(\d+):\d+(?:-\d+:\d+)?\s+(?:warning|error|info)\s+(.*?)\s+(\S+)\s*$/;
const quotedPath = /`([^`]+)`/;

export const remarkValidateLinks: CheckerTool = {
  name: 'remark-validate-links',
  get version() {
    return `${peerVersion('remark-validate-links')} (remark-cli ${peerVersion('remark-cli')})`;
  },
  invocation: "`remark --use 'remark-validate-links=repository:false' --quiet --frail --no-stdout --no-color .` in the site (the plugin named by its path in `bench/peers/`)",
  checksImages: true,
  blindSpots: "Resolves images relative to the file only: Hugo's `assets/` (and `static/`, theme and mounts) are unknown to it, so every such image is reported missing. No notion of tags, authors or frontmatter.",
  speedNote: "for every file reported missing it ranks a did-you-mean over every file it knows (`propose` in `warn()`, lib/index.js), so its time grows with missing references × files: on a Hugo site, where every `assets/` image looks missing, with the square of the site's size.",
  prepare: async () => ensurePeers(),
  command: (site) => ({
    // By its path: remark looks plugins up from the site folder, which has no node_modules with it.
    args: [peerFile('remark-cli', 'cli.js'), '--use', `${peerFile('remark-validate-links', 'index.js')}=repository:false`, '--quiet', '--frail', '--no-stdout', '--no-color', '.'],
    cwd: site.root,
  }),
  parse(run) {
    assertCompleted('remark', run);
    // A plugin it cannot load is reported per file with exit 1, like findings: no scores from such a run.
    if (run.stderr.includes('Cannot process file')) throw new Error(`remark failed: ${run.stderr.slice(0, 2000)}`);
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
