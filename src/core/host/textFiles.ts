import type { SiteFileSystem } from './fileSystem';

const decoder = new TextDecoder('utf-8');

/** Config and data files larger than this are not read (no site's config or author list comes close). */
export const maxDataFileBytes = 5 * 1024 * 1024;

/** A config or data file's text (UTF-8), or `undefined` when it is missing or larger than maxDataFileBytes. */
export async function readText(fs: SiteFileSystem, path: string): Promise<string | undefined> {
  const bytes = await fs.readFile(path, maxDataFileBytes);
  return bytes === undefined || bytes.byteLength > maxDataFileBytes ? undefined : decoder.decode(bytes);
}
