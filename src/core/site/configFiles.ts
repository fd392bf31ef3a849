import { parse as parseToml } from 'smol-toml';
import type { SiteFileSystem } from '../host/fileSystem';
import { excessiveNesting, maxNestingDepth } from '../frontmatter/limits';
import { parseYamlData } from '../frontmatter/yaml';
import { extname } from '../text/paths';

export type ConfigData = Record<string, unknown>;

export interface LoadedConfig {
  readonly data: ConfigData;
  /** Set when the file exists but cannot be parsed; the site still loads with defaults. */
  readonly error?: string;
}

const decoder = new TextDecoder('utf-8');

/** Config and data files larger than this are not read (no site's config or author list comes close). */
export const maxDataFileBytes = 5 * 1024 * 1024;

export async function readText(fs: SiteFileSystem, path: string): Promise<string | undefined> {
  const bytes = await fs.readFile(path, maxDataFileBytes);
  return bytes === undefined || bytes.byteLength > maxDataFileBytes ? undefined : decoder.decode(bytes);
}

/** Reads a YAML, TOML or JSON data/config file by its extension. Missing → `undefined`. */
export async function readDataFile(fs: SiteFileSystem, path: string): Promise<LoadedConfig | undefined> {
  const text = await readText(fs, path);
  if (text === undefined) return undefined;
  return parseDataText(text, extname(path));
}

export function parseDataText(text: string, extension: string): LoadedConfig {
  const format = extension === '.toml' ? 'toml' : extension === '.json' ? 'json' : 'yaml';
  if (excessiveNesting(text, format) !== -1) return { data: {}, error: `nested deeper than ${maxNestingDepth} levels; not read` };
  try {
    const data: unknown =
      extension === '.toml' ? parseToml(text) : extension === '.json' ? JSON.parse(text) : parseYamlData(text);
    return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as ConfigData) : {} };
  } catch (error) {
    return { data: {}, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}

export function stringSetting(data: ConfigData, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const found = Object.entries(data).find(([name]) => name.toLowerCase() === key.toLowerCase());
    if (typeof found?.[1] === 'string') return found[1];
  }
  return undefined;
}

export function objectSetting(data: ConfigData, key: string): ConfigData | undefined {
  const found = Object.entries(data).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
  return found && typeof found === 'object' && !Array.isArray(found) ? (found as ConfigData) : undefined;
}

/** The path part of a base URL: `https://x.org/blog/` → `/blog`; `/` → ``. */
export function basePathOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const path = new URL(url, 'http://placeholder').pathname;
    return path.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
