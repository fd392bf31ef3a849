import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { indexPostsHere, loadSiteForWorker, type IndexedPost, type SiteRecipe } from '../core/index';
import { blockingNodeFileSystem } from '../node/index';

/** Sent to a post worker: a site to load (once), then batches of its posts. */
export type ToPostWorker = { readonly type: 'site'; readonly site: number; readonly recipe: SiteRecipe } | { readonly type: 'posts'; readonly site: number; readonly batch: number; readonly paths: readonly string[]; readonly check: boolean };

/** Sent back: a batch indexed, or why not. */
export type FromPostWorker = { readonly type: 'indexed'; readonly batch: number; readonly posts: readonly IndexedPost[] } | { readonly type: 'failed'; readonly batch: number; readonly message: string };

/** `workerData` that makes a thread running this module (or the CLI bundle holding it) a post worker. */
export const postWorkerData = { postcraftPostWorker: true };

/** A post worker's loop: the messages are handled one at a time, in order. */
function servePostWork(): void {
  const port = parentPort!;
  const sites = new Map<number, ReturnType<typeof loadSiteForWorker>>();
  let queue = Promise.resolve();
  port.on('message', (message: ToPostWorker) => {
    queue = queue.then(async () => {
      if (message.type === 'site') {
        const loading = loadSiteForWorker(blockingNodeFileSystem, message.recipe);
        loading.catch(() => undefined); // reported with the batches that need it
        sites.set(message.site, loading);
        return;
      }
      try {
        const site = await sites.get(message.site)!;
        const posts = await indexPostsHere(blockingNodeFileSystem, site, message.paths, message.check);
        port.postMessage({ type: 'indexed', batch: message.batch, posts } satisfies FromPostWorker);
      } catch (error) {
        port.postMessage({ type: 'failed', batch: message.batch, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromPostWorker);
      }
    });
  });
}

if (!isMainThread && (workerData as typeof postWorkerData | undefined)?.postcraftPostWorker === true) servePostWork();
