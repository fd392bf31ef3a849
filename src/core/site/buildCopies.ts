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
  const commands = await buildCommands(fs, root);
  const texts = [...commands, ...(await scriptsRun(fs, root, commands, /[\w./-]+\.sh\b/g))];
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

/**
 * The folders of images a script of the build re-encodes before the generator runs: a Node script that a
 * package.json script or netlify.toml's command runs (`node scripts/optimise-images.js`) and that imports sharp or
 * imagemin, by each literal folder of the site it names (questdb.io's prebuild re-encodes static/img in place). The
 * published copies are not the checkout's files, so their weight is not known.
 */
export async function imageFoldersReencodedByBuild(fs: SiteFileSystem, root: string): Promise<string[]> {
  const folders = new Set<string>();
  for (const script of await scriptsRun(fs, root, await buildCommands(fs, root), /\bnode\s+([\w./-]+\.[cm]?js)\b/g)) {
    if (!/(['"])(?:sharp|imagemin(?:-[\w-]+)?)\1/.test(script)) continue;
    for (const literal of script.matchAll(/(['"`])((?:\.\/)?[\w-]+(?:\/[\w-]+)*)\/?\1/g)) {
      const folder = normalizePath(joinPath(root, literal[2]!.replace(/^\.\//, '')));
      if (folder !== root && isInside(root, folder) && (await fs.stat(folder))?.type === 'directory') folders.add(folder);
    }
  }
  return [...folders];
}

/**
 * The folders a bundler's build writes at the root of the generator's output (`outputDir`): `parcel build 'src/images/*'`
 * writes each entry to its dist folder by name alone (Parcel drops the entries' common folder; the dist folder is `dist`
 * unless `--dist-dir` says), which is css-irl's Eleventy output folder: its 358 images are served at /<name> (parcel
 * 2.16 and Eleventy 3.1.2 build). Only a literal folder of entries (`dir/*`, `dir/*.jpg`, `dir/*.{png,svg}`) counts.
 */
export async function foldersBundledToRoot(fs: SiteFileSystem, root: string, outputDir: string): Promise<string[]> {
  const folders = new Set<string>();
  for (const command of await buildCommands(fs, root)) {
    for (const call of command.matchAll(/\bparcel\s+build\b([^;&|\n]*)/g)) {
      const tokens = [...call[1]!.matchAll(/(["'])(.*?)\1|(\S+)/g)].map((token) => token[2] ?? token[3]!);
      let dist = 'dist';
      const entries: string[] = [];
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index]!;
        if (token === '--dist-dir' || token === '-d') dist = tokens[++index] ?? dist;
        else if (/^--(?:public-url|target|config|cache-dir|log-level|reporter|cert|key|port|host)$/.test(token)) index++;
        else if (!token.startsWith('-')) entries.push(token);
      }
      if (normalizePath(joinPath(root, dist.replace(/^\.\//, ''))) !== outputDir) continue;
      for (const entry of entries) {
        const folder = /^(?:\.\/)?([\w.-]+(?:\/[\w.-]+)*)\/\*(?:\.(?:[\w]+|\{[\w,]+\}))?$/.exec(entry)?.[1];
        const path = folder === undefined ? undefined : normalizePath(joinPath(root, folder));
        if (path && path !== root && isInside(root, path) && (await fs.stat(path))?.type === 'directory') folders.add(path);
      }
    }
  }
  return [...folders];
}

/** The build's commands: netlify.toml's, and the package.json scripts. */
async function buildCommands(fs: SiteFileSystem, root: string): Promise<string[]> {
  const netlify = (await readText(fs, joinPath(root, 'netlify.toml'))) ?? '';
  const commands = [...netlify.matchAll(/^\s*command\s*=\s*(["'])(.*?)\1/gm)].map((match) => match[2]!);
  commands.push(await packageScripts(fs, root));
  return commands;
}

/** The text of each file of the site the commands name by `pattern` (its first group, or the whole match). */
async function scriptsRun(fs: SiteFileSystem, root: string, commands: readonly string[], pattern: RegExp): Promise<string[]> {
  const texts: string[] = [];
  for (const script of new Set(commands.flatMap((command) => [...command.matchAll(pattern)].map((match) => match[1] ?? match[0])))) {
    const path = normalizePath(joinPath(root, script.replace(/^\.\//, '')));
    const text = isInside(root, path) ? await readText(fs, path) : undefined;
    if (text !== undefined && text.length <= maxScriptLength) texts.push(text);
  }
  return texts;
}

const maxScriptLength = 256 * 1024;
