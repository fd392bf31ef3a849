import * as vscode from 'vscode';
import { readCheckCache, type CheckCache, type Logger } from '../core/index';
import { Disposable } from './util/dispose';

/** Larger caches are not written: reading one back would cost more than it saves. */
const maxBytes = 64 * 1024 * 1024;
/** Written this long after the last index, so that a burst of re-indexes (a branch switch) writes once. */
const writeDelayMs = 3000;

/**
 * The site model and findings of the last start, kept in the extension's workspace storage
 * (`context.storageUri`): read once at start, so that the whole site's diagnostics come from it and only
 * changed posts are read (core `openWorkspace` with `WarmOpen`); written in the background.
 */
export class WarmStartStore extends Disposable {
  readonly file: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Writes one after the other, never two at once. */
  private writing: Promise<void> = Promise.resolve();

  constructor(storageUri: vscode.Uri | undefined, private readonly logger: Logger) {
    super();
    // No storage without a workspace folder: then there is nothing to keep.
    this.file = storageUri && vscode.Uri.joinPath(storageUri, 'site-cache.json');
  }

  /** The kept cache, or undefined: none yet, or one that is corrupt, foreign or of another version (said in the log, then rebuilt). */
  async load(): Promise<CheckCache | undefined> {
    if (!this.file) return undefined;
    const started = performance.now();
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.file);
    } catch {
      return undefined; // the first start in this workspace
    }
    let cache: CheckCache | undefined;
    try {
      cache = readCheckCache(JSON.parse(new TextDecoder().decode(bytes)));
    } catch {
      cache = undefined;
    }
    if (!cache) this.logger.warn(`Ignoring the warm-start cache ${this.file.toString(true)}: not one this version of Postcraft wrote; it is rebuilt`);
    else this.logger.info(`Read the warm-start cache (${(bytes.length / 2 ** 20).toFixed(1)} MB) in ${(performance.now() - started).toFixed(0)} ms`);
    this.kept = cache;
    return cache;
  }

  /** Keeps `cache` for the next start, a few seconds from now, off the path of typing. */
  save(cache: CheckCache): void {
    // An index that changed nothing hands back the cache it started from (checkCacheOf): it is on disk already.
    if (!this.file || cache === this.kept) return;
    clearTimeout(this.timer);
    this.pending = cache;
    this.timer = setTimeout(() => void this.flush(), writeDelayMs);
  }

  private pending: CheckCache | undefined;
  /** The cache on disk as far as this store knows: the one it loaded or last wrote. */
  private kept: CheckCache | undefined;

  /** Writes the cache waiting to be written now; resolves once every write is done. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    const cache = this.pending;
    this.pending = undefined;
    if (cache) this.writing = this.writing.then(() => this.write(cache));
    return this.writing;
  }

  private async write(cache: CheckCache): Promise<void> {
    const file = this.file!;
    const text = JSON.stringify(cache);
    if (text.length > maxBytes) {
      this.logger.info(`The warm-start cache would take ${(text.length / 2 ** 20).toFixed(0)} MB: not kept`);
      return;
    }
    // A temporary file renamed over the old one: a window closed mid-write leaves the last whole cache.
    const temporary = vscode.Uri.joinPath(file, '..', `site-cache.${Date.now()}.tmp`);
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
      await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
      await vscode.workspace.fs.rename(temporary, file, { overwrite: true });
      this.kept = cache;
    } catch (error) {
      this.logger.warn(`Could not keep the warm-start cache: ${error instanceof Error ? error.message : String(error)}`);
      await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    }
  }

  override dispose(): void {
    clearTimeout(this.timer);
    super.dispose();
  }
}
