// Types for the unit tests of lazyChunks.mjs (scripts/ is plain JavaScript, outside the type-checked tree).
export const lazyChunkNames: readonly string[];
