// Driving the VS Code workbench in a browser page (Playwright), for the scripts that take pictures of the real editor.

/** Opens `name` with Quick Open. */
export async function openFile(page, name) {
  // Quick open can race the file search index on a fresh workbench: retry until the editor tab shows.
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input');
    await page.keyboard.type(name);
    try {
      await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`, { timeout: 5000 });
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.tab[aria-label*="${name}"]`, { timeout: 5000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`Could not open ${name}`);
}

/** Moves the cursor with Go to Line. */
export async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** Runs a command palette entry; `rowLabel` is what its row shows (the title without its category by default). */
export async function runCommand(page, title, rowLabel = title.split(': ')[1]) {
  await page.keyboard.press('Control+Shift+P');
  await page.waitForSelector('.quick-input-widget input');
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${rowLabel}"]`, { timeout: 15_000 });
  await page.keyboard.press('Enter');
}
