import { formatJalaliDate, formatTime, jalaliDateParts } from '../../../platform/persian/jalali.js';

/** A teaser's time: just the clock for today's items, the Jalali date and clock for older ones. */
export function teaserStamp(date: Date, now: Date, timeZone: string): string {
  const a = jalaliDateParts(date, timeZone);
  const b = jalaliDateParts(now, timeZone);
  const today = a.year === b.year && a.month === b.month && a.day === b.day;
  return today
    ? formatTime(date, timeZone)
    : `${formatJalaliDate(date, timeZone)} - ${formatTime(date, timeZone)}`;
}
