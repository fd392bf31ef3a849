// `npm run oracle -- <siteRoot>…`: builds each Hugo or Jekyll site with the real generator (in a temp copy)
// and compares its pages with Postcraft's site model, as test/unit/oracle/ does for the fixture sites.
// Without arguments: every Hugo and Jekyll site of the real corpus (.corpus/, scripts/corpus/sites.json),
// with the result written to docs/oracle.md. Runs under tsx (the comparison is the tests' TypeScript).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { comparePages, describeDisagreements } from '../test/unit/oracle/support/compare.ts';
import { buildWithHugo, hugoAvailable } from '../test/unit/oracle/support/hugoBuild.ts';
import { buildWithJekyll, jekyllAvailable } from '../test/unit/oracle/support/jekyllBuild.ts';
import { postcraftModel } from '../test/unit/oracle/support/postcraftModel.ts';
import { ensureGenerators } from './generators.mjs';
import { loadSites, siteRootOf } from './corpus/prepare.mjs';

const projectRoot = resolve(import.meta.dirname, '..');

async function compareSite(root) {
  const model = await postcraftModel(root);
  const generator = model.site.config.generator;
  if (generator !== 'hugo' && generator !== 'jekyll') return { generator, comparison: undefined };
  const started = Date.now();
  const build = generator === 'hugo' ? buildWithHugo(root) : buildWithJekyll(root);
  return { generator, comparison: comparePages(build, model), seconds: Math.round((Date.now() - started) / 1000) };
}

/** `hugoVersion: { min: … }` in any config file of the site, when it is newer than Debian's 0.111. */
function requiredHugo(root) {
  const files = ['hugo.toml', 'hugo.yaml', 'config.toml', 'config.yaml', 'config/_default/hugo.yaml', 'config/_default/hugo.toml', 'config/_default/module.yaml', 'config/_default/module.toml'];
  for (const file of files.map((name) => join(root, name)).filter((path) => existsSync(path))) {
    const min = /hugoVersion[\s\S]{0,200}?\bmin\s*[:=]\s*["']?(\d+\.\d+(?:\.\d+)?)/.exec(readFileSync(file, 'utf8'))?.[1];
    if (min && Number(min.split('.')[1]) > 111) return min;
  }
  return undefined;
}

function summaryRow(comparison) {
  const count = (field) => comparison.differences.filter((difference) => difference.field === field).length;
  return [
    comparison.agreed.length,
    comparison.onlyGenerator.length,
    comparison.onlyPostcraft.length,
    comparison.unseen.length,
    count('language'),
    count('title'),
    count('draft'),
    count('tags'),
    count('authors'),
    count('url'),
    comparison.rejected.length,
    comparison.refusedUnreported.length,
    comparison.unfoundedRefusals.length + comparison.datesUnreported.length,
    `${comparison.templateLinksUnreported.length} / ${comparison.templateLinksUnfounded.length}`,
  ];
}

/** The first lines of each kind of disagreement: enough to see the pattern, not the whole site. */
function examples(comparison, perKind = 8) {
  const byKind = new Map();
  for (const line of describeDisagreements(comparison).split('\n').filter(Boolean)) {
    const kind = line.startsWith('~') ? `~ ${/: (\w+) is /.exec(line)?.[1]}` : line[0];
    byKind.set(kind, [...(byKind.get(kind) ?? []), line]);
  }
  return [...byKind.values()].flatMap((lines) => [...lines.slice(0, perKind), ...(lines.length > perKind ? [`… and ${lines.length - perKind} more like it`] : [])]);
}

async function writeCorpusReport() {
  ensureGenerators();
  const sites = loadSites().filter((site) => site.generator === 'hugo' || site.generator === 'jekyll');
  const header = '| Site | Commit | Generator | Pages agreed | Only generator | Only Postcraft | Unseen | Language | Title | Draft | Tags | Authors | URL | Refused by generator | …with no Postcraft error | Postcraft errors it builds | Template links: refused unreported / built but reported |';
  const rows = [header, `|${' --- |'.repeat(17)}`];
  const details = [];
  for (const site of sites) {
    const root = siteRootOf(site);
    if (!existsSync(root)) {
      rows.push(`| ${site.repository} | ${site.commit.slice(0, 7)} | ${site.generator} | not extracted (node scripts/corpus/prepare.mjs) |${' |'.repeat(13)}`);
      continue;
    }
    console.log(`${site.repository}…`);
    const { generator, comparison, seconds } = await compareSite(root);
    if (!comparison) continue;
    rows.push(`| ${site.repository} | ${site.commit.slice(0, 7)} | ${generator} | ${summaryRow(comparison).join(' | ')} |`);
    details.push(`### ${site.repository} (${generator}, ${seconds} s)`, '');
    const needs = generator === 'hugo' ? requiredHugo(root) : undefined;
    if (needs) details.push(`The site asks for Hugo ${needs} or newer (\`hugoVersion.min\`); Debian's 0.111 reads newer settings differently (mounts per language with \`sites.matrix\`, for one), so its pages below are 0.111's reading, not the site's.`, '');
    if (comparison.outOfScope > 0) details.push(`${comparison.outOfScope} page(s) in formats Postcraft does not check (HTML, Org, AsciiDoc) are left out.`, '');
    if (comparison.unseen.length > 0) details.push(`${comparison.unseen.length} page(s) Hugo reads but lists nowhere (\`headless\`, \`_build\`): not seen by the oracle.`, '');
    if (comparison.rejected.length > 0) details.push('Files the generator refused (left out of the copy so the rest could build):', '', ...comparison.rejected.map((entry) => `- \`${entry.file}\`: ${entry.message.slice(0, 240)}`), '');
    const lines = examples(comparison);
    details.push(...(lines.length > 0 ? ['```', ...lines, '```'] : ['No disagreement.']), '');
  }
  const text = [
    '# The generators as oracles: the real corpus',
    '',
    '<!-- Generated by `npm run oracle` (scripts/oracle.mjs); do not edit by hand. -->',
    '',
    'Each Hugo and Jekyll site of the corpus (scripts/corpus/sites.json) is built with the real generator',
    '(Debian\'s Hugo 0.111 and Jekyll 4.3, with drafts, future and expired pages) in a temporary copy, and the',
    'pages it made are compared with Postcraft\'s site model, as test/unit/oracle/ does for the fixture sites.',
    'For Hugo the copy follows the advice for real sites: the site\'s and its themes\' layouts are replaced by',
    'one layout that prints every page and term as JSON, shortcodes get stubs, Git info is off. A file the',
    'generator refuses (a bad `ref`, an invalid date, a Liquid error) is left out and the build tried again.',
    '',
    '- **Pages agreed**: content files both take for pages, with equal language, title, draft state, tag and',
    '  author terms, and no Postcraft error claiming the generator cannot read them.',
    '- **Only generator / only Postcraft**: Markdown files one of them takes for a page and the other does not.',
    '- **Language … URL**: pages where that field differs (Hugo terms are compared by their urlized key,',
    '  as Postcraft\'s `tagTerm`/`authorKey` give them; a title the generator makes up is not compared; the URL',
    '  is Hugo\'s `.RelPermalink` or the URL Jekyll writes, below the base path, against Postcraft\'s URL map).',
    '- **Refused by generator**: files whose build failed; **…with no Postcraft error**: of those, the ones',
    '  Postcraft reports no error on (a bad `ref` or `post_url` is a `broken-link` error, not counted here).',
    '- **Postcraft errors it builds**: syntax or date errors on a page the generator built (for Hugo, a date',
    '  it could not read is dropped by 0.111 and refused by Hugo 0.123 and later: that one is right).',
    '- **Template links**: files the generator refused for a `ref`/`relref` or `post_url`/`link` to nothing where',
    '  Postcraft reports no such `broken-link` error, and files it built where Postcraft reports one. Both should be 0.',
    '',
    ...rows,
    '',
    '## Per site',
    '',
    ...details,
  ].join('\n');
  writeFileSync(join(projectRoot, 'docs', 'oracle.md'), `${text.trimEnd()}\n`);
  console.log('Wrote docs/oracle.md');
}

async function compareGiven(roots) {
  if (!hugoAvailable() || !jekyllAvailable()) ensureGenerators();
  let disagreeing = 0;
  for (const root of roots) {
    const { generator, comparison } = await compareSite(resolve(root));
    if (!comparison) {
      console.log(`${root}: a ${generator} site; only Hugo and Jekyll sites can be compared`);
      continue;
    }
    const lines = describeDisagreements(comparison);
    console.log(`${root} (${generator}): ${comparison.agreed.length} pages agreed, ${comparison.rejected.length} refused by the generator`);
    if (lines) console.log(lines);
    if (lines) disagreeing++;
  }
  process.exitCode = disagreeing > 0 ? 1 : 0;
}

const roots = process.argv.slice(2);
if (roots.length > 0) await compareGiven(roots);
else await writeCorpusReport();
