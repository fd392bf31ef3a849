// The activation both entries share (markdown-language-features' extension.shared.ts): the feature list.
import * as vscode from 'vscode';
import type { SiteFileSystem } from '../core/index';
import { CheckSiteCommand } from './commands/checkSite';
import { CommandManager } from './commands/commandManager';
import { AddAuthorCommand } from './commands/addAuthor';
import { AddTagCommand } from './commands/addTag';
import { InsertImageCommand } from './commands/insertImage';
import { NewPostCommand } from './commands/newPost';
import { RenameTagCommand } from './commands/renameTag';
import { ShowLogCommand } from './commands/showLog';
import { ShowBacklinksCommand } from './commands/showBacklinks';
import { TagHygieneCommand } from './commands/tagHygiene';
import { readSettings } from './config';
import { postSelector } from './convert';
import { registerCodeActionSupport } from './features/codeActions';
import { registerFixAllSupport } from './features/fixAll';
import { registerCompletionSupport } from './features/completions';
import { registerDocumentLinkSupport } from './features/documentLinks';
import { registerDefinitionSupport } from './features/definition';
import { registerHeadingRenameSupport } from './features/headingRename';
import { LinkRenameSupport } from './features/linkRename';
import { registerUrlChangeSupport } from './features/urlChange';
import { registerHoverSupport } from './features/hover';
import { registerImageDropPasteSupport, type ImageDropPasteProvider } from './features/imageDropPaste';
import { DiagnosticsManager } from './features/diagnostics';
import { createOutputLogger } from './logger';
import { registerPreviewSupport, type PreviewSupport, type RendererLoader } from './preview/index';
import { SiteSession } from './siteSession';
import { PostStatsStatusBar, SiteStatusBar } from './statusBar';
import { WarmStartStore } from './warmStart';
import { PostsView } from './views/postsView';
import { MergeTagCommand, OpenPostCommand, PreviewPostCommand, RenameTagInViewCommand, RevealPostCommand } from './views/postsViewCommands';

/** What `activate` hands to tests: the live objects, for observing, never for driving features. */
export interface PostcraftApi {
  readonly session: SiteSession;
  /** The cache of the last start, kept in the workspace storage. */
  readonly warmStart: WarmStartStore;
  readonly diagnostics: DiagnosticsManager;
  /** The live preview; `onDidRender` lets tests observe what the webview shows. */
  readonly preview: PreviewSupport;
  /** The drop and paste provider for images, so tests can hand it the DataTransfer VS Code would. */
  readonly imageDropPaste: ImageDropPasteProvider;
  /** The site's status bar item, so tests can read what it says. */
  readonly statusBar: SiteStatusBar;
  /** The status bar item with the active post's words and reading time. */
  readonly postStats: PostStatsStatusBar;
  /** The Posts view's tree, for tests to read its items. */
  readonly postsView: PostsView;
  /** How long `activate` took, for the benchmark; indexing runs after it returns. */
  readonly activationMs: number;
  /** When `activate` was called (`performance.now()` of the extension host), for the warm-start benchmark. */
  readonly activatedAt: number;
}

/** Where the extension runs: what differs between the desktop (Node) and the web worker extension host. */
export interface ExtensionHost {
  /** How the core reads the site: the disk through Node, or `vscode.workspace.fs` in a browser. */
  readonly fs: SiteFileSystem;
  /** Loads the preview renderer's own bundle, at the first render (see preview/renderer.ts). */
  readonly loadRenderer: RendererLoader;
}

declare const POSTCRAFT_BUILD: string | undefined;

/** What the warm start keys on: the version, and the build (a build of changed checks must not answer from its findings). */
function warmStartVersion(context: vscode.ExtensionContext): string {
  const version = String((context.extension.packageJSON as { version?: unknown }).version);
  return `${version}+${typeof POSTCRAFT_BUILD === 'string' ? POSTCRAFT_BUILD : 'dev'}`;
}

/**
 * Registers every feature and returns at once; indexing runs in the background. Both entries start here:
 * `extension.ts` (Node) and `../web/extension.ts` (the web worker host of VS Code for the Web).
 */
export function activateShared(context: vscode.ExtensionContext, host: ExtensionHost): PostcraftApi {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Postcraft', { log: true });
  const logger = createOutputLogger(channel);
  const warmStart = new WarmStartStore(context.storageUri, logger);
  const session = new SiteSession(logger, host.fs, { store: warmStart, version: warmStartVersion(context) });
  const diagnostics = new DiagnosticsManager(session, readSettings());
  const commands = new CommandManager(logger);
  const preview = registerPreviewSupport(context, session, host.loadRenderer, logger);
  const imageDropPaste = registerImageDropPasteSupport(session);
  const statusBar = new SiteStatusBar(session);
  const postStats = new PostStatsStatusBar(session);
  const postsView = new PostsView(session, context);
  commands.register(new CheckSiteCommand(session, diagnostics));
  commands.register(new ShowLogCommand(channel));
  commands.register(new NewPostCommand(session));
  commands.register(new InsertImageCommand(session));
  commands.register(new AddTagCommand(session));
  commands.register(new AddAuthorCommand(session));
  commands.register(new RenameTagCommand(session));
  commands.register(new TagHygieneCommand(session));
  commands.register(new ShowBacklinksCommand(session));
  commands.register(new OpenPostCommand());
  commands.register(new PreviewPostCommand());
  commands.register(new RevealPostCommand());
  commands.register(new RenameTagInViewCommand(session));
  commands.register(new MergeTagCommand(session));

  context.subscriptions.push(
    channel,
    warmStart,
    session,
    diagnostics,
    commands,
    statusBar,
    postStats,
    postsView,
    preview,
    registerCodeActionSupport(diagnostics),
    registerFixAllSupport(postSelector, session),
    registerCompletionSupport(session),
    registerHoverSupport(session),
    registerDocumentLinkSupport(session),
    registerDefinitionSupport(session),
    registerHeadingRenameSupport(session),
    new LinkRenameSupport(session, logger),
    registerUrlChangeSupport(session),
    imageDropPaste.registration,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('postcraft')) diagnostics.updateSettings(readSettings());
    }),
  );
  context.subscriptions.push(
    session.onDidIndex(() => {
      const found = session.service.siteSummaries().length > 0;
      void vscode.commands.executeCommand('setContext', 'postcraft.hasSite', found);
      // The Posts view then shows its welcome: what Postcraft looked for.
      void vscode.commands.executeCommand('setContext', 'postcraft.noSite', !found);
    }),
  );
  void session.start();
  const activationMs = performance.now() - started;
  logger.info(`Activated in ${activationMs.toFixed(1)} ms; indexing in the background`);
  return { session, warmStart, diagnostics, preview, imageDropPaste: imageDropPaste.provider, statusBar, postStats, postsView, activationMs, activatedAt: started };
}
