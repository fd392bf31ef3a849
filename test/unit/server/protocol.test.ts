import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type DocumentLink,
  type Hover,
  type TextDocumentEdit,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { plainText } from '../../../src/server/features/completions';
import { parseSettings } from '../../../src/server/settings';
import { copyFixtures, fileUri, fullCapabilities, TestClient } from './lspClient';

const typoPost = 'content/blog/2023/2023-06-01-dok-meetup.md';
const bundlePost = 'content/blog/2024/cloud-native-bundle/index.md';
const postgresPost = 'content/blog/2024/postgres-on-kubernetes.md';
const datePost = 'content/blog/2024/community-day.md';

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

describe('postcraft-language-server over stdio, on a copy of the hugo-blog fixture', () => {
  const site = copyFixtures('hugo-blog');
  const root = site.roots[0]!;
  const client = new TestClient({});
  let capabilities: Awaited<ReturnType<TestClient['initialize']>>['capabilities'];
  after(() => {
    client.kill();
    site.dispose();
  });
  before(async () => {
    ({ capabilities } = await client.initialize([root]));
  });

  it('announces its features and asks to hear of changed posts, images and configs', async () => {
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.definitionProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.postcraft'] });
    assert.ok(capabilities.completionProvider?.triggerCharacters?.includes(','));
    assert.equal(capabilities.diagnosticProvider, undefined, 'a client without pull diagnostics gets them pushed');
    await client.waitFor('the watched-files registration', () => client.registrations.some((registration) => registration.method === 'workspace/didChangeWatchedFiles'));
    const watchers = client.registrations.find((registration) => registration.method === 'workspace/didChangeWatchedFiles')!.registerOptions.watchers.map((watcher: { globPattern: string }) => watcher.globPattern);
    assert.ok(watchers.some((glob: string) => glob.includes('mdx')) && watchers.some((glob: string) => glob.includes('png')) && watchers.some((glob: string) => glob.includes('toml')));
  });

  it('checks the whole workspace after initializing, with $/progress from begin to end, and pushes each saved file’s findings', async () => {
    await client.waitFor('the end of the progress', () => client.progress.some((value) => value.kind === 'end'));
    assert.equal(client.progress[0]?.kind, 'begin');
    assert.equal(client.progress[0]?.title, 'Postcraft: checking posts');
    assert.ok(client.progress.some((value) => value.kind === 'report' && value.percentage === 100));
    const postgres = await client.diagnosticsOf(fileUri(join(root, postgresPost)));
    assert.deepEqual(
      postgres.map(({ code, range, severity, source }) => ({ code, range, severity, source })),
      [
        { code: 'broken-image', range: { start: { line: 14, character: 16 }, end: { line: 14, character: 45 } }, severity: 1, source: 'postcraft' },
        { code: 'image-case', range: { start: { line: 18, character: 15 }, end: { line: 18, character: 38 } }, severity: 1, source: 'postcraft' },
      ],
    );
    assert.deepEqual(codes(await client.diagnosticsOf(fileUri(join(root, datePost)))), ['schema']);
  });

  it('gives an opened post the diagnostics of its text: the tag typo at its exact range, whose quick fix edits only the tag and clears it', async () => {
    const path = join(root, typoPost);
    const uri = await client.open(path);
    const [typo] = await client.diagnosticsOf(uri, (diagnostics) => diagnostics.length > 0);
    assert.deepEqual(typo?.range, { start: { line: 4, character: 37 }, end: { line: 4, character: 47 } });
    assert.equal(typo?.code, 'tag-typo');
    assert.equal(typo?.severity, 2);
    assert.equal(typo?.codeDescription?.href, 'https://github.com/postcraft/postcraft#tag-typo');

    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: typo!.range, context: { diagnostics: [typo] } });
    const fix = actions.find((action) => action.title === 'Change to "kubernetes"');
    assert.ok(fix, `no fix among ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.equal(fix.isPreferred, true);
    const [change] = fix.edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change?.textDocument, { uri, version: 1 });
    assert.deepEqual(change?.edits, [{ range: typo!.range, newText: 'kubernetes' }]);

    // The fixes travel in the diagnostic's data; a client that drops `data` gets the same fix by the finding.
    assert.deepEqual((typo!.data as { fixes: { title: string }[] }).fixes.map((each) => each.title), actions.filter((action) => action.diagnostics?.length).map((action) => action.title));
    const withoutData = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: typo!.range, context: { diagnostics: [{ ...typo!, data: undefined }] } });
    assert.deepEqual(withoutData.map((action) => action.title), actions.map((action) => action.title));

    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, readFileSync(path, 'utf8')), change!.edits);
    assert.match(fixed, /"cncf", "kubernetes", "percona"/);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    assert.deepEqual(await client.diagnosticsOf(uri, (diagnostics) => !codes(diagnostics).includes('tag-typo')), []);
  });

  it('completes the site’s tags in the tags list, replacing what was typed, most used first', async () => {
    const path = join(root, typoPost);
    const uri = await client.open(path, readFileSync(path, 'utf8').replace('["dok", ', '["dok", "ku", '));
    const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 17 } });
    const first = list.items[0]!;
    assert.equal(first.label, 'kubernetes');
    assert.equal(first.detail, '4 posts');
    assert.deepEqual(first.textEdit, { range: { start: { line: 4, character: 15 }, end: { line: 4, character: 17 } }, newText: 'kubernetes' });
    assert.ok(!list.items.some((item) => item.label === 'dok'), 'a tag the post already has is not offered again');
  });

  it('hovers a tag with its use across the site', async () => {
    const uri = fileUri(join(root, typoPost));
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 10 } });
    assert.deepEqual(hover.range, { start: { line: 4, character: 7 }, end: { line: 4, character: 12 } });
    assert.deepEqual(hover.contents, { kind: 'markdown', value: '**Tag `dok`**: used in 1 post\n\n- Data on Kubernetes Meetup May 23' });
  });

  it('links image paths and author ids to their files, and goes to an author’s page', async () => {
    const uri = await client.open(join(root, bundlePost));
    const links = await client.connection.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.ok(links.some((link) => link.target === fileUri(join(root, 'content/blog/2024/cloud-native-bundle/cover.jpg')) && link.range.start.line === 6));
    const author = links.find((link) => link.target === fileUri(join(root, 'content/authors/edith_puclla/_index.md')));
    assert.deepEqual(author?.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 22 } });
  });

  it('offers to create an unknown author’s page as a CreateFile change followed by its contents', async () => {
    const uri = fileUri(join(root, bundlePost));
    const diagnostics = await client.diagnosticsOf(uri, (all) => codes(all).includes('unknown-author'));
    const unknown = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-author')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] } });
    const create = actions.find((action) => action.title === 'Create author "John Smith"');
    const page = fileUri(join(root, 'content/authors/john-smith/_index.md'));
    assert.deepEqual(create?.edit?.documentChanges, [
      { kind: 'create', uri: page, options: { ignoreIfExists: true } },
      { textDocument: { uri: page, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '---\ntitle: "John Smith"\n---\n' }] },
    ]);
  });

  it('hears of a created image through workspace/didChangeWatchedFiles and clears its broken-image finding', async () => {
    const uri = fileUri(join(root, bundlePost));
    await client.diagnosticsOf(uri, (diagnostics) => codes(diagnostics).includes('broken-image'));
    const image = join(root, 'content/blog/2024/cloud-native-bundle/chart.png');
    writeFileSync(image, readFileSync(join(root, 'static/images/logo.png')));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(image), type: FileChangeType.Created }] });
    assert.deepEqual(codes(await client.diagnosticsOf(uri, (diagnostics) => !codes(diagnostics).includes('broken-image'))), ['unknown-author']);
  });

  it('ends on shutdown and exit with code 0', async () => {
    assert.equal(await client.stop(), 0);
  });
});

describe('postcraft-language-server settings, pull diagnostics and folders', () => {
  const site = copyFixtures('hugo-blog', 'jekyll-blog');
  const [hugo, jekyll] = site.roots as [string, string];
  const clients: TestClient[] = [];
  const start = (settings: unknown = {}) => {
    const client = new TestClient(settings);
    clients.push(client);
    return client;
  };
  after(() => {
    for (const client of clients) client.kill();
    site.dispose();
  });

  it('reads the postcraft section through workspace/configuration: severities per check, off skips it, validate.enabled false clears everything', async () => {
    const client = start({ checks: { 'tag-typo': 'error', schema: 'off' } });
    await client.initialize([hugo]);
    await client.waitFor('the end of the progress', () => client.progress.some((value) => value.kind === 'end'));
    const typo = await client.diagnosticsOf(fileUri(join(hugo, typoPost)));
    assert.deepEqual(typo.map(({ code, severity }) => ({ code, severity })), [{ code: 'tag-typo', severity: 1 }]);
    assert.equal(client.diagnostics.has(fileUri(join(hugo, datePost))), false, 'schema is off: the post with a bad date has no diagnostics');

    client.settings = { validate: { enabled: false } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitFor('every diagnostic cleared', () => [...client.diagnostics.values()].every((diagnostics) => diagnostics.length === 0));
    assert.equal(await client.stop(), 0);
  });

  it('answers textDocument/diagnostic and workspace/diagnostic when the client pulls, and pushes nothing', async () => {
    const client = start();
    const pullCapabilities = { ...fullCapabilities, textDocument: { ...fullCapabilities.textDocument, diagnostic: { dynamicRegistration: false } } };
    const { capabilities } = await client.initialize([hugo], pullCapabilities);
    assert.deepEqual(capabilities.diagnosticProvider, { identifier: 'postcraft', interFileDependencies: true, workspaceDiagnostics: true });
    const uri = await client.open(join(hugo, typoPost));
    const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.kind === 'full' && report.items.map(({ code, range }) => ({ code, range })), [{ code: 'tag-typo', range: { start: { line: 4, character: 37 }, end: { line: 4, character: 47 } } }]);
    const workspace = await client.connection.sendRequest<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const postgres = workspace.items.find((item) => item.uri === fileUri(join(hugo, postgresPost)));
    assert.deepEqual(postgres?.kind === 'full' && codes(postgres.items), ['broken-image', 'image-case']);
    assert.equal(workspace.items.some((item) => item.uri === uri), false, 'the open post is pulled on its own');
    assert.equal(client.diagnostics.size, 0);
    assert.equal(await client.stop(), 0);
  });

  it('checks every workspace folder of a multi-root workspace', async () => {
    const client = start();
    await client.initialize([hugo, jekyll]);
    await client.waitFor('the end of the progress', () => client.progress.some((value) => value.kind === 'end'));
    const folders = [...client.diagnostics.keys()].map((uri) => (uri.startsWith(fileUri(hugo) + '/') ? 'hugo' : uri.startsWith(fileUri(jekyll) + '/') ? 'jekyll' : uri));
    assert.deepEqual([...new Set(folders)].sort(), ['hugo', 'jekyll']);
    assert.equal(await client.stop(), 0);
  });

  it('opens the site of rootUri for a client that sends no workspace folders', async () => {
    const client = start();
    await client.initialize([], fullCapabilities, { rootUri: fileUri(hugo), workspaceFolders: null });
    assert.deepEqual(codes(await client.diagnosticsOf(fileUri(join(hugo, postgresPost)))), ['broken-image', 'image-case']);
    assert.equal(await client.stop(), 0);
  });

  it('leaves out a fix that creates a file when the client cannot create files, and sends plain changes without documentChanges', async () => {
    const client = start();
    await client.initialize([hugo], { ...fullCapabilities, workspace: { ...fullCapabilities.workspace, workspaceEdit: {} } });
    const uri = await client.open(join(hugo, bundlePost));
    const unknown = (await client.diagnosticsOf(uri, (all) => codes(all).includes('unknown-author'))).find((diagnostic) => diagnostic.code === 'unknown-author')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] } });
    assert.equal(actions.some((action) => action.title.startsWith('Create author')), false);
    const typoUri = await client.open(join(hugo, typoPost));
    const [typo] = await client.diagnosticsOf(typoUri, (all) => all.length > 0);
    const [fix] = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: typoUri }, range: typo!.range, context: { diagnostics: [typo] } });
    assert.deepEqual(fix?.edit, { changes: { [typoUri]: [{ range: typo!.range, newText: 'kubernetes' }] } });
    assert.equal(await client.stop(), 0);
  });
});

describe('server helpers', () => {
  it('turns a snippet into plain text for clients without snippets: placeholders keep their text', () => {
    assert.equal(plainText('date: ${1:2024-06-05}$0'), 'date: 2024-06-05');
    assert.equal(plainText('[$1](${2:url}) \\$5'), '[](url) $5');
  });

  it('reads the postcraft section nested or with dotted keys, falling back to defaults on bad values', () => {
    const defaults = { linksUpdateOnRename: 'prompt', linksAddAliasOnMove: false, reportUnusedDisable: false };
    assert.deepEqual(parseSettings({ validate: { enabled: false, intervalMs: 40 }, checks: { 'tag-typo': 'off' } }), { validateEnabled: false, validateWorkspace: true, intervalMs: 40, checks: { 'tag-typo': 'off' }, ...defaults });
    assert.deepEqual(parseSettings({ 'validate.workspace': false, 'validate.intervalMs': -3 }), { validateEnabled: true, validateWorkspace: false, intervalMs: 150, checks: {}, ...defaults });
    assert.deepEqual(parseSettings(null), { validateEnabled: true, validateWorkspace: true, intervalMs: 150, checks: {}, ...defaults });
  });
});
