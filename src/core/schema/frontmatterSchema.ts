import { z } from 'zod';
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

const dateValue = z.union([z.date(), z.string().refine(isReadableDate, { message: 'not a date the generator can read; write it as 2024-06-05 or 2024-06-05T09:30:00+02:00' })]);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const listOrOne = z.union([scalar, z.array(scalar)], { message: 'expected a list of names (or one name)' });
// Go's strconv.ParseBool, which Hugo uses for string values.
const boolLike = z.union([z.boolean(), z.enum(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'])], { message: 'expected true or false' });
const docusaurusAuthor = z.union([z.string(), z.object({ name: z.string().optional(), key: z.string().optional() }).loose()]);

const common = {
  title: scalar.optional(),
  date: dateValue.optional(),
  lastmod: dateValue.optional(),
  publishDate: dateValue.optional(),
  expiryDate: dateValue.optional(),
  draft: boolLike.optional(),
  tags: listOrOne.optional(),
  categories: listOrOne.optional(),
};

/** The frontmatter each generator understands; unknown keys are the site's own and pass. */
export const frontmatterSchemas: Record<GeneratorId, z.ZodType> = {
  hugo: z.object({ ...common, weight: z.number({ message: 'expected a number' }).optional(), aliases: listOrOne.optional() }).loose(),
  jekyll: z.object({ ...common, published: z.boolean({ message: 'expected true or false' }).optional(), permalink: z.string().optional() }).loose(),
  docusaurus: z.object({ ...common, authors: z.union([docusaurusAuthor, z.array(docusaurusAuthor)]).optional(), slug: z.string().optional(), unlisted: z.boolean().optional() }).loose(),
  astro: z.object({ ...common, pubDate: dateValue.optional(), updatedDate: dateValue.optional() }).loose(),
  // Eleventy also takes these words for a date, filled in from the file or git history.
  eleventy: z.object({ ...common, date: z.union([dateValue, z.enum(['Last Modified', 'Created', 'git Last Modified', 'git Created'])]).optional(), permalink: z.union([z.string(), z.boolean()]).optional(), layout: z.string().optional() }).loose(),
  markdown: z.object(common).loose(),
};

/** Date-like keys whose value a quick fix can rewrite to ISO form. */
export const dateKeys = ['date', 'lastmod', 'publishDate', 'expiryDate', 'pubDate', 'updatedDate'];
