import type { FrontmatterSyntax } from '../frontmatter/split';
import { basename, isInside } from '../text/paths';
import type { GeneratorId, SiteConfig } from './model';

/**
 * A Hugo list page: a section, taxonomy or term page (`_index.md`, and per language `_index.es.md`).
 * Hugo gives it a title from its folder when it has none, and it lists posts rather than being one.
 * https://gohugo.io/content-management/sections/ — https://gohugo.io/content-management/multilingual/
 */
export function isListPage(generator: GeneratorId, path: string): boolean {
  return generator === 'hugo' && /^_index(\.[A-Za-z]{2,3}(-[A-Za-z0-9]+)*)?\.(md|markdown|mdown|mkd|mkdn|mdx|html?|org|adoc|pandoc|rst)$/i.test(basename(path));
}

/**
 * The frontmatter blocks each generator reads. All read `---` YAML. Hugo also reads `+++` TOML and a
 * JSON object (https://gohugo.io/content-management/front-matter/); Astro reads `+++` TOML. Jekyll
 * (`Document::YAML_FRONT_MATTER_REGEXP`), Docusaurus and Eleventy (gray-matter) read `---` only, so a
 * post opening with `{% callout %}` has no frontmatter there.
 */
export function frontmatterSyntaxOf(generator: GeneratorId): FrontmatterSyntax {
  // Astro (@astrojs/internal-helpers frontmatterRE, `(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---`) also skips blank
  // lines before the block and ends it at the first line that starts with `---`, as Hugo does.
  const lenient = generator === 'hugo' || generator === 'astro';
  return { toml: generator === 'hugo' || generator === 'astro' || generator === 'markdown', json: generator === 'hugo' || generator === 'markdown', afterBlankLines: lenient, closedByPrefix: lenient, textAfterOpener: generator === 'hugo' };
}

/** A file the generator's own rules leave out of the build (`SiteConfig.excludedFiles`). */
export function isExcludedFile(config: SiteConfig, path: string): boolean {
  const patterns = config.excludedFiles;
  if (!patterns?.length) return false;
  const relative = path.slice(config.root.length + 1);
  return patterns.some((pattern) => pattern.test(relative));
}

/** A file in an authors section of the content (`content/authors/…`): the registry's pages, not posts. */
export function inAuthorsSection(config: SiteConfig, path: string): boolean {
  return config.contentDirs.some((dir) => config.authorKeys.some((key) => isInside(`${dir}/${key}`, path)));
}
