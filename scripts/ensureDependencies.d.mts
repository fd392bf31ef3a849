// Types for the unit tests of ensureDependencies.mjs (scripts/ is plain JavaScript, outside the type-checked tree).
export function installedMatchesLockfile(root?: string): boolean;
export function ensureDependencies(): void;
export function build(...flags: string[]): void;
