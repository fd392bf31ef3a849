import * as vscode from 'vscode';
import { z } from 'zod';
import { findingCodes, type CheckOptions } from '../core/index';

const severity = z.enum(['error', 'warning', 'info', 'off']);

/** Every Postcraft setting, read and validated in this one place; bad values fall back to defaults. */
const settingsSchema = z.object({
  validateEnabled: z.boolean().catch(true),
  validateWorkspace: z.boolean().catch(true),
  intervalMs: z.number().int().min(0).max(5000).catch(150),
  checks: z.partialRecord(z.enum(findingCodes), severity).catch({}),
});

export type PostcraftSettings = z.infer<typeof settingsSchema>;

export function readSettings(): PostcraftSettings {
  const config = vscode.workspace.getConfiguration('postcraft');
  return settingsSchema.parse({
    validateEnabled: config.get('validate.enabled'),
    validateWorkspace: config.get('validate.workspace'),
    intervalMs: config.get('validate.intervalMs'),
    checks: config.get('checks'),
  });
}

export function checkOptions(settings: PostcraftSettings): CheckOptions {
  return { severities: settings.checks };
}
