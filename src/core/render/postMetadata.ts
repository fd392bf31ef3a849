import { valuesOf } from '../frontmatter/values';
import type { ParsedPost } from '../post/parsedPost';
import { guessedFrontmatterImages, isImageKey, postImageFields } from '../post/frontmatterImages';
import { isImagePath } from '../site/fileSet';
import type { Site } from '../site/site';
import { basename } from '../text/paths';
import type { ImageSource, ImageSources } from './imageSources';

/** What the header card shows, read from the frontmatter and looked up in the site. */
export interface PostMetadata {
  readonly title: string | undefined;
  readonly date: PostDate | undefined;
  readonly authors: readonly PostAuthor[];
  readonly tags: readonly PostTag[];
  readonly draft: boolean;
  readonly cover: ImageSource | undefined;
}

export interface PostDate {
  /** The calendar date as written (`YYYY-MM-DD`), for `<time datetime>` and the webview's locale format. */
  readonly iso: string;
  /** What to show before (or without) locale formatting. */
  readonly display: string;
}

export interface PostAuthor {
  readonly name: string;
  /** In the site's author registry. */
  readonly known: boolean;
  readonly avatar: ImageSource | undefined;
}

export interface PostTag {
  readonly taxonomy: string;
  readonly name: string;
}

// The keys generators read a post's date from, in the order they prefer them.
const dateKeys = ['date', 'pubDate', 'publishDate', 'publishdate', 'published'];

export function postMetadata(site: Site, post: ParsedPost, images: ImageSources): PostMetadata {
  const data = post.frontmatter?.data ?? {};
  const title = data['title'];
  return {
    title: typeof title === 'string' || typeof title === 'number' ? String(title) : undefined,
    date: postDate(data, post.path),
    authors: site.config.authorKeys.flatMap((key) => listOf(data[key])).flatMap((value) => authorOf(site, post, value, images)),
    tags: site.config.tagKeys.flatMap((taxonomy) => listOf(data[taxonomy]).filter(isText).map((name) => ({ taxonomy, name: String(name) }))),
    draft: data['draft'] === true || data['draft'] === 'true' || data['published'] === false || post.path.includes('/_drafts/'),
    cover: coverOf(site, post, images),
  };
}

function postDate(data: Record<string, unknown>, path: string): PostDate | undefined {
  for (const key of dateKeys) {
    const value = data[key];
    // TOML dates arrive as Date objects (whose ISO form may be a bare time), YAML ones as text.
    const written = value instanceof Date ? (Number.isNaN(value.getTime()) ? undefined : value.toISOString()) : typeof value === 'string' ? value.trim() : undefined;
    if (!written) continue;
    const calendarDate = /^\d{4}-\d{2}-\d{2}/.exec(written)?.[0];
    return calendarDate ? { iso: calendarDate, display: calendarDate } : { iso: '', display: written };
  }
  // Jekyll, Docusaurus and Eleventy take the date from a `2024-01-15-title.md` file name.
  const fromName = /^(\d{4}-\d{2}-\d{2})-/.exec(basename(path))?.[1];
  return fromName ? { iso: fromName, display: fromName } : undefined;
}

/** A registry id (or name) from the post, or Docusaurus's inline `{ name, image_url }`. */
function authorOf(site: Site, post: ParsedPost, value: unknown, images: ImageSources): PostAuthor[] {
  if (isText(value)) {
    const written = String(value);
    const author = site.findAuthor(written);
    if (!author) return [{ name: written, known: false, avatar: undefined }];
    return [{ name: author.name ?? author.id, known: true, avatar: author.avatar ? avatarOf(images, author.avatar, author.definedAt.file) : undefined }];
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const name = [record['name'], record['key']].find(isText);
    const avatar = [record['image_url'], record['imageURL'], record['avatar'], record['image']].find(isText);
    if (name === undefined) return [];
    return [{ name: String(name), known: true, avatar: avatar === undefined ? undefined : avatarOf(images, String(avatar), post.path) }];
  }
  return [];
}

/** Avatars are relative to the author's page or, most often, site-root paths written without the slash. */
function avatarOf(images: ImageSources, written: string, definedIn: string): ImageSource {
  const beside = images.resolve(written, definedIn);
  if (beside.kind === 'shown' || beside.problem !== 'missing' || written.startsWith('/')) return beside;
  const fromRoot = images.resolve(`/${written}`, definedIn);
  return fromRoot.kind === 'shown' ? fromRoot : beside;
}

/** The first value of the site's image fields that names an image, else of a key named like one (`thumbnail`, `hero`). */
function coverOf(site: Site, post: ParsedPost, images: ImageSources): ImageSource | undefined {
  const { imageFields, strings } = postImageFields(site.config, post.path);
  for (const { node } of valuesOf(post, imageFields)) {
    if (typeof node.value !== 'string') continue;
    const written = node.value.trim();
    if (/^(?:https?:)?\/\//i.test(written) || isImagePath(written.replace(/[?#].*$/, ''))) return images.resolve(written, post.path);
  }
  const guessed = guessedFrontmatterImages(post, imageFields, strings).find((image) => isImageKey(image.key, imageFields));
  return guessed && images.resolve(guessed.raw, post.path);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function isText(value: unknown): value is string | number {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}
