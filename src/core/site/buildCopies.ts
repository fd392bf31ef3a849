import type { SiteFileSystem } from '../host/fileSystem';
import { readText } from '../host/textFiles';
import { isInside, joinPath, normalizePath } from '../text/paths';
import { packageScripts } from './packageScripts';

/**
 * The folders the site's build copies a folder to before the generator runs: `cp -R content/v2.3 content/latest`
 * in the build command of netlify.toml or a package.json script, or in a shell script one of them runs (crossplane.io's
 * `bash netlify_build.sh`). Their pages are the copy's, which the checkout does not hold. Only literal destinations
 * inside the site count (`$LATEST` in the source is fine, in the destination it says nothing).
 */
export async function foldersCopiedByBuild(fs: SiteFileSystem, root: string): Promise<string[]> {
  const netlify = (await readText(fs, joinPath(root, 'netlify.toml'))) ?? '';
  const commands = [...netlify.matchAll(/^\s*command\s*=\s*(["'])(.*?)\1/gm)].map((match) => match[2]!);
  commands.push(await packageScripts(fs, root));
  const texts = [...commands];
  for (const script of new Set(commands.flatMap((command) => command.match(/[\w./-]+\.sh\b/g) ?? []))) {
    const path = normalizePath(joinPath(root, script.replace(/^\.\//, '')));
    const text = isInside(root, path) ? await readText(fs, path) : undefined;
    if (text !== undefined) texts.push(text);
  }
  const folders = new Set<string>();
  for (const text of texts) {
    for (const copy of text.matchAll(/(?:^|[\s;&|(])cp\s+((?:-[A-Za-z]+\s+)+)(\S+)\s+([^\s;&|)]+)/gm)) {
      if (!/[rRa]/.test(copy[1]!)) continue; // a folder is copied only recursively
      const destination = copy[3]!.replace(/^["']|["']$/g, '').replace(/^\.\//, '').replace(/\/+$/, '');
      if (destination === '' || /[$*?`]/.test(destination) || destination.startsWith('/')) continue;
      const path = normalizePath(joinPath(root, destination));
      if (isInside(root, path) && path !== root) folders.add(path);
    }
  }
  return [...folders];
}
