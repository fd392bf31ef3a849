import * as z from '../schema/zod';
import { findingCodes } from './findingCodes';

// Apart from siteSettings.ts, which every start reads: the schema is built with zod, which the extension's
// bundle loads on first use (scripts/lazyChunks.mjs), here when a site has a postcraft.config.json.

const severitySetting = z.enum(['error', 'warning', 'info', 'off']);
// A length limit in characters; -1 turns it off (as Front Matter CMS's `seoTitleLength`).
const seoLimit = z.int().check(z.gte(-1));

/** The per-site file `postcraft.config.json`; `schemas/postcraft.config.schema.json` mirrors it. */
export const siteSettingsSchema = z.strictObject({
  $schema: z.optional(z.string()),
  checks: z.optional(z.partialRecord(z.enum(findingCodes), severitySetting)),
  requiredFields: z.optional(z.array(z.string())),
  imageFields: z.optional(z.array(z.string())),
  allowedTags: z.optional(z.array(z.string())),
  ignore: z.optional(z.array(z.string())),
  newPostTemplate: z.optional(z.string()),
  heavyImageKB: z.optional(z.number().check(z.minimum(1))),
  seo: z.optional(
    z.strictObject({
      titleLength: z.optional(seoLimit),
      descriptionLength: z.optional(seoLimit),
      slugLength: z.optional(seoLimit),
      wordsPerMinute: z.optional(z.int().check(z.positive())),
    }),
  ),
});

export type SeveritySetting = z.infer<typeof severitySetting>;
