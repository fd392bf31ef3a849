import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileChange, Logger } from '../core/index';
import { sitePathOf } from './convert';
import { fixAllKind, registerCodeActionSupport } from './features/codeActions';
import { completionTriggerCharacters, registerCompletionSupport } from './features/completions';
import { registerDefinitionSupport } from './features/definition';
import { DiagnosticsManager } from './features/diagnostics';
import { registerDocumentLinkSupport } from './features/documentLinks';
import { registerHoverSupport } from './features/hover';
import { ServerSession } from './session';
import { parseSettings } from './settings';
import { localeOfEnvironment, useLocale } from '../node/index';

declare const POSTCRAFT_VERSION: string | undefined;
export const serverVersion = typeof POSTCRAFT_VERSION === 'string' ? POSTCRAFT_VERSION : 'dev';

/**
 * The files whose changes the server must hear of: posts, images, and what defines the site (generator
 * configs, data files with authors or tags, redirect files). Registered with the client's watcher.
 */
export const watchedFiles = [
  '**/*.{md,markdown,mdx,mdown,mkd}',
  '**/*.{png,jpg,jpeg,gif,webp,avif,svg,bmp,ico,tif,tiff,jxl,heic}',
  '**/*.{toml,yaml,yml,json,js,mjs,cjs,ts,mts,cts}',
  '**/_redirects',
  // Other inputs of generator configs (see generators/profile.ts isConfigInput): Astro pages, Eleventy templates and ignore files, Jekyll's Gemfile.
  '**/*.{astro,njk,liquid}',
  '**/{.eleventyignore,.gitignore,Gemfile}',
];

const fileChanges: Record<FileChangeType, FileChange> = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' };

/** Wires Postcraft's core to a client through `connection`; the caller starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const logger: Logger = {
    info: (message) => connection.console.info(message),
    warn: (message) => connection.console.warn(message),
    error: (message, error) => connection.console.error(error === undefined ? message : `${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  };
  const session = new ServerSession(connection, documents, logger);
  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];
  let initialSettings: unknown;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    // Messages in the client's language (LSP `locale`, VS Code's display language), else the environment's.
    useLocale(params.locale ?? localeOfEnvironment(process.env));
    initialSettings = isRecord(params.initializationOptions) ? (params.initializationOptions.postcraft ?? params.initializationOptions) : undefined;
    // Multi-root clients send workspace folders; old ones only a root.
    const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = uris.map(sitePathOf).filter((path): path is string => path !== undefined);
    if (folders.length === 0 && params.rootPath) folders = [params.rootPath];

    const pull = capabilities.textDocument?.diagnostic !== undefined;
    const diagnostics = new DiagnosticsManager(connection, session, {
      pull,
      refresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
      relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true || pull,
    });
    registerCompletionSupport(connection, session, {
      snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
      markdownDocumentation: capabilities.textDocument?.completion?.completionItem?.documentationFormat?.includes('markdown') === true,
    });
    registerHoverSupport(connection, session);
    registerDocumentLinkSupport(connection, session);
    registerDefinitionSupport(connection, session);
    registerCodeActionSupport(connection, session, diagnostics, {
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      // A CreateFile goes only in documentChanges (Neovim 0.7 lists resource operations without them).
      createFiles: capabilities.workspace?.workspaceEdit?.documentChanges === true && capabilities.workspace.workspaceEdit.resourceOperations?.includes('create') === true,
    });
    connection.onShutdown(() => {
      diagnostics.dispose();
      session.dispose();
    });

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: completionTriggerCharacters },
        hoverProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: true },
        codeActionProvider: { codeActionKinds: ['quickfix', fixAllKind] },
        ...(pull ? { diagnosticProvider: { identifier: 'postcraft', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'postcraft-language-server', version: serverVersion },
    };
  });

  connection.onInitialized(async () => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postcraft' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: watchedFiles.map((globPattern) => ({ globPattern })) });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((folder) => sitePathOf(folder.uri)));
        const kept = session.workspaceFolders.filter((folder) => !gone.has(folder));
        void session.setFolders([...kept, ...added.map((folder) => sitePathOf(folder.uri)).filter((path): path is string => path !== undefined)]);
      });
    }
    session.updateSettings(parseSettings(initialSettings));
    await pullSettings();
    // Indexing ends in a whole-workspace check (the diagnostics manager listens to `onDidIndex`).
    void session.setFolders(folders);
  });

  /** The `postcraft` section from the client (`workspace/configuration`), where it can answer. */
  async function pullSettings(): Promise<void> {
    if (!capabilities.workspace?.configuration) return;
    try {
      const [section] = await connection.workspace.getConfiguration([{ section: 'postcraft' }]);
      if (section !== null && section !== undefined) session.updateSettings(parseSettings(section));
    } catch (error) {
      logger.error('Reading the postcraft settings failed', error);
    }
  }

  connection.onDidChangeConfiguration(async ({ settings }) => {
    if (capabilities.workspace?.configuration) await pullSettings();
    else if (isRecord(settings) && 'postcraft' in settings) session.updateSettings(parseSettings(settings.postcraft));
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) void session.fileChanged(change.uri, fileChanges[change.type]);
  });

  documents.listen(connection);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
