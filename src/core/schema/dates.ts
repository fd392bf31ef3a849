/**
 * Which frontmatter date strings each generator reads. The YAML reader keeps dates as strings (YAML 1.2
 * has no timestamps), so a string here is what the writer typed; TOML dates arrive as `Date` and pass.
 */

/** YYYY-MM-DD with an optional time and zone: what Astro, Docusaurus and Eleventy read alike. */
const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isReadableDate(value: string): boolean {
  const match = isoDate.exec(value.trim());
  return Boolean(match && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])));
}

// Astro's collections read a date through the site's own zod schema, most often `z.coerce.date()` (its blog
// template and docs), which is `new Date(value)`; a `z.string()` or a transform takes anything. Docusaurus
// validates `date` with Joi's `date()`, which is `new Date(value)` too (Joi 17, tried). So both take what V8's
// date parser takes (`11 Oct 2023`, `2023/10/11`, even `2024-02-30`), and refuse `TBD`: astro 7.4.8 fails the
// build on it ("Expected type date"). Before that, their YAML reader (js-yaml) makes a date of a YAML 1.1
// timestamp, one-digit month included: electronjs.org dates posts `2023-2-07T00:00:00.000Z`, which V8 refuses.
export function javaScriptReadsDate(value: string): boolean {
  return !Number.isNaN(Date.parse(value.trim())) || isJsYamlTimestamp(value);
}

// Eleventy reads front matter with gray-matter's js-yaml 3 (YAML 1.1), which makes a timestamp of
// `2015-03-17 14:00:00 -4`: one- or two-digit month, day, hour and zone hour, seconds required
// (js-yaml type/timestamp.js YAML_TIMESTAMP_REGEXP); 18F's posts are dated so. Other strings go to Luxon's fromISO.
const jsYamlTimestamp = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?$/;

export function eleventyReadsDate(value: string): boolean {
  return isReadableDate(value) || isJsYamlTimestamp(value);
}

function isJsYamlTimestamp(value: string): boolean {
  const match = jsYamlTimestamp.exec(value.trim());
  return Boolean(match && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) && Number(match[4]) < 24);
}

// Hugo 0.111 reads a date string with spf13/cast's StringToDateInDefaultLocation, which tries a fixed list
// of Go layouts (cast v1.5 `timeFormats`); a string none of them takes becomes the zero date, 0001-01-01,
// without an error. Checked against `hugo list all` on a site of one post per form.
// In Go layouts `15` (hour) takes one or two digits, `01`/`02`/`04`/`05` exactly two, fractional seconds
// may follow the seconds in any layout, a space matches a run of spaces, names are matched in any case.
const ymd = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const hms = String.raw`(\d{1,2}):(\d{2}):(\d{2})(?:[.,]\d+)?`;
const sp = ' +';
const colonZone = String.raw`[+-](?:[01]\d|2[0-3]):[0-5]\d`; // -07:00
const plainZone = String.raw`[+-](?:[01]\d|2[0-3])[0-5]\d`; // -0700
const zoneName = '[A-Z]{3,5}'; // MST, CEST, UTC
const weekdayShort = '(?:mon|tue|wed|thu|fri|sat|sun)';
const weekdayLong = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const month = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
/** Layouts with the date first as YYYY-MM-DD (groups: year, month, day, hour, minute, second). */
const hugoIsoLayouts = new RegExp(
  `^${ymd}(?:` +
    [
      `T${hms}(?:Z|${colonZone}|${plainZone})?`, // RFC3339, 2006-01-02T15:04:05, 2006-01-02T15:04:05-0700
      `${sp}${hms}(?:Z|${colonZone}|${plainZone})?`, // 2006-01-02 15:04:05, …Z0700, …Z07:00
      `${sp}${hms}${sp}(?:${colonZone}|${plainZone})`, // 2006-01-02 15:04:05 -07:00 / -0700
      `${sp}${hms}${sp}${plainZone}${sp}${zoneName}`, // Time.String(): 2006-01-02 15:04:05.999999999 -0700 MST
    ].join('|') +
    ')?$',
);
/** Layouts that spell the month (RFC 1123, 822, 850, ANSIC, UnixDate, RubyDate, 02 Jan 2006, Stamp, Kitchen). */
const hugoNamedLayouts = [
  `${weekdayShort}, (\\d{2}) ${month} \\d{4} ${hms} (?:${plainZone}|${zoneName})`,
  `(\\d{2}) ${month} \\d{2} \\d{1,2}:\\d{2} (?:${plainZone}|${zoneName})`,
  `${weekdayLong}, (\\d{2})-${month}-\\d{2} ${hms} ${zoneName}`,
  `${weekdayShort} ${month} (\\d{1,2}) ${hms}(?: ${zoneName}| ${plainZone})? \\d{4}`,
  `(\\d{2}) ${month} \\d{4}`,
  `${month} (\\d{1,2}) ${hms}`,
  String.raw`\d{1,2}:\d{2}(?:AM|PM)`,
].map((layout) => new RegExp(`^${layout.replaceAll(' ', ' +')}$`, 'i'));

export function hugoReadsDate(value: string): boolean {
  const text = value.trim();
  const iso = hugoIsoLayouts.exec(text);
  if (iso) {
    // The time is the first of the layouts' (hour, minute, second) triples that matched; read in place,
    // without the arrays a slice and filter made for each post's dates.
    let at = 4;
    while (at < iso.length && iso[at] === undefined) at += 3;
    const [hour, minute, second] = at < iso.length ? [Number(iso[at]), Number(iso[at + 1]), Number(iso[at + 2])] : [0, 0, 0];
    return isCalendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) && hour < 24 && minute < 60 && second < 60;
  }
  return hugoNamedLayouts.some((layout) => layout.test(text));
}

// Jekyll reads a post's date with Ruby's `Time.parse(date.to_s)` (Utils.parse_date, called from
// Document#merge_date!), and a date it cannot read stops the build ("Invalid date"). Time.parse is a very
// lenient guesser (`2015-08-27 5:00`, `Aug 27, 2015`, `27.08.2015` all pass), so this only turns down
// what it surely refuses, checked against Ruby 3.1 and `jekyll build`: nothing at all, no date words or
// numbers (`TBD`, `yesterday`, `Monday`), a year alone, numbers out of range in an ISO-like date, and a
// US-style month-first date (`08/27/2015`: Ruby reads day first and finds no 27th month).
const monthName = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
/** Day first with a four-digit year (`27/08/2015`, `27.08.2015`): Ruby never reads it month first. */
const dayMonthYear = /^(\d{1,2})[/.](\d{1,2})[/.]\d{4}$/;
const isoLike = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(?:Z|UTC|[+-](\d{2}):?(\d{2}))?\b/i;

export function jekyllReadsDate(value: string): boolean {
  const text = value.trim();
  if (text === '' || /^\d{4}(?:-\d{1,2})?$/.test(text)) return false;
  const iso = isoLike.exec(text);
  if (iso) {
    const [, , monthNumber, day, hour, minute, second, offsetHours] = iso.map((part) => (part === undefined ? 0 : Number(part)));
    // Time.parse rolls 2015-02-30 over to March 2, but refuses a 13th month, day 32, 23:60 or +25:00.
    return monthNumber! >= 1 && monthNumber! <= 12 && day! >= 1 && day! <= 31 && hour! <= 24 && minute! < 60 && second! <= 60 && offsetHours! < 24;
  }
  const dayFirst = dayMonthYear.exec(text);
  if (dayFirst) return Number(dayFirst[1]) >= 1 && Number(dayFirst[1]) <= 31 && Number(dayFirst[2]) >= 1 && Number(dayFirst[2]) <= 12;
  return /\d/.test(text.replace(/\b\d{4}\b/, '')) || monthName.test(text);
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  // By the calendar's rules for the years a date is written with; `Date.UTC`'s (which reads years 0-99 as
  // 1900-1999) for any other numbers. A Date object per date read was a good part of reading each post's dates.
  if (Number.isInteger(year) && year >= 100 && year <= 9999 && Number.isInteger(month) && Number.isInteger(day)) {
    if (month < 1 || month > 12 || day < 1) return false;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date the quick fix may write instead of one the generator cannot read: ISO, and which reading it is. */
export interface DateReading {
  readonly iso: string;
  /** Set when the written date has two readings: `day first` or `month first`. */
  readonly order?: 'day first' | 'month first';
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const weekday = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const ordinal = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const clock = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?`;
const yearFirst = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${clock}$`);
const numericDayOrMonthFirst = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${clock}$`);
const monthThenDay = new RegExp(String.raw`^${weekday}([a-z]{3,9})\.?\s+${ordinal},?\s+(\d{4})${clock}$`, 'i');
const dayThenMonth = new RegExp(String.raw`^${weekday}${ordinal}\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})${clock}$`, 'i');

/**
 * The ISO dates a writer's date may mean, for the quick fix: one for an unambiguous date (`2024-3-4`,
 * `13/04/2024`, `June 5th, 2024`), two for a numeric date that reads either way (`03/04/2024` is 3 April
 * or March 4th, `5.6.2024` alike), none when it is no date. A time of day is kept (`2024-3-4 9:30` →
 * `2024-03-04 09:30:00`); a zone or an AM/PM, which would need guessing, means no reading.
 */
export function dateReadings(value: string): DateReading[] {
  const text = value.trim();
  const format = (year: number, month: number, day: number, time: (string | undefined)[]): string | undefined => {
    if (!isCalendarDay(year, month, day)) return undefined;
    const [hour, minute, second = '0'] = time;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (hour === undefined) return date;
    return Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60 ? `${date} ${pad(Number(hour))}:${minute}:${pad(Number(second))}` : undefined;
  };
  const one = (iso: string | undefined): DateReading[] => (iso ? [{ iso }] : []);
  let match = yearFirst.exec(text);
  if (match) return one(format(Number(match[1]), Number(match[2]), Number(match[3]), match.slice(4)));
  match = numericDayOrMonthFirst.exec(text);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[3]), Number(match[4])];
    const time = match.slice(5);
    const dayFirst = format(year, second, first, time);
    const monthFirst = format(year, first, second, time);
    if (dayFirst && monthFirst && dayFirst !== monthFirst) return [{ iso: dayFirst, order: 'day first' }, { iso: monthFirst, order: 'month first' }];
    return one(dayFirst ?? monthFirst);
  }
  match = monthThenDay.exec(text);
  if (match) return one(named(match[1]!, Number(match[2]), Number(match[3]), match.slice(4)));
  match = dayThenMonth.exec(text);
  if (match) return one(named(match[2]!, Number(match[1]), Number(match[3]), match.slice(4)));
  return [];

  function named(monthWord: string, day: number, year: number, time: (string | undefined)[]): string | undefined {
    const word = monthWord.toLowerCase();
    const index = monthNames.findIndex((name) => word.startsWith(name));
    // `Sept`, `June`, `January`: a month's name or its start, never another word starting alike (`Marching`).
    const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][index];
    return index >= 0 && full!.startsWith(word) ? format(year, index + 1, day, time) : undefined;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
