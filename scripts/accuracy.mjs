// npm run accuracy: runs `postcraft check` on every site of the real-site corpus (scripts/corpus/sites.json) and
// writes docs/accuracy.md: the corpus, findings per 100 posts by code (before → after), and the triage of each
// class of finding (scripts/corpus/triage.json), matched against this run's findings.
//
//   node scripts/accuracy.mjs                   build the CLI from src/ and write docs/accuracy.md
//   node scripts/accuracy.mjs --cli <cli.js> --save-baseline
//                                               measure another build (the baseline worktree) into scripts/corpus/baseline.json
//   node scripts/accuracy.mjs --from-results    write docs/accuracy.md again from the last run's results, with the
//                                               triage as it is now (after classes were added), running nothing
//
// Each run's raw findings stay in .corpus/.results/<label>/ (ignored) for triage.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFolder, prepareCorpus, siteFolderName, siteRootOf } from './corpus/prepare.mjs';
import { measureTagRecall } from './corpus/tagRecall.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusScripts = join(repoRoot, 'scripts', 'corpus');
const baselineFile = join(corpusScripts, 'baseline.json');
const triageFile = join(corpusScripts, 'triage.json');
const reportFile = join(repoRoot, 'docs', 'accuracy.md');

const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const saveBaseline = argv.includes('--save-baseline');
const label = saveBaseline ? 'baseline' : 'current';

const { ready, missing } = prepareCorpus();
if (ready.length === 0) {
  console.error('accuracy: no corpus site is ready; fetch the listed repositories first');
  process.exit(2);
}

const fromResults = argv.includes('--from-results');
let buildLabel = fromResults ? 'the last run\'s results' : `the CLI at ${option('--cli')}`;
const cli = fromResults ? undefined : (option('--cli') ?? (await buildCli()));
const resultsFolder = join(corpusFolder, '.results', label);
mkdirSync(resultsFolder, { recursive: true });
// The build a report describes is the one that ran: kept with the results for `--from-results`.
const buildFile = join(resultsFolder, 'build.txt');
if (fromResults) buildLabel = existsSync(buildFile) ? readFileSync(buildFile, 'utf8') : buildLabel;
else writeFileSync(buildFile, buildLabel);

const triage = JSON.parse(readFileSync(triageFile, 'utf8'));
const measured = [];
const failed = [];
for (const site of ready) {
  const started = Date.now();
  const run = fromResults ? lastRun(site) : spawnSync(process.execPath, [cli, 'check', siteRootOf(site), '--format', 'json'], { maxBuffer: 1024 ** 3, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) {
    // One site's crash is a finding about the build under test, not a reason to lose the other sites' figures.
    const reason = run.stderr.split('\n').find((line) => line.startsWith('postcraft:')) ?? `exit code ${run.status}`;
    console.error(`accuracy: ${site.repository}: the CLI failed: ${reason}`);
    failed.push({ site, reason });
    continue;
  }
  const output = JSON.parse(run.stdout);
  const configWarnings = run.stderr.split('\n').filter((line) => line.startsWith('postcraft: warning:'));
  if (!fromResults) {
    writeFileSync(join(resultsFolder, `${siteFolderName(site)}.json`), run.stdout);
    writeFileSync(join(resultsFolder, `${siteFolderName(site)}.stderr.txt`), configWarnings.join('\n'));
  }
  const recall = fromResults ? lastRecall(site) : measureTagRecall(cli, siteRootOf(site), site.generator);
  const figures = { ...figuresOf(output, configWarnings), verdicts: verdictsOf(triage, site, output.findings), tagRecall: recall && { injected: recall.injected, caught: recall.caught } };
  if (!fromResults) {
    const recallFile = join(resultsFolder, `${siteFolderName(site)}.tag-recall.json`);
    if (recall) writeFileSync(recallFile, `${JSON.stringify(recall, null, 2)}\n`);
    else rmSync(recallFile, { force: true });
  }
  measured.push({ site, figures, findings: output.findings });
  console.log(`${site.repository}: ${figures.posts} posts, ${figures.errors} errors, ${figures.warnings} warnings (${Date.now() - started} ms)`);
}

/** A site's findings and config warnings as the last run wrote them (`--from-results`); a site it did not measure fails. */
function lastRun(site) {
  const file = join(resultsFolder, `${siteFolderName(site)}.json`);
  const warnings = join(resultsFolder, `${siteFolderName(site)}.stderr.txt`);
  if (!existsSync(file) || !existsSync(warnings)) return { status: 2, stdout: '', stderr: 'postcraft: no result of the last run for this site (run without --from-results)' };
  return { status: 1, stdout: readFileSync(file, 'utf8'), stderr: readFileSync(warnings, 'utf8') };
}

/** The tag recall the last run measured for a site, if any. */
function lastRecall(site) {
  const file = join(resultsFolder, `${siteFolderName(site)}.tag-recall.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

if (saveBaseline) {
  // Numbers only: the config warnings name the sites' files, which stay out of the repository.
  const baseline = { build: option('--label') ?? 'be79a0c', sites: Object.fromEntries(measured.map(({ site, figures: { configWarnings, ...numbers } }) => [site.repository, { commit: site.commit, ...numbers }])) };
  writeFileSync(baselineFile, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log(`baseline figures written to ${baselineFile}`);
} else {
  const baseline = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, 'utf8')) : { sites: {} };
  mkdirSync(dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, `${renderReport(measured, baseline, triage, missing, failed).trimEnd()}\n${keptSection(reportFile, 'SEO facts and the two SEO codes (off by default)')}`);
  console.log(`written ${reportFile}`);
}

/** Bundles the CLI from this tree's src/ into .corpus/.build, apart from dist/, which other builds own. */
async function buildCli() {
  const esbuild = await import('esbuild');
  const outfile = join(corpusFolder, '.build', 'cli.js');
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: ['src/cli/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    define: { POSTCRAFT_VERSION: JSON.stringify(version) },
  });
  const head = execFileSync('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const uncommitted = execFileSync('git', ['-C', repoRoot, 'status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).trim() !== '';
  buildLabel = `\`${head}\`${uncommitted ? ' with uncommitted changes under src/' : ''}`;
  console.log(`built the CLI from the working tree: ${buildLabel}`);
  return outfile;
}

/** What the report shows of one run: posts as the CLI counts them, findings by code and severity, posts with findings. */
function figuresOf(output, configWarnings) {
  const posts = output.summary.sites.reduce((sum, site) => sum + site.posts, 0);
  const byCode = {};
  const postsWithProblem = new Set();
  const postsWithTagTypo = new Set();
  for (const finding of output.findings) {
    const key = `${finding.code}/${finding.severity}`;
    byCode[key] = (byCode[key] ?? 0) + 1;
    if (finding.severity === 'error' || finding.severity === 'warning') postsWithProblem.add(finding.file);
    if (finding.code === 'tag-typo' && finding.severity !== 'info') postsWithTagTypo.add(finding.file);
  }
  return {
    posts,
    sites: output.summary.sites.map((site) => ({ root: site.root, generator: site.generator, posts: site.posts })),
    errors: output.summary.errors,
    warnings: output.summary.warnings,
    infos: output.summary.infos,
    byCode,
    postsWithErrorOrWarning: postsWithProblem.size,
    postsWithTagTypo: postsWithTagTypo.size,
    configWarnings,
  };
}

/** Error and warning findings by the verdict of their triage class (the baseline keeps these counts, not the findings). */
function verdictsOf(triage, site, findings) {
  const verdicts = { right: 0, cosmetic: 0, wrong: 0, limit: 0, untriaged: 0 };
  for (const finding of findings) {
    if (finding.severity === 'info') continue;
    verdicts[classify(triage, site, finding)?.verdict ?? 'untriaged']++;
  }
  return verdicts;
}

/** The first triage class that matches a finding of a site, or undefined. */
function classify(triage, site, finding) {
  return triage.classes.find((entry) =>
    (entry.generator === undefined || entry.generator === site.generator) &&
    (entry.sites === undefined || entry.sites.includes(site.repository)) &&
    entry.code === finding.code &&
    (entry.message === undefined || new RegExp(entry.message, 'i').test(finding.message)) &&
    (entry.file === undefined || new RegExp(entry.file).test(finding.file)));
}

function per100(count, posts) {
  return posts === 0 ? '–' : ((100 * count) / posts).toFixed(1);
}

function recallText(recall) {
  return recall ? `${recall.caught}/${recall.injected}` : '–';
}

function short(commit) {
  return commit.slice(0, 10);
}

function escapeCell(text) {
  return String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function beforeAfter(before, after) {
  return before === undefined || before === after ? `${after}` : `${before} → ${after}`;
}

function renderReport(measured, baseline, triage, missing, failed) {
  const lines = [];
  const push = (...more) => lines.push(...more);
  push(
    '# Accuracy on real sites',
    '',
    '<!-- Generated by `npm run accuracy` (scripts/accuracy.mjs) from scripts/corpus/: do not edit by hand. -->',
    '',
    'Postcraft is run (`postcraft check <site> --format json`) on public blogs of every supported generator, kept outside the',
    'repository (`.corpus/`, ignored; `node scripts/corpus/prepare.mjs` extracts each at its commit). Each class of finding',
    'was judged by hand, right or wrong for that generator, against the generator\'s documentation and source, and for Hugo and',
    'Jekyll against the real generator (Hugo 0.111, Jekyll 4.3). The figures below are recomputed on every run; "before" is',
    `the build of commit \`${baseline.build ?? 'be79a0c'}\` (scripts/corpus/baseline.json); "after" is this run, of ${buildLabel}.`,
    '',
    '## The corpus',
    '',
    '| Repository | Commit | Generator | Site root | Posts | Why it is here |',
    '| --- | --- | --- | --- | ---: | --- |',
  );
  for (const { site, figures } of measured) {
    push(`| ${site.repository} | \`${short(site.commit)}\` | ${site.generator} | ${site.siteRoot ?? '.'} | ${figures.posts} | ${escapeCell(site.why)} |`);
  }
  if (missing.length > 0) push('', `Not measured in this run (not fetched): ${missing.map((site) => site.repository).join(', ')}.`);
  for (const { site, reason } of failed) push('', `**Not measured: the CLI failed on ${site.repository}** (${escapeCell(reason)}).`);
  push(
    '',
    '"Posts" are the files the CLI checks as posts (its own count, `summary.sites[].posts`).',
    '',
    '## Figures per site',
    '',
    'Before → after. "Wrong" counts the error and warning findings of classes triaged wrong below (the generator would not agree);',
    '"limit" those a known limit of the corpus explains (see Known limits); "untriaged" those no class describes yet.',
    '"Swaps caught": in a copy of the site, two adjacent letters of one use of each tag shared by three or more posts are swapped',
    '(up to 30 tags, one per post; scripts/corpus/tagRecall.mjs), and a `tag-typo` warning on that post naming the swapped tag',
    'counts as caught (or `unknown-tag`, on a site that lists its tags, as a Docusaurus tags.yml does).',
    '',
    '| Repository | Posts | Errors | Warnings | Posts with an error or warning, per 100 | `tag-typo` posts per 100 | Swaps caught | Wrong per 100 posts | Limit | Untriaged |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const { site, figures } of measured) {
    const before = baseline.sites[site.repository];
    const sameCommit = before?.commit === site.commit ? before : undefined;
    const { verdicts } = figures;
    const wrongBefore = sameCommit?.verdicts && per100(sameCommit.verdicts.wrong, sameCommit.posts);
    push(`| ${site.repository} | ${beforeAfter(sameCommit?.posts, figures.posts)} | ${beforeAfter(sameCommit?.errors, figures.errors)} | ${beforeAfter(sameCommit?.warnings, figures.warnings)} | ${beforeAfter(sameCommit && per100(sameCommit.postsWithErrorOrWarning, sameCommit.posts), per100(figures.postsWithErrorOrWarning, figures.posts))} | ${beforeAfter(sameCommit && per100(sameCommit.postsWithTagTypo, sameCommit.posts), per100(figures.postsWithTagTypo, figures.posts))} | ${beforeAfter(sameCommit && recallText(sameCommit.tagRecall), recallText(figures.tagRecall))} | ${beforeAfter(wrongBefore, per100(verdicts.wrong, figures.posts))} | ${verdicts.limit} | ${verdicts.untriaged} |`);
  }
  const overWrong = measured.filter(({ figures }) => figures.verdicts.wrong * 100 > figures.posts);
  const overTagTypo = measured.filter(({ figures }) => figures.postsWithTagTypo * 100 > 3 * figures.posts);
  const injected = measured.reduce((sum, { figures }) => sum + (figures.tagRecall?.injected ?? 0), 0);
  const caught = measured.reduce((sum, { figures }) => sum + (figures.tagRecall?.caught ?? 0), 0);
  push(
    '',
    'Issue 13 asks for under 1 wrong error or warning per 100 posts and `tag-typo` on under 3 posts in 100, on every site, while',
    'catching at least 95% of letter swaps in tags that three or more posts use.',
    `Over 1 wrong per 100 posts: ${overWrong.length === 0 ? 'none' : overWrong.map(({ site, figures }) => `${site.repository} (${per100(figures.verdicts.wrong, figures.posts)})`).join(', ')}.`,
    `Over 3 \`tag-typo\` posts per 100: ${overTagTypo.length === 0 ? 'none' : overTagTypo.map(({ site, figures }) => `${site.repository} (${per100(figures.postsWithTagTypo, figures.posts)})`).join(', ')}.`,
    `Swaps caught over the corpus: ${caught} of ${injected} (${injected === 0 ? '–' : ((100 * caught) / injected).toFixed(0)}%).`,
  );
  // Issue 18's checks, side by side: what a writer sees of them on each site with the defaults.
  const contentCodes = ['duplicate-url', 'missing-alt', 'heavy-image'];
  push(
    '',
    'The content checks of issue 18 (`duplicate-url`, `missing-alt`, `heavy-image`), findings per 100 posts with the defaults',
    '(every severity counted):',
    '',
    `| Repository | ${contentCodes.map((code) => `\`${code}\``).join(' | ')} |`,
    `| --- | ${contentCodes.map(() => '---:').join(' | ')} |`,
    ...measured.map(({ site, figures }) => {
      const count = (code) => Object.entries(figures.byCode).filter(([key]) => key.startsWith(`${code}/`)).reduce((sum, [, n]) => sum + n, 0);
      return `| ${site.repository} | ${contentCodes.map((code) => per100(count(code), figures.posts)).join(' | ')} |`;
    }),
  );
  push('', '## Findings per 100 posts, by code', '');
  for (const { site, figures } of measured) {
    const before = baseline.sites[site.repository]?.commit === site.commit ? baseline.sites[site.repository] : undefined;
    const keys = [...new Set([...Object.keys(before?.byCode ?? {}), ...Object.keys(figures.byCode)])].sort();
    push(`**${site.repository}** (${site.generator}, ${figures.posts} posts)`, '');
    if (keys.length === 0) {
      push('No findings.', '');
      continue;
    }
    push('| Code | Severity | Count | Per 100 posts |', '| --- | --- | ---: | ---: |');
    for (const key of keys) {
      const [code, severity] = key.split('/');
      const beforeCount = before === undefined ? undefined : (before.byCode[key] ?? 0);
      const afterCount = figures.byCode[key] ?? 0;
      push(`| \`${code}\` | ${severity} | ${beforeAfter(beforeCount, afterCount)} | ${beforeAfter(beforeCount === undefined ? undefined : per100(beforeCount, before.posts), per100(afterCount, figures.posts))} |`);
    }
    if (figures.configWarnings.length > 0) push('', ...figures.configWarnings.map((warning) => `- stderr: \`${escapeCell(warning.replace(/^postcraft: warning: /, ''))}\``));
    push('');
  }
  push(
    '## Triage: each class of finding, right or wrong',
    '',
    'Each class is a code and a cause; "now" is how many findings of this run it matches (error and warning). A class',
    'triaged wrong that still matches findings is work left; "area" names who fixes it.',
    '',
    '| Generator | Code | Cause | Verdict | Why (source) | Area | Now |',
    '| --- | --- | --- | --- | --- | --- | ---: |',
  );
  for (const entry of triage.classes) {
    let count = 0;
    for (const { site, findings } of measured) for (const finding of findings) if (finding.severity !== 'info' && classify(triage, site, finding) === entry) count++;
    push(`| ${entry.generator ?? 'any'} | \`${entry.code}\` | ${escapeCell(entry.cause)} | ${entry.verdict} | ${escapeCell(entry.why)}${entry.source ? ` (${escapeCell(entry.source)})` : ''} | ${escapeCell(entry.area ?? '')} | ${count} |`);
  }
  push('', '## Real faults and what Postcraft misses', '');
  for (const entry of triage.missed ?? []) push(`- **${entry.generator}**, ${escapeCell(entry.what)}: ${escapeCell(entry.why)}${entry.source ? ` (${escapeCell(entry.source)})` : ''}`);
  push('', '## Known limits', '');
  for (const limit of triage.limits ?? []) push(`- ${limit}`);
  push('');
  return lines.join('\n');
}

/** A `## ` section of the report measured by hand (a scratch script), kept as it is across runs. */
function keptSection(file, heading) {
  if (!existsSync(file)) return '';
  const section = new RegExp(`^## ${heading.replace(/[()]/g, '\\$&')}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm').exec(readFileSync(file, 'utf8'))?.[0];
  return section ? `\n${section}` : '';
}
