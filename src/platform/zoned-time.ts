// Machine-readable instants for feeds, sitemaps and structured data. They are written in the site's
// own zone (2024-01-27T12:25:00+03:30), as the newsroom dated them, and the offset is asked of Intl
// for each instant, so a zone that changes its rules (Tehran dropped daylight saving in 2022) is
// right on both sides of the change.

import { boundedMemo } from './bounded-memo.js';

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let cached = offsetFormatters.get(timeZone);
  if (cached === undefined) {
    cached = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, cached);
  }
  return cached;
}

// Pages write the same publication times again and again; zones change their offset on whole
// minutes, so a minute's answer is kept.
const rememberedOffset = boundedMemo<number>(20_000);

/** Minutes east of UTC in `timeZone` at `date` (Tehran: 210). */
export function utcOffsetMinutes(date: Date, timeZone: string): number {
  return rememberedOffset(`${timeZone}|${Math.floor(date.getTime() / 60_000)}`, () =>
    offsetFromIntl(date, timeZone),
  );
}

function offsetFromIntl(date: Date, timeZone: string): number {
  const name = offsetFormatter(timeZone)
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value;
  // ICU names UTC itself "GMT"; every other offset "GMT+03:30" or "GMT-05:00".
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!match) throw new Error(`no UTC offset for ${timeZone} (got "${name}")`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The instant as ISO 8601 / W3C date-time at whole seconds with the zone's offset,
 * e.g. `2024-01-27T12:25:00+03:30`. This is RFC 3339 too.
 */
export function isoWithOffset(date: Date, timeZone: string): string {
  const offset = utcOffsetMinutes(date, timeZone);
  const local = new Date(Math.floor(date.getTime() / 1000) * 1000 + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
