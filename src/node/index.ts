// The Node fronts' file systems (the CLI, the desktop extension, the language server, tests and benchmarks).
// The core has none: it compiles without Node (tsconfig.core.json) and reads files only through SiteFileSystem.
export { nodeFileSystem } from './nodeFileSystem';
export { blockingNodeFileSystem, statManyBlocking } from './blockingNodeFileSystem';
export { useLocale, localeOfEnvironment, translate } from './l10n';
