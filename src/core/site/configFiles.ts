import { parse as parseToml } from 'smol-toml';
import type { SiteFileSystem } from '../host/fileSystem';
import { excessiveNesting, maxNestingDepth } from '../frontmatter/limits';
import { isMap, isScalar, parseDocument, visit } from 'yaml';
import { yamlData } from '../frontmatter/yaml';
import { readAsGeneratorsDo } from '../frontmatter/libyamlLeniency';
import { extname } from '../text/paths';
import { readText } from '../host/textFiles';
import { msg, type Message } from '../l10n/message';

export type ConfigData = Record<string, unknown>;

export interface LoadedConfig {
  readonly data: ConfigData;
  /**
   * What the generator would warn about, for the writer: the file cannot be parsed (`data` is empty and
   * the site loads with defaults), or a key is written twice (`data` holds the last value, as the generator reads it).
   */
  readonly error?: Message;
}

// In host/ since the settings read files too (they load before the site); the generators read them here.
export { maxDataFileBytes, readText } from '../host/textFiles';

/** Reads a YAML, TOML or JSON data/config file by its extension. Missing → `undefined`. */
export async function readDataFile(fs: SiteFileSystem, path: string): Promise<LoadedConfig | undefined> {
  const text = await readText(fs, path);
  if (text === undefined) return undefined;
  return parseDataText(text, extname(path));
}

export function parseDataText(text: string, extension: string): LoadedConfig {
  const format = extension === '.toml' ? 'toml' : extension === '.json' ? 'json' : 'yaml';
  if (excessiveNesting(text, format) !== -1) return { data: {}, error: msg('nested deeper than {0} levels; not read', maxNestingDepth) };
  try {
    const yaml = format === 'yaml' ? readYamlLeniently(text) : undefined;
    const data: unknown = yaml ? yaml.data : format === 'toml' ? parseToml(text) : JSON.parse(text);
    const duplicates = yaml?.duplicateKeys.length ? { error: msg('{0}; the last value is used, as Hugo and Jekyll do', describeDuplicates(yaml.duplicateKeys)) } : {};
    return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as ConfigData) : {}, ...duplicates };
  } catch (error) {
    // The parser's own words, in English: they name the syntax, as the parser's documentation does.
    return { data: {}, error: msg('{0}', error instanceof Error ? error.message.split('\n')[0]! : String(error)) };
  }
}

export interface LenientYaml {
  readonly data: unknown;
  /** Keys written twice in one mapping, with the line of the later one. */
  readonly duplicateKeys: readonly { readonly key: string; readonly line: number }[];
}

/**
 * A YAML config or data file as Ruby's Psych (Jekyll) and Go's yaml.v2 (Hugo 0.111) read it: a key
 * written twice is no error, the last value wins whole (checked with `jekyll build` and `hugo`). Any other
 * error throws, with its line and column. Quoted values continued on lines indented less than their
 * key are read as libyaml folds them, as in frontmatter.
 */
export function readYamlLeniently(text: string): LenientYaml {
  const options = { uniqueKeys: false, logLevel: 'error', prettyErrors: false } as const;
  const strict = parseDocument(text, options);
  // Quoted values and flow lists continued at a lower indent, which libyaml reads (frontmatter/libyamlLeniency.ts).
  const doc = strict.errors.length > 0 ? (readAsGeneratorsDo(text, strict, options, parseDocument)?.doc ?? strict) : strict;
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const error = doc.errors[0];
  if (error) throw new Error(`${error.message.split('\n')[0]} at line ${lineOf(error.pos[0])}, column ${error.pos[0] - text.lastIndexOf('\n', error.pos[0] - 1)}`);
  const duplicateKeys: { key: string; line: number }[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) duplicateKeys.push({ key, line: lineOf(pair.key.range?.[0] ?? 0) });
        seen.add(key);
      }
    },
  });
  return { data: yamlData(doc), duplicateKeys };
}

function describeDuplicates(duplicates: LenientYaml['duplicateKeys']): Message {
  const listed = duplicates.slice(0, 3).map(({ key, line }) => msg('"{0}" (line {1})', key, line)).reduce((list, next) => msg('{0}, {1}', list, next));
  if (duplicates.length === 1) return msg('key written twice: {0}', listed);
  if (duplicates.length <= 3) return msg('keys written twice: {0}', listed);
  return duplicates.length === 4 ? msg('keys written twice: {0} and 1 more', listed) : msg('keys written twice: {0} and {1} more', listed, duplicates.length - 3);
}

export function stringSetting(data: ConfigData, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const found = Object.entries(data).find(([name]) => name.toLowerCase() === key.toLowerCase());
    if (typeof found?.[1] === 'string') return found[1];
  }
  return undefined;
}

/** The table at a path of keys (`markup`, `goldmark`, `parser`), each looked up as `objectSetting` does. */
export function objectSettingAt(data: ConfigData, ...keys: string[]): ConfigData | undefined {
  let at: ConfigData | undefined = data;
  for (const key of keys) at = at && objectSetting(at, key);
  return at;
}

export function objectSetting(data: ConfigData, key: string): ConfigData | undefined {
  const found = Object.entries(data).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
  return found && typeof found === 'object' && !Array.isArray(found) ? (found as ConfigData) : undefined;
}

/** The path part of a base URL: `https://x.org/blog/` → `/blog`; `/` → ``. */
/** The host of an absolute http(s) URL, lower case (`https://Example.org/blog/` → `example.org`); undefined for anything else. */
export function hostOf(url: string | undefined): string | undefined {
  const match = url === undefined ? null : /^https?:\/\/([^/?#:@\s]+(?::\d+)?)/i.exec(url.trim());
  return match ? match[1]!.toLowerCase() : undefined;
}

/** `{ siteHost }` when there is one (exactOptionalPropertyTypes: no `undefined` value). */
export function withHost(host: string | undefined): { readonly siteHost?: string } {
  return host === undefined ? {} : { siteHost: host };
}

export function basePathOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const path = new URL(url, 'http://placeholder').pathname;
    return path.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
