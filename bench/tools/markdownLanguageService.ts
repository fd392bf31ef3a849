// vscode-markdown-languageservice (VS Code's Markdown link diagnostics), hosted by
// bench/peers/markdownLanguageServiceCheck.ts, which is bundled once like our CLI so both start the same way.
// The host lives with the peers it imports, type-checked by bench/peers/tsconfig.json once they are installed.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { join } from 'node:path';
import { ensurePeers, peersDir, peerVersion } from './peers';
import { assertCompleted, projectRoot, type CheckerTool } from './tool';

/** What the host writes to stdout for each diagnostic, as `{ findings: [...] }`. */
export interface LanguageServiceFinding {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  /** The text the diagnostic's range covers (the link target). */
  readonly subject: string;
}

// Git-ignored (dist/), next to the packages it bundles.
const bundle = join(peersDir, 'dist', 'markdownLanguageServiceCheck.js');

export const markdownLanguageService: CheckerTool = {
  name: 'vscode-markdown-languageservice',
  get version() {
    return peerVersion('vscode-markdown-languageservice');
  },
  invocation: '`computeDiagnostics` on every `.md` file, all validations on (`bench/peers/markdownLanguageServiceCheck.ts`, bundled)',
  checksImages: true,
  blindSpots: "Resolves images relative to the file only: Hugo's `assets/` (and `static/`, theme and mounts) are unknown to it, so every such image is reported missing. No notion of tags, authors or frontmatter: YAML flow lists like `tags: [\"a\", \"b\"]` are read as reference links and reported (microsoft/vscode-markdown-languageservice#91, open).",
  async prepare() {
    ensurePeers();
    // esbuild strips types without checking them, and the project's type check leaves bench/peers/ out.
    execFileSync(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', peersDir], { stdio: ['ignore', 2, 2] });
    await build({
      entryPoints: [join(peersDir, 'markdownLanguageServiceCheck.ts')],
      outfile: bundle,
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      mainFields: ['module', 'main'],
      logLevel: 'warning',
    });
  },
  command: (site) => ({ args: [bundle, site.root], cwd: projectRoot }),
  parse(run) {
    assertCompleted('markdown language service host', run);
    return (JSON.parse(run.stdout) as { findings: LanguageServiceFinding[] }).findings.map((finding) => ({ ...finding, rule: finding.code }));
  },
};
