import * as z from './zod';
import type { GeneratorId } from '../post/dialect';
import { eleventyReadsDate, hugoReadsDate, isReadableDate, javaScriptReadsDate, jekyllReadsDate } from './dates';
import { translatable } from '../l10n/message';

export { isReadableDate } from './dates';

const dateMessage = translatable('not a date the generator can read; write it as 2024-06-05 or 2024-06-05T09:30:00+02:00');
// Every schema names its own message: zod's default for a union is a bare "Invalid input".
const dateValue = (reads: (value: string) => boolean) => z.union([z.date(), z.string().check(z.refine(reads, { error: dateMessage }))], { error: dateMessage });
const isoDateValue = dateValue(isReadableDate);
const javaScriptDateValue = z.optional(dateValue(javaScriptReadsDate));
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const text = z.string({ error: translatable('expected text') });
// A title with no value (`title:`, YAML null) is no title, and no type error: Hugo 0.111 gives the page an
// empty title (cast.ToString), Jekyll falls back to its own; a list or table is shown as nothing by Hugo.
const title = z.optional(z.nullable(z.union([z.string(), z.number(), z.boolean()], { error: translatable('expected the title as text; a list or table shows as no title') })));
// An empty list or item (`tags:`, or `- ` while the writer types the next one) is no type error: Jekyll
// drops nil items and nil lists (Utils.pluralized_array_from_hash compacts), Hugo makes no term of them.
const listOrOne = z.nullable(z.union([scalar, z.array(z.nullable(scalar))], { error: translatable('expected a list of names (or one name)') }));

// The YAML reader keeps `yes`/`on`/`off` as strings (YAML 1.2); the generators' parsers read YAML 1.1.
// Hugo 0.111 (gopkg.in/yaml.v2, resolve.go) takes y/yes/on and n/no/off in three letter cases, then casts
// any other value with spf13/cast's ToBool: strconv.ParseBool words and numbers (non-zero is true).
// Checked with `hugo list all`.
const goParseBoolWords = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'] as const;
const boolLike = z.union([z.boolean(), z.enum(goParseBoolWords)], { error: translatable('expected true or false') });
const hugoBool = z.union(
  [
    z.boolean(),
    z.number(),
    z.enum(goParseBoolWords),
    z.enum(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']),
  ],
  { error: translatable('expected true or false') },
);
// Jekyll (Psych's ScalarScanner) takes yes/true/on and no/false/off in any letter case; `y`/`n` stay strings.
const jekyllBool = z.union([z.boolean(), z.string().check(z.regex(/^(?:yes|no|true|false|on|off)$/i, { error: translatable('expected true or false') }))], { error: translatable('expected true or false') });
// Hugo 0.111 reads `weight` with spf13/cast's ToInt: a number, or a string strconv.ParseInt takes ("3", "-2",
// "3.0"); any other string is 0, no weight, without a word. An empty one (`weight: ''`, as Forestry and other
// CMSs write an empty number field) means just that; another word is a weight lost, so it is reported.
const numberMessage = translatable('expected a number');
const hugoWeight = z.union([z.number(), z.string().check(z.regex(/^(?:[+-]?\d+(?:\.0*)?)?$/, { error: numberMessage }))], { error: numberMessage });
const docusaurusAuthor = z.union([z.string(), z.looseObject({ name: z.optional(text), key: z.optional(text) })], { error: translatable('expected an author key from authors.yml, or an author with a name') });

const taxonomies = { tags: z.optional(listOrOne), categories: z.optional(listOrOne) };
const common = {
  title,
  date: z.optional(isoDateValue),
  lastmod: z.optional(isoDateValue),
  publishDate: z.optional(isoDateValue),
  expiryDate: z.optional(isoDateValue),
  draft: z.optional(boolLike),
  ...taxonomies,
};
// Hugo reads front matter keys in any letter case, and these aliases too (pagemeta: pubdate/publishdate,
// modified, unpublishdate); `published: true` is no date to it and is left alone. A key with no value
// (`date:`, `draft:`, `weight:`) is no date, not a draft, weight 0: no error. Checked with hugo list all.
const hugoDateKeys = ['date', 'publishDate', 'pubdate', 'lastmod', 'modified', 'expiryDate', 'unpublishdate'];
const hugoDate = z.optional(z.nullable(dateValue(hugoReadsDate)));
const hugoDates = Object.fromEntries(hugoDateKeys.flatMap((key) => [key, key.toLowerCase(), key[0]!.toUpperCase() + key.slice(1)]).map((key) => [key, hugoDate]));

/** Each key read as a date the way JavaScript's `Date` reads it (`javaScriptReadsDate`). */
function javaScriptDates(keys: readonly string[]) {
  return Object.fromEntries(keys.map((key) => [key, javaScriptDateValue]));
}

/** The frontmatter each generator understands; unknown keys are the site's own and pass. */
export const frontmatterSchemas: Record<GeneratorId, z.ZodMiniType> = {
  hugo: z.looseObject({
    ...common,
    ...hugoDates,
    draft: z.optional(z.nullable(hugoBool)),
    weight: z.optional(z.nullable(hugoWeight)),
    aliases: z.optional(listOrOne),
  }),
  // Jekyll reads `date` only (Document#merge_date!); other date-like keys are the theme's or a plugin's.
  // `date:` with no value stops jekyll 4.3 ("Invalid date ''"), so it stays an error there.
  jekyll: z.looseObject({
    title,
    date: z.optional(dateValue(jekyllReadsDate)),
    published: z.optional(jekyllBool),
    permalink: z.optional(text),
    ...taxonomies,
  }),
  docusaurus: z.looseObject({ ...common, ...javaScriptDates(['date', 'lastmod', 'publishDate', 'expiryDate']), authors: z.optional(z.union([docusaurusAuthor, z.array(docusaurusAuthor)], { error: translatable('expected an author key, an author with a name, or a list of them') })), slug: z.optional(text), unlisted: z.optional(z.boolean({ error: translatable('expected true or false') })) }),
  astro: z.looseObject({ ...common, ...javaScriptDates(['date', 'lastmod', 'publishDate', 'expiryDate', 'pubDate', 'updatedDate']) }),
  // Eleventy also takes these words for a date, filled in from the file or git history.
  eleventy: z.looseObject({
    ...common,
    date: z.optional(z.union([dateValue(eleventyReadsDate), z.enum(['Last Modified', 'Created', 'git Last Modified', 'git Created'])], { error: translatable("not a date the generator can read; write it as 2024-06-05 or 2024-06-05T09:30:00+02:00, or one of Eleventy's words (Last Modified, Created, git Last Modified, git Created)") })),
    // `permalink: null` is no permalink (Template.js reads it with `??`): the page gets its default URL. An object names
    // a URL per build (`{ build: "/x/" }`).
    permalink: z.optional(z.nullable(z.union([z.string(), z.boolean(), z.looseObject({})], { error: translatable('expected the page’s URL as text, or false') }))),
    layout: z.optional(text),
  }),
  markdown: z.looseObject(common),
};

/** Date-like keys whose value a quick fix can rewrite to ISO form. */
export const dateKeys = ['date', 'lastmod', 'publishDate', 'expiryDate', 'pubDate', 'updatedDate', 'publishdate', 'expirydate', 'pubdate', 'modified', 'unpublishdate', 'Date'];
