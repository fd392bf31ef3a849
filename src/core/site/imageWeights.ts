import { imageSize } from 'image-size';
import type { SiteFileSystem } from '../host/fileSystem';
import { eachInSlices } from '../host/timeSlices';

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

/**
 * The weights of the images posts show, weighed when first needed (see `weigh`), not every image of the
 * site when it opens: a site holds far more images than its posts show as they are (Hugo's `assets/`).
 * Only images over the limit are kept with their weight; a weighed image under it is known light.
 */
export class ImageWeights {
  /** Each weighed image: its weight when heavy, `undefined` when light or missing. */
  private readonly weighed = new Map<string, HeavyImage | undefined>();
  /** Images asked for (`get`) before they were weighed, and the weighing of them under way. */
  private asked = new Set<string>();
  private weighing: Promise<void> | undefined;

  constructor(
    private readonly fs: SiteFileSystem,
    readonly limit: number,
  ) {}

  /**
   * The image's weight when it is heavy. One not weighed yet reads as light, and is weighed soon:
   * `pending` then says when (a synchronous check, such as the editor's, checks again after it).
   */
  get(path: string): HeavyImage | undefined {
    if (!this.weighed.has(path)) this.weighSoon(path);
    return this.weighed.get(path);
  }

  /** Whether the image was weighed (and is current, see `reweigh`). */
  has(path: string): boolean {
    return this.weighed.has(path);
  }

  /** The weighing of images asked for before they were weighed, while it goes on. */
  get pending(): Promise<void> | undefined {
    return this.weighing;
  }

  /** Weighs those of `images` not weighed yet, a few at a time: one stat each, and a header read per heavy one. */
  async weigh(images: Iterable<string>): Promise<void> {
    const pending = [...new Set(images)].filter((path) => !this.weighed.has(path));
    await eachInSlices(pending, concurrency, async (path) => {
      this.weighed.set(path, await weighImage(this.fs, path, this.limit));
    });
  }

  /** After the image changed on disk: weighed again if it was weighed, else when first needed. */
  async reweigh(path: string, exists: boolean): Promise<void> {
    if (!this.weighed.has(path)) return;
    this.weighed.delete(path);
    if (exists) this.weighed.set(path, await weighImage(this.fs, path, this.limit));
  }

  private weighSoon(path: string): void {
    this.asked.add(path);
    this.weighing ??= Promise.resolve().then(async () => {
      try {
        while (this.asked.size > 0) {
          const asked = this.asked;
          this.asked = new Set();
          await this.weigh(asked);
        }
      } finally {
        this.weighing = undefined;
      }
    });
  }
}

/** A line per image for a cache: its path and weight, or that it is light. */
export function weightLine(path: string, weight: HeavyImage | undefined): string {
  return weight ? `${path}\u0001${weight.bytes}\u0001${weight.width ?? ''}\u0001${weight.height ?? ''}` : `${path}\u0001-`;
}

/** `1.2 MB`, `640 KB`: decimal units, as file managers on the web show them. */
export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1000)} KB`;
}
