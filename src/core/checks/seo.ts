import { isOverLimit, seoLengths } from '../site/seoFacts';
import type { Check } from './context';
import { msg } from '../l10n/message';

/**
 * `seo-title-length` and `seo-description`: off unless the site turns them on (settings/findingCodes.ts),
 * since a long title is a choice, not a mistake. Limits from `seo` in postcraft.config.json.
 */
export const checkSeo: Check = (context) => {
  const { site, post } = context;
  const frontmatter = post.frontmatter;
  if (!frontmatter || frontmatter.unread) return;
  const { title, description } = seoLengths(site, post);
  if (title?.range && isOverLimit(title)) {
    context.report({ code: 'seo-title-length', severity: 'warning', range: title.range, message: msg('The title is {0} characters: search results show about {1}.', title.length, title.limit!) });
  }
  if (!description) {
    const opening = { start: frontmatter.blockRange.start, end: frontmatter.blockRange.start + 3 };
    context.report({ code: 'seo-description', severity: 'warning', range: opening, message: msg('No description: search results and link previews will show a piece of the text instead.') });
  } else if (description.range && isOverLimit(description)) {
    context.report({ code: 'seo-description', severity: 'warning', range: description.range, message: msg('The description is {0} characters: search results cut it after about {1}.', description.length, description.limit!) });
  }
};
