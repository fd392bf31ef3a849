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
  'omitted-html',
  'heavy-image',
  'seo-title-length',
  'seo-description',
] as const;

export type FindingCode = (typeof findingCodes)[number];

/** Advice, not mistakes: off until the site's file or the editor gives them a severity. */
export const offByDefault: ReadonlySet<FindingCode> = new Set<FindingCode>(['seo-title-length', 'seo-description']);
