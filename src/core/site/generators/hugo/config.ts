import type { SiteFileSystem } from '../../../host/fileSystem';
import { joinPath, normalizePath } from '../../../text/paths';
import { objectSetting, readDataFile, type ConfigData } from '../../configFiles';
import { readMountFilters, type MountFilters } from './mountFilters';
import { msg, type Message } from '../../../l10n/message';

export interface HugoConfigFile {
  /** The merged settings, every key in lower case as Hugo reads them. */
  readonly data: ConfigData;
  /** The file holding the root keys, if any. */
  readonly file: string | undefined;
}

const configDirFile = /^(.+)\.(toml|ya?ml|json)$/;

/**
 * Hugo reads the root config file (`hugo.toml`, `config.yaml`, …) and then the files of `config/_default/`
 * over it: `hugo.*`/`config.*` hold root keys, `<key>.*` holds the key it is named after, and
 * `<key>.<lang>.*` a language's settings (`languages.es.toml` → `languages.es`; `params.es.toml` →
 * `languages.es.params`). Keys are case-insensitive. Files in subfolders count by their own name alone, as Hugo
 * walks the folder (falco.org mounts its content from `config/_default/module/module.yaml`). Source: hugo 0.111
 * config/configLoader.go (`LoadConfigFromDir`); https://gohugo.io/getting-started/configuration/#configuration-directory
 */
export async function readHugoConfig(fs: SiteFileSystem, root: string, configFile: string | undefined, problems: Message[]): Promise<HugoConfigFile> {
  let data: ConfigData = {};
  let file: string | undefined;
  if (configFile && configFile !== 'config/_default') {
    file = joinPath(root, configFile);
    const loaded = await readDataFile(fs, file);
    if (loaded?.error) problems.push(msg('{0}: {1}', configFile, loaded.error));
    data = lowerCaseKeys(loaded?.data ?? {});
  }
  const dir = joinPath(root, 'config', '_default');
  for (const path of await configDirFiles(fs, dir, 0)) {
    const loaded = await readDataFile(fs, path);
    if (loaded?.error) problems.push(msg('{0}: {1}', path.slice(root.length + 1), loaded.error));
    const name = configDirFile.exec(path.slice(path.lastIndexOf('/') + 1))![1]!.toLowerCase();
    const isRootFile = name === 'hugo' || name === 'config';
    if (isRootFile) file ??= path;
    mergeInto(data, nestUnder(keyPathOf(name), lowerCaseKeys(loaded?.data ?? {})));
  }
  return { data, file };
}

/** The config files of `dir` and its subfolders, in the order Hugo's walk meets them (each folder's entries by name). */
async function configDirFiles(fs: SiteFileSystem, dir: string, depth: number): Promise<string[]> {
  const files: string[] = [];
  const entries = (await fs.readDirectory(dir).catch(() => [])).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.type === 'directory' && depth < maxConfigDepth) files.push(...(await configDirFiles(fs, joinPath(dir, entry.name), depth + 1)));
    else if (entry.type === 'file' && configDirFile.test(entry.name)) files.push(joinPath(dir, entry.name));
  }
  return files;
}

const maxConfigDepth = 4;

/** Where a `config/_default/<name>.*` file's content goes. */
function keyPathOf(name: string): string[] {
  if (name === 'hugo' || name === 'config') return [];
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return [name];
  const [key, language] = [name.slice(0, dot), name.slice(dot + 1)];
  if (key === 'menu' || key === 'menus') return ['languages', language, 'menus'];
  if (key === 'params') return ['languages', language, 'params'];
  return ['languages', language];
}

function nestUnder(path: readonly string[], value: ConfigData): ConfigData {
  return path.reduceRight<ConfigData>((inner, key) => ({ [key]: inner }), value);
}

/** Later settings win; tables merge key by key (Hugo's `cfg.Set("", …)`). */
function mergeInto(target: ConfigData, source: ConfigData): void {
  for (const [key, value] of Object.entries(source)) {
    if (key === '__proto__') continue;
    const existing = target[key];
    if (isTable(existing) && isTable(value)) mergeInto(existing, value);
    else target[key] = value;
  }
}

function lowerCaseKeys(data: ConfigData): ConfigData {
  const lowered: ConfigData = {};
  for (const [key, value] of Object.entries(data)) {
    if (key !== '__proto__') lowered[key.toLowerCase()] = lowerCaseKeysIn(value);
  }
  return lowered;
}

/** Tables in lists too (`[[module.mounts]]`). */
function lowerCaseKeysIn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerCaseKeysIn);
  return isTable(value) ? lowerCaseKeys(value) : value;
}

function isTable(value: unknown): value is ConfigData {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Taxonomy plurals (`tags`, `authors`); Hugo's default is tags and categories. */
export function taxonomyKeys(data: ConfigData): string[] {
  const taxonomies = objectSetting(data, 'taxonomies');
  if (!taxonomies) return ['tags', 'categories'];
  return Object.values(taxonomies).filter((value): value is string => typeof value === 'string' && value !== '');
}

export function themeNames(data: ConfigData): string[] {
  const theme = data['theme'];
  if (typeof theme === 'string') return [theme];
  return Array.isArray(theme) ? theme.filter((name): name is string => typeof name === 'string') : [];
}

export interface Mount {
  readonly source: string;
  readonly target: string;
  /** The language of the files it mounts: `lang` (Hugo 0.111), or newer Hugo's `sites.matrix.languages`. */
  readonly languages: readonly string[];
  readonly filters: MountFilters | undefined;
}

export function moduleMounts(data: ConfigData): Mount[] {
  const mounts = objectSetting(data, 'module')?.['mounts'];
  if (!Array.isArray(mounts)) return [];
  return mounts
    .filter((mount): mount is ConfigData => isTable(mount))
    // Hugo cleans the target (filepath.Clean in modules/collect.go): `static/img/` is `static/img`.
    .map((mount) => ({ source: String(mount['source'] ?? ''), target: normalizePath(String(mount['target'] ?? '')), languages: mountLanguages(mount), filters: readMountFilters(mount) }))
    .filter((mount) => mount.source !== '' && mount.target !== '');
}

function mountLanguages(mount: ConfigData): string[] {
  const lang = mount['lang'];
  if (typeof lang === 'string' && lang !== '') return [lang.toLowerCase()];
  const sites = mount['sites'];
  const matrix = isTable(sites) ? sites['matrix'] : undefined;
  const languages = isTable(matrix) ? matrix['languages'] : undefined;
  return Array.isArray(languages) ? languages.filter((code): code is string => typeof code === 'string').map((code) => code.toLowerCase()) : [];
}

/** Hugo's `disableLanguages`: languages whose content is not built. */
export function disabledLanguages(data: ConfigData): Set<string> {
  const setting = data['disablelanguages'];
  return new Set(Array.isArray(setting) ? setting.filter((code): code is string => typeof code === 'string').map((code) => code.toLowerCase()) : []);
}
