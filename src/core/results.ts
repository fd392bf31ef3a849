// The core's light surface: what a front needs to show findings it did not compute itself (the CLI's
// answer from the last run's snapshot) without loading the checks, the site model and their parsers:
// the findings' plain data, their messages, paths, and the snapshot. core/index.ts re-exports it all.
export type { Finding, Fix, TextEdit, Severity, FindingCode } from './checks/finding';
export { findingCodes } from './checks/finding';
export type { CheckOptions } from './checks/runChecks';
export { checkOptionsKey } from './checks/checkOptionsKey';
export type { CheckedSite } from './cache/checkCache';
export type { SiteFileSystem, FileStat, DirectoryEntry } from './host/fileSystem';
export { basename, isInside, relativePath, toSitePath } from './text/paths';
export { formatMessage, localize, english, msg, type Message, type Translate } from './l10n/message';
export { readRunSnapshot, reportFromSnapshot, type RunSnapshot } from './cache/runSnapshot';
export { runFileSystem, type RunFileSystem, type StatMany } from './cache/runFileSystem';
