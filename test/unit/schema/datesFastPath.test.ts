import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateReadings, hugoReadsDate, isReadableDate } from '../../../src/core/schema/dates';

// The date readers work the calendar out by arithmetic; these hold them to what a Date object says
// (`Date.UTC`, years 0-99 read as 1900-1999), as dates.ts did before.
function dateSaysCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const digits = (count: number, max: number) => fc.integer({ min: 0, max }).map((value) => String(value).padStart(count, '0'));
const year = fc.oneof(digits(4, 9999), fc.constantFrom('0000', '0004', '0099', '0100', '1900', '2000', '2023', '2024', '2100', '2400'));
const twoDigits = fc.oneof(digits(2, 99), fc.constantFrom('00', '01', '02', '12', '13', '28', '29', '30', '31', '32'));
// Times in the forms of Hugo's ISO layouts (the other layouts spell the month), hours of one or two digits.
const clock = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean(), twoDigits, twoDigits, fc.constantFrom('', '.5', ',123')).map(([h, pad, m, s, fraction]) => `${pad ? String(h).padStart(2, '0') : h}:${m}:${s}${fraction}`);
const time = fc.oneof(
  fc.constant(''),
  fc.tuple(clock, fc.constantFrom('', 'Z', '+02:00', '-0700')).map(([c, zone]) => `T${c}${zone}`),
  fc.tuple(fc.constantFrom(' ', '  '), clock, fc.constantFrom('', 'Z', '+02:00', '-0700', ' +02:00', ' -0700', ' +0200 CEST')).map(([sep, c, zone]) => `${sep}${c}${zone}`),
);
const isoLike = fc.tuple(year, twoDigits, twoDigits, time).map(([y, m, d, t]) => `${y}-${m}-${d}${t}`);

describe('date readers: the calendar by arithmetic', () => {
  it('Hugo reads the day as Date.UTC does, with the time in range (property)', () => {
    fc.assert(
      fc.property(isoLike, (text) => {
        const match = /^(\d{4})-(\d{2})-(\d{2})(?:(?:T| +)(\d{1,2}):(\d{2}):(\d{2}))?/.exec(text)!;
        const [hour, minute, second] = match[4] === undefined ? [0, 0, 0] : [Number(match[4]), Number(match[5]), Number(match[6])];
        const expected = dateSaysCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) && hour < 24 && minute < 60 && second < 60;
        assert.equal(hugoReadsDate(text), expected, text);
      }),
      { numRuns: 20_000 },
    );
  });

  it('the ISO reader and the quick fix take the same days as Date.UTC (property)', () => {
    fc.assert(
      fc.property(year, twoDigits, twoDigits, (y, m, d) => {
        assert.equal(isReadableDate(`${y}-${m}-${d}`), dateSaysCalendarDay(Number(y), Number(m), Number(d)));
        assert.equal(dateReadings(`${y}-${m}-${d}`).length > 0, dateSaysCalendarDay(Number(y), Number(m), Number(d)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('knows leap days', () => {
    assert.deepEqual(['2024-02-29', '2000-02-29', '1900-02-29', '2100-02-29', '0004-02-29', '0000-02-29', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10'].map(hugoReadsDate), [true, true, false, false, true, false, false, false, false, false]);
  });
});
