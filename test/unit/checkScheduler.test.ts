import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { CheckScheduler, createPostcraftService, readEditorSettings, type EditorSettings, type FindingsUpdate, type ScheduledDocument } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';

const typo = '---\ntitle: A\ntags: [gardening]\n---\nText\n';
const files = {
  'hugo.toml': "title = 'x'\n",
  'content/posts/a.md': typo,
  'content/posts/b.md': '---\ntitle: B\ntags: [gardening]\n---\nSee [A](/posts/a/#soil).\n',
  'content/posts/c.md': '---\ntitle: C\ntags: [gardening]\n---\n',
};

/** A front in a test: open documents by path, every publish recorded, the clock and timers mocked. */
async function setUp(settingsOverride: Partial<EditorSettings> = {}, pull = false) {
  const fs = inMemorySite(files);
  const service = createPostcraftService({ fs });
  await service.openWorkspace(['/site']);
  const settings: EditorSettings = { ...readEditorSettings(() => undefined), intervalMs: 150, ...settingsOverride };
  const texts = new Map<string, string>();
  const published: FindingsUpdate[] = [];
  let refreshes = 0;
  const doc = (path: string): ScheduledDocument => ({ key: `file://${path}`, path, text: () => texts.get(path) ?? '' });
  const scheduler = new CheckScheduler({
    service,
    ready: () => Promise.resolve(),
    settings: () => settings,
    openDocuments: () => [...texts.keys()].map(doc),
    publish: (updates) => published.push(...updates),
    clear: () => published.push({ path: '*', findings: [] }),
    ...(pull ? { refresh: () => void refreshes++ } : {}),
    now: () => Date.now(),
  });
  const edit = (path: string, text: string) => {
    texts.set(path, text);
    scheduler.documentChanged(doc(path));
  };
  const close = (path: string) => {
    texts.delete(path);
    scheduler.documentClosed(doc(path));
  };
  return { service, fs, scheduler, settings, published, edit, close, refreshes: () => refreshes };
}

/** Lets the timers due by `ms` fire and the promises they start settle. */
async function advance(ms: number): Promise<void> {
  mock.timers.tick(ms);
  for (let turn = 0; turn < 5; turn++) await new Promise<void>((resolve) => queueMicrotask(resolve));
}

const checksOf = (published: readonly FindingsUpdate[], path: string) => published.filter((update) => update.document?.path === path).length;

describe('CheckScheduler', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 }));
  afterEach(() => mock.timers.reset());

  it('checks an edit after a pause at once, then at most once per interval while typing goes on', async () => {
    const { edit, published } = await setUp({ validateWorkspace: false });
    edit('/site/content/posts/a.md', typo);
    await advance(0);
    assert.equal(checksOf(published, '/site/content/posts/a.md'), 1);
    for (let keystroke = 0; keystroke < 10; keystroke++) {
      edit('/site/content/posts/a.md', `${typo}${'x'.repeat(keystroke)}`);
      await advance(10);
    }
    // 100 ms of typing after a check: the next waits for the 150 ms interval, and reads the last text.
    assert.equal(checksOf(published, '/site/content/posts/a.md'), 1);
    await advance(50);
    assert.equal(checksOf(published, '/site/content/posts/a.md'), 2);
    await advance(1000);
    assert.equal(checksOf(published, '/site/content/posts/a.md'), 2);
  });

  it('re-checks the other open posts when an edit changes what links reach', async () => {
    const { edit, published } = await setUp({ validateWorkspace: false });
    edit('/site/content/posts/b.md', files['content/posts/b.md']);
    edit('/site/content/posts/a.md', typo);
    await advance(0);
    const before = checksOf(published, '/site/content/posts/b.md');
    assert.deepEqual(published.filter((update) => update.document?.path === '/site/content/posts/b.md').at(-1)?.findings.map((finding) => finding.code), ['broken-anchor']);
    await advance(200);
    edit('/site/content/posts/a.md', `${typo}\n## Soil\n`); // a heading `soil` appears: b's link now reaches it
    await advance(0);
    await advance(200);
    assert.equal(checksOf(published, '/site/content/posts/b.md'), before + 1);
    assert.deepEqual(published.filter((update) => update.document?.path === '/site/content/posts/b.md').at(-1)?.findings.map((finding) => finding.code), []);
  });

  it('checks an open post again once an image it shows for the first time is weighed (heavy-image)', async () => {
    const { fs, service, edit, published } = await setUp({ validateWorkspace: false });
    fs.write('static/big.png', new Uint8Array(600_000));
    await service.fileChanged('/site/static/big.png', 'created');
    edit('/site/content/posts/a.md', `${typo}![Big](/big.png)\n`);
    await advance(0);
    const shown = () => published.filter((update) => update.document?.path === '/site/content/posts/a.md').map((update) => update.findings.filter((finding) => finding.code === 'heavy-image').length);
    assert.deepEqual(shown(), [0], 'the first check does not wait for the disk');
    await service.imagesWeighing('/site/content/posts/a.md');
    await advance(1000);
    assert.deepEqual(shown(), [0, 1]);
  });
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Whole-workspace checks yield to the event loop between slices of files: these run on real timers.
describe('CheckScheduler, whole-workspace checks', () => {
  it('checks the whole workspace after indexing, saved files first and then the open documents from their text', async () => {
    const { scheduler, edit, published } = await setUp();
    edit('/site/content/posts/a.md', '---\ntitle: A\n---\n');
    const totals = await scheduler.indexed();
    const saved = published.filter((update) => !update.document).map((update) => update.path);
    assert.deepEqual(saved.sort(), ['/site/content/posts/b.md', '/site/content/posts/c.md']);
    assert.equal(totals?.posts, 3);
    assert.ok(scheduler.findingsFor('file:///site/content/posts/b.md', '/site/content/posts/b.md').length > 0);
  });

  it('clears the findings of a file gone since the last whole check (deleted, or moved out of the site)', async () => {
    const { scheduler, service, fs, published } = await setUp();
    await scheduler.indexed();
    assert.ok(published.some((update) => update.path === '/site/content/posts/b.md' && update.findings.length > 0));
    fs.delete('content/posts/b.md');
    await service.fileChanged('/site/content/posts/b.md', 'deleted');
    published.length = 0;
    await scheduler.checkEverything();
    assert.deepEqual(published.filter((update) => update.path === '/site/content/posts/b.md').map((update) => update.findings), [[]]);
  });

  it('cancels a whole-workspace check under way when a newer one starts, and makes one check of several changes in a row', async () => {
    const { scheduler, published } = await setUp();
    const first = scheduler.checkEverything();
    const second = scheduler.checkEverything();
    assert.equal(await first, undefined);
    assert.equal((await second)?.posts, 3);
    published.length = 0;
    scheduler.fileChanged('/site/content/posts/a.md', 'site');
    await sleep(50);
    scheduler.settingsChanged();
    await sleep(60);
    assert.equal(published.length, 0); // the first change's timer was put off by the second
    await sleep(60);
    await scheduler.settled;
    assert.deepEqual(published.filter((update) => !update.document).map((update) => update.path).sort(), ['/site/content/posts/a.md', '/site/content/posts/b.md', '/site/content/posts/c.md']);
  });

  it('gives a closed post back its saved file\'s findings, or clears them without validate.workspace', async () => {
    const withWorkspace = await setUp();
    withWorkspace.edit('/site/content/posts/c.md', '---\ntitle: C\n---\n');
    await sleep(5);
    withWorkspace.close('/site/content/posts/c.md');
    await sleep(20);
    assert.deepEqual(withWorkspace.published.at(-1)?.path, '/site/content/posts/c.md');
    assert.equal(withWorkspace.published.at(-1)?.document, undefined);
    const openOnly = await setUp({ validateWorkspace: false });
    openOnly.edit('/site/content/posts/c.md', files['content/posts/c.md']);
    await sleep(5);
    openOnly.close('/site/content/posts/c.md');
    assert.deepEqual(openOnly.published.at(-1)?.findings, []);
    assert.equal(openOnly.published.at(-1)?.document?.path, '/site/content/posts/c.md');
  });

  it('in pull mode only asks the client to pull again, and checks a document when pulled', async () => {
    const { scheduler, edit, published, refreshes } = await setUp({ validateWorkspace: false }, true);
    edit('/site/content/posts/b.md', files['content/posts/b.md']);
    await sleep(5);
    assert.deepEqual(published, []);
    assert.deepEqual(scheduler.checkNow('file:///site/content/posts/b.md').map((finding) => finding.code), ['broken-anchor']);
    await scheduler.checkEverything();
    assert.equal(refreshes(), 1);
    assert.deepEqual(published, []);
  });

  it('clears everything when validation is turned off', async () => {
    const { scheduler, settings, published } = await setUp();
    (settings as { validateEnabled: boolean }).validateEnabled = false;
    assert.equal(await scheduler.checkEverything(), undefined);
    assert.deepEqual(published.at(-1), { path: '*', findings: [] });
  });
});
