/**
 * Optimal-string-alignment Damerau–Levenshtein distance (a swap of two neighbours counts 1, so
 * `kuberentes` → `kubernetes` is 1). Returns `max + 1` as soon as the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

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

/** The best matches for `word` among `candidates` within the typo budget, closest first. */
export function closestMatches(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  const budget = Math.max(typoBudget(lower.length), 1);
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    const distance = candidateLower === lower ? 0 : variantKey(candidate) === variantKey(word) ? 0.5 : editDistance(lower, candidateLower, budget);
    if (distance <= budget && candidate !== word) scored.push({ candidate, distance });
  }
  return scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate)).slice(0, limit).map((entry) => entry.candidate);
}
