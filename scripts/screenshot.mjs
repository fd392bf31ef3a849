// `npm run screenshot`: serves the editor as `npm start` does (newest VS Code, sample site, Postcraft
// loaded), drives it with headless Chromium like a writer would, and saves PNGs in docs/images/.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, ensureDependencies } from './ensureDependencies.mjs';
import { launchBrowser, workbenchUrl } from './host/browser.mjs';
import { ensureHost, projectRoot } from './host/install.mjs';
import { startServer } from './host/server.mjs';
import { goTo, openFile, runCommand } from './host/workbench.mjs';

const outDir = join(projectRoot, 'docs', 'images');
const seedPost = '2023-06-01-dok-meetup.md';

ensureDependencies();
build();
const host = ensureHost(process.env.POSTCRAFT_HOST ?? 'newest');
const workspace = mkdtempSync(join(tmpdir(), 'postcraft-shots-'));
cpSync(join(projectRoot, 'test', 'fixtures', 'sites', 'hugo-blog'), workspace, { recursive: true });
const server = await startServer(host, { settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.fontSize': 14, 'window.zoomLevel': 0 } });
const browser = await launchBrowser();
mkdirSync(outDir, { recursive: true });

const shots = [];
async function shoot(page, name) {
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path });
  shots.push(path);
  console.log(`saved ${path}`);
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(workbenchUrl(server, workspace, { extensionDevelopmentPath: projectRoot }));
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  await page.waitForSelector('.statusbar-item[id="postcraft.postcraft.postcraft.site"], .statusbar-item[aria-label*="Hugo"]', { timeout: 60_000 });

  await openFile(page, seedPost);
  await page.waitForSelector('.squiggly-warning', { timeout: 30_000 });
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 15_000 });
  await goTo(page, 5, 40);
  await shoot(page, 'diagnostics');

  await page.keyboard.press('Control+.');
  await page.waitForSelector('.action-widget', { timeout: 15_000 });
  await shoot(page, 'quick-fix');
  await page.keyboard.press('Escape');

  // Tag completion: type a separator after the last tag, as a writer adding one would.
  await page.keyboard.press('Control+J'); // hide the panel for room
  await goTo(page, 5, 70);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(', ');
  await page.waitForSelector('.suggest-widget.visible', { timeout: 15_000 });
  await shoot(page, 'completion');
  await page.keyboard.press('Escape');
  // Back to the post as saved (one undo may take back only the space), so later shots show it unedited.
  await runCommand(page, 'File: Revert File');

  // Author card on hover.
  await goTo(page, 7, 8);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.waitForSelector('.monaco-hover:not(.hidden) .rendered-markdown', { timeout: 15_000 });
  await shoot(page, 'hover-author');
  await page.keyboard.press('Escape');

  await runCommand(page, 'Postcraft: Find Near-Duplicate Tags');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15_000 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.quick-input-widget')).opacity === '1');
  await shoot(page, 'tag-hygiene');
  await page.keyboard.press('Escape');

  // The Posts view in the Explorer, grouped by tag.
  await page.locator('.pane-header[aria-label*="Posts"]').click();
  const postsView = page.locator('.pane-body:has(.monaco-list-row[aria-label*="Tags"])');
  await postsView.locator('.monaco-list-row[aria-label*="Tags"]').first().click();
  await postsView.locator('.monaco-list-row[aria-label^="kubernetes"]').first().click();
  await page.locator('.pane-header[aria-label*="Folders"], .pane-header[aria-label*="postcraft-shots"]').first().click(); // fold the file tree for room
  await shoot(page, 'posts-view');

  // The live preview beside the seed post.
  await openFile(page, seedPost);
  await runCommand(page, 'Postcraft: Open Preview to the Side');
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await preview.locator('h1').first().waitFor({ timeout: 30_000 });
  await preview.locator('img').first().waitFor({ timeout: 15_000 });
  await shoot(page, 'preview');

  // SEO facts: the header card's line, and the hover of the title.
  await preview.locator('.pc-seo').first().waitFor({ timeout: 15_000 });
  await goTo(page, 2, 3);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.waitForSelector('.monaco-hover:not(.hidden) .rendered-markdown', { timeout: 15_000 });
  await shoot(page, 'seo-facts');
  await page.keyboard.press('Escape');
} finally {
  await browser.close();
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
}
console.log(`${shots.length} screenshots in docs/images/`);
