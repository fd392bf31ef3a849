// `node scripts/walkthroughImages.mjs`: the pictures of the Get Started walkthrough, taken in the real
// editor (newest VS Code, the sample Hugo site, Postcraft loaded) like scripts/screenshot.mjs does,
// into media/walkthrough/; then opens the walkthrough itself and saves docs/images/walkthrough.png.
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from './ensureDependencies.mjs';
import { launchBrowser, workbenchUrl } from './host/browser.mjs';
import { ensureHost, projectRoot } from './host/install.mjs';
import { startServer } from './host/server.mjs';
import { goTo, openFile, runCommand } from './host/workbench.mjs';
import { toPalettePng } from './pngPalette.mjs';

const mediaDir = join(projectRoot, 'media', 'walkthrough');
const seedPost = '2023-06-01-dok-meetup.md';
// Walkthrough media show at about half the editor's width: a small window keeps text legible and files small.
const viewport = { width: 1024, height: 640 };

/** The workflow the CI step shows, the one the README's CLI section describes. */
const workflow = `name: Check posts
on: [push, pull_request]
jobs:
  postcraft:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # Fails the job when a post would break the build; findings show as annotations on the diff.
      - run: npx --yes postcraft-cli check --format github
`;

build(); // after `npm install`: this script never installs packages
const host = ensureHost(process.env.POSTCRAFT_HOST ?? 'newest');
const workspace = mkdtempSync(join(tmpdir(), 'postcraft-walkthrough-'));
cpSync(join(projectRoot, 'test', 'fixtures', 'sites', 'hugo-blog'), workspace, { recursive: true });
mkdirSync(join(workspace, '.github', 'workflows'), { recursive: true });
writeFileSync(join(workspace, '.github', 'workflows', 'check-posts.yml'), workflow);
const server = await startServer(host, { settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.fontSize': 13, 'window.zoomLevel': 0, 'workbench.welcomePage.walkthroughs.openOnInstall': false } });
const browser = await launchBrowser();
mkdirSync(mediaDir, { recursive: true });

const shots = [];
async function shoot(page, path) {
  await page.screenshot({ path });
  toPalettePng(path); // the pictures ship in the vsix: a palette PNG is a third of the size
  shots.push(path);
  console.log(`saved ${path} (${Math.round(statSync(path).size / 1024)} KB)`);
}

async function quickInputShown(page) {
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.quick-input-widget')).opacity === '1');
}

try {
  const page = await browser.newPage({ viewport });
  await page.goto(workbenchUrl(server, workspace, { extensionDevelopmentPath: projectRoot }));
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  await page.waitForSelector('.statusbar-item[aria-label*="Hugo"]', { timeout: 60_000 });

  // 1. A post open, the Posts view and the site in the status bar.
  await openFile(page, seedPost);
  await page.waitForSelector('.squiggly-warning', { timeout: 30_000 });
  await page.locator('.pane-header[aria-label*="Posts"]').click();
  await page.locator('.pane-header[aria-label*="Folders"], .pane-header[aria-label*="postcraft-walkthrough"]').first().click(); // fold the file tree
  await page.locator('.pane-body .monaco-list-row[aria-label*="Tags"]').first().click();
  await page.waitForSelector('.pane-body .monaco-list-row[aria-label^="kubernetes"]', { timeout: 15_000 });
  await page.waitForSelector('.statusbar-item[aria-label*="Activating"]', { state: 'detached', timeout: 30_000 });
  await goTo(page, 1, 1);
  await shoot(page, join(mediaDir, 'open-post.png'));

  // 2. The misspelled tag's quick fix.
  await goTo(page, 5, 40);
  // On a loaded machine the first ask can come before the code actions: ask again, as a writer would.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await page.waitForSelector('.action-widget', { timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await shoot(page, join(mediaDir, 'fix-finding.png'));
  await page.keyboard.press('Escape');

  // 3. The preview beside the post, without the side bar for room.
  await page.keyboard.press('Control+B');
  await runCommand(page, 'Postcraft: Open Preview to the Side');
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await preview.locator('h1').first().waitFor({ timeout: 30_000 });
  await preview.locator('img').first().waitFor({ timeout: 15_000 });
  await shoot(page, join(mediaDir, 'preview.png'));
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+W'); // close every editor

  // 4. New Post asking for a title (not created: the picture is the question).
  await openFile(page, seedPost);
  await runCommand(page, 'Postcraft: New Post');
  await page.waitForSelector('.quick-input-widget input[placeholder="My new post"], .quick-input-widget .quick-input-message', { timeout: 15_000 });
  await quickInputShown(page);
  await page.keyboard.type('Straße in Köln');
  await shoot(page, join(mediaDir, 'new-post.png'));
  await page.keyboard.press('Escape');

  // 5. Check Whole Site: the Problems panel with every post's findings.
  await runCommand(page, 'Postcraft: Check Whole Site');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForFunction(() => document.querySelectorAll('.markers-panel .monaco-list-row').length > 6, undefined, { timeout: 30_000 });
  await shoot(page, join(mediaDir, 'check-site.png'));
  await page.keyboard.press('Control+J'); // hide the panel

  // 6. The workflow that runs the CLI in CI.
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+W');
  await openFile(page, 'check-posts.yml');
  await shoot(page, join(mediaDir, 'use-cli.png'));
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+W');

  // The walkthrough itself, as a writer finds it (Help › Get Started › Postcraft), for the README.
  await page.setViewportSize({ width: 1280, height: 800 }); // narrower, the walkthrough hides its pictures
  await runCommand(page, 'Welcome: Open Walkthrough', 'Open Walkthrough');
  await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Get Started with Postcraft"]', { timeout: 15_000 });
  await page.keyboard.type('Postcraft');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.gettingStartedSlideDetails .getting-started-step', { timeout: 30_000 });
  await page.waitForFunction(() => [...document.querySelectorAll('.getting-started-media img')].some((img) => img.checkVisibility() && img.complete && img.naturalWidth > 0), undefined, { timeout: 15_000 });
  await shoot(page, join(projectRoot, 'docs', 'images', 'walkthrough.png'));
} finally {
  await browser.close();
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
}
console.log(`${shots.length} screenshots`);
