import { boundedMemo } from '../../../platform/bounded-memo.js';
import { formatJalaliDate, formatTime, jalaliDateParts } from '../../../platform/persian/jalali.js';

// Every list on every page stamps its teasers, mostly with the same few hundred
// publication times; a stamp depends only on the minute published and the minute now.
const rememberedStamp = boundedMemo<string>(20_000);

/** A teaser's time: just the clock for today's items, the Jalali date and clock for older ones. */
export function teaserStamp(date: Date, now: Date, timeZone: string): string {
  const key = `${timeZone}|${Math.floor(date.getTime() / 60_000)}|${Math.floor(now.getTime() / 60_000)}`;
  return rememberedStamp(key, () => freshStamp(date, now, timeZone));
}

function freshStamp(date: Date, now: Date, timeZone: string): string {
  const a = jalaliDateParts(date, timeZone);
  const b = jalaliDateParts(now, timeZone);
  const today = a.year === b.year && a.month === b.month && a.day === b.day;
  return today
    ? formatTime(date, timeZone)
    : `${formatJalaliDate(date, timeZone)} - ${formatTime(date, timeZone)}`;
}
