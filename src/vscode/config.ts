import * as vscode from 'vscode';
import { findingCodes, z, type CheckOptions } from '../core/index';

const severity = z.enum(['error', 'warning', 'info', 'off']);

/** Every Postcraft setting, read and validated in this one place; bad values fall back to defaults. */
const settingsSchema = z.object({
  validateEnabled: z.catch(z.boolean(), true),
  validateWorkspace: z.catch(z.boolean(), true),
  intervalMs: z.catch(z.int().check(z.minimum(0), z.maximum(5000)), 150),
  checks: z.catch(z.partialRecord(z.enum(findingCodes), severity), {}),
  /** When a post or folder is renamed or moved: update links to it after asking (the refactor preview), always, or never. */
  linksUpdateOnRename: z.catch(z.enum(['prompt', 'always', 'never']), 'prompt'),
  /** Hugo: add a moved post's old URL to its `aliases`. */
  linksAddAliasOnMove: z.catch(z.boolean(), false),
});

export type PostcraftSettings = z.infer<typeof settingsSchema>;

export function readSettings(): PostcraftSettings {
  const config = vscode.workspace.getConfiguration('postcraft');
  return settingsSchema.parse({
    validateEnabled: config.get('validate.enabled'),
    validateWorkspace: config.get('validate.workspace'),
    intervalMs: config.get('validate.intervalMs'),
    checks: config.get('checks'),
    linksUpdateOnRename: config.get('links.updateOnRename'),
    linksAddAliasOnMove: config.get('links.addAliasOnMove'),
  });
}

/** Whether every post of the workspace gets diagnostics, not only the open ones. */
export function checksWholeWorkspace(settings: PostcraftSettings): boolean {
  return settings.validateEnabled && settings.validateWorkspace;
}

export function checkOptions(settings: PostcraftSettings): CheckOptions {
  return { severities: settings.checks };
}
