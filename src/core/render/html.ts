const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char]!);
}

/** ` name="value"` for each defined attribute, values escaped. */
export function attributes(values: Readonly<Record<string, string | undefined>>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) if (value !== undefined) out += ` ${name}="${escapeHtml(value)}"`;
  return out;
}

/** Long template text shortened for a placeholder label; the full text stays in the title. */
export function shorten(text: string, max = 160): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
