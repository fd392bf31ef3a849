import { globMatcher } from '../settings/siteSettings';
import { basename, dirname, extname, isInside, joinPath, normalizePath } from '../text/paths';

/**
 * `postcraft.images.destination`, read the way VS Code reads `markdown.copyFiles.destination`: the first
 * glob that matches the post (relative to its workspace folder; without a leading `/` it matches at any
 * depth) gives the destination, with `${…}` variables; a relative destination is taken from the post's
 * folder, one starting with `/` is a full path (`${documentWorkspaceFolder}/static/img/`), and one ending
 * with `/` gets `${fileName}`.
 */
export type ImageDestinationRules = Readonly<Record<string, unknown>>;

/** The file a new image `fileName` for `postPath` goes to by the rules, or undefined when none matches. */
export function configuredImageDestination(rules: ImageDestinationRules, postPath: string, workspaceFolder: string, fileName: string, date = new Date()): string | undefined {
  const relative = isInside(workspaceFolder, postPath) ? postPath.slice(workspaceFolder.length).replace(/^\/*/, '') : undefined;
  if (relative === undefined) return undefined;
  for (const [glob, destination] of Object.entries(rules)) {
    if (typeof destination !== 'string' || destination.trim() === '') continue;
    const pattern = glob.startsWith('/') ? glob.slice(1) : `**/${glob}`;
    if (!globMatcher(pattern)(relative)) continue;
    const expanded = expandVariables(destination.endsWith('/') ? `${destination}\${fileName}` : destination, postPath, relative, workspaceFolder, fileName, date);
    return expanded.startsWith('/') ? normalizePath(expanded) : joinPath(dirname(postPath), expanded);
  }
  return undefined;
}

function expandVariables(template: string, postPath: string, relative: string, workspaceFolder: string, fileName: string, date: Date): string {
  const postName = basename(postPath);
  const postExt = extname(postName);
  const relativeDir = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '';
  const values: Record<string, string> = {
    documentDirName: dirname(postPath),
    documentRelativeDirName: relativeDir,
    documentFileName: postName,
    documentBaseName: postName.slice(0, postName.length - postExt.length),
    documentExtName: postExt.slice(1),
    documentFilePath: postPath,
    documentRelativeFilePath: relative,
    documentWorkspaceFolder: workspaceFolder,
    fileName,
    fileExtName: extname(fileName).slice(1),
    unixTime: String(date.getTime()),
    isoTime: date.toISOString(),
  };
  // An unknown variable stays as written, as VS Code leaves it; the name then shows the writer the typo.
  return template.replace(/\$\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
