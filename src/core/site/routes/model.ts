/** Where the generator publishes a page, as URL paths below the site's base path. */
export interface PageRoute {
  /** The page's URL path as the generator writes it: `/blog/2024/05/slug/`, `/about.html`. Starts with `/`. */
  readonly url: string;
  /** Other URL paths that reach it (Hugo `aliases`, Jekyll `redirect_from`). */
  readonly aliases: readonly string[];
  /** Its publication date (`YYYY-MM-DD…`), when it has one: a link to a page dated later is to a future post. */
  readonly date?: string;
  /** Its expiry date (Hugo `expiryDate`), when it has one: from then on the generator no longer builds it. */
  readonly expires?: string;
  /** Its URL is made from the build's clock (Jekyll dates a document without a date by the build's time). */
  readonly datedByBuild?: true;
}
