/** Splits `text` at the `$$CURSOR$$` marker: the text without it, and the cursor's offset. */
export function atCursor(text: string): { text: string; offset: number } {
  const offset = text.indexOf('$$CURSOR$$');
  if (offset < 0) throw new Error('no $$CURSOR$$ in the text');
  return { text: text.replace('$$CURSOR$$', ''), offset };
}
