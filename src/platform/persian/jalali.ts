import * as jalaali from 'jalaali-js';
import { boundedMemo } from '../bounded-memo.js';
import { toAsciiDigits, toPersianDigits } from './digits.js';

const MONTH_NAMES = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

// Some ICU versions wrap values in direction marks; they must never leak into assembled output.
const BIDI_MARKS = /[\u061c\u200e\u200f]/g;

type FormatterKind = 'persianDisplay' | 'persianNumeric' | 'gregorianDisplay' | 'wallClock';

const FORMATTER_SETUP: Record<FormatterKind, { locale: string; options: Intl.DateTimeFormatOptions }> = {
  persianDisplay: {
    locale: 'fa-IR-u-ca-persian',
    // hourCycle 'h23' rather than hour12: false, which some engines resolve to h24 («۲۴:۰۵»).
    options: {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    },
  },
  persianNumeric: {
    locale: 'fa-IR-u-ca-persian',
    options: { year: 'numeric', month: 'numeric', day: 'numeric' },
  },
  gregorianDisplay: {
    locale: 'en-GB',
    options: { calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: 'long', day: 'numeric' },
  },
  wallClock: {
    locale: 'en-US',
    options: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    },
  },
};

// Building an Intl.DateTimeFormat is far more expensive than using one, and pages format many dates.
const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: FormatterKind, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}\u0000${timeZone}`;
  let cached = formatterCache.get(key);
  if (cached === undefined) {
    const { locale, options } = FORMATTER_SETUP[kind];
    cached = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatterCache.set(key, cached);
  }
  return cached;
}

type PartValues = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

// formatToParts is the costliest step of a teaser, and the same publication times
// are formatted on page after page. Display formats stop at the minute, so a
// minute's parts are kept; the wall clock (seconds) is always computed.
const rememberedParts = boundedMemo<Readonly<PartValues>>(20_000);

function partValues(kind: FormatterKind, date: Date, timeZone: string): Readonly<PartValues> {
  if (kind === 'wallClock') return freshPartValues(kind, date, timeZone);
  return rememberedParts(`${kind}|${timeZone}|${Math.floor(date.getTime() / 60_000)}`, () =>
    Object.freeze(freshPartValues(kind, date, timeZone)),
  );
}

function freshPartValues(kind: FormatterKind, date: Date, timeZone: string): PartValues {
  const values: PartValues = {};
  for (const { type, value } of formatter(kind, timeZone).formatToParts(date)) {
    values[type] = value.replace(BIDI_MARKS, '');
  }
  return values;
}

function textPart(values: PartValues, type: Intl.DateTimeFormatPartTypes): string {
  const value = values[type];
  if (value === undefined) throw new Error(`Intl.DateTimeFormat produced no ${type} part`);
  return value;
}

function numericPart(values: PartValues, type: Intl.DateTimeFormatPartTypes): number {
  const n = Number(toAsciiDigits(textPart(values, type)));
  if (!Number.isInteger(n)) throw new Error(`Intl.DateTimeFormat produced a non-numeric ${type} part`);
  return n;
}

function twoPersianDigits(n: number): string {
  return toPersianDigits(String(n).padStart(2, '0'));
}

interface JalaliDisplayParts {
  year: number;
  monthName: string;
  day: number;
  hour: number;
  minute: number;
}

function displayPartsFromIntl(date: Date, timeZone: string): JalaliDisplayParts {
  const values = partValues('persianDisplay', date, timeZone);
  return {
    year: numericPart(values, 'year'),
    monthName: textPart(values, 'month'),
    day: numericPart(values, 'day'),
    // Midnight is 0 even if an engine still reports it as 24.
    hour: numericPart(values, 'hour') % 24,
    minute: numericPart(values, 'minute'),
  };
}

// A list of older teasers (related, the archive, search results) shows a different minute on
// every line, so minutes are rarely formatted twice; days and the zone's offset repeat. Intl stays
// the only source of both: it gives the offset of each UTC day (once, when it holds all day long)
// and the Jalali date of each local day; the clock time is then plain arithmetic.
const steadyOffsets = boundedMemo<number | null>(5_000);
const rememberedDays = boundedMemo<Pick<JalaliDisplayParts, 'year' | 'monthName' | 'day'>>(5_000);

function steadyOffsetMs(instantMs: number, timeZone: string): number | null {
  const utcDay = Math.floor(instantMs / DAY_MS);
  return steadyOffsets(`${timeZone}|${utcDay}`, () => {
    const start = zoneOffsetMs(utcDay * DAY_MS, timeZone);
    // A day with a change of offset (clocks moved) is formatted by Intl minute by minute.
    return zoneOffsetMs((utcDay + 1) * DAY_MS - 1000, timeZone) === start ? start : null;
  });
}

function jalaliDisplayParts(date: Date, timeZone: string): JalaliDisplayParts {
  const instantMs = date.getTime();
  const offset = Number.isFinite(instantMs) ? steadyOffsetMs(instantMs, timeZone) : null;
  if (offset === null) return displayPartsFromIntl(date, timeZone);
  const localMs = instantMs + offset;
  const localDay = Math.floor(localMs / DAY_MS);
  const { year, monthName, day } = rememberedDays(`${timeZone}|${localDay}`, () =>
    displayPartsFromIntl(date, timeZone),
  );
  const minuteOfDay = Math.floor((localMs - localDay * DAY_MS) / 60_000);
  return { year, monthName, day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
}

function jalaliDateText({ year, monthName, day }: JalaliDisplayParts): string {
  return `${twoPersianDigits(day)} ${monthName} ${toPersianDigits(year)}`;
}

function timeText({ hour, minute }: JalaliDisplayParts): string {
  return `${twoPersianDigits(hour)}:${twoPersianDigits(minute)}`;
}

/**
 * Formats an instant for an article byline as seen in `timeZone`: Jalali date, 24-hour time and the
 * Gregorian date in English, e.g. «۰۷ بهمن ۱۴۰۲ - ۱۲:۲۵ - 27 January 2024». Throws a `RangeError` for an
 * invalid date or an unknown time zone.
 */
export function formatArticleDateTime(date: Date, timeZone: string): string {
  const parts = jalaliDisplayParts(date, timeZone);
  return `${jalaliDateText(parts)} - ${timeText(parts)} - ${formatGregorianDate(date, timeZone)}`;
}

/**
 * Formats the Jalali date of an instant in `timeZone` as two-digit day, Persian month name and year,
 * all in Persian digits, e.g. «۰۷ بهمن ۱۴۰۲».
 */
export function formatJalaliDate(date: Date, timeZone: string): string {
  return jalaliDateText(jalaliDisplayParts(date, timeZone));
}

/**
 * Formats the wall-clock time of an instant in `timeZone` as 24-hour HH:MM in Persian digits, e.g.
 * «۱۲:۲۵»; midnight is «۰۰:۰۵», never «۲۴:۰۵».
 */
export function formatTime(date: Date, timeZone: string): string {
  return timeText(jalaliDisplayParts(date, timeZone));
}

/** Date and time for the newsroom's lists and tables, e.g. «۰۷ بهمن ۱۴۰۲، ۱۲:۲۵». */
export function formatJalaliDateTime(date: Date, timeZone: string): string {
  const parts = jalaliDisplayParts(date, timeZone);
  return `${jalaliDateText(parts)}، ${timeText(parts)}`;
}

/**
 * Formats the Gregorian date of an instant in `timeZone` in English as day, month name and year, e.g.
 * «27 January 2024»; the day has no leading zero.
 */
export function formatGregorianDate(date: Date, timeZone: string): string {
  const values = partValues('gregorianDisplay', date, timeZone);
  return `${numericPart(values, 'day')} ${textPart(values, 'month')} ${numericPart(values, 'year')}`;
}

/**
 * Returns the Jalali calendar date of an instant in `timeZone` as plain numbers, e.g.
 * `{ year: 1402, month: 11, day: 7 }` for 2024-01-27 in Asia/Tehran.
 */
export function jalaliDateParts(date: Date, timeZone: string): { year: number; month: number; day: number } {
  const { year, monthName, day } = jalaliDisplayParts(date, timeZone);
  const month = (MONTH_NAMES as readonly string[]).indexOf(monthName) + 1;
  if (month > 0) return { year, month, day };
  const values = partValues('persianNumeric', date, timeZone);
  return {
    year: numericPart(values, 'year'),
    month: numericPart(values, 'month'),
    day: numericPart(values, 'day'),
  };
}

/**
 * Returns the Persian name of a Jalali month, 1 → «فروردین» through 12 → «اسفند». Throws a `RangeError`
 * for anything but an integer from 1 to 12.
 */
export function jalaliMonthName(month: number): string {
  const name = Number.isInteger(month) ? MONTH_NAMES[month - 1] : undefined;
  if (name === undefined) throw new RangeError(`Invalid Jalali month: ${month}`);
  return name;
}

// Offset (local minus UTC) in force at an instant, read back from Intl so tzdata stays the only source.
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const values = partValues('wallClock', new Date(instantMs), timeZone);
  const wallMs = Date.UTC(
    numericPart(values, 'year'),
    numericPart(values, 'month') - 1,
    numericPart(values, 'day'),
    numericPart(values, 'hour') % 24,
    numericPart(values, 'minute'),
    numericPart(values, 'second'),
  );
  // Intl has second resolution, so compare against the instant truncated the same way.
  return wallMs - Math.floor(instantMs / 1000) * 1000;
}

// First instant whose wall-clock time in the zone is `wallMs` (a wall time encoded as if it were UTC),
// or, when a DST gap skips that wall time, the instant the gap ends.
function firstInstantAtWallTime(wallMs: number, timeZone: string): number {
  // The offsets a day either side bracket any transition near the wall time.
  const offsetBefore = zoneOffsetMs(wallMs - DAY_MS, timeZone);
  const offsetAfter = zoneOffsetMs(wallMs + DAY_MS, timeZone);
  const matches = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (instant) => zoneOffsetMs(instant, timeZone) === wallMs - instant,
  );
  if (matches.length > 0) return Math.min(...matches);

  // The wall time does not exist: binary-search the transition between the two guesses (to the second).
  let lo = wallMs - offsetAfter;
  let hi = wallMs - offsetBefore;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (zoneOffsetMs(mid, timeZone) === offsetAfter) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Returns the UTC instant at which the Jalali day `year/month/day` begins in `timeZone`, accounting for
 * the zone's offset (including DST) on that day; if DST skips local midnight, the day begins when the
 * clocks jump. Throws a `RangeError` for an invalid Jalali date or an unknown time zone.
 */
export function startOfJalaliDay(year: number, month: number, day: number, timeZone: string): Date {
  const isInteger = Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day);
  if (!isInteger || !jalaali.isValidJalaaliDate(year, month, day)) {
    throw new RangeError(`Invalid Jalali date: ${year}/${month}/${day}`);
  }
  const { gy, gm, gd } = jalaali.toGregorian(year, month, day);
  return new Date(firstInstantAtWallTime(Date.UTC(gy, gm - 1, gd), timeZone));
}

/**
 * Tells whether `tz` is a time zone this runtime's Intl accepts (IANA names such as 'Asia/Tehran', plus
 * aliases like 'UTC'), i.e. whether it is safe to pass to the other functions here.
 */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a Jalali date and a wall-clock time as a newsroom form sends them
 * («۱۴۰۵/۰۹/۰۸» and «۱۴:۳۰», in Persian, Arabic-Indic or Latin digits, with / or -)
 * and returns the instant they name in `timeZone`. Returns undefined for
 * anything that is not a real date and time, so the caller can say so.
 */
export function parseJalaliDateTime(dateText: string, timeText: string, timeZone: string): Date | undefined {
  const date = /^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$/.exec(toAsciiDigits(dateText));
  const time = /^\s*(\d{1,2})\s*[:٫]\s*(\d{2})\s*$/.exec(toAsciiDigits(timeText));
  if (!date || !time) return undefined;
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  if (hour > 23 || minute > 59 || !jalaali.isValidJalaaliDate(year, month, day)) return undefined;
  const { gy, gm, gd } = jalaali.toGregorian(year, month, day);
  return new Date(firstInstantAtWallTime(Date.UTC(gy, gm - 1, gd, hour, minute), timeZone));
}

/** The form values for an instant: «۱۴۰۵/۰۹/۰۸» and «۱۴:۳۰» in the zone, the inverse of parseJalaliDateTime. */
export function jalaliDateTimeFields(instant: Date, timeZone: string): { date: string; time: string } {
  const { year, month, day } = jalaliDateParts(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: toPersianDigits(`${year}/${pad(month)}/${pad(day)}`),
    time: formatTime(instant, timeZone),
  };
}
