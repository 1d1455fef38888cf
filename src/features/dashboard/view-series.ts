import { jalaliDateParts, startOfJalaliDay } from '../../platform/persian/jalali.js';

/** One bar of a chart: when its period starts, and the views counted in it. */
export interface SeriesPoint {
  start: Date;
  views: number;
}

const hourMs = 3600_000;

/**
 * The last `hours` hourly buckets up to and including the current one, with
 * zeros where nobody read; buckets are UTC hours, as they are stored.
 */
export function hourlySeries(
  rows: readonly { hour: string; views: number }[],
  now: Date,
  hours = 48,
): SeriesPoint[] {
  const byHour = new Map(rows.map((r) => [Date.parse(r.hour), Number(r.views)]));
  const current = Math.floor(now.getTime() / hourMs) * hourMs;
  return Array.from({ length: hours }, (_, i) => {
    const start = current - (hours - 1 - i) * hourMs;
    return { start: new Date(start), views: byHour.get(start) ?? 0 };
  });
}

/**
 * The last `days` days in the site's time zone, today included, each the sum of
 * the hourly buckets that start inside it (a day is a Jalali calendar day there).
 */
export function dailySeries(
  rows: readonly { hour: string; views: number }[],
  now: Date,
  timeZone: string,
  days = 30,
): SeriesPoint[] {
  const today = jalaliDateParts(now, timeZone);
  const todayStart = startOfJalaliDay(today.year, today.month, today.day, timeZone);
  // Walk back a day at a time from today's start; noon avoids landing on a clock change.
  const starts: Date[] = [todayStart];
  for (let i = 1; i < days; i += 1) {
    const previous = starts[0] ?? todayStart;
    const { year, month, day } = jalaliDateParts(new Date(previous.getTime() - 12 * hourMs), timeZone);
    starts.unshift(startOfJalaliDay(year, month, day, timeZone));
  }
  const points = starts.map((start) => ({ start, views: 0 }));
  for (const row of rows) {
    const at = Date.parse(row.hour);
    for (let i = points.length - 1; i >= 0; i -= 1) {
      const point = points[i];
      if (point && at >= point.start.getTime()) {
        point.views += Number(row.views);
        break;
      }
    }
  }
  return points;
}

/** A round upper bound for a chart's scale, so the axis reads ۰، ۵۰، ۱۰۰ rather than ۰، ۴۳، ۸۷. */
export function niceCeiling(max: number): number {
  if (max <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= max) ?? 10;
  return step * magnitude;
}
