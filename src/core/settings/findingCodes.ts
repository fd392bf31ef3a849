export type Severity = 'error' | 'warning' | 'info';

/** Stable codes: users configure them, docs link to them, code actions read them back. */
export const findingCodes = [
  'broken-image',
  'image-case',
  'image-outside-site',
  'broken-link',
  'broken-anchor',
  'unknown-author',
  'unknown-tag',
  'tag-typo',
  'tag-variant',
  'schema',
  'yaml-syntax',
  'toml-syntax',
  'json-syntax',
  'duplicate-key',
  'frontmatter-unclosed',
  'unreadable-file',
  'unused-disable',
  'duplicate-url',
  'missing-alt',
  'heavy-image',
] as const;

export type FindingCode = (typeof findingCodes)[number];
