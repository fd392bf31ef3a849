import { inAuthorsSection, isListPage } from './pageKinds';
import type { Site } from './site';

/**
 * What the writer sees of a site at a glance (status bar, Posts view): its posts, and who wrote them.
 * One place, so that every view counts the same things.
 */

/** A page that lists or describes rather than being a post: a Hugo section/term page, an author's page. */
export function isListingPage(site: Site, path: string): boolean {
  return isListPage(site.config.generator, path) || inAuthorsSection(site.config, path);
}

/** The posts of the site, without listing pages. */
export function postPaths(site: Site): string[] {
  return [...site.posts.keys()].filter((path) => !isListingPage(site, path));
}

/**
 * Every author, by registry id (a name written in posts that the registry knows joins its entry), with
 * their posts: the registry's authors (with or without posts) and names posts use that it lacks.
 */
export function postsByAuthor(site: Site): Map<string, string[]> {
  const byAuthor = new Map<string, string[]>();
  for (const author of site.authors.values()) byAuthor.set(author.id, []);
  for (const path of postPaths(site)) {
    for (const name of site.posts.get(path)!.authors) {
      const id = site.findAuthor(name)?.id ?? name;
      let posts = byAuthor.get(id);
      if (!posts) byAuthor.set(id, (posts = []));
      if (posts[posts.length - 1] !== path) posts.push(path); // a post naming one author twice; its paths come together
    }
  }
  return byAuthor;
}
