/**
 * A copy of `text` that holds no reference to the string it was cut from. Values read from a post are
 * slices of its text, and V8 keeps the whole text alive for as long as a slice lives: an index that
 * keeps tags and titles (or a memo keyed by them) would keep every post it saw (79 MB for 10,000 posts).
 */
export function detached(text: string): string {
  // Short strings too, though V8 copies a substring under 13 characters rather than point into its parent:
  // returned as they were, they held 2 MB more of the 10,000-post site's model (22.1 against 20.0 MB of
  // heap after indexing), for 20 ms saved on its cold check.
  return JSON.parse(JSON.stringify(text)) as string;
}

const pool = new Map<string, string>();
const maxPooled = 100_000;

/**
 * `detached(text)`, shared: tags and author names repeat across thousands of posts, so each distinct
 * value is copied once (and held once). Emptied when full, so text typed letter by letter cannot grow
 * it without bound.
 */
export function interned(text: string): string {
  let copy = pool.get(text);
  if (copy === undefined) {
    if (pool.size >= maxPooled) pool.clear();
    copy = detached(text);
    pool.set(copy, copy);
  }
  return copy;
}
