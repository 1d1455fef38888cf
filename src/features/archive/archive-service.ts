import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { ValidationError } from '../../platform/errors.js';
import { jalaliDateParts, startOfJalaliDay } from '../../platform/persian/jalali.js';
import { addDays, addMonths, monthGrid, sameDay } from '../../platform/persian/jalali-calendar.js';
import type { ArticleSummary } from '../articles/article.js';
import type { ArticleService } from '../articles/article-service.js';
import { type JalaliDay, type JalaliMonth, neighbourDay, neighbourMonth } from './archive-dates.js';
import { publishedIds, publishedTimes } from './archive-repository.js';

export interface ArchiveServiceDeps {
  db: DB;
  articles: ArticleService;
  clock: Clock;
  timeZone: string;
}

export interface CalendarDay {
  day: number;
  /** Published items of that day (in the chosen section, if any). */
  count: number;
  isToday: boolean;
}

export interface ArchiveMonth extends JalaliMonth {
  /** Saturday-first weeks; null pads the days of the neighbouring months. */
  weeks: (CalendarDay | null)[][];
  total: number;
  previous: JalaliMonth | undefined;
  /** Absent for the current month: the calendar does not open on the future. */
  next: JalaliMonth | undefined;
}

export interface ArchiveDay extends JalaliDay {
  /** When the day began in the site's zone. */
  start: Date;
  items: ArticleSummary[];
  total: number;
  page: number;
  pages: number;
  previous: JalaliDay | undefined;
  next: JalaliDay | undefined;
}

export const archivePageSize = 50;

/**
 * The archive by Jalali date. Days are days of the site's time zone: an item
 * published at 23:50 in Tehran belongs to that Tehran day, though it is
 * 20:20 UTC, and one at 00:10 to the next, though UTC still says the day before.
 */
export function createArchiveService({ db, articles, clock, timeZone }: ArchiveServiceDeps) {
  const dayStart = ({ year, month, day }: JalaliDay) => startOfJalaliDay(year, month, day, timeZone);
  const hasBegun = (day: JalaliDay) => dayStart(day).getTime() <= clock.now().getTime();
  const today = (): JalaliDay => jalaliDateParts(clock.now(), timeZone);

  return {
    today,

    /** A month's calendar with the number of published items of each day. */
    async month({ year, month }: JalaliMonth, sectionId?: number): Promise<ArchiveMonth> {
      const grid = monthGrid(year, month);
      const following = addMonths({ year, month, day: 1 }, 1);
      // Where each day begins, plus where the month ends: the edges the items are sorted between.
      const edges = Array.from({ length: grid.daysInMonth }, (_, i) =>
        dayStart({ year, month, day: i + 1 }).getTime(),
      );
      edges.push(dayStart(following).getTime());
      const times = await publishedTimes(db, {
        from: new Date(edges[0] ?? 0),
        to: new Date(edges.at(-1) ?? 0),
        sectionId,
      });
      const counts = new Array<number>(grid.daysInMonth).fill(0);
      let day = 0;
      for (const time of times) {
        while (time.getTime() >= (edges[day + 1] ?? Number.POSITIVE_INFINITY)) day += 1;
        counts[day] = (counts[day] ?? 0) + 1;
      }
      const now = today();
      return {
        year,
        month,
        weeks: grid.weeks.map((week) =>
          week.map((d) =>
            d === null
              ? null
              : { day: d, count: counts[d - 1] ?? 0, isToday: sameDay(now, { year, month, day: d }) },
          ),
        ),
        total: times.length,
        previous: neighbourMonth({ year, month }, -1),
        next: hasBegun(following) ? neighbourMonth({ year, month }, 1) : undefined,
      };
    },

    /** One day's published items, newest first, a page of 50 at a time. */
    async day(
      day: JalaliDay,
      { sectionId, page = 1 }: { sectionId?: number; page?: number },
    ): Promise<ArchiveDay> {
      const start = dayStart(day);
      const ids = await publishedIds(db, { from: start, to: dayStart(addDays(day, 1)), sectionId });
      const pages = Math.max(1, Math.ceil(ids.length / archivePageSize));
      if (page > pages) throw new ValidationError('این روز این‌قدر صفحه ندارد.');
      const slice = ids.slice((page - 1) * archivePageSize, page * archivePageSize);
      const next = neighbourDay(day, 1);
      return {
        ...day,
        start,
        items: await articles.publishedSummaries(slice),
        total: ids.length,
        page,
        pages,
        previous: neighbourDay(day, -1),
        next: next && hasBegun(next) ? next : undefined,
      };
    },
  };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;
