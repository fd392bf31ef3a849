import { escapeRegExp } from './regExp';

/**
 * The site's own host, with or without `www.`: sites answer both (one redirects to the other), and writers use
 * both (swift.org's config says `https://swift.org`, its posts link `https://www.swift.org/…`).
 */
export function isSiteHost(host: string, siteHost: string): boolean {
  return bareHost(host.toLowerCase()) === bareHost(siteHost);
}

/** A regular expression source that matches the site's host as `isSiteHost` takes it. */
export function siteHostSource(siteHost: string): string {
  return `(?:www\\.)?${escapeRegExp(bareHost(siteHost))}`;
}

function bareHost(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}
