// A small Language Server Protocol client for the server's protocol tests: it starts
// `postcraft-language-server --stdio` from the TypeScript source, answers the requests a server sends
// its client (configuration, progress tokens, registrations), and waits on notifications, never on time.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type Registration,
} from 'vscode-languageserver-protocol/node';
import { fixturesRoot } from '../support/fixtureSites';

export const projectRoot = resolve(__dirname, '../../..');

/** Copies fixture sites into a fresh temp folder (so tests may edit them); `dispose` deletes it. */
export function copyFixtures(...names: string[]): { dir: string; roots: string[]; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'postcraft-lsp-'));
  const roots = names.map((name) => {
    const root = join(dir, name);
    cpSync(join(fixturesRoot, name), root, { recursive: true, filter: (source) => !source.endsWith('expected-findings.json') });
    return root;
  });
  return { dir, roots, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export const fileUri = (path: string) => pathToFileURL(path).href;

/** What VS Code's client announces, minus what the tests switch off one by one. */
export const fullCapabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  },
  window: { workDoneProgress: true },
};

interface Waiter {
  readonly test: () => boolean;
  readonly resolve: () => void;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly progress: { kind: string; title?: string; percentage?: number }[] = [];
  readonly registrations: Registration[] = [];
  settings: unknown;
  stderr = '';
  private waiters: Waiter[] = [];
  private exited: Promise<number | null>;

  constructor(settings: unknown = {}) {
    this.settings = settings;
    this.child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/server/main.ts'), '--stdio'], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.exited = new Promise((done) => this.child.on('exit', (code) => done(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
      this.diagnostics.set(uri, diagnostics);
      this.changed();
    });
    this.connection.onRequest(ConfigurationRequest.type, ({ items }) => items.map((item) => (item.section === 'postcraft' ? this.settings : null)));
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onRequest(RegistrationRequest.type, ({ registrations }) => {
      this.registrations.push(...registrations);
      this.changed();
    });
    this.connection.onNotification('$/progress', ({ value }: { value: { kind: string; title?: string; percentage?: number } }) => {
      this.progress.push(value);
      this.changed();
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(folders: readonly string[], capabilities: ClientCapabilities = fullCapabilities, extra: Record<string, unknown> = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders: folders.map((folder) => ({ uri: fileUri(folder), name: folder })),
      ...extra,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(path: string, text = readFileSync(path, 'utf8')): Promise<string> {
    const uri = fileUri(path);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  }

  /** Resolves when `test` holds, checked after every notification; rejects with `what` after 20 s. */
  waitFor(what: string, test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}. Server stderr:\n${this.stderr}`)), 20_000);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Waits for diagnostics of `uri` that satisfy `test` (all of them, as last published). */
  async diagnosticsOf(uri: string, test: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    await this.waitFor(`diagnostics of ${uri}`, () => this.diagnostics.has(uri) && test(this.diagnostics.get(uri)!));
    return this.diagnostics.get(uri)!;
  }

  private changed(): void {
    const ready = this.waiters.filter((waiter) => waiter.test());
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve();
  }

  /** shutdown, then exit; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }
}
