import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';

/** What the site's include templates (`_includes/`) tell about the values posts pass them. */
export interface IncludeTemplates {
  /** Every include file by its path below the folder (`icons/folder.svg`): a value naming one is an include's name. */
  readonly files: ReadonlySet<string>;
  /** By include file, then parameter: the literal path its template writes before the value (`src="/assets/{{ include.img }}"`). */
  readonly imagePrefixes: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** By include file: the parameters its template writes as an `<img>`'s `src` (TheCandidStartup's and petertengg's `image.html`). */
  readonly imageParameters: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Reads the include folder a few levels deep, its templates' text up to a size, a few thousand files at most. */
export async function readIncludeTemplates(fs: SiteFileSystem, dir: string): Promise<IncludeTemplates> {
  const files = new Set<string>();
  const imagePrefixes = new Map<string, Map<string, string>>();
  const imageParameters = new Map<string, Set<string>>();
  const visit = async (folder: string, prefix: string, depth: number): Promise<void> => {
    for (const entry of await fs.readDirectory(folder).catch(() => [])) {
      if (files.size >= maxFiles) return;
      const name = prefix + entry.name;
      if (entry.type === 'directory' && depth < maxDepth) await visit(joinPath(folder, entry.name), `${name}/`, depth + 1);
      if (entry.type !== 'file') continue;
      files.add(name);
      // Minimal Mistakes' `figure` has no extension: `{% include figure … %}` names the file as it is.
      if (!/\.html?$|^[^.]+$/i.test(entry.name)) continue;
      const template = (await readText(fs, joinPath(folder, entry.name))) ?? '';
      const prefixes = parameterPrefixes(template);
      if (prefixes.size > 0) imagePrefixes.set(name, prefixes);
      const shown = imageSourceParameters(template);
      if (shown.size > 0) imageParameters.set(name, shown);
    }
  };
  await visit(dir, '', 0);
  return { files, imagePrefixes, imageParameters };
}

/**
 * The parameters a template writes as the `src` of an `<img>`: with no filter (after a literal path or not), or through
 * `relative_url`/`absolute_url` alone, directly or through a variable assigned the parameter as it is
 * (`{% assign img = include.src %}`, petertengg's `image.html`). Such a value is an image the page shows, not a guess.
 * (`relative_url` reads a relative value from the site root, where Jekyll's image lookup reads one too.)
 */
export function imageSourceParameters(template: string): Set<string> {
  const shown = new Set([...template.matchAll(/<img\b[^<>]*?\ssrc\s*=\s*["']?[^"'{}\s]*\{\{-?\s*include\.([\w-]+)\s*-?\}\}/gi)].map((match) => match[1]!));
  const assigned = new Map<string, string>();
  for (const match of template.matchAll(/\{%-?\s*assign\s+([\w-]+)\s*=\s*include\.([\w-]+)\s*-?%\}/g)) assigned.set(match[1]!, match[2]!);
  // A variable or a filter only right after the attribute's quote: a literal path before it is a prefix (parameterPrefixes), read for plain parameters only.
  for (const match of template.matchAll(/<img\b[^<>]*?\ssrc\s*=\s*["']?\{\{-?\s*(include\.)?([\w-]+)\s*(?:\|\s*(?:relative|absolute)_url\s*)?-?\}\}/gi)) {
    const parameter = match[1] ? match[2] : assigned.get(match[2]!);
    if (parameter !== undefined) shown.add(parameter);
  }
  return shown;
}

/**
 * The parameters a template writes right after a literal path in an image or link attribute, each with that path:
 * `<img src="/assets/{{ include.img }}">` gives `img` → `/assets/`. A parameter written with a filter first, or in two
 * places with two prefixes, is left out: its value's use is not plain.
 */
export function parameterPrefixes(template: string): Map<string, string> {
  const prefixes = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const match of template.matchAll(/\b(?:src|href|srcset|poster)\s*=\s*["']([^"'{}\s]*\/)\{\{-?\s*include\.([\w-]+)\s*-?\}\}/g)) {
    const [, prefix, parameter] = match as unknown as [string, string, string];
    if (prefixes.has(parameter) && prefixes.get(parameter) !== prefix) ambiguous.add(parameter);
    prefixes.set(parameter, prefix);
  }
  for (const parameter of ambiguous) prefixes.delete(parameter);
  return prefixes;
}

const maxFiles = 5000;
const maxDepth = 4;
