import { isImagePath } from '../site/fileSet';

/** `import hero from './hero.png'` in an MDX body: the names bound to image files, and their paths. */
export function mdxImageImports(body: string): Map<string, string> {
  const imports = new Map<string, string>();
  for (const match of body.matchAll(/^import\s+([\w$]+)\s+from\s+(['"])([^'"\n]+)\2/gm)) {
    if (isImagePath(match[3]!.replace(/[?#].*$/, ''))) imports.set(match[1]!, match[3]!);
  }
  return imports;
}
