/**
 * Whether an import specifier names a module of the site itself, not a package: a relative or root path, Docusaurus'
 * `@site/`, the conventional `~/` and `@/`, or one of the site's tsconfig aliases (`@components/`, tauri-docs' Astro pages).
 */
export function isOwnModule(specifier: string, aliases: readonly (readonly [prefix: string, target: string])[] = []): boolean {
  return /^(?:\.{1,2}\/|\/|@site\/|~\/|@\/)/.test(specifier) || aliases.some(([prefix]) => specifier.startsWith(prefix));
}
