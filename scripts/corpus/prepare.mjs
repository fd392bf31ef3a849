// Extracts each corpus site (scripts/corpus/sites.json) from its fetched git mirror into .corpus/<owner>+<name>/.
// The mirrors come from the session's `fetch` tool, which a script cannot call: missing ones are listed, not fetched.
// Nothing extracted here is ever committed (.corpus/ is ignored): it is other people's writing.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const corpusFolder = join(repoRoot, '.corpus');
const mirrorFolder = process.env.POSTCRAFT_MIRRORS ?? '/work/.mirror';

export function loadSites() {
  return JSON.parse(readFileSync(join(repoRoot, 'scripts', 'corpus', 'sites.json'), 'utf8'));
}

export const siteFolderName = (site) => site.repository.replace('/', '+');
export const siteRootOf = (site) => join(corpusFolder, siteFolderName(site), site.siteRoot ?? '');

/** Extracts what is not there yet; returns the sites that are ready and the ones whose mirror (or commit) is missing. */
export function prepareCorpus(log = console.log) {
  const ready = [];
  const missing = [];
  for (const site of loadSites()) {
    const target = join(corpusFolder, siteFolderName(site));
    const stamp = join(target, '.postcraft-commit');
    if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === site.commit) {
      applyBuildCopies(site, target);
      ready.push(site);
      continue;
    }
    const gitDir = join(mirrorFolder, siteFolderName(site), 'repo');
    if (!hasCommit(gitDir, site.commit)) {
      missing.push(site);
      continue;
    }
    log(`extracting ${site.repository} @ ${site.commit.slice(0, 10)}`);
    const partial = `${target}.partial`;
    rmSync(partial, { recursive: true, force: true });
    rmSync(target, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    const { written, placeholders } = extractCommit(gitDir, site.commit, partial);
    if (placeholders > 0) log(`  ${written} files; ${placeholders} too large for the snapshot, kept as empty placeholders so that references to them still resolve`);
    writeFileSync(stamp.replace(target, partial), `${site.commit}\n`);
    renameSync(partial, target);
    applyBuildCopies(site, target);
    ready.push(site);
  }
  if (missing.length > 0) {
    log(`missing ${missing.length} site(s): fetch each with the fetch tool (github:<owner>/<name>), which puts it under ${mirrorFolder}/<owner>+<name>/repo, then run this again:`);
    for (const site of missing) log(`  github:${site.repository} (commit ${site.commit})`);
  }
  return { ready, missing };
}

/** Files a site's own build writes before the generator runs (sites.json buildCopies: target ← source), as that build would. */
function applyBuildCopies(site, folder) {
  for (const [target, source] of Object.entries(site.buildCopies ?? {})) {
    if (!existsSync(join(folder, target))) copyFileSync(join(folder, source), join(folder, target));
  }
}

/**
 * Writes the commit's files into folder. Snapshots lack files of 4 MiB and more, so `git archive` fails on them;
 * each absent blob becomes an empty file (the checks ask only whether an image exists). Symbolic links and
 * submodules are skipped: a link could point outside the folder, and submodules are not in the snapshot.
 */
function extractCommit(gitDir, commit, folder) {
  const git = (args, input) => execFileSync('git', ['--git-dir', gitDir, ...args], { input, maxBuffer: 4 * 1024 ** 3 });
  const entries = git(['ls-tree', '-r', '-z', commit]).toString('utf8').split('\0').filter(Boolean).map((line) => {
    const [meta, path] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)];
    const [mode, type, hash] = meta.split(' ');
    return { mode, type, hash, path };
  }).filter((entry) => entry.type === 'blob' && entry.mode !== '120000' && !normalize(entry.path).startsWith('..'));
  const present = new Set(git(['cat-file', '--batch-check'], entries.map((entry) => entry.hash).join('\n') + '\n').toString('utf8').split('\n').filter((line) => line.endsWith(' blob') || / blob \d+$/.test(line)).map((line) => line.split(' ')[0]));
  const wanted = [...new Set(entries.filter((entry) => present.has(entry.hash)).map((entry) => entry.hash))];
  const contents = new Map();
  const batch = git(['cat-file', '--batch'], wanted.join('\n') + '\n');
  for (let offset = 0; offset < batch.length; ) {
    const headerEnd = batch.indexOf(10, offset);
    const [hash, , size] = batch.subarray(offset, headerEnd).toString('utf8').split(' ');
    const start = headerEnd + 1;
    contents.set(hash, batch.subarray(start, start + Number(size)));
    offset = start + Number(size) + 1;
  }
  let placeholders = 0;
  for (const entry of entries) {
    const file = join(folder, entry.path);
    mkdirSync(dirname(file), { recursive: true });
    const content = contents.get(entry.hash);
    if (content === undefined) placeholders++;
    writeFileSync(file, content ?? '');
  }
  return { written: entries.length, placeholders };
}

function hasCommit(gitDir, commit) {
  if (!existsSync(gitDir)) return false;
  try {
    execFileSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ready, missing } = prepareCorpus();
  console.log(`${ready.length} site(s) ready in ${corpusFolder}`);
  process.exitCode = missing.length > 0 ? 1 : 0;
}
