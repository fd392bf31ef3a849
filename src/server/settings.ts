import { readEditorSettings, type EditorSettings } from '../core/index';

/** The `postcraft` settings section: the same settings as the extension's `postcraft.*`, read by the core. */
export type ServerSettings = EditorSettings;

export const defaultSettings: ServerSettings = readEditorSettings(() => undefined);

/**
 * Settings from what a client sends for the `postcraft` section: nested objects
 * (`{ validate: { enabled: false } }`, as VS Code and most clients send them) or dotted keys
 * (`{ "validate.enabled": false }`, as some clients pass a settings file through unchanged).
 */
export function parseSettings(section: unknown): ServerSettings {
  const raw = isRecord(section) ? section : {};
  return readEditorSettings((key) => {
    const nested = key.split('.').reduce<unknown>((value, part) => (isRecord(value) ? value[part] : undefined), raw);
    return nested !== undefined ? nested : raw[key];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
