// vscode-markdown-languageservice (VS Code's Markdown link diagnostics), hosted by
// markdownLanguageServiceCheck.ts, which is bundled once like our CLI so both start the same way.
import { build } from 'esbuild';
import { join } from 'node:path';
import type { LanguageServiceFinding } from './markdownLanguageServiceCheck';
import { assertCompleted, packageVersion, projectRoot, type CheckerTool } from './tool';

// Git-ignored, next to the generated sites.
const bundle = join(projectRoot, 'bench', '.sites', '.tools', 'markdownLanguageServiceCheck.js');

export const markdownLanguageService: CheckerTool = {
  name: 'vscode-markdown-languageservice',
  version: packageVersion('vscode-markdown-languageservice'),
  invocation: '`computeDiagnostics` on every `.md` file, all validations on (`bench/tools/markdownLanguageServiceCheck.ts`, bundled)',
  checksImages: true,
  blindSpots: "Resolves images relative to the file only: Hugo's `assets/` (and `static/`, theme and mounts) are unknown to it, so every such image is reported missing. No notion of tags, authors or frontmatter: YAML flow lists like `tags: [\"a\", \"b\"]` are read as reference links and reported (microsoft/vscode-markdown-languageservice#91, open).",
  async prepare() {
    await build({
      entryPoints: [join(projectRoot, 'bench', 'tools', 'markdownLanguageServiceCheck.ts')],
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
