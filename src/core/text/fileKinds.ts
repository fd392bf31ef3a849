import { extname } from './paths';

/** What a file is to a site, by its extension. */
export const imageExtensions = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.bmp', '.ico', '.tif', '.tiff', '.jxl', '.heic']);
export const postExtensions = new Set(['.md', '.markdown', '.mdx', '.mdown', '.mkd']);
/** Files a site offers as they are, which no generator or common build step writes from a source: documents, archives, media. */
const downloadExtensions = new Set(['.pdf', '.zip', '.gz', '.tgz', '.xz', '.bz2', '.7z', '.rar', '.tar', '.mp3', '.m4a', '.ogg', '.oga', '.wav', '.flac', '.mp4', '.m4v', '.webm', '.ogv', '.mov', '.avi', '.mkv', '.epub', '.mobi', '.doc', '.docx', '.ppt', '.pptx', '.xls', '.xlsx', '.odt', '.ods', '.odp', '.key']);

export function isImagePath(path: string): boolean {
  return imageExtensions.has(extname(path));
}

export function isDownloadPath(path: string): boolean {
  return downloadExtensions.has(extname(path).toLowerCase());
}

export function isPostPath(path: string): boolean {
  return postExtensions.has(extname(path));
}
