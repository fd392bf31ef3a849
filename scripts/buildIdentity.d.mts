// Types for the unit tests of buildIdentity.mjs (scripts/ is plain JavaScript, outside the type-checked tree).
export function buildIdentity(root: string): string;
