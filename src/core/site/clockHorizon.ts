import type { Site } from './site';

/**
 * The first instant after `now` at which the site's findings may change with no file changed: a post
 * dated later goes live then (Hugo and Jekyll publish future posts only from their date, and a link
 * to one is reported until then), a page expires (Hugo), or `now` itself when a page's URL is made from
 * the build's clock.
 * `Infinity` when the clock changes nothing. Caches keep findings no longer than this.
 */
export function clockHorizon(site: Site, now: number): number {
  const { skipsFuturePosts, skipsExpiredPages } = site.publishing;
  let horizon = Infinity;
  const later = (at: string | undefined) => {
    const date = at === undefined ? NaN : Date.parse(at);
    if (date > now && date < horizon) horizon = date;
  };
  for (const post of site.posts.values()) {
    const route = post.route;
    if (route?.datedByBuild) return now;
    if (skipsFuturePosts) later(route?.date);
    if (skipsExpiredPages) later(route?.expires);
  }
  return horizon;
}
