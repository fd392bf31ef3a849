// The public surface of the core: the service, the plain data it takes and returns, and small pure helpers
// (paths, finding codes). Nothing here imports `vscode` or Node. Fronts (src/vscode, src/cli) import the
// core only from here and from render/index.ts (the preview renderer); test/unit/layering.test.ts checks it.
export {
  createPostcraftService,
  PostcraftService,
  type PostcraftHost,
  type FileChange,
  type SiteSummary,
  type SiteStatus,
  type PostsOverview,
  type SiteCheckProgress,
  type WarmOpen,
} from './service';
// Indexing a large site's posts on other threads: the seam, and the worker's end (src/cli/postWorker.ts).
export { loadSiteForWorker, indexPostsHere, type PostWorkers, type SiteRecipe, type IndexedPost } from './service/postWorkers';
export { checkWithCache, readCheckCache, type CheckCache, type CachedCheckResult } from './cache/checkCache';
export { recordingFileSystem, snapshotOfRun } from './cache/runSnapshot';
export { keptFindings } from './cache/keptFindings';
export { CheckScheduler, checksWholeWorkspace, type CheckSchedulerHost, type ScheduledDocument, type FindingsUpdate, type WholeCheckRequest, type SiteCheckTotals } from './service/checkScheduler';
export { checkOptionsOf } from './checks/runChecks';
export { noCancellation, CancelledError, type CancellationToken } from './host/cancellation';
export { silentLogger, type Logger } from './host/logger';
export type { Position, Range } from './text/lineIndex';
export { sitePathOfUri, uriOfSitePath, uriPartsOfSitePath, parseUri, formatUri, type UriParts } from './text/uris';
export type { EditorDocument } from './text/editorDocument';
export type { CompletionEntry } from './features/completions';
export type { HoverInfo } from './features/hover';
export { wordsAndReadingTime, lengthAgainstLimit, isOverLimit, type SeoFacts, type LengthFact } from './site/seoFacts';
export type { DocumentLink } from './features/documentLinks';
export type { NewPostPlan, NewPostRequest } from './features/newPost';
export type { OffsetEdit } from './features/frontmatterEdits';
export type { OpenText } from './features/renameTag';
export type { LinkDestination } from './features/linkNavigation';
export type { PathMove, MoveOptions } from './features/linkUpdates';
export type { Backlink } from './features/backlinks';
export type { TagCluster } from './features/tagClusters';
export type { ChosenDestination, ImageInsertion } from './features/imagePlacement';
export { safeFixes, maxFixPasses, type FixAllResult, type AppliedFix } from './features/fixAll';
export { rewritableText, defaultMaxPostBytes, type RewritableText } from './post/decodeText';
export { siteMarkerNames } from './site/detect';
export { configuredImageDestination, type ImageDestinationRules } from './features/imageDestination';
export { isImagePath } from './text/fileKinds';
// The `postcraft.*` settings, read alike by every front. (zod stays inside the core: re-exported as a
// namespace, it would bring all of zod's locales into every bundle.)
export { readEditorSettings, readPreviewSettings, type EditorSettings, type PreviewSettings } from './settings/editorSettings';
// Findings as plain data, their messages as templates the fronts translate (l10n/message.ts says how a
// message is added), paths, and the CLI's run snapshot: the light surface, importable alone.
export * from './results';
