import * as jalaali from 'jalaali-js';
import { toAsciiDigits, toPersianDigits } from './digits.js';
import { jalaliMonthName } from './jalali.js';

export interface JalaliDay {
  year: number;
  month: number;
  day: number;
}

export interface MonthGrid {
  year: number;
  month: number;
  monthName: string;
  daysInMonth: number;
  /** Rows of seven cells, Saturday first; null pads the days of neighbouring months. */
  weeks: (number | null)[][];
}

const DAY_MS = 24 * 60 * 60 * 1000;

function toUtcMs({ year, month, day }: JalaliDay): number {
  const { gy, gm, gd } = jalaali.toGregorian(year, month, day);
  return Date.UTC(gy, gm - 1, gd);
}

function fromUtcMs(ms: number): JalaliDay {
  const date = new Date(ms);
  const { jy, jm, jd } = jalaali.toJalaali(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  return { year: jy, month: jm, day: jd };
}

/** The day of the Persian week, 0 for Saturday (شنبه) through 6 for Friday (جمعه). */
export function weekdayOf(date: JalaliDay): number {
  return (new Date(toUtcMs(date)).getUTCDay() + 1) % 7;
}

/** The days of a Jalali month laid out in Saturday-first weeks, as a calendar prints them. */
export function monthGrid(year: number, month: number): MonthGrid {
  const daysInMonth = jalaali.jalaaliMonthLength(year, month);
  const cells: (number | null)[] = Array.from({ length: weekdayOf({ year, month, day: 1 }) }, () => null);
  for (let day = 1; day <= daysInMonth; day += 1) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { year, month, monthName: jalaliMonthName(month), daysInMonth, weeks };
}

export function addDays(date: JalaliDay, days: number): JalaliDay {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Moves by whole months, keeping the day where the target month has it and clamping it otherwise. */
export function addMonths(date: JalaliDay, months: number): JalaliDay {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, jalaali.jalaaliMonthLength(year, month)) };
}

export function sameDay(a: JalaliDay, b: JalaliDay): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Today in the browser's own time zone, which is the newsroom's. */
export function jalaliToday(now: Date): JalaliDay {
  const { jy, jm, jd } = jalaali.toJalaali(now);
  return { year: jy, month: jm, day: jd };
}

/**
 * Reads a date typed as year/month/day in Persian or Latin digits (separators «/», «-» or «.»), e.g.
 * «۱۴۰۵/۹/۸»; returns null unless it is a real Jalali date.
 */
export function parseDateInput(text: string): JalaliDay | null {
  const match = /^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$/.exec(toAsciiDigits(text));
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return jalaali.isValidJalaaliDate(year, month, day) ? { year, month, day } : null;
}

/** Writes a date the way the server reads it and people expect it, e.g. «۱۴۰۵/۰۹/۰۸». */
export function formatDateInput({ year, month, day }: JalaliDay): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return toPersianDigits(`${year}/${pad(month)}/${pad(day)}`);
}

/**
 * Normalizes a 24-hour time typed as «۱۴:۳۰», «14.30», «9:5» or «1430» to «۱۴:۳۰»; returns null for
 * anything that is not a time of day.
 */
export function normalizeTimeInput(text: string): string | null {
  const ascii = toAsciiDigits(text).trim();
  const match = /^(\d{1,2})\s*[:.٫]\s*(\d{1,2})$/.exec(ascii) ?? /^(\d{2})(\d{2})$/.exec(ascii);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return toPersianDigits(`${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
}

/** The days of the Persian week from Saturday, as a calendar's column heads: the initial and the full name. */
export const weekdayNames: readonly (readonly [short: string, full: string])[] = [
  ['ش', 'شنبه'],
  ['ی', 'یکشنبه'],
  ['د', 'دوشنبه'],
  ['س', 'سه‌شنبه'],
  ['چ', 'چهارشنبه'],
  ['پ', 'پنجشنبه'],
  ['ج', 'جمعه'],
];
