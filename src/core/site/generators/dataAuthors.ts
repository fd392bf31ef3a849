import { parse as parseToml } from 'smol-toml';
import type { SiteFileSystem } from '../../host/fileSystem';
import { basename, extname, joinPath } from '../../text/paths';
import { excessiveNesting } from '../../frontmatter/limits';
import { parseFrontmatter } from '../../frontmatter/parse';
import { readText, readYamlLeniently, stringSetting, type ConfigData } from '../configFiles';
import type { Author } from '../model';

/**
 * The authors of a site, keyed by id. Generators whose author field may also hold a display name
 * (jekyll-seo-tag falls back to the string as the name) look names up too; `size` and iteration
 * still count each author once.
 */
export class AuthorRegistry extends Map<string, Author> {
  /** Also answer to an author's display name. */
  matchNames = false;
  /** Accept other values as free text when this says they are one (e.g. "Jane Doe" with a space). */
  isFreeText: ((value: string) => boolean) | undefined;

  /** The author with this id, else (when enabled) by display name or as free text. `has` stays exact. */
  override get(key: string): Author | undefined {
    const found = super.get(key);
    if (found || this.size === 0) return found;
    if (this.matchNames) for (const author of this.values()) if (author.name === key) return author;
    if (this.isFreeText?.(key)) return { id: key, name: key, avatar: undefined, bio: undefined, definedAt: this.values().next().value!.definedAt };
    return undefined;
  }
}

/** Data extensions every profile reads (whether a generator needs a plugin for YAML is its business). */
export const dataExtensions = ['.yml', '.yaml', '.json', '.toml'];

/** A YAML, JSON or TOML file as plain data (objects and arrays kept); missing or broken → `undefined`. */
export async function readStructuredData(fs: SiteFileSystem, file: string): Promise<unknown> {
  const text = await readText(fs, file);
  if (text === undefined) return undefined;
  const extension = extname(file);
  if (excessiveNesting(text, extension === '.json' ? 'json' : extension === '.toml' ? 'toml' : 'yaml') !== -1) return undefined;
  try {
    return extension === '.json' ? JSON.parse(text) : extension === '.toml' ? parseToml(text) : readYamlLeniently(text).data;
  } catch {
    return undefined; // a broken data file is the generator's error to report, not an empty registry's
  }
}

export interface DataFileOptions {
  /** For a top-level list (Astro `file()`, some Eleventy data): the fields that hold each entry's id. */
  readonly listIds?: readonly string[];
}

/** Authors from a data file whose top level maps ids to records (or lists records with an id). */
export async function authorsFromDataFile(fs: SiteFileSystem, file: string, key: (id: string) => string, into: Map<string, Author> = new Map(), options: DataFileOptions = {}): Promise<Map<string, Author>> {
  const data = await readStructuredData(fs, file);
  if (Array.isArray(data)) {
    for (const item of data) {
      if (!item || typeof item !== 'object') continue;
      const record = item as ConfigData;
      const id = (options.listIds ?? []).map((field) => record[field]).find((value) => typeof value === 'string' || typeof value === 'number');
      if (id !== undefined && !into.has(key(String(id)))) into.set(key(String(id)), authorFromRecord(String(id), record, file));
    }
  } else if (data && typeof data === 'object') addAuthorRecords(data as ConfigData, file, key, into);
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
    avatar: stringSetting(record, 'avatar', 'image_url', 'imageURL', 'image', 'picture', 'photo'),
    bio: stringSetting(record, 'bio', 'description', 'title'),
    definedAt: { file },
  };
}

/** The record of a one-entry file: a data file's top level, or a Markdown file's frontmatter. */
export async function recordOfEntryFile(fs: SiteFileSystem, file: string): Promise<ConfigData> {
  const extension = extname(file);
  if (extension === '.md' || extension === '.mdx' || extension === '.markdown') return parseFrontmatter((await readText(fs, file)) ?? '')?.data ?? {};
  const data = await readStructuredData(fs, file);
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as ConfigData) : {};
}

/** One author per file (id = file name without extension unless `idOf` says otherwise). */
export async function authorFromEntryFile(fs: SiteFileSystem, file: string, idOf?: (file: string, record: ConfigData) => string): Promise<Author> {
  const record = await recordOfEntryFile(fs, file);
  const id = idOf ? idOf(file, record) : basename(file).slice(0, -extname(file).length || undefined);
  return authorFromRecord(id, record, file);
}

/** Authors from a folder of data files, one per author (`_data/authors/jane.yml` → `jane`). */
export async function authorsFromDataFolder(fs: SiteFileSystem, dir: string, key: (id: string) => string, into: Map<string, Author>): Promise<void> {
  for (const entry of await fs.readDirectory(dir)) {
    if (entry.type !== 'file' || !dataExtensions.includes(extname(entry.name))) continue;
    const author = await authorFromEntryFile(fs, joinPath(dir, entry.name));
    if (!into.has(key(author.id))) into.set(key(author.id), author);
  }
}
