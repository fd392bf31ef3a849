import * as z from '../core/schema/zod';
import { findingCodes, type CheckOptions } from '../core/index';

const severity = z.enum(['error', 'warning', 'info', 'off']);

/**
 * The `postcraft` settings section, the same settings as the extension's `postcraft.*`, read and
 * validated in this one place; bad values fall back to the defaults.
 */
const settingsSchema = z.object({
  validateEnabled: z.catch(z.boolean(), true),
  validateWorkspace: z.catch(z.boolean(), true),
  intervalMs: z.catch(z.int().check(z.minimum(0), z.maximum(5000)), 150),
  checks: z.catch(z.partialRecord(z.enum(findingCodes), severity), {}),
});

export type ServerSettings = z.infer<typeof settingsSchema>;

export const defaultSettings: ServerSettings = settingsSchema.parse({});

/**
 * Settings from what a client sends for the `postcraft` section: nested objects
 * (`{ validate: { enabled: false } }`, as VS Code and most clients send them) or dotted keys
 * (`{ "validate.enabled": false }`, as some clients pass a settings file through unchanged).
 */
export function parseSettings(section: unknown): ServerSettings {
  const raw = isRecord(section) ? section : {};
  const validate = isRecord(raw.validate) ? raw.validate : {};
  const pick = (nested: unknown, dotted: string) => (nested !== undefined ? nested : raw[dotted]);
  return settingsSchema.parse({
    validateEnabled: pick(validate.enabled, 'validate.enabled'),
    validateWorkspace: pick(validate.workspace, 'validate.workspace'),
    intervalMs: pick(validate.intervalMs, 'validate.intervalMs'),
    checks: raw.checks,
  });
}

/** Whether every post of the workspace gets diagnostics, not only the open ones. */
export function checksWholeWorkspace(settings: ServerSettings): boolean {
  return settings.validateEnabled && settings.validateWorkspace;
}

export function checkOptions(settings: ServerSettings): CheckOptions {
  return { severities: settings.checks };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
