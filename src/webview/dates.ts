/**
 * Shows the card's dates in the writer's language (`<time datetime="2023-06-01">` → "June 1, 2023").
 * The date is a calendar date as written in the post, so it is formatted in UTC and never shifts a day.
 */
export function formatDates(within: ParentNode, locale: string): void {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  } catch {
    format = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });
  }
  for (const time of within.querySelectorAll<HTMLTimeElement>('time.pc-date[datetime]')) {
    const date = new Date(`${time.dateTime}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) time.textContent = format.format(date);
  }
}
