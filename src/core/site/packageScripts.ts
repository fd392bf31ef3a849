import type { SiteFileSystem } from '../host/fileSystem';
import { readText } from '../host/textFiles';
import { escapeRegExp } from '../text/regExp';
import { joinPath } from '../text/paths';

/** The `scripts` of the package.json in `folder`, one per line: '' when there is none or it is not JSON. */
export async function packageScripts(fs: SiteFileSystem, folder: string): Promise<string> {
  try {
    const json = JSON.parse((await readText(fs, joinPath(folder, 'package.json'))) ?? '{}') as { scripts?: Record<string, unknown> };
    return Object.values(json.scripts ?? {}).filter((script) => typeof script === 'string').join('\n');
  } catch {
    return '';
  }
}

/**
 * The value a script gives `command`'s `--flag` (`--flag=value`, `--flag value`, quoted or not), from the first
 * script that gives one. Each start of `command` scans its own stretch only: up to the next start, `&`, `|`, `;` or line.
 */
export function commandFlag(scripts: string, command: string, flag: string): string | undefined {
  const name = escapeRegExp(command);
  return new RegExp(`${name}\\b(?:(?!${name}\\b)[^&|;\\n])*--${escapeRegExp(flag)}[= ](['"]?)([^\\s'"]+)\\1`).exec(scripts)?.[2];
}
