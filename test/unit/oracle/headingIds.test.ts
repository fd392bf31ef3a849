// The heading IDs Postcraft computes (links/anchors.ts) against the real generators: one temp Hugo site
// built once per `autoHeadingIDType` and one temp Jekyll site (kramdown, GFM input), each from the same
// list of tricky headings; the ids in the HTML they write must be exactly `anchorsOf`'s, in order.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { anchorsOf } from '../../../src/core/links/anchors';
import type { HeadingIdStyle } from '../../../src/core/links/model';
import { hugoAvailable } from './support/hugoBuild';
import { jekyllAvailable } from './support/jekyllBuild';

// Shared by both generators: what each makes of a line the other reads differently is part of the test.
const tricky = [
  '# Hello World',
  '## Hello World',
  '## Hello World',
  '## hello-world-1',
  '## C++ & `code` and [a link](https://example.org/x_y) here',
  '## Ünïcödé Émoji 🚀 here',
  "## What's new? (2024 edition)",
  '## snake_case and *emphasis* and _under_ and __strong__',
  '## Custom {#my-id}',
  '## Custom again {#my-id-2}',
  '## my-id',
  '## Class only {.red}',
  '## A -- B --- C... D',
  '## &amp; entities &copy; &lt;tag&gt;',
  '## Trailing hashes ##',
  '## Hashes then id ## {#hash-id}',
  '## 123 starts with digits',
  '## Heading with <span>html</span> inside',
  '## ¿Qué tal? Ça va, Straße',
  '## Tabs\tand  double  spaces',
  '## ~~struck~~ and \\*escaped\\*',
  '## Image ![alt text](img.png) here',
  '##',
  '## !!!',
  '## !!!',
  '### Deep _heading_ level',
  '> ## In a quote',
  '- ## In a list',
  'Setext one',
  '==========',
  'Setext *two*',
  '------------',
  '```',
  '## Not a heading, code',
  '```',
  '    ## Not a heading, indented code',
  '<div>',
  '## Not a heading, HTML block',
  '</div>',
  '## IAL next line',
  '{: #ial-id}',
  '## IAL right after\n{: #right-after}',
  ' ## One space of indent',
  '#No space',
  'Two lines\nof setext\n===',
  '## Last One',
].join('\n\n');

const built: string[] = [];
after(() => {
  for (const dir of built) rmSync(dir, { recursive: true, force: true });
});

const entities = new MarkdownIt().utils;
function idsInHtml(html: string): string[] {
  return [...html.matchAll(/<h[1-6][^>]*\sid="([^"]*)"/g)].map((match) => entities.unescapeAll(match[1]!));
}

function expected(style: HeadingIdStyle): string[] {
  return anchorsOf(tricky, 0, { style, mdx: false }).filter((anchor) => anchor.text !== undefined).map((anchor) => anchor.id);
}

function hugoIds(type: 'github' | 'github-ascii' | 'blackfriday'): string[] {
  const site = mkdtempSync(join(tmpdir(), 'postcraft-hugo-ids-'));
  built.push(site);
  writeFileSync(join(site, 'hugo.toml'), `baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "robotsTXT", "404"]\n[markup.goldmark.parser]\nautoHeadingIDType = "${type}"\n`);
  mkdirSync(join(site, 'content'), { recursive: true });
  mkdirSync(join(site, 'layouts', '_default'), { recursive: true });
  writeFileSync(join(site, 'layouts', '_default', 'single.html'), '{{ .Content }}');
  writeFileSync(join(site, 'content', 'tricky.md'), `---\ntitle: Tricky\n---\n${tricky}\n`);
  const result = spawnSync('hugo', ['--source', site, '--destination', join(site, 'public'), '--quiet'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return idsInHtml(readFileSync(join(site, 'public', 'tricky', 'index.html'), 'utf8'));
}

function jekyllIds(): string[] {
  const site = mkdtempSync(join(tmpdir(), 'postcraft-jekyll-ids-'));
  built.push(site);
  writeFileSync(join(site, '_config.yml'), 'title: Tricky\n');
  writeFileSync(join(site, 'tricky.md'), `---\ntitle: Tricky\n---\n${tricky}\n`);
  const result = spawnSync('jekyll', ['build', '--source', site, '--destination', join(site, '_site'), '--quiet', '--disable-disk-cache'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return idsInHtml(readFileSync(join(site, '_site', 'tricky.html'), 'utf8'));
}

describe('heading IDs agree with the real generators (oracle)', () => {
  const hugoSkip = hugoAvailable() ? false : 'hugo is not installed (the oracle needs Debian\'s hugo 0.111)';
  const jekyllSkip = jekyllAvailable() ? false : 'jekyll is not installed (the oracle needs Debian\'s jekyll 4.3)';

  for (const type of ['github', 'github-ascii', 'blackfriday'] as const) {
    it(`Hugo autoHeadingIDType = ${type}: every heading's id, in order`, { skip: hugoSkip }, () => {
      assert.deepEqual(expected(type), hugoIds(type));
    });
  }

  it('Jekyll (kramdown, GFM input): every heading\'s id, in order', { skip: jekyllSkip }, () => {
    assert.deepEqual(expected('kramdown'), jekyllIds());
  });
});
