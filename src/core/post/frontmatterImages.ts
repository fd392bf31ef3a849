import type { FieldValue } from '../frontmatter/model';
import { innerRange } from '../frontmatter/values';
import { isImagePath } from '../text/fileKinds';
import type { ParsedPost } from './parsedPost';
import { msg, type Message } from '../l10n/message';
import { relativePath } from '../text/paths';
import type { PostDialect, SchemaFields } from './dialect';

/** Text in a post that Postcraft guesses names an image, and why, for the message. */
export interface GuessedImageText {
  readonly raw: string;
  /** Offset of `raw` in the post (for frontmatter) or in the body (for template tags). */
  readonly start: number;
  readonly guess: Message;
}

export interface GuessedFrontmatterImage extends GuessedImageText {
  /** The key, dotted below a map (`og.image`). */
  readonly key: string;
}

export interface PostImageFields {
  readonly imageFields: readonly string[];
  /** Fields a schema declares as plain strings, lower case: a relative value is the site's code's to place. */
  readonly strings: ReadonlySet<string>;
}

/** What the schema of the post at `path` declares, where the site has one Postcraft can read (`PostDialect.schemaFields`). */
export function declaredSchemaFields(config: Partial<Pick<PostDialect, 'root' | 'schemaFields'>>, path: string): SchemaFields | undefined {
  const below = config.schemaFields && config.root !== undefined ? relativePath(config.root, path) : undefined;
  return below === undefined ? undefined : config.schemaFields!.find((fields) => fields.matches.test(below));
}

/**
 * The image fields of the post at `path`: the site's, or where a schema declares its frontmatter
 * (`PostDialect.schemaFields`), the site's less the fields declared as strings, plus those declared as images.
 */
export function postImageFields(config: Pick<PostDialect, 'imageFields'> & Partial<Pick<PostDialect, 'root' | 'schemaFields'>>, path: string): PostImageFields {
  const declared = declaredSchemaFields(config, path);
  if (!declared) return { imageFields: config.imageFields, strings: noStrings };
  // Once per collection and list of site fields, so that `knownKeys` is computed once too.
  const known = declaredFieldsOf.get(declared);
  if (known?.base === config.imageFields) return known.fields;
  const strings = new Set(declared.strings.map((key) => key.toLowerCase()));
  const imageFields = [...new Set([...config.imageFields.filter((key) => !strings.has(key.toLowerCase())), ...declared.images])];
  const fields = { imageFields, strings };
  declaredFieldsOf.set(declared, { base: config.imageFields, fields });
  return fields;
}

const noStrings: ReadonlySet<string> = new Set();
const declaredFieldsOf = new WeakMap<SchemaFields, { readonly base: readonly string[]; readonly fields: PostImageFields }>();

/**
 * Frontmatter strings under keys the site's image fields do not list (`twitter_image`, `og.image`,
 * `gallery: [a.png]`) whose value is a path to an image file: themes read such site-specific keys as
 * page images. A value with blanks or glob characters (Hugo `resources: - src: "images/*.jpg"`) is
 * left alone: more likely text or a pattern than a path. So is a relative value of a field a schema
 * declares as a string (`strings`): the site's code decides where it points (`/projects/${id}/${image}`).
 */
export function guessedFrontmatterImages(post: ParsedPost, imageFields: readonly string[], strings: ReadonlySet<string> = noStrings): GuessedFrontmatterImage[] {
  const fields = post.frontmatter?.fields;
  if (!fields || fields.length === 0) return [];
  const known = knownKeys(imageFields);
  const found: GuessedFrontmatterImage[] = [];
  const visit = (value: FieldValue | undefined, key: string, depth: number): void => {
    if (!value || depth > 8 || known.has(key.toLowerCase())) return;
    if (value.kind === 'list') for (const item of value.items) visit(item, key, depth + 1);
    else if (value.kind === 'map') for (const field of value.fields) visit(field.value, `${key}.${field.key}`, depth + 1);
    else if (typeof value.value === 'string' && looksLikeImagePath(value.value) && (value.value.startsWith('/') || !strings.has(key.toLowerCase()))) {
      const range = innerRange(value);
      const guess = msg('in frontmatter field "{0}", which is not a known image field; Postcraft guesses its value is an image path', key);
      found.push({ raw: post.text.slice(range.start, range.end), key, start: range.start, guess });
    }
  };
  for (const field of fields) visit(field.value, field.key, 0);
  return found;
}

const knownKeysOf = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The image fields in lower case, once per site rather than once per post. */
function knownKeys(imageFields: readonly string[]): ReadonlySet<string> {
  let known = knownKeysOf.get(imageFields);
  if (!known) knownKeysOf.set(imageFields, (known = new Set(imageFields.map((key) => key.toLowerCase()))));
  return known;
}

function looksLikeImagePath(value: string): boolean {
  // Most values (titles, tags, dates) have no dot in their last five characters: the cheap test first.
  const dot = value.lastIndexOf('.');
  if (dot === -1 || (value.length - dot > 6 && !/[?#]/.test(value))) return false;
  return !/[\s*[\]]/.test(value) && isImagePath(value.replace(/[?#].*$/, ''));
}

/**
 * Whether a frontmatter key is an image field, known or by its name (`thumbnail`, `hero`, `og_image`,
 * `header.teaser`): for the editor's features, which help write the value (completion, the preview's
 * cover), rather than judge it.
 */
export function isImageKey(key: string, imageFields: readonly string[]): boolean {
  return knownKeys(imageFields).has(key.toLowerCase()) || imageLikeName.test(key.slice(key.lastIndexOf('.') + 1));
}

const imageLikeName = /image|img|cover|thumbnail|thumb|hero|banner|photo|picture|poster|teaser|logo|icon|avatar/i;
