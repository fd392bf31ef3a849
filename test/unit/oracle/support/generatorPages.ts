/** What a real generator made of a site's content files, in the terms Postcraft's site model has. */
export interface GeneratorPage {
  /** The content file, relative to the site root with `/` separators. */
  readonly file: string;
  /** Hugo's page kind (`page`, `section`, `taxonomy`, `term`, `home`); Jekyll's `post`, `page` or a collection's name. */
  readonly kind: string;
  readonly language: string | undefined;
  readonly title: string;
  /** The generator makes up a title when the frontmatter has none (Hugo list pages, Jekyll posts). */
  readonly derivesTitle: boolean;
  /** The date the generator gave the page (RFC 3339), when its frontmatter set one. */
  readonly date: string | undefined;
  readonly draft: boolean;
  /** Date keys of the frontmatter the generator could not read and dropped (Hugo 0.111 drops an unparsable `date`; Hugo 0.123 and later refuse the page). */
  readonly droppedDates: readonly string[];
  /** Tag terms (every tag-like taxonomy), as the generator keys its term pages; undefined where no tag page lists this kind of page (Jekyll pages). */
  readonly tags: readonly string[] | undefined;
  /** Author terms, as the generator keys them (Hugo's `authors` taxonomy; Jekyll's `author(s)` values). */
  readonly authors: readonly string[];
  /** The page's URL path below the site's base path (Hugo's `.RelPermalink`, the file Jekyll writes), where the build reports it. */
  readonly url?: string;
}

/** A content file the generator refused to build, and what it said. */
export interface RejectedFile {
  readonly file: string;
  readonly message: string;
}

export interface GeneratorBuild {
  readonly generator: 'hugo' | 'jekyll' | 'eleventy';
  readonly pages: readonly GeneratorPage[];
  /** Removed from the copy one by one until the build went through. */
  readonly rejected: readonly RejectedFile[];
  /** The site's languages, when it has more than one. */
  readonly languages: readonly string[];
  /** Set when the build failed for a reason no single content file explains. */
  readonly failure?: string;
}
