/**
 * Optimal-string-alignment Damerau–Levenshtein distance (a swap of two neighbours counts 1, so
 * `kuberentes` → `kubernetes` is 1). Returns `max + 1` as soon as the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  // Three rolling rows, reused across calls: this runs for every pair of similar tags.
  if (rows.length < width * 3) rows = new Int32Array(width * 3 * 2);
  let previous2 = 0;
  let previous = width;
  let current = width * 2;
  for (let j = 0; j < width; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(rows[previous + j]! + 1, rows[current + j - 1]! + 1, rows[previous + j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) value = Math.min(value, rows[previous2 + j - 2]! + 1);
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return rows[previous + b.length]!;
}

let rows = new Int32Array(256);

/** How many edits still read as a typo of a word this long, rather than another word. */
export function typoBudget(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}

/** The spelling-independent form of a tag: case, separators and a plural `s` do not count. */
export function variantKey(tag: string): string {
  return tag
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s_.\-/]+/g, '')
    .replace(/(?<=[a-z]{3})(es|s)$/, '');
}

// The same candidates (a site's slugs, its tags) are weighed against one word after another: their
// variant keys are kept, up to a bound, rather than normalised again for every word.
const variantKeys = new Map<string, string>();

function cachedVariantKey(text: string): string {
  let key = variantKeys.get(text);
  if (key === undefined) {
    if (variantKeys.size >= 100_000) variantKeys.clear();
    variantKeys.set(text, (key = variantKey(text)));
  }
  return key;
}

/** The best matches for `word` among `candidates` within the typo budget, closest first. */
export function closestMatches(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  const wordVariant = variantKey(word);
  const budget = Math.max(typoBudget(lower.length), 1);
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    const distance = candidateLower === lower ? 0 : cachedVariantKey(candidate) === wordVariant ? 0.5 : editDistance(lower, candidateLower, budget);
    if (distance <= budget && candidate !== word) scored.push({ candidate, distance });
  }
  return scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate)).slice(0, limit).map((entry) => entry.candidate);
}

/**
 * `closestMatches` over one fixed list of candidates asked again and again (a site's slugs, weighed
 * against each broken link's): the candidates a word can match are looked up (same variant key, or a
 * lower-cased length within the typo budget, the only ones editDistance does not turn down at once)
 * instead of scanned, then weighed and ordered as `closestMatches` does, in the list's order. Held equal
 * to it by test/unit/similarity.test.ts.
 */
export class CandidateIndex {
  private readonly candidates: string[];
  private readonly lowers: string[];
  private readonly byVariant = new Map<string, number[]>();
  private readonly byLength = new Map<number, number[]>();

  constructor(candidates: Iterable<string>) {
    this.candidates = [...candidates];
    this.lowers = this.candidates.map((candidate) => candidate.toLowerCase());
    this.candidates.forEach((candidate, index) => {
      push(this.byVariant, variantKey(candidate), index);
      push(this.byLength, this.lowers[index]!.length, index);
    });
  }

  closestMatches(word: string, limit = 3): string[] {
    const lower = word.toLowerCase();
    const wordVariant = variantKey(word);
    const budget = Math.max(typoBudget(lower.length), 1);
    const indexes = new Set(this.byVariant.get(wordVariant));
    for (let length = lower.length - budget; length <= lower.length + budget; length++) for (const index of this.byLength.get(length) ?? []) indexes.add(index);
    const scored: { candidate: string; distance: number }[] = [];
    for (const index of [...indexes].sort((a, b) => a - b)) {
      const candidate = this.candidates[index]!;
      const candidateLower = this.lowers[index]!;
      const distance = candidateLower === lower ? 0 : cachedVariantKey(candidate) === wordVariant ? 0.5 : editDistance(lower, candidateLower, budget);
      if (distance <= budget && candidate !== word) scored.push({ candidate, distance });
    }
    return scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate)).slice(0, limit).map((entry) => entry.candidate);
  }
}

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}
