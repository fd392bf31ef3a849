/**
 * The shape of the one edit between a word and a misspelling of it. Real typos have typical shapes
 * (two neighbours swapped, a key pressed twice or missed, the key beside the right one), while two
 * distinct words one edit apart usually differ otherwise (`Xcode`/`code`: a letter added in front).
 */
export type EditKind = 'transposed' | 'doubled' | 'undoubled' | 'inserted' | 'dropped' | 'substituted';

export interface SingleEdit {
  readonly kind: EditKind;
  /** Where the edit is, as an index into the intended word: 0 is its first letter. */
  readonly at: number;
  /** Whether it is at the intended word's end (a letter added or missing after the last one). */
  readonly atEnd: boolean;
  /** A substituted or inserted character is on a key beside the intended one (or beside a neighbour). */
  readonly nearKey: boolean;
}

/** The single edit that turns `intended` into `written` (both in one case), or undefined if it takes none or more. */
export function singleEdit(intended: string, written: string): SingleEdit | undefined {
  let prefix = 0;
  const shorter = Math.min(intended.length, written.length);
  while (prefix < shorter && intended[prefix] === written[prefix]) prefix++;
  const edit = (kind: EditKind, nearKey = false): SingleEdit => ({ kind, at: prefix, atEnd: prefix >= intended.length - (kind === 'dropped' || kind === 'undoubled' ? 1 : 0), nearKey });
  if (intended.length === written.length) {
    if (prefix === intended.length) return undefined;
    if (intended.slice(prefix + 1) === written.slice(prefix + 1)) return edit('substituted', keysAdjacent(intended[prefix]!, written[prefix]!));
    const swapped = intended[prefix] === written[prefix + 1] && intended[prefix + 1] === written[prefix];
    return swapped && intended.slice(prefix + 2) === written.slice(prefix + 2) ? edit('transposed') : undefined;
  }
  if (written.length === intended.length + 1) {
    if (written.slice(prefix + 1) !== intended.slice(prefix)) return undefined;
    const added = written[prefix]!;
    // The prefix is the longest shared one, so a doubled letter repeats the one before it.
    if (prefix > 0 && added === intended[prefix - 1]) return edit('doubled');
    return edit('inserted', (prefix > 0 && keysAdjacent(added, intended[prefix - 1]!)) || (prefix < intended.length && keysAdjacent(added, intended[prefix]!)));
  }
  if (written.length === intended.length - 1) {
    if (intended.slice(prefix + 1) !== written.slice(prefix)) return undefined;
    return edit(prefix > 0 && intended[prefix] === intended[prefix - 1] ? 'undoubled' : 'dropped');
  }
  return undefined;
}

// A QWERTY keyboard: each row's letters and how far the row is shifted right, in keys.
const rows: readonly (readonly [string, number])[] = [
  ['qwertyuiop', 0],
  ['asdfghjkl', 0.25],
  ['zxcvbnm', 0.75],
];
const keyPositions = new Map<string, { row: number; x: number }>();
rows.forEach(([letters, shift], row) => [...letters].forEach((letter, column) => keyPositions.set(letter, { row, x: column + shift })));

/** Two letters on touching keys (same row side by side, or the rows above and below), on QWERTY. */
export function keysAdjacent(a: string, b: string): boolean {
  const first = keyPositions.get(a);
  const second = keyPositions.get(b);
  if (!first || !second || a === b) return false;
  return Math.abs(first.row - second.row) <= 1 && Math.abs(first.x - second.x) <= 1;
}
