import { findingCodes, type FindingCode } from './findingCodes';
import type { SeveritySetting } from './siteSettings';

// The `postcraft.*` settings every front reads (the extension from VS Code's configuration, the language
// server from `workspace/configuration`), validated in this one place: bad values fall back to defaults.
// Read without zod: the extension reads them at activation, and its bundle loads zod only on first use.

export interface EditorSettings {
  validateEnabled: boolean;
  validateWorkspace: boolean;
  intervalMs: number;
  checks: Partial<Record<FindingCode, SeveritySetting>>;
  /** Report suppression comments that silence nothing (`unused-disable`). */
  reportUnusedDisable: boolean;
  /** When a post or folder is renamed or moved: update links to it after asking (the refactor preview), always, or never. */
  linksUpdateOnRename: 'prompt' | 'always' | 'never';
  /** Hugo: add a moved post's old URL to its `aliases`. */
  linksAddAliasOnMove: boolean;
}

/** The settings, from a lookup by their dotted name below `postcraft.` (`validate.enabled`, `checks`, …). */
export function readEditorSettings(get: (key: string) => unknown): EditorSettings {
  return {
    validateEnabled: orElse(get('validate.enabled'), isBoolean, true),
    validateWorkspace: orElse(get('validate.workspace'), isBoolean, true),
    intervalMs: orElse(get('validate.intervalMs'), (value) => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 5000, 150),
    checks: severities(get('checks')),
    reportUnusedDisable: orElse(get('validate.reportUnusedDisable'), isBoolean, false),
    linksUpdateOnRename: orElse(get('links.updateOnRename'), oneOf(['prompt', 'always', 'never']), 'prompt'),
    linksAddAliasOnMove: orElse(get('links.addAliasOnMove'), isBoolean, false),
  };
}

export interface PreviewSettings {
  allowRemoteImages: boolean;
  stylesheet: string | undefined;
}

/** The `postcraft.preview.*` settings, from a lookup by their name below `postcraft.preview.`. */
export function readPreviewSettings(get: (key: string) => unknown): PreviewSettings {
  const stylesheet = get('stylesheet');
  return { allowRemoteImages: orElse(get('allowRemoteImages'), isBoolean, false), stylesheet: (typeof stylesheet === 'string' && stylesheet.trim()) || undefined };
}

function orElse<T>(value: unknown, valid: (value: unknown) => boolean, fallback: T): T {
  return valid(value) ? (value as T) : fallback;
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

function oneOf<T extends string>(values: readonly T[]): (value: unknown) => value is T {
  return (value): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

const isSeverity = oneOf<SeveritySetting>(['error', 'warning', 'info', 'off']);
const isFindingCode = oneOf<FindingCode>(findingCodes);

/** `postcraft.checks`: an object of finding codes and severities, or, with any other key or value, none. */
function severities(value: unknown): Partial<Record<FindingCode, SeveritySetting>> {
  if (!isPlainObject(value)) return {};
  const entries = Object.entries(value).filter(([key]) => key !== '__proto__');
  return entries.every(([code, severity]) => isFindingCode(code) && isSeverity(severity)) ? Object.fromEntries(entries) : {};
}

/** An object literal's kind of object, as zod's records take (no array, class instance or null). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || prototype === Object.prototype;
}
