// The CLI's heavy half: the checks, the site model and their parsers, and the post worker pool. The npm
// package ships it as a bundle of its own (dist/checking.js) that the front requires only when it must check
// (cache.ts: when the last run's snapshot does not answer): a re-run answered from the snapshot then parses
// a small bundle instead of all of it. Every module the two bundles share is free of state (paths, messages,
// the snapshot's pure functions), so two copies of them behave as one.
export * from '../core/index';
export { checkSites } from './checkSite';
export { createPostWorkerPool, defaultJobs } from './postWorkerPool';
// A post worker thread runs this bundle (postWorkerPool.ts starts it with its own file): this starts its loop there.
import './postWorker';
