import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { ForbiddenError } from '../../platform/errors.js';
import { jalaliDateParts, startOfJalaliDay } from '../../platform/persian/jalali.js';
import type { ArticleSummary } from '../articles/article.js';
import { canPublish, canSeeUnpublished } from '../articles/article-policy.js';
import type { ArticleService } from '../articles/article-service.js';
import type { Actor } from '../users/user.js';
import { articlesWaiting, hourlyViewsOf, type QueuedItem, topViewedSince } from './dashboard-repository.js';
import { dailySeries, hourlySeries, type SeriesPoint } from './view-series.js';

export interface DashboardServiceDeps {
  db: DB;
  clock: Clock;
  articles: ArticleService;
  timeZone: string;
}

export interface Dashboard {
  /** Most read since midnight in the site's time zone, with their views. */
  mostRead: { article: ArticleSummary; views: number }[];
  scheduled: QueuedItem[];
  /** Waiting for an editor; only editors and admins see it. */
  inReview: QueuedItem[] | undefined;
}

export interface ArticleStats {
  hourly: SeriesPoint[];
  daily: SeriesPoint[];
}

export function createDashboardService({ db, clock, articles, timeZone }: DashboardServiceDeps) {
  function requireDesk(actor: Actor) {
    if (!canSeeUnpublished(actor)) throw new ForbiddenError('پیشخوان اتاق خبر برای نویسندگان و دبیران است.');
  }

  return {
    async load(actor: Actor): Promise<Dashboard> {
      requireDesk(actor);
      const now = clock.now();
      const today = jalaliDateParts(now, timeZone);
      const midnight = startOfJalaliDay(today.year, today.month, today.day, timeZone);
      const [top, scheduled, inReview] = await Promise.all([
        topViewedSince(db, midnight, 10),
        articlesWaiting(db, 'scheduled', 10),
        canPublish(actor) ? articlesWaiting(db, 'inReview', 10) : Promise.resolve(undefined),
      ]);
      const summaries = new Map(
        (await articles.publishedSummaries(top.map((t) => t.articleId))).map((s) => [s.id, s]),
      );
      const mostRead = top.flatMap((t) => {
        const article = summaries.get(t.articleId);
        return article ? [{ article, views: t.views }] : [];
      });
      return { mostRead, scheduled, inReview };
    },

    /** One article's readers: hour by hour for two days, day by day for thirty. */
    async articleStats(actor: Actor, articleId: number): Promise<ArticleStats> {
      requireDesk(actor);
      const now = clock.now();
      const rows = await hourlyViewsOf(db, articleId, new Date(now.getTime() - 31 * 86_400_000));
      return { hourly: hourlySeries(rows, now, 48), daily: dailySeries(rows, now, timeZone, 30) };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
