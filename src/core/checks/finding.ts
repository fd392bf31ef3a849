import type { Range } from '../text/lineIndex';

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
] as const;

export type FindingCode = (typeof findingCodes)[number];

export interface TextEdit {
  readonly file: string;
  readonly range: Range;
  readonly newText: string;
}

/** A fix as data: the editor turns it into a WorkspaceEdit, the CLI prints it. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** A file to create (e.g. a stub author page), never overwriting an existing one. */
  readonly createFile?: { readonly path: string; readonly content: string };
  readonly isPreferred?: boolean;
}

export interface Finding {
  readonly file: string;
  readonly range: Range;
  readonly severity: Severity;
  readonly code: FindingCode;
  readonly message: string;
  readonly fixes: readonly Fix[];
  /** Other places the finding involves (the first of two duplicate keys). */
  readonly related?: readonly { readonly file: string; readonly range: Range; readonly message: string }[];
}
