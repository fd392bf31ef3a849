import { findLinks } from '../links/findLinks';
import { isTemplateForm, linkTextFor } from '../site/linkText';
import { routesOf } from '../site/routes';
import type { Anchor, LinkReference } from '../links/model';
import { resolveLink } from '../site/resolveLink';
import { isPostPath } from '../site/fileSet';
import type { Site } from '../site/site';
import { closestMatches } from '../text/similarity';
import { relativePath } from '../text/paths';
import type { CheckContext } from './context';
import type { Fix } from './finding';
import { alternatives, msg, type Message } from '../l10n/message';

/** Links to pages, files and headings that the generator and the web server would not find. */
export function checkLinks(context: CheckContext): void {
  reportLinkProblems(context, findLinks(context.post, context.site.config));
}

/** The findings for links found earlier (the two-pass check keeps a post's links, not its text). */
export function reportLinkProblems(context: CheckContext, links: readonly LinkReference[]): void {
  for (const link of links) checkLink(context, link);
}

function checkLink(context: CheckContext, link: LinkReference): void {
  const { site, post } = context;
  const target = resolveLink(site, post.path, link);
  const shown = `"${link.raw}"`;
  if (target.kind === 'missing') {
    // The site's full address names a page of this host, which may serve more than the site builds.
    if (link.absolute) return;
    const movedTo = target.address ?? target.besideFile?.url;
    const termUrls = target.unusedTerm?.closest.map((url) => `${site.config.basePath}${url}${keptFragment(link)}`) ?? [];
    const fixes = movedTo ? [context.replaceFix(msg('Change to "{0}"', movedTo), link.range, movedTo, true)]
      : termUrls.length > 0 ? termUrls.map((url, index) => context.replaceFix(msg('Change to "{0}"', url), link.range, url, index === 0))
      : suggestionFixes(context, link, target.suggestions);
    // The generator stops on a template link to nothing, and a file link names a file that is not there;
    // a URL may still be served by something Postcraft does not see (a theme's page, the host's redirects), and a
    // relative one too where the site's templates write its redirects (longhorn.io's /docs/1.9.0/… → /docs/archives/1.9.0/…).
    const mayBeRedirected = site.hostRedirects.madeByTemplates && !isPostPath(link.path);
    const severity = stopsBuild(site, link) || (!isTemplateForm(link.form) && (target.why || (!link.path.startsWith('/') && !mayBeRedirected))) ? 'error' : 'warning';
    const address = target.address && (target.address.startsWith('mailto:') ? msg('It looks like an e-mail address written without "mailto:".') : msg('It looks like a web address written without "https://".'));
    const message = sentences(msg('No page or file at {0} (looked for {1}).', shown, target.lookedFor), target.why && msg('{0}.', target.why), address, target.besideFile && besideFileMessage(site, target.besideFile), target.unusedTerm && unusedTermMessage(site, target.unusedTerm.taxonomy), didYouMean(fixes));
    context.report({ code: 'broken-link', severity, range: link.range, message, fixes });
    return;
  }
  if (target.kind === 'unfollowed-file') {
    const url = site.posts.get(target.path)?.route?.url;
    const fixes = url ? [context.replaceFix(msg('Change to "{0}"', `${url}${keptFragment(link)}`), link.range, `${url}${keptFragment(link)}`, true)] : [];
    const name = site.profile.displayName;
    const unfollowed =
      site.config.generator === 'docusaurus' ? msg("{0} does not turn this file link into the page's URL (it does only between files of one plugin: docs to docs, blog to blog), so it stays {1} and is broken on the site.", name, shown)
      : site.config.generator === 'jekyll' ? msg("{0} does not turn this file link into the page's URL (that takes the jekyll-relative-links plugin, which GitHub Pages runs), so it stays {1} and is broken on the site.", name, shown)
      : msg("{0} does not turn this file link into the page's URL (the site has no link render hook that does), so it stays {1} and is broken on the site.", name, shown);
    context.report({ code: 'broken-link', severity: 'warning', range: link.range, message: sentences(unfollowed, url && msg('Link to "{0}" instead.', url)), fixes });
  }
  if (target.kind !== 'page' && target.kind !== 'unfollowed-file') return;
  const page = site.posts.get(target.path);
  const targetUnpublished = target.kind === 'page' && page && target.path !== post.path ? whyUnpublished(site, target.path) : undefined;
  // The redirect another page's alias writes there: a redirect, whose fragment no heading answers. (A template link
  // looks the page itself up: hugo 0.111.3 refs never reach an alias.)
  if (targetUnpublished && target.kind === 'page' && !isTemplateForm(link.form) && aliasRedirectsThere(site, target)) return;
  const unpublished = targetUnpublished && !linkedFromUnpublished(site, post.path) ? targetUnpublished : undefined;
  // A template link (Hugo `ref`, Jekyll `post_url`, `link`) to it stops the build: hugo 0.111.3 logs
  // REF_NOT_FOUND and fails, jekyll 4.3.1 raises "Could not find post"; a URL is only broken on the site.
  if (unpublished && stopsBuild(site, link)) context.report({ code: 'broken-link', severity: 'error', range: link.range, message: msg('{0} links to {1}, so the build stops on it.', shown, unpublished), fixes: [] });
  else if (unpublished) context.report({ code: 'broken-link', severity: 'warning', range: link.range, message: msg('{0} links to {1}, so the link is broken on the published site.', shown, unpublished), fixes: [] });
  if (link.fragment === undefined || link.fragment === '' || !link.fragmentRange) return;
  // A page never rendered on its own (a Hugo headless include) is shown inside another page, whose headings `#x` names.
  // (Hugo gives such a page no route; the summary, unlike the frontmatter, is there in a two-pass check too.)
  if (target.path === post.path && site.config.unrenderedPages && !page?.route) return;
  const anchors = page?.anchors;
  const fragment = link.fragment;
  const anchor = anchors?.find((candidate) => candidate.id === fragment);
  if (anchor && target.path === post.path && page?.excerptEnd !== undefined && link.range.start < page.excerptEnd && anchor.range.start > page.excerptEnd) {
    // Docusaurus' list pages show the post up to its truncate marker, the link but not the heading (docusaurus build 3.10.2
    // reports it from /, /tags/… and /authors/… on Azure/AKS's blog).
    context.report({ code: 'broken-anchor', severity: 'warning', range: link.fragmentRange, message: msg('"#{0}" is above the truncate marker and its heading below it: on the blog\'s list pages, which show the post up to the marker, the link leads nowhere.', fragment), fixes: [] });
    return;
  }
  if (!anchors || anchor || reachedWithoutHeading(site, fragment) || (!site.profile.links.buildChecksAnchors && namesThePage(fragment, page?.title))) return;
  const fixes = closestAnchors(fragment, anchors).map((id, index) => context.replaceFix(msg('Change to "{0}"', `#${id}`), link.fragmentRange!, id, index === 0));
  const missing =
    target.path === post.path
      ? msg('No heading or anchor "#{0}" in this page.', fragment)
      : msg('No heading or anchor "#{0}" in "{1}".', fragment, page?.title ?? target.path.slice(site.root.length + 1));
  context.report({ code: 'broken-anchor', severity: 'warning', range: link.fragmentRange, message: sentences(missing, didYouMean(fixes, '#')), fixes });
}

/** Why a term's URL is no page: the generator makes one only for a term in use. */
function unusedTermMessage(site: Site, taxonomy: string): Message {
  return msg('{0} makes a page below "/{1}/" only for a term some page of this language has in its {1}, and none has this one.', site.profile.displayName, taxonomy);
}

/** Why the file beside the page is not what the link reaches (see resolveLink.ts `besideFile`). */
function besideFileMessage(site: Site, beside: { readonly path: string; readonly url?: string }): Message {
  const name = site.profile.displayName;
  const file = relativePath(site.root, beside.path);
  return beside.url === undefined
    ? msg('{0} does not publish the file beside this page ({1}).', name, file)
    : msg("{0} publishes the file beside this page ({1}) at {2}, and the browser asks for the link from the page's URL.", name, file, beside.url);
}

/**
 * Fixes that write the link to each suggested page in the link's own form: only those that resolve
 * (a `ref` with a `lang` option that names no language stays broken whatever its path).
 */
function suggestionFixes(context: CheckContext, link: LinkReference, suggestions: readonly string[]): Fix[] {
  const { site, post } = context;
  const fixes: Fix[] = [];
  for (const suggestion of suggestions) {
    const text = linkTextFor(site, post.path, link, suggestion);
    if (text === undefined || text === link.raw) continue;
    const replacement = text + keptFragment(link);
    const resolved = resolveLink(site, post.path, { ...link, raw: replacement, path: text });
    if (resolved.kind === 'missing' || resolved.kind === 'unknown') continue;
    fixes.push(context.replaceFix(msg('Change to "{0}"', replacement), link.range, replacement, fixes.length === 0));
  }
  return fixes;
}

/** "Did you mean …?" with what the fixes write (after `prefix`: the `#` of a fragment), if any. */
function didYouMean(fixes: readonly Fix[], prefix = ''): Message | undefined {
  const replacements = fixes.map((fix) => `"${prefix}${fix.edits[0]!.newText}"`);
  return fixes.length > 0 ? msg('Did you mean {0}?', alternatives(replacements)) : undefined;
}

/** A template link (Hugo `ref`, Jekyll `post_url`) to no built page stops the build, unless the site's config only has it warn. */
function stopsBuild(site: CheckContext['site'], link: LinkReference): boolean {
  return isTemplateForm(link.form) && routesOf(site.config.generator).templateLinksToNothingWarn?.(site.config) !== true;
}

/** Sentences one after the other, the missing ones left out. */
function sentences(first: Message, ...more: (Message | '' | undefined)[]): Message {
  return more.reduce<Message>((text, next) => (next ? msg('{0} {1}', text, next) : text), first);
}

/**
 * `#top` (the top of any page, by the HTML standard), an ID the site's templates write on every page they
 * lay out, or a fragment that a script reads: a hashbang (`#!`, `#!/route`; AstroWind's demo post writes the
 * placeholder `[irure](#!)`), a route (`#/app/route`) or parameters (`#?version=6.1`, which swift.org's
 * evolution dashboard filters by). No generator starts a heading's ID with `!`, `/` or `?`.
 */
function reachedWithoutHeading(site: Site, fragment: string): boolean {
  return fragment.toLowerCase() === 'top' || /^[!/?]/.test(fragment) || site.templateIds.has(fragment);
}

/**
 * A fragment that is the target page's title as an ID (`object-meta#objectmeta` on a page "ObjectMeta" with no
 * heading of that ID): a browser finds no such element and shows the page from its top, where its title is, which is
 * what the link means. Docusaurus's build reports it all the same (karmada.io's generated API reference: 464 on 80
 * pages), so there it is reported too (`buildChecksAnchors`).
 */
function namesThePage(fragment: string, title: string | undefined): boolean {
  if (title === undefined) return false;
  const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const id = letters(fragment);
  return id !== '' && id === letters(title);
}

/** The fragment as written, when the link's replaced text includes it. */
function keptFragment(link: LinkReference): string {
  if (!link.fragmentRange || link.fragmentRange.start > link.range.end) return '';
  return `#${link.raw.slice(link.raw.indexOf('#') + 1)}`;
}

/**
 * Why the generator does not publish a page, in words for the message: a draft (Hugo, Jekyll's `_drafts/`,
 * Docusaurus), a date in the future or an expiry date past (Hugo), unless the site's config builds them
 * (Hugo `buildDrafts`, `buildFuture`, `buildExpired`; Jekyll `show_drafts`, `future`).
 */
/**
 * A draft may link to another draft: they are published together. An expired page is not built, so nothing it
 * links to reaches the site (digital.gov's expired news linking other expired news: hugo 0.133 writes neither).
 */
function linkedFromUnpublished(site: Site, path: string): boolean {
  const page = site.posts.get(path);
  return page !== undefined && (page.draft || site.hasExpired(page));
}

/**
 * Whether a published page lists the URL of `target`, an unpublished page, among its aliases: the generator writes
 * that page's redirect there (hugo 0.111.3 writes digital.gov's /resources/customer-experience-toolkit/ as a redirect
 * to the topic that took its place).
 */
function aliasRedirectsThere(site: Site, target: { readonly path: string; readonly viaAlias: boolean }): boolean {
  const url = site.posts.get(target.path)?.route?.url;
  const other = url === undefined || target.viaAlias ? undefined : site.urlMap().aliasAt(url);
  return other !== undefined && other !== target.path && whyUnpublished(site, other) === undefined;
}

function whyUnpublished(site: Site, path: string): Message | undefined {
  const page = site.posts.get(path)!;
  const name = site.profile.displayName;
  const { skipsDrafts, skipsFuturePosts } = site.publishing;
  if (page.draft && skipsDrafts) return msg('a draft, which {0} does not publish', name);
  const date = page.route?.date;
  if (date && skipsFuturePosts && Date.parse(date) > Date.now()) return msg('a post dated {0}, which {1} publishes only from that day', date.slice(0, 10), name);
  if (site.hasExpired(page)) return msg('a page that expired on {0}, which {1} no longer publishes', page.route!.expires!.slice(0, 10), name);
  return undefined;
}

/** Anchors the writer may have meant: the closest IDs, and headings whose text is the fragment. */
function closestAnchors(fragment: string, anchors: readonly Anchor[]): string[] {
  const byText = anchors.filter((anchor) => anchor.text?.toLowerCase() === fragment.toLowerCase().replace(/-/g, ' ')).map((anchor) => anchor.id);
  // A heading reworded around the same words (`#installing-operator` for "Installing the Operator").
  const words = fragment.toLowerCase().split('-').filter(Boolean);
  const byWords = words.length > 1 ? anchors.filter((anchor) => containsInOrder(anchor.id.toLowerCase().split('-'), words)).map((anchor) => anchor.id) : [];
  return [...new Set([...byText, ...closestMatches(fragment, anchors.map((anchor) => anchor.id), 3), ...byWords])].slice(0, 3);
}

/** Whether every one of `words` is in `parts`, in that order. */
function containsInOrder(parts: readonly string[], words: readonly string[]): boolean {
  let at = 0;
  for (const part of parts) if (part === words[at]) at++;
  return at === words.length;
}
