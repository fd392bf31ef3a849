import { referenceFor } from '../site/imageResolution';
import { relativeFilePath } from '../site/linkText';
import type { Site } from '../site/site';
import { basename, dirname, extname, isInside, joinPath, normalizePath, relativePath } from '../text/paths';
import { postSubpath } from '../post/mediaSubpath';
import type { ParsedPost } from '../post/parsedPost';
import { formatGoTime } from './goTemplate';

export interface ImagePlacement {
  /** Where the image file is copied. */
  readonly destination: string;
  /** How the post refers to it, in a form the generator resolves. */
  readonly reference: string;
}

/**
 * Where a new image for `postPath` goes, the way the site keeps its images: beside a page bundle's
 * index, else in the folder most of the site's images live in by the same rule (Hugo `assets/…/YYYY/MM`
 * when the site does that), else the generator's usual public folder.
 */
export function placeImage(site: Site, postPath: string, fileName: string, date = new Date(), chosen?: ChosenDestination): ImagePlacement | undefined {
  const name = basename(fileName).replace(/[^\w.\-]+/g, '-');
  const postDir = dirname(postPath);
  // The writer's own rule (`postcraft.images.destination`) wins inside the site; a link the generator
  // does not resolve is written relative to the post, and the broken-image check says so if it breaks.
  const wanted = chosen?.(name);
  if (wanted && isInside(site.root, wanted) && wanted !== site.root) {
    return { destination: wanted, reference: referenceFor(site.profile, site.config, postPath, wanted, false) ?? relativeFilePath(postDir, wanted) };
  }
  const isBundle = /^index\.mdx?$/.test(basename(postPath));
  const candidates: string[] = [];
  if (isBundle || site.profile.images.besidePost === 'always') candidates.push(joinPath(postDir, name));
  const assetDir = site.config.assetDirs[0];
  if (assetDir && [...site.files.imageFiles()].some((image) => image.startsWith(`${assetDir}/`))) {
    const section = postPath.slice((site.config.contentDirs[0] ?? site.root).length + 1).split('/')[0] ?? '';
    const dated = [...site.files.imageFiles()].some((image) => /\/\d{4}\/\d{2}\//.test(image));
    candidates.push(joinPath(assetDir, section, dated ? formatGoTime(date, '2006/01') : '', name));
  }
  const publicDir = site.config.publicDirs[0] ?? site.root;
  const publicImages = site.profile.images.publicFolder;
  candidates.push(joinPath(publicDir, publicImages, name));
  for (const destination of candidates) {
    const reference = referenceFor(site.profile, site.config, postPath, destination, false);
    if (reference) return { destination, reference };
  }
  return undefined;
}

/** Where the writer wants a new image of this name to go (a site path), if they said so. */
export type ChosenDestination = (fileName: string) => string | undefined;

export interface ImageInsertion {
  /** How the post refers to the image. */
  readonly reference: string;
  /** Where the image must be copied first; absent when the site already resolves it where it is. */
  readonly copyTo?: string;
}

/**
 * How a post takes an image the writer drops or pastes: a file of the site that the post can already
 * refer to is used where it is; any other file, or pasted data (which has only a name), is copied where
 * `placeImage` puts new images, under a name that neither the site nor `taken` (the other images of
 * the same drop) holds yet, so nothing is ever overwritten.
 */
export function planImageInsertion(site: Site, postPath: string, image: { readonly name: string; readonly path?: string | undefined }, taken: ReadonlySet<string> = new Set(), date = new Date(), chosen?: ChosenDestination, post?: ParsedPost): ImageInsertion | undefined {
  if (image.path && isInside(site.root, image.path) && site.files.has(image.path)) {
    const reference = referenceFor(site.profile, site.config, postPath, image.path, false);
    if (reference) return { reference: asThemeServes(site, post, image.path, reference) };
  }
  const extension = extname(image.name);
  const stem = image.name.slice(0, image.name.length - extension.length) || 'image';
  // A post that names its media folder (Chirpy's media_subpath) gets new images there, unless the writer chose a place.
  const mediaFolder = chosen ? undefined : themeMediaFolder(site, post);
  const choose = chosen ?? (mediaFolder ? (name: string) => joinPath(mediaFolder, name) : undefined);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const placement = placeImage(site, postPath, attempt === 0 ? image.name : `${stem}-${attempt}${extension}`, date, choose);
    if (!placement) return undefined;
    // Another letter case counts as taken too: on macOS and Windows it is the same file.
    const destination = placement.destination;
    if (!site.files.has(destination) && !site.files.caseVariant(destination) && !taken.has(destination)) return { reference: asThemeServes(site, post, destination, placement.reference), copyTo: destination };
  }
  return undefined;
}

/**
 * The site's folder the post's media path names (Chirpy's media_subpath, see post/mediaSubpath.ts), and the key that
 * names it; none for a media path with an address of its own (a CDN).
 */
function mediaFolder(site: Site, post: ParsedPost | undefined): { readonly folder: string; readonly key: string } | undefined {
  const set = post && site.config.mediaSubpath && postSubpath(post, site.config.mediaSubpath);
  if (!set || set.subpath.includes(':')) return undefined;
  const source = site.config.publicDirs[0] ?? site.root;
  // As the browser reads the path: `..` stops at the site's root.
  return { folder: joinPath(source, normalizePath(`/${set.subpath}`).slice(1)), key: set.key };
}

/** The folder below the media path where new images of the post go: inside the site's source folder, and not that folder itself. */
function themeMediaFolder(site: Site, post: ParsedPost | undefined): string | undefined {
  const media = mediaFolder(site, post);
  const source = site.config.publicDirs[0] ?? site.root;
  return media && isInside(source, media.folder) && media.folder !== source ? media.folder : undefined;
}

/**
 * The reference written the way the theme serves the post's images: from its media folder, `../` included where the
 * file lies elsewhere, so that the path the theme makes reaches it. Chirpy 5 and 6 (`img_path`) leave a root path as it is.
 */
function asThemeServes(site: Site, post: ParsedPost | undefined, file: string, reference: string): string {
  const media = mediaFolder(site, post);
  const source = site.config.publicDirs[0] ?? site.root;
  if (!media || !isInside(source, file)) return reference;
  return media.key === 'img_path' ? `/${relativePath(source, file)}` : relativeFilePath(media.folder, file);
}
