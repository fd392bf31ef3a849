// The README inside the vsix, the one the Marketplace page and VS Code's extension page show: README.md without
// the sections for people working on Postcraft, and without relative links and images. Neither the Marketplace nor
// VS Code resolves those from the vsix, and vsce would turn them into links to a public repository, which Postcraft
// does not have yet: a relative link keeps its text, a picture (or a table of pictures) is left out.
//   node scripts/marketplaceReadme.mjs [out]   (default dist/README.md; `npm run package` passes it to vsce --readme-path)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Sections of README.md about developing Postcraft, not using it. */
export const developerSections = ['The two commands', 'Install the extension in desktop VS Code', 'Tests', 'Layout'];

const isRelative = (target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#');
const relativeImage = /!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g;
const relativeLink = /(?<!!)\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g;

export function marketplaceReadme(readme) {
  const kept = [];
  let skipping = false;
  let fence = null;
  let table = [];
  const flushTable = () => {
    // A table of pictures is only a gallery: without the pictures it says nothing.
    if (!table.some((line) => [...line.matchAll(relativeImage)].some((match) => isRelative(match[1])))) kept.push(...table);
    table = [];
  };
  for (const line of readme.split('\n')) {
    const fenceMark = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (fence === null && !fenceMark) {
      const heading = /^## (.+)$/.exec(line)?.[1];
      if (heading !== undefined) skipping = developerSections.includes(heading.trim());
    }
    if (fenceMark && (fence === null || fenceMark.startsWith(fence))) fence = fence === null ? fenceMark : null;
    if (skipping) continue;
    if (fence === null && line.startsWith('|')) {
      table.push(line);
      continue;
    }
    flushTable();
    if (fence !== null || fenceMark) {
      kept.push(line);
      continue;
    }
    const withoutImages = line.replace(relativeImage, (image, target) => (isRelative(target) ? '' : image));
    if (withoutImages.trim() === '' && line.trim() !== '') continue; // a line that was only a picture
    kept.push(withoutImages.replace(relativeLink, (link, text, target) => (isRelative(target) ? text : link)));
  }
  flushTable();
  return `${kept.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const out = process.argv[2] ?? join(projectRoot, 'dist', 'README.md');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, marketplaceReadme(readFileSync(join(projectRoot, 'README.md'), 'utf8')));
}
