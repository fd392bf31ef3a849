import * as z from './zod';
import type { GeneratorId } from '../site/model';

/** Date strings the generators read: YYYY-MM-DD with an optional time and zone (Hugo, Jekyll, Astro). */
const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isReadableDate(value: string): boolean {
  const match = isoDate.exec(value.trim());
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dateValue = z.union([z.date(), z.string().check(z.refine(isReadableDate, { error: 'not a date the generator can read; write it as 2024-06-05 or 2024-06-05T09:30:00+02:00' }))]);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const listOrOne = z.union([scalar, z.array(scalar)], { error: 'expected a list of names (or one name)' });
// Go's strconv.ParseBool, which Hugo uses for string values.
const boolLike = z.union([z.boolean(), z.enum(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'])], { error: 'expected true or false' });
const docusaurusAuthor = z.union([z.string(), z.looseObject({ name: z.optional(z.string()), key: z.optional(z.string()) })]);

const common = {
  title: z.optional(scalar),
  date: z.optional(dateValue),
  lastmod: z.optional(dateValue),
  publishDate: z.optional(dateValue),
  expiryDate: z.optional(dateValue),
  draft: z.optional(boolLike),
  tags: z.optional(listOrOne),
  categories: z.optional(listOrOne),
};

/** The frontmatter each generator understands; unknown keys are the site's own and pass. */
export const frontmatterSchemas: Record<GeneratorId, z.ZodMiniType> = {
  hugo: z.looseObject({ ...common, weight: z.optional(z.number({ error: 'expected a number' })), aliases: z.optional(listOrOne) }),
  jekyll: z.looseObject({ ...common, published: z.optional(z.boolean({ error: 'expected true or false' })), permalink: z.optional(z.string()) }),
  docusaurus: z.looseObject({ ...common, authors: z.optional(z.union([docusaurusAuthor, z.array(docusaurusAuthor)])), slug: z.optional(z.string()), unlisted: z.optional(z.boolean()) }),
  astro: z.looseObject({ ...common, pubDate: z.optional(dateValue), updatedDate: z.optional(dateValue) }),
  // Eleventy also takes these words for a date, filled in from the file or git history.
  eleventy: z.looseObject({ ...common, date: z.optional(z.union([dateValue, z.enum(['Last Modified', 'Created', 'git Last Modified', 'git Created'])])), permalink: z.optional(z.union([z.string(), z.boolean()])), layout: z.optional(z.string()) }),
  markdown: z.looseObject(common),
};

/** Date-like keys whose value a quick fix can rewrite to ISO form. */
export const dateKeys = ['date', 'lastmod', 'publishDate', 'expiryDate', 'pubDate', 'updatedDate'];
