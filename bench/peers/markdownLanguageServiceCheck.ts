// A whole-site check with vscode-markdown-languageservice, the engine behind VS Code's own Markdown link
// diagnostics: every Markdown file of the folder through `computeDiagnostics`, links and images checked
// against the disk. It has no CLI, so this is the smallest faithful host for it: a Node `IWorkspace`,
// markdown-it as the parser (as VS Code uses), and JSON findings on stdout for the benchmark to score.
// It lives with the peers (bench/peers/) so that its imports resolve to them; bench/tools/markdownLanguageService.ts
// bundles it.
//   node markdownLanguageServiceCheck.js <folder>
import { promises as fs } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import MarkdownIt from 'markdown-it';
import { createLanguageService, DiagnosticLevel, githubSlugifier, LogLevel, type DiagnosticOptions, type FileStat, type ILogger, type IMdParser, type ITextDocument, type IWorkspace } from 'vscode-markdown-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { LanguageServiceFinding } from '../tools/markdownLanguageService';

// A one-shot run never sees file changes: events that never fire.
const noEvent = () => ({ dispose() {} });
const noCancellation = { isCancellationRequested: false, onCancellationRequested: noEvent };
const silentLogger: ILogger = { level: LogLevel.Off, log() {} };

/** Every option on, as a user who wants all link problems would set it. */
const diagnosticOptions: DiagnosticOptions = {
  validateFileLinks: DiagnosticLevel.error,
  validateReferences: DiagnosticLevel.error,
  validateFragmentLinks: DiagnosticLevel.error,
  validateMarkdownFileLinkFragments: DiagnosticLevel.error,
  validateUnusedLinkDefinitions: DiagnosticLevel.warning,
  validateDuplicateLinkDefinitions: DiagnosticLevel.warning,
  ignoreLinks: [],
};

async function markdownFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.md')).map((entry) => join(entry.parentPath, entry.name));
}

class NodeWorkspace implements IWorkspace {
  private readonly documents = new Map<string, ITextDocument>();
  readonly onDidChangeMarkdownDocument = noEvent;
  readonly onDidCreateMarkdownDocument = noEvent;
  readonly onDidDeleteMarkdownDocument = noEvent;

  constructor(private readonly root: URI, private readonly paths: readonly string[]) {}

  get workspaceFolders(): readonly URI[] {
    return [this.root];
  }

  async getAllMarkdownDocuments(): Promise<Iterable<ITextDocument>> {
    const documents = await Promise.all(this.paths.map((path) => this.openMarkdownDocument(URI.file(path))));
    return documents.filter((document): document is ITextDocument => document !== undefined);
  }

  hasMarkdownDocument(resource: URI): boolean {
    return this.documents.has(resource.toString());
  }

  async openMarkdownDocument(resource: URI): Promise<ITextDocument | undefined> {
    const key = resource.toString();
    const cached = this.documents.get(key);
    if (cached) return cached;
    if (!resource.fsPath.endsWith('.md')) return undefined;
    try {
      const document = TextDocument.create(key, 'markdown', 1, await fs.readFile(resource.fsPath, 'utf8'));
      this.documents.set(key, document);
      return document;
    } catch {
      return undefined;
    }
  }

  async stat(resource: URI): Promise<FileStat | undefined> {
    try {
      return { isDirectory: (await fs.stat(resource.fsPath)).isDirectory() };
    } catch {
      return undefined;
    }
  }

  async readDirectory(resource: URI): Promise<Iterable<readonly [string, FileStat]>> {
    const entries = await fs.readdir(resource.fsPath, { withFileTypes: true });
    return entries.map((entry) => [entry.name, { isDirectory: entry.isDirectory() }] as const);
  }
}

function markdownItParser(): IMdParser {
  const markdownIt = new MarkdownIt({ html: true });
  return { slugifier: githubSlugifier, tokenize: async (document) => markdownIt.parse(document.getText(), {}) };
}

async function checkFolder(root: string): Promise<LanguageServiceFinding[]> {
  const paths = await markdownFiles(root);
  const workspace = new NodeWorkspace(URI.file(root), paths);
  const service = createLanguageService({ workspace, parser: markdownItParser(), logger: silentLogger });
  const findings: LanguageServiceFinding[] = [];
  let next = 0;
  // A few documents at a time, as a language server checking a workspace in the background would.
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < paths.length) {
      const document = (await workspace.openMarkdownDocument(URI.file(paths[next++]!)))!;
      for (const diagnostic of await service.computeDiagnostics(document, diagnosticOptions, noCancellation)) {
        findings.push({
          file: relative(root, URI.parse(document.uri).fsPath).split(sep).join('/'),
          line: diagnostic.range.start.line + 1,
          code: String(diagnostic.code ?? 'unknown'),
          subject: document.getText(diagnostic.range),
        });
      }
    }
  }));
  service.dispose();
  return findings;
}

checkFolder(resolve(process.argv[2] ?? '.')).then(
  (findings) => process.stdout.write(`${JSON.stringify({ findings })}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
