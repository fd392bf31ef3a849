import type { SiteFileSystem } from '../../host/fileSystem';
import { basename, extname } from '../../text/paths';
import { parseFrontmatter } from '../../frontmatter/parse';
import { readDataFile, readText, stringSetting, type ConfigData } from '../configFiles';
import type { Author } from '../model';

/** Authors from a data file whose top level maps ids to records (Jekyll, Docusaurus, Eleventy). */
export async function authorsFromDataFile(fs: SiteFileSystem, file: string, key: (id: string) => string, into = new Map<string, Author>()): Promise<Map<string, Author>> {
  const loaded = await readDataFile(fs, file);
  if (!loaded) return into;
  addAuthorRecords(loaded.data, file, key, into);
  return into;
}

export function addAuthorRecords(records: ConfigData, file: string, key: (id: string) => string, into: Map<string, Author>): void {
  for (const [id, entry] of Object.entries(records)) {
    const record = entry && typeof entry === 'object' ? (entry as ConfigData) : {};
    if (!into.has(key(id))) into.set(key(id), authorFromRecord(id, record, file));
  }
}

export function authorFromRecord(id: string, record: ConfigData, file: string): Author {
  return {
    id,
    name: stringSetting(record, 'name', 'display_name', 'title'),
    avatar: stringSetting(record, 'avatar', 'image_url', 'image', 'picture', 'photo'),
    bio: stringSetting(record, 'bio', 'description', 'title'),
    definedAt: { file },
  };
}

/** One author per file in a folder (Astro content collections): id is the file name. */
export async function authorFromEntryFile(fs: SiteFileSystem, file: string): Promise<Author> {
  const id = basename(file).slice(0, -extname(file).length || undefined);
  const extension = extname(file);
  const record =
    extension === '.md' || extension === '.mdx'
      ? (parseFrontmatter((await readText(fs, file)) ?? '')?.data ?? {})
      : ((await readDataFile(fs, file))?.data ?? {});
  return authorFromRecord(id, record, file);
}
