import slugify from '@sindresorhus/slugify';

/**
 * Eleventy's `slugify` filter, which its permalinks and IdAttributePlugin use: @sindresorhus/slugify
 * (the version Eleventy 3 depends on) with `decamelize` off. Accents are transliterated, `&` becomes `and`,
 * runs of anything else one hyphen.
 */
export function eleventySlugify(text: string): string {
  return slugify(text, { decamelize: false });
}

/** @sindresorhus/slugify as a site's own code calls it: `decamelize` on by default (`SassScript` → `sass-script`). */
export function sindresorhusSlugify(text: string, { decamelize }: { readonly decamelize: boolean }): string {
  return slugify(text, { decamelize });
}
