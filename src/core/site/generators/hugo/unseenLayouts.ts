/**
 * Themes and modules a site's repository may not hold (a module, an empty submodule), as their sources show them: what
 * their render hook, if any, does with a Markdown image. `resizes`: it writes resized copies (a `srcset`) rather than
 * the file; `publishesAssets`: it looks the path up among global resources too (`resources.Get`), so a file of
 * assets/ is published.
 * - Docsy (google/docsy at 83c5cc1): no render hooks at all.
 * - PaperMod (adityatelange/hugo-PaperMod at d376885): `_markup/render-image.html` looks the image up in the page's
 *   resources, then the global ones, and writes its `RelPermalink`.
 * - Stack (CaiJimmy/hugo-theme-stack, v3.29 and 4.0.3): `helper/image` looks in the page's resources only, and
 *   `helper/responsive-image` writes a `srcset` of resized copies.
 * - hugo-shortcode-gallery (b0508b3) and gohugo-asciinema (c2996a1): shortcodes only.
 */
interface KnownImageHook {
  readonly resizes: boolean;
  readonly publishesAssets: boolean;
}

const noHook: KnownImageHook = { resizes: false, publishesAssets: false };
const knownLayouts: readonly (readonly [RegExp, KnownImageHook])[] = [
  [/^docsy(?:\/|$)|github\.com\/google\/docsy\b/i, noHook],
  [/papermod/i, { resizes: false, publishesAssets: true }],
  [/hugo-theme-stack/i, { resizes: true, publishesAssets: false }],
  [/hugo-shortcode-gallery|gohugo-asciinema/i, noHook],
];

/** What a theme (by its folder name) or a module (by its path) not on disk does with Markdown images, where Postcraft knows it. */
export function knownImageHook(source: string): KnownImageHook | undefined {
  return knownLayouts.find(([pattern]) => pattern.test(source))?.[1];
}
