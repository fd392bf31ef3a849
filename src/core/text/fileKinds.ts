import { extname } from './paths';

/** What a file is to a site, by its extension. */
export const imageExtensions = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.bmp', '.ico', '.tif', '.tiff', '.jxl', '.heic']);
export const postExtensions = new Set(['.md', '.markdown', '.mdx', '.mdown', '.mkd']);

export function isImagePath(path: string): boolean {
  return imageExtensions.has(extname(path));
}

export function isPostPath(path: string): boolean {
  return postExtensions.has(extname(path));
}
