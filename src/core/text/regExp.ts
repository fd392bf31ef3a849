/** `text` as a regular expression that matches it literally (`a.b` → `a\.b`); `/` needs no escape in `new RegExp`. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
