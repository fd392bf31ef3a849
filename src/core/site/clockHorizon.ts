import type { Site } from './site';

/**
 * The first instant after `now` at which the site's findings may change with no file changed: a post
 * dated later goes live then (Hugo and Jekyll publish future posts only from their date, and a link
 * to one is reported until then), a page expires (Hugo), or `now` itself when a page's URL is made from
 * the build's clock.
 * `Infinity` when the clock changes nothing. Caches keep findings no longer than this.
 */
export function clockHorizon(site: Site, now: number): number {
  let horizon = Infinity;
  for (const post of site.posts.values()) {
    const route = post.route;
    if (route?.datedByBuild) return now;
    const { skipsFuturePosts, skipsExpiredPages } = site.publishing;
    for (const at of [skipsFuturePosts ? route?.date : undefined, skipsExpiredPages ? route?.expires : undefined]) {
      const date = at === undefined ? NaN : Date.parse(at);
      if (date > now && date < horizon) horizon = date;
    }
  }
  return horizon;
}
