// The public surface of the core. Nothing here imports `vscode`.
export { createPostcraftService, PostcraftService, type PostcraftHost, type FileChange } from './service';
export type { Finding, Fix, TextEdit, Severity, FindingCode } from './checks/finding';
export { findingCodes } from './checks/finding';
export type { CheckOptions } from './checks/runChecks';
export type { Site } from './site/site';
export type { SiteFileSystem } from './host/fileSystem';
export { nodeFileSystem } from './host/nodeFileSystem';
export { noCancellation, CancelledError, type CancellationToken } from './host/cancellation';
export type { Logger } from './host/logger';
export type { Position, Range } from './text/lineIndex';
export { toSitePath } from './text/paths';
export type { CompletionEntry } from './features/completions';
export type { HoverInfo } from './features/hover';
export type { DocumentLink } from './features/documentLinks';
