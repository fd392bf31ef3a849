import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';

/** What the site's include templates (`_includes/`) tell about the values posts pass them. */
export interface IncludeTemplates {
  /** Every include file by its path below the folder (`icons/folder.svg`): a value naming one is an include's name. */
  readonly files: ReadonlySet<string>;
  /** By include file, then parameter: the literal path its template writes before the value (`src="/assets/{{ include.img }}"`). */
  readonly imagePrefixes: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** By include file: the parameters its template writes as an `<img>`'s `src`, as they are (petertengg's `image.html`). */
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
      if (!/\.html?$/i.test(entry.name)) continue;
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
 * The parameters a template writes, with no filter, as the `src` of an `<img>` (`<img src="{{ include.src }}" …>`, after a
 * literal path or not): such a value is an image the page shows as it is, not a guess.
 */
export function imageSourceParameters(template: string): Set<string> {
  return new Set([...template.matchAll(/<img\b[^<>]*?\ssrc\s*=\s*["']?[^"'{}\s]*\{\{-?\s*include\.([\w-]+)\s*-?\}\}/gi)].map((match) => match[1]!));
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
