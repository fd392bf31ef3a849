import type { SiteFileSystem } from '../../../host/fileSystem';
import { parseFrontmatter } from '../../../frontmatter/parse';
import { basename, dirname, joinPath } from '../../../text/paths';
import { objectSetting, readDataFile, readText, stringSetting, type ConfigData } from '../../configFiles';
import { isPostPath, type FileSet } from '../../fileSet';
import type { Author, SiteConfig } from '../../model';
import { isExcludedFile } from '../../pageKinds';
import { hugoTermKey } from './terms';

/**
 * How a post's author is matched to a registry entry: Hugo's term key, lower case whatever
 * `disablePathToLower` says (see terms.ts), which the folder of the author's page matches in any letter
 * case (`mei-lin-Rose-chen`). Accents are kept, as by default; with the config, `removePathAccents` drops them.
 */
export function hugoAuthorKey(name: string, config?: SiteConfig): string {
  return hugoTermKey(name, { removePathAccents: config?.removePathAccents });
}

/**
 * The author registry: term pages of the authors taxonomy (`content/authors/<id>/_index.md`, or only
 * `_index.<lang>.md` files on a multilingual site; `index.md` too), then author data files.
 * Where an author has pages in several languages, the default language's page describes them.
 */
export async function loadHugoAuthors(fs: SiteFileSystem, config: SiteConfig, files: FileSet): Promise<Map<string, Author>> {
  const pages = new Map<string, { file: string; id: string; isDefault: boolean }>();
  for (const file of files.all()) {
    const page = authorPage(config, file);
    if (!page || isExcludedFile(config, file)) continue;
    const key = hugoAuthorKey(page.id);
    const known = pages.get(key);
    if (!known || (page.isDefault && !known.isDefault)) pages.set(key, page);
  }
  const authors = new Map<string, Author>();
  for (const [key, page] of pages) authors.set(key, await authorFromPage(fs, page.file, page.id));
  // Data: `data/authors.yaml` keyed by id (site.Data.authors), or one `data/authors/<id>.yaml` per author.
  const dataDir = joinPath(config.root, 'data');
  for (const file of files.all()) {
    if (dirname(file) === dataDir && /^authors\.(ya?ml|toml|json)$/.test(basename(file))) {
      const loaded = await readDataFile(fs, file);
      for (const [id, entry] of Object.entries(loaded?.data ?? {})) addDataAuthor(authors, id, entry, file);
    } else if (dirname(file) === joinPath(dataDir, 'authors')) {
      const id = /^(.+)\.(ya?ml|toml|json)$/.exec(basename(file))?.[1];
      if (id) addDataAuthor(authors, id, (await readDataFile(fs, file))?.data, file);
    }
  }
  return authors;
}

function addDataAuthor(authors: Map<string, Author>, id: string, entry: unknown, file: string): void {
  if (authors.has(hugoAuthorKey(id))) return;
  const record = entry && typeof entry === 'object' ? (entry as ConfigData) : {};
  authors.set(hugoAuthorKey(id), {
    id,
    name: stringSetting(record, 'name', 'title'),
    avatar: stringSetting(record, 'avatar', 'image', 'photo'),
    bio: stringSetting(record, 'bio', 'description'),
    definedAt: { file },
  });
}

/** `<content>/<authors>/<id>/_index[.<lang>].md` (or `index…`): the author's id and whether it is the default language's page. */
function authorPage(config: SiteConfig, file: string): { file: string; id: string; isDefault: boolean } | undefined {
  if (!isPostPath(file)) return undefined;
  const folder = dirname(file);
  const section = dirname(folder);
  const inAuthorsSection = config.contentDirs.some((dir) => config.authorKeys.some((key) => section === joinPath(dir, key)));
  if (!inAuthorsSection) return undefined;
  // Any suffix: Hugo builds `_index.fr.md` of a site without French as a page at the author's path too.
  const language = /^_?index(?:\.([^./]+))?\.[^./]+$/.exec(basename(file));
  if (!language) return undefined;
  const isDefault = language[1] === undefined || language[1] === config.languages?.defaultLanguage;
  return { file, id: basename(folder), isDefault };
}

async function authorFromPage(fs: SiteFileSystem, file: string, id: string): Promise<Author> {
  const text = (await readText(fs, file)) ?? '';
  const data = parseFrontmatter(text)?.data ?? {};
  const params = objectSetting(data, 'params') ?? {};
  const pick = (...keys: string[]) => stringSetting(data, ...keys) ?? stringSetting(params, ...keys);
  return {
    id,
    name: pick('title', 'name'),
    avatar: pick('avatar', 'image', 'photo', 'picture'),
    bio: pick('bio', 'description', 'summary'),
    definedAt: { file },
  };
}
