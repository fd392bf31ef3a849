// A second opinion on images, for triage: every Markdown image and <img> of every post (parsed with markdown-it,
// independently of Postcraft's scanner) that exists under none of the places any generator serves from. Those
// Postcraft does not report are candidate misses, to be judged by hand.
//   node scripts/corpus/imageAudit.mjs [site filter]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { corpusFolder, loadSites, siteFolderName, siteRootOf } from './prepare.mjs';

const filter = process.argv[2] ?? '';
const markdown = new MarkdownIt({ html: true });
// Where any of the five generators looks for a `/…` path; generous on purpose: a miss here is a strong signal.
const servedFolders = ['', 'static', 'public', 'assets', 'src', 'src/assets', 'content', 'docs', 'website/static'];

for (const site of loadSites().filter((entry) => entry.repository.includes(filter))) {
  const root = siteRootOf(site);
  const resultsFile = join(corpusFolder, '.results', 'current', `${siteFolderName(site)}.json`);
  if (!existsSync(root) || !existsSync(resultsFile)) continue;
  const reported = new Set(JSON.parse(readFileSync(resultsFile, 'utf8')).findings.filter((finding) => finding.code.startsWith('image') || finding.code === 'broken-image').map((finding) => `${finding.file}:${finding.line}`));
  const misses = [];
  for (const file of postsOf(root)) {
    const text = readFileSync(file, 'utf8');
    const body = text.replace(/^(---|\+\+\+)[\s\S]*?\n\1\s*\n/, '');
    const bodyLine = text.slice(0, text.length - body.length).split('\n').length - 1;
    for (const { src, line } of imagesOf(body)) {
      if (/^([a-z]+:|\/\/|#)|[{}<>]|^$/i.test(src)) continue;
      let path;
      try {
        path = decodeURI(src.split(/[?#]/)[0]);
      } catch {
        path = src;
      }
      if (found(root, file, path)) continue;
      const at = line + bodyLine + 1;
      if (![at - 1, at, at + 1].some((near) => reported.has(`${relative(root, file)}:${near}`))) misses.push(`${relative(root, file)}:${at} ${src}`);
    }
    // Frontmatter values that are image paths, under any key (cover, image, heroImage, ogImage, thumbnail…).
    text.slice(0, text.length - body.length).split('\n').forEach((frontmatterLine, index) => {
      const value = /^\s*(?:-\s+)?[\w.-]+\s*[:=]\s*["']?([^"'\s]+\.(?:png|jpe?g|gif|svg|webp|avif))["']?\s*$/i.exec(frontmatterLine)?.[1];
      if (value === undefined || /^([a-z]+:|\/\/)|[{}]/i.test(value) || found(root, file, value)) return;
      if (![index, index + 1, index + 2].some((near) => reported.has(`${relative(root, file)}:${near}`))) misses.push(`${relative(root, file)}:${index + 1} (frontmatter) ${value}`);
    });
  }
  console.log(`\n## ${site.repository}: ${misses.length} image(s) found nowhere and not reported`);
  for (const miss of misses.slice(0, 40)) console.log(`  ${miss}`);
}

function found(root, file, path) {
  const candidates = path.startsWith('/') ? servedFolders.map((folder) => join(root, folder, path)) : [resolve(dirname(file), path), resolve(file.replace(/\.\w+$/, ''), path), resolve(dirname(file), '..', path)];
  // Folders per language (Hugo content/<lang>/, Docusaurus i18n/<locale>/…): the same path in any of them.
  return candidates.some((candidate) => existsSync(candidate)) || candidates.some((candidate) => existsSync(candidate.replace(/\/content\/[a-z]{2}(-[a-z]+)?\//i, '/content/en/')));
}

function imagesOf(body) {
  const images = [];
  const visit = (tokens, line) => {
    for (const token of tokens) {
      const at = token.map ? token.map[0] : line;
      if (token.type === 'image') images.push({ src: token.attrGet('src') ?? '', line: at });
      if ((token.type === 'html_block' || token.type === 'html_inline') && token.content.includes('<img')) {
        for (const match of token.content.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi)) images.push({ src: match[1], line: at });
      }
      if (token.children) visit(token.children, at);
    }
  };
  visit(markdown.parse(body, {}), 0);
  return images;
}

function* postsOf(folder) {
  for (const name of readdirSync(folder)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(folder, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) yield* postsOf(path);
    else if (/\.(md|mdx|markdown)$/i.test(name)) yield path;
  }
}
