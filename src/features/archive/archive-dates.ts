import * as jalaali from 'jalaali-js';
import { ValidationError } from '../../platform/errors.js';
import { toAsciiDigits, toPersianDigits } from '../../platform/persian/digits.js';
import { jalaliMonthName } from '../../platform/persian/jalali.js';
import { addDays, addMonths, type JalaliDay } from '../../platform/persian/jalali-calendar.js';

export type { JalaliDay };

export interface JalaliMonth {
  year: number;
  month: number;
}

// The archive reaches from before any Persian news site to well past this one.
const firstYear = 1300;
const lastYear = 1499;

const invalidDate = 'این تاریخ در تقویم نیست. روز آرشیو را به شکل ۱۴۰۲/۱۱/۰۷ (سال/ماه/روز) بنویسید.';
const invalidMonth = 'این ماه در تقویم نیست. ماه آرشیو را به شکل ۱۴۰۲/۱۱ (سال/ماه) بنویسید.';
const invalidGregorian = 'این تاریخ میلادی در تقویم نیست. آن را به شکل 2024-01-27 بنویسید.';

function numberOf(text: string, pattern: RegExp, message: string): number {
  const ascii = toAsciiDigits(text.trim());
  if (!pattern.test(ascii)) throw new ValidationError(message);
  return Number(ascii);
}

/** A Jalali month from URL parts in Latin or Persian digits («۱۴۰۲», «۱۱»); a 400 for anything else. */
export function parseJalaliMonth(year: string, month: string): JalaliMonth {
  const y = numberOf(year, /^\d{4}$/, invalidMonth);
  const m = numberOf(month, /^\d{1,2}$/, invalidMonth);
  if (y < firstYear || y > lastYear || m < 1 || m > 12) throw new ValidationError(invalidMonth);
  return { year: y, month: m };
}

/** A Jalali day from URL parts in Latin or Persian digits; a 400 for «۱۴۰۲/۱۳/۴۰», «۱۴۰۳/۱۲/۳۰» in a common year and the like. */
export function parseJalaliDay(year: string, month: string, day: string): JalaliDay {
  const y = numberOf(year, /^\d{4}$/, invalidDate);
  const m = numberOf(month, /^\d{1,2}$/, invalidDate);
  const d = numberOf(day, /^\d{1,2}$/, invalidDate);
  if (y < firstYear || y > lastYear || !jalaali.isValidJalaaliDate(y, m, d))
    throw new ValidationError(invalidDate);
  return { year: y, month: m, day: d };
}

/** «1405-09» (the month picker's value) as a Jalali month. */
export function parseMonthQuery(value: string): JalaliMonth {
  const match = /^(\d{4})[-/](\d{1,2})$/.exec(toAsciiDigits(value.trim()));
  if (!match?.[1] || !match[2]) throw new ValidationError(invalidMonth);
  return parseJalaliMonth(match[1], match[2]);
}

/** A Gregorian calendar date, «2024-01-27», as the Jalali day that carries the same date (1402/11/07). */
export function parseGregorianDate(value: string): JalaliDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(toAsciiDigits(value.trim()));
  if (!match) throw new ValidationError(invalidGregorian);
  const [gy, gm, gd] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(gy, gm - 1, gd));
  // Date.UTC rolls 2024-02-30 over into March; a real date survives the round trip.
  if (utc.getUTCFullYear() !== gy || utc.getUTCMonth() !== gm - 1 || utc.getUTCDate() !== gd) {
    throw new ValidationError(invalidGregorian);
  }
  const { jy, jm, jd } = jalaali.toJalaali(gy, gm, gd);
  if (jy < firstYear || jy > lastYear) throw new ValidationError(invalidGregorian);
  return { year: jy, month: jm, day: jd };
}

const two = (n: number) => String(n).padStart(2, '0');

/** What narrows an archive page: a section's slug, and for a day the page number. */
export interface ArchiveQuery {
  section?: string | undefined;
  page?: number | undefined;
}

function withQuery(path: string, { section, page }: ArchiveQuery): string {
  const query = new URLSearchParams();
  if (section) query.set('section', section);
  if (page && page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The one address of a month's calendar, ASCII digits: /archive/1402/11. */
export function monthPath({ year, month }: JalaliMonth, query: ArchiveQuery = {}): string {
  return withQuery(`/archive/${year}/${two(month)}`, { section: query.section });
}

/** The one address of a day's list, ASCII digits: /archive/1402/11/07. */
export function dayPath({ year, month, day }: JalaliDay, query: ArchiveQuery = {}): string {
  return withQuery(`/archive/${year}/${two(month)}/${two(day)}`, query);
}

export function neighbourMonth(month: JalaliMonth, step: 1 | -1): JalaliMonth | undefined {
  const { year, month: m } = addMonths({ ...month, day: 1 }, step);
  return year < firstYear || year > lastYear ? undefined : { year, month: m };
}

export function neighbourDay(day: JalaliDay, step: 1 | -1): JalaliDay | undefined {
  const next = addDays(day, step);
  return next.year < firstYear || next.year > lastYear ? undefined : next;
}

/** «۰۷ بهمن ۱۴۰۲», as the site prints dates. */
export function jalaliDayText({ year, month, day }: JalaliDay): string {
  return `${toPersianDigits(two(day))} ${jalaliMonthName(month)} ${toPersianDigits(year)}`;
}

/** «بهمن ۱۴۰۲». */
export function jalaliMonthText({ year, month }: JalaliMonth): string {
  return `${jalaliMonthName(month)} ${toPersianDigits(year)}`;
}
