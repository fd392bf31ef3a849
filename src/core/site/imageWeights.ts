import { imageSize } from 'image-size';
import type { SiteFileSystem } from '../host/fileSystem';
import { TimeSlices } from '../host/timeSlices';

/** An image file heavier than the site's limit: its size and, read from its header, its pixel size. */
export interface HeavyImage {
  readonly bytes: number;
  readonly width?: number;
  readonly height?: number;
}

// A JPEG's size is in its frame header, after any EXIF and colour profile: 128 KB covers real photos
// (a profile is a few KB, EXIF at most 64 KB) without reading the image itself.
const headerBytes = 128 * 1024;
const concurrency = 32;

/** The image's weight when it is over `limit` bytes; its pixel size from its first bytes where the file system can read them. */
export async function weighImage(fs: SiteFileSystem, path: string, limit: number): Promise<HeavyImage | undefined> {
  const stat = await fs.stat(path);
  if (stat?.type !== 'file' || stat.size <= limit) return undefined;
  const start = await fs.readFileStart?.(path, headerBytes);
  if (!start) return { bytes: stat.size };
  try {
    const { width, height } = imageSize(start);
    return width && height ? { bytes: stat.size, width, height } : { bytes: stat.size };
  } catch {
    return { bytes: stat.size }; // a header it does not know, or one cut short: the size is still known
  }
}

/** The images over `limit`, found with one stat per image (and a header read per heavy one), a few at a time. */
export async function heavyImagesOf(fs: SiteFileSystem, images: Iterable<string>, limit: number): Promise<Map<string, HeavyImage>> {
  const heavy = new Map<string, HeavyImage>();
  const pending = [...images];
  const slices = new TimeSlices();
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      await slices.next();
      const path = pending[next++];
      if (path === undefined) break;
      const weight = await weighImage(fs, path, limit);
      if (weight) heavy.set(path, weight);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
  return heavy;
}

/** `1.2 MB`, `640 KB`: decimal units, as file managers on the web show them. */
export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1000)} KB`;
}
