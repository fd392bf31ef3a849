// Types for the unit tests of marketplaceReadme.mjs (scripts/ is plain JavaScript, outside the type-checked tree).
export const developerSections: readonly string[];
export function marketplaceReadme(readme: string): string;
