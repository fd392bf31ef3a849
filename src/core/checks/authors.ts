import { closestMatches } from '../text/similarity';
import { isInside, normalizePath } from '../text/paths';
import type { Check } from './context';
import type { Fix } from './finding';
import { innerRange, valuesOf } from '../frontmatter/values';
import { msg, titled } from '../l10n/message';

/** Authors named in a post that the site's author registry does not define. */
export const checkAuthors: Check = (context) => {
  const { site, post } = context;
  if (site.authors.size === 0) return; // no registry: authors are free text
  for (const { node } of valuesOf(post, site.config.authorKeys)) {
    if (typeof node.value !== 'string' || site.findAuthor(node.value) || isListOfAuthors(node.value, (part) => site.findAuthor(part) !== undefined)) continue;
    const name = node.value;
    const byName = new Map<string, string>();
    for (const author of site.authors.values()) {
      byName.set(author.id, author.id);
      if (author.name) byName.set(author.name, author.id);
    }
    const suggestions = [...new Set(closestMatches(name, byName.keys()).map((match) => byName.get(match)!))];
    const range = innerRange(node);
    const fixes: Fix[] = suggestions.map((id, index) => context.replaceFix(msg('Change to "{0}"', id), range, id, index === 0));
    const stub = site.profile.authorStub?.(site.config, name);
    // A content folder outside the site (Hugo `contentDir = ".."`) is no place to write: no fix then.
    const path = stub && normalizePath(stub.path);
    if (stub && path && isInside(site.root, path) && !site.files.has(path)) fixes.push({ ...titled(msg('Create author "{0}"', name)), edits: [], createFile: { ...stub, path } });
    // An empty name is no one's, a term page or not (digitalgov.gov's `authors: [""]` shows an empty author card).
    const makesTermPage = site.config.authorsAreTerms === true && name.trim() !== '';
    const message = suggestions.length
      ? msg('Unknown author "{0}": not in the site\'s authors. Did you mean "{1}"?', name, suggestions[0]!)
      : makesTermPage
        ? msg('Author "{0}" has no profile in the site\'s authors: {1} makes a page of the name alone.', name, site.profile.displayName)
        : msg('Unknown author "{0}": not in the site\'s authors.', name);
    // Where every name makes a term page (RCODI's Wowchemy site names 360 co-authors without a profile), a new name is
    // likely meant: a note, and a warning where it is close to an author the site has.
    const severity = !makesTermPage ? 'error' : suggestions.length > 0 ? 'warning' : 'info';
    context.report({ code: 'unknown-author', severity, range, message, fixes });
  }
};

/**
 * `author: asterite,waj`: every part between commas an author of the registry, which the site's templates split
 * (crystal-lang.org's post meta include splits on `,` and shows each author's name).
 */
function isListOfAuthors(value: string, isAuthor: (id: string) => boolean): boolean {
  const parts = value.split(',').map((part) => part.trim());
  return parts.length > 1 && parts.every((part) => part !== '' && isAuthor(part));
}
