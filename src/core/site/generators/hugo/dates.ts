import { hugoReadsDate } from '../../../schema/dates';

/** A page date as Hugo 0.111 holds it: the calendar fields in the zone the date was written in. */
export interface HugoDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** The date as written (or a TOML date's ISO form), for `PageRoute.date`. */
  readonly text: string;
}

/** Hugo's zero date (0001-01-01), which a page without a readable date has: `:year` is `1`. */
export const zeroDate: HugoDate = { year: 1, month: 1, day: 1, text: '' };

/**
 * How Hugo's `[frontmatter]` date config is read (hugo 0.111 resources/page/pagemeta/page_frontmatter.go):
 * each date is the first identifier of its list that gives one; `:default` expands to the default list,
 * and `date`, `lastmod`, `publishdate` bring their aliases (`modified`; `pubdate`, `published`).
 */
export const defaultDateKeys = ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified'];
export const defaultPublishDateKeys = ['publishdate', 'pubdate', 'published', 'date'];
export const defaultExpiryDateKeys = ['expirydate', 'unpublishdate'];

const aliases: Readonly<Record<string, readonly string[]>> = { lastmod: ['modified'], publishdate: ['pubdate', 'published'], expirydate: ['unpublishdate'] };

export function dateKeysOf(setting: unknown, defaults: readonly string[], ownDefaults: readonly string[]): string[] {
  const list = Array.isArray(setting) ? setting.map((item) => String(item).toLowerCase()) : typeof setting === 'string' ? [setting.toLowerCase()] : undefined;
  if (!list) return [...defaults];
  const expanded = list.flatMap((item) => (item === ':default' ? [...ownDefaults] : [item]));
  return [...new Set(expanded.flatMap((item) => [item, ...(aliases[item] ?? [])]))];
}

const isoDigits = /^(\d{4})-(\d{2})-(\d{2})/;

/** A frontmatter date value as Hugo reads it (spf13/cast), or undefined when it cannot. */
export function readHugoDate(value: unknown): HugoDate | undefined {
  // A TOML date keeps its offset in toISOString (smol-toml's TomlDate): the fields as written.
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString()) : typeof value === 'string' ? value.trim() : '';
  if (text === '' || (typeof value === 'string' && !hugoReadsDate(text))) return undefined;
  const iso = isoDigits.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), text };
  // The layouts that spell the month carry their own zone; the instant's UTC day is near enough for them.
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return undefined;
  return { year: parsed.getUTCFullYear(), month: parsed.getUTCMonth() + 1, day: parsed.getUTCDate(), text };
}

/**
 * A date and slug from a file name that starts with one (`2024-05-03-hello.md`), for the `:filename`
 * date identifier (hugo 0.111 `dateAndSlugFromBaseFilename`).
 */
export function dateFromFileName(name: string): { date: HugoDate; slug: string } | undefined {
  const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
  if (stem.length < 10) return undefined;
  const date = readHugoDate(stem.slice(0, 10));
  return date ? { date, slug: stem.slice(10).replace(/^[ \-_]+|[ \-_]+$/g, '') } : undefined;
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function weekdayOf(date: HugoDate): number {
  const at = new Date(Date.UTC(2000, date.month - 1, date.day));
  at.setUTCFullYear(date.year);
  return at.getUTCDay();
}

function yearDayOf(date: HugoDate): number {
  const start = new Date(Date.UTC(2000, 0, 1));
  const at = new Date(Date.UTC(2000, date.month - 1, date.day));
  start.setUTCFullYear(date.year);
  at.setUTCFullYear(date.year);
  return Math.round((at.getTime() - start.getTime()) / 86_400_000) + 1;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A permalink's date attribute (hugo 0.111 `pageToPermalinkDate`). */
export function permalinkDatePart(date: HugoDate, attribute: string): string | undefined {
  switch (attribute) {
    case 'year':
      return String(date.year);
    case 'month':
      return pad(date.month);
    case 'monthname':
      return monthNames[date.month - 1];
    case 'day':
      return pad(date.day);
    case 'weekday':
      return String(weekdayOf(date));
    case 'weekdayname':
      return dayNames[weekdayOf(date)];
    case 'yearday':
      return String(yearDayOf(date));
  }
  return goFormat(date, attribute);
}

/** Go reference-time layout elements a permalink may use (`:2006`, `:01`, `:Jan`); others are not dates. */
const goLayoutElements: readonly [string, (date: HugoDate) => string][] = [
  ['January', (d) => monthNames[d.month - 1]!],
  ['Monday', (d) => dayNames[weekdayOf(d)]!],
  ['2006', (d) => pad(d.year, 4)],
  ['Jan', (d) => monthNames[d.month - 1]!.slice(0, 3)],
  ['Mon', (d) => dayNames[weekdayOf(d)]!.slice(0, 3)],
  ['002', (d) => pad(yearDayOf(d), 3)],
  ['01', (d) => pad(d.month)],
  ['02', (d) => pad(d.day)],
  ['_2', (d) => String(d.day).padStart(2, ' ')],
  ['06', (d) => pad(d.year % 100)],
  ['1', (d) => String(d.month)],
  ['2', (d) => String(d.day)],
];

/** A Go time layout with date elements only (`2006`, `01-02`); undefined when it holds none (not a date attribute). */
export function goFormat(date: HugoDate, layout: string): string | undefined {
  let out = '';
  let matched = false;
  for (let index = 0; index < layout.length; ) {
    const element = goLayoutElements.find(([name]) => layout.startsWith(name, index));
    if (element) {
      out += element[1](date);
      index += element[0].length;
      matched = true;
    } else {
      out += layout[index];
      index++;
    }
  }
  return matched ? out : undefined;
}
