import type { Message } from '../l10n/message';

/** Offsets into the whole post text, half-open. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export type FrontmatterFormat = 'yaml' | 'toml' | 'json';

export type ScalarValue = string | number | boolean | null | Date;

/** A frontmatter value with where it stands in the source, whatever the format. */
export type FieldValue = ScalarNode | ListNode | MapNode;

export interface ScalarNode {
  readonly kind: 'scalar';
  readonly value: ScalarValue;
  readonly range: OffsetRange;
  /** How the source spells it: quoting decides how a fix or completion must write a new value. */
  readonly style: 'plain' | 'single' | 'double' | 'block';
  /** The text between the quotes, where it is not one character in from each end (`'''a'''`, or `["dra` while typing); a one-line block scalar's text after its `>-`. */
  readonly inner?: OffsetRange;
}

export interface ListNode {
  readonly kind: 'list';
  readonly items: FieldValue[];
  readonly range: OffsetRange;
  /** `[a, b]` rather than one `- a` per line. */
  readonly flow: boolean;
}

export interface MapNode {
  readonly kind: 'map';
  readonly fields: Field[];
  readonly range: OffsetRange;
}

export interface Field {
  readonly key: string;
  readonly keyRange: OffsetRange;
  readonly value: FieldValue | undefined;
  /** From the key's start to the value's end. */
  readonly range: OffsetRange;
}

export type FrontmatterProblemCode =
  | 'yaml-syntax'
  | 'toml-syntax'
  | 'json-syntax'
  | 'duplicate-key'
  | 'frontmatter-unclosed';

export interface FrontmatterProblem {
  readonly code: FrontmatterProblemCode;
  /** `info`: text every generator reads, that stricter readers would not. */
  readonly severity: 'error' | 'warning' | 'info';
  /** In English; `l10n` is its template (l10n/message.ts). */
  readonly message: string;
  readonly l10n?: Message;
  readonly range: OffsetRange;
  /** Another place the problem involves (the first definition of a duplicate key). */
  readonly related?: OffsetRange;
  /** A replacement that resolves the problem, when the parser knows one. */
  readonly fix?: { readonly title: Message; readonly range: OffsetRange; readonly newText: string };
}

export interface Frontmatter {
  readonly format: FrontmatterFormat;
  /** The whole block, delimiters included. */
  readonly blockRange: OffsetRange;
  /** The text between the delimiters. */
  readonly contentRange: OffsetRange;
  readonly fields: Field[];
  /** The plain data, as the generator would see it (aliases expanded, within limits). */
  readonly data: Record<string, unknown>;
  readonly problems: FrontmatterProblem[];
  /** Set when Postcraft declined to read the block (over a size or nesting limit): its values are unknown, not missing. */
  readonly unread?: true;
}

export function findField(fields: readonly Field[], ...keys: string[]): Field | undefined {
  // Called for every key of every post: letter case is compared only between names of one length.
  return fields.find(({ key }) => keys.some((wanted) => key === wanted || (key.length === wanted.length && key.toLowerCase() === wanted.toLowerCase())));
}

/** The scalar items of a value: one for a scalar, each scalar for a list. */
export function scalarItems(value: FieldValue | undefined): ScalarNode[] {
  if (!value) return [];
  if (value.kind === 'scalar') return value.value === null || value.value === '' ? [] : [value];
  if (value.kind === 'list') return value.items.filter((item): item is ScalarNode => item.kind === 'scalar');
  return [];
}
