/**
 * JavaScript and TypeScript site configs are read as text, never executed: a workspace may be
 * untrusted. These helpers find the few literal settings Postcraft needs.
 */
export function stringLiteralSetting(source: string, key: string): string | undefined {
  const match = new RegExp(`\\b${key}\\s*:\\s*(['"\`])([^'"\`]*)\\1`).exec(source);
  return match?.[2];
}

/** All string values of `key:` in the source, in order (e.g. every plugin's `path:`). */
export function allStringLiteralSettings(source: string, key: string): string[] {
  return [...source.matchAll(new RegExp(`\\b${key}\\s*:\\s*(['"\`])([^'"\`]*)\\1`, 'g'))].map((match) => match[2]!);
}
