import * as z from '../schema/zod';
import { findingCodes } from './findingCodes';

// The `postcraft.*` settings every front reads (the extension from VS Code's configuration, the language
// server from `workspace/configuration`), validated in this one place: bad values fall back to defaults.

const severity = z.enum(['error', 'warning', 'info', 'off']);

const editorSettingsSchema = z.object({
  validateEnabled: z.catch(z.boolean(), true),
  validateWorkspace: z.catch(z.boolean(), true),
  intervalMs: z.catch(z.int().check(z.minimum(0), z.maximum(5000)), 150),
  checks: z.catch(z.partialRecord(z.enum(findingCodes), severity), {}),
  /** Report suppression comments that silence nothing (`unused-disable`). */
  reportUnusedDisable: z.catch(z.boolean(), false),
  /** When a post or folder is renamed or moved: update links to it after asking (the refactor preview), always, or never. */
  linksUpdateOnRename: z.catch(z.enum(['prompt', 'always', 'never']), 'prompt'),
  /** Hugo: add a moved post's old URL to its `aliases`. */
  linksAddAliasOnMove: z.catch(z.boolean(), false),
});

export type EditorSettings = z.infer<typeof editorSettingsSchema>;

/** The settings, from a lookup by their dotted name below `postcraft.` (`validate.enabled`, `checks`, …). */
export function readEditorSettings(get: (key: string) => unknown): EditorSettings {
  return editorSettingsSchema.parse({
    validateEnabled: get('validate.enabled'),
    validateWorkspace: get('validate.workspace'),
    intervalMs: get('validate.intervalMs'),
    checks: get('checks'),
    reportUnusedDisable: get('validate.reportUnusedDisable'),
    linksUpdateOnRename: get('links.updateOnRename'),
    linksAddAliasOnMove: get('links.addAliasOnMove'),
  });
}

const previewSettingsSchema = z.object({
  allowRemoteImages: z.catch(z.boolean(), false),
  stylesheet: z.pipe(
    z.catch(z.string().check(z.trim()), ''),
    z.transform((value: string) => value || undefined),
  ),
});

export type PreviewSettings = z.infer<typeof previewSettingsSchema>;

/** The `postcraft.preview.*` settings, from a lookup by their name below `postcraft.preview.`. */
export function readPreviewSettings(get: (key: string) => unknown): PreviewSettings {
  return previewSettingsSchema.parse({ allowRemoteImages: get('allowRemoteImages'), stylesheet: get('stylesheet') });
}
