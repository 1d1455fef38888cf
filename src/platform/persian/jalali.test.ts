import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as jalaali from 'jalaali-js';
import {
  formatArticleDateTime,
  formatGregorianDate,
  formatJalaliDate,
  formatJalaliDateTime,
  formatTime,
  isValidTimeZone,
  jalaliDateParts,
  jalaliMonthName,
  startOfJalaliDay,
} from './jalali.js';

const TEHRAN = 'Asia/Tehran';
const BERLIN = 'Europe/Berlin';
const HOUR_MS = 60 * 60 * 1000;

test('formatArticleDateTime renders Jalali date, time and Gregorian date in the requested zone', () => {
  assert.equal(
    formatArticleDateTime(new Date('2024-01-27T08:55:00Z'), TEHRAN),
    '۰۷ بهمن ۱۴۰۲ - ۱۲:۲۵ - 27 January 2024',
  );
});

test('formatJalaliDate renders a two-digit day, the month name and the year in Persian digits', () => {
  assert.equal(formatJalaliDate(new Date('2024-01-27T08:55:00Z'), TEHRAN), '۰۷ بهمن ۱۴۰۲');
});

test('formatJalaliDate shows the last day of the year one minute before Nowruz', () => {
  assert.equal(formatJalaliDate(new Date('2024-03-19T20:29:00Z'), TEHRAN), '۲۹ اسفند ۱۴۰۲');
});

test('formatJalaliDate shows the first day of the new year at Nowruz', () => {
  assert.equal(formatJalaliDate(new Date('2024-03-19T20:30:00Z'), TEHRAN), '۰۱ فروردین ۱۴۰۳');
});

test('formatJalaliDate shows 30 Esfand in the leap year 1403', () => {
  assert.equal(formatJalaliDate(new Date('2025-03-20T12:00:00Z'), TEHRAN), '۳۰ اسفند ۱۴۰۳');
});

test('formatJalaliDate uses the same month names as jalaliMonthName for every month', () => {
  for (let month = 1; month <= 12; month++) {
    const date = startOfJalaliDay(1403, month, 15, TEHRAN);
    assert.equal(formatJalaliDate(date, TEHRAN), `۱۵ ${jalaliMonthName(month)} ۱۴۰۳`);
  }
});

test('formatTime renders 24-hour time in Persian digits', () => {
  assert.equal(formatTime(new Date('2024-01-27T08:55:00Z'), TEHRAN), '۱۲:۲۵');
});

test('formatTime renders a time just after midnight as hour zero', () => {
  assert.equal(formatTime(new Date('2024-01-27T20:35:00Z'), TEHRAN), '۰۰:۰۵');
});

test('formatTime renders afternoon hours without a 12-hour clock', () => {
  assert.equal(formatTime(new Date('2024-01-27T18:00:00Z'), TEHRAN), '۲۱:۳۰');
});

test('formatGregorianDate renders the date in English', () => {
  assert.equal(formatGregorianDate(new Date('2024-01-27T08:55:00Z'), TEHRAN), '27 January 2024');
});

test('formatGregorianDate uses the calendar day of the zone rather than of UTC', () => {
  assert.equal(formatGregorianDate(new Date('2024-01-27T21:00:00Z'), TEHRAN), '28 January 2024');
});

test('formatGregorianDate writes single-digit days without a leading zero', () => {
  assert.equal(formatGregorianDate(new Date('2024-03-05T12:00:00Z'), TEHRAN), '5 March 2024');
});

test('formatArticleDateTime keeps both calendars on the zone day when UTC is still on the previous day', () => {
  assert.equal(
    formatArticleDateTime(new Date('2024-01-27T21:00:00Z'), TEHRAN),
    '۰۸ بهمن ۱۴۰۲ - ۰۰:۳۰ - 28 January 2024',
  );
});

test('formatArticleDateTime follows the requested zone, not Tehran', () => {
  assert.equal(
    formatArticleDateTime(new Date('2024-01-27T08:55:00Z'), BERLIN),
    '۰۷ بهمن ۱۴۰۲ - ۰۹:۵۵ - 27 January 2024',
  );
});

test('formatting functions reject an unknown time zone with a RangeError', () => {
  assert.throws(() => formatJalaliDate(new Date('2024-01-27T08:55:00Z'), 'Mars/Olympus'), RangeError);
});

test('jalaliDateParts returns the Jalali date in the zone as ASCII numbers', () => {
  assert.deepEqual(jalaliDateParts(new Date('2024-01-27T08:55:00Z'), TEHRAN), {
    year: 1402,
    month: 11,
    day: 7,
  });
});

test('jalaliDateParts moves to the new year at Nowruz in Tehran', () => {
  assert.deepEqual(jalaliDateParts(new Date('2024-03-19T20:30:00Z'), TEHRAN), {
    year: 1403,
    month: 1,
    day: 1,
  });
});

test('jalaliMonthName names the first and last months', () => {
  assert.equal(jalaliMonthName(1), 'فروردین');
  assert.equal(jalaliMonthName(12), 'اسفند');
});

test('jalaliMonthName rejects months outside 1 to 12', () => {
  for (const month of [0, 13, 1.5, Number.NaN]) {
    assert.throws(() => jalaliMonthName(month), RangeError);
  }
});

test('startOfJalaliDay returns local midnight in Tehran as a UTC instant', () => {
  assert.equal(startOfJalaliDay(1403, 1, 1, TEHRAN).toISOString(), '2024-03-19T20:30:00.000Z');
});

test('startOfJalaliDay accepts 30 Esfand of the leap year 1403', () => {
  assert.equal(startOfJalaliDay(1403, 12, 30, TEHRAN).toISOString(), '2025-03-19T20:30:00.000Z');
});

test('startOfJalaliDay uses the winter offset in a DST zone in winter', () => {
  assert.equal(startOfJalaliDay(1402, 11, 7, BERLIN).toISOString(), '2024-01-26T23:00:00.000Z');
});

test('startOfJalaliDay uses the summer offset in a DST zone in summer', () => {
  assert.equal(startOfJalaliDay(1403, 4, 1, BERLIN).toISOString(), '2024-06-20T22:00:00.000Z');
});

test('startOfJalaliDay makes the day of the spring DST change 23 hours long in Berlin', () => {
  const changeDay = startOfJalaliDay(1403, 1, 12, BERLIN);
  const nextDay = startOfJalaliDay(1403, 1, 13, BERLIN);
  assert.equal(changeDay.toISOString(), '2024-03-30T23:00:00.000Z');
  assert.equal(nextDay.getTime() - changeDay.getTime(), 23 * HOUR_MS);
});

test('startOfJalaliDay starts a day whose midnight DST skipped at the moment the clocks jumped', () => {
  // Tehran moved from 00:00 to 01:00 on 2 Farvardin 1400 (2021-03-22), when it still observed DST.
  assert.equal(startOfJalaliDay(1400, 1, 2, TEHRAN).toISOString(), '2021-03-21T20:30:00.000Z');
});

test('startOfJalaliDay agrees with jalaliDateParts for every day of 1402 to 1404', () => {
  for (let year = 1402; year <= 1404; year++) {
    for (let month = 1; month <= 12; month++) {
      for (let day = 1; day <= jalaali.jalaaliMonthLength(year, month); day++) {
        const start = startOfJalaliDay(year, month, day, TEHRAN);
        assert.deepEqual(jalaliDateParts(start, TEHRAN), { year, month, day });
        assert.notDeepEqual(jalaliDateParts(new Date(start.getTime() - 1000), TEHRAN), { year, month, day });
      }
    }
  }
});

test('startOfJalaliDay rejects 30 Esfand of the common year 1402 with a RangeError', () => {
  assert.throws(() => startOfJalaliDay(1402, 12, 30, TEHRAN), RangeError);
});

test('startOfJalaliDay rejects an out-of-range month or a fractional day with a RangeError', () => {
  assert.throws(() => startOfJalaliDay(1403, 13, 1, TEHRAN), RangeError);
  assert.throws(() => startOfJalaliDay(1403, 1, 1.5, TEHRAN), RangeError);
});

test('isValidTimeZone accepts IANA zone names', () => {
  assert.equal(isValidTimeZone(TEHRAN), true);
  assert.equal(isValidTimeZone(BERLIN), true);
});

test('isValidTimeZone rejects unknown and empty names', () => {
  assert.equal(isValidTimeZone('Mars/Olympus'), false);
  assert.equal(isValidTimeZone(''), false);
});

test('formatJalaliDateTime joins the Jalali date and the time with a Persian comma', () => {
  assert.equal(formatJalaliDateTime(new Date('2024-01-27T08:55:00Z'), 'Asia/Tehran'), '۰۷ بهمن ۱۴۰۲، ۱۲:۲۵');
  // 23:50 in Tehran is still the same Jalali day, though UTC has moved on.
  assert.equal(formatJalaliDateTime(new Date('2024-01-27T20:20:00Z'), 'Asia/Tehran'), '۰۷ بهمن ۱۴۰۲، ۲۳:۵۰');
});

test('formatJalaliDateTime and jalaliDateParts agree with Intl minute by minute, across changes of offset', () => {
  // Tehran moved its clocks until 2022; St John's is three and a half hours behind UTC with summer
  // time; Kathmandu is 5:45 ahead. Every 37 minutes for a year hits each change and both midnights.
  const zones = [TEHRAN, BERLIN, 'America/St_Johns', 'Asia/Kathmandu'];
  const from = Date.UTC(2021, 0, 1);
  for (const timeZone of zones) {
    const display = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
      timeZone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    const numeric = new Intl.DateTimeFormat('en-US-u-ca-persian', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    for (let at = from; at < from + 366 * 24 * HOUR_MS; at += 37 * 60 * 1000) {
      const date = new Date(at);
      const parts = Object.fromEntries(
        display
          .formatToParts(date)
          .map(({ type, value }) => [type, value.replace(/[\u061c\u200e\u200f]/g, '')]),
      );
      const two = (text: string | undefined) => String(text).padStart(2, '۰');
      const expected = `${two(parts.day)} ${parts.month} ${parts.year}، ${two(parts.hour)}:${two(parts.minute)}`;
      assert.equal(formatJalaliDateTime(date, timeZone), expected, `${timeZone} ${date.toISOString()}`);
      const n = Object.fromEntries(
        numeric.formatToParts(date).map(({ type, value }) => [type, Number.parseInt(value, 10)]),
      );
      assert.deepEqual(
        jalaliDateParts(date, timeZone),
        { year: n.year, month: n.month, day: n.day },
        `${timeZone} ${date.toISOString()}`,
      );
    }
  }
});
