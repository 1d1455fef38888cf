import { sql } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { floorToHour } from '../stats/view-repository.js';

// Reads for the newsroom's dashboard. Views are summed from the hourly buckets
// the public site fills; nothing here writes.

export async function hourlyViewsOf(
  db: DB,
  articleId: number,
  since: Date,
): Promise<{ hour: string; views: number }[]> {
  const rows = await db
    .selectFrom('articleViewsHourly')
    .select(['hour', 'views'])
    .where('articleId', '=', articleId)
    .where('hour', '>=', floorToHour(since))
    .orderBy('hour')
    .execute();
  return rows.map((r) => ({ hour: r.hour, views: Number(r.views) }));
}

/** What readers read most since an instant, whatever its age: the desk's view, not the public list. */
export async function topViewedSince(
  db: DB,
  since: Date,
  limit: number,
): Promise<{ articleId: number; views: number }[]> {
  const rows = await db
    .selectFrom('articleViewsHourly')
    .innerJoin('articles', 'articles.id', 'articleViewsHourly.articleId')
    .select(['articleViewsHourly.articleId', sql<number>`sum(article_views_hourly.views)`.as('views')])
    .where('articleViewsHourly.hour', '>=', floorToHour(since))
    .where('articles.state', '=', 'published')
    .groupBy('articleViewsHourly.articleId')
    .orderBy('views', 'desc')
    .orderBy('articleViewsHourly.articleId', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ articleId: r.articleId, views: Number(r.views) }));
}

export interface QueuedItem {
  newsCode: number;
  title: string;
  sectionName: string;
  writer: string | null;
  /** When it goes out (scheduled) or was last changed (in review). */
  at: Date;
}

/** Articles waiting in a state, soonest due first for scheduled ones, oldest first for review. */
export async function articlesWaiting(
  db: DB,
  state: 'scheduled' | 'inReview',
  limit: number,
): Promise<QueuedItem[]> {
  const column = state === 'scheduled' ? 'articles.publishAt' : 'articles.updatedAt';
  const rows = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.sectionId')
    .leftJoin('users', 'users.id', 'articles.createdBy')
    .select([
      'articles.newsCode',
      'articles.title',
      'sections.name as sectionName',
      'users.name as writer',
      `${column} as at`,
    ])
    .where('articles.state', '=', state)
    .orderBy(column)
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    newsCode: Number(r.newsCode),
    title: r.title,
    sectionName: r.sectionName,
    writer: r.writer,
    at: new Date(r.at ?? 0),
  }));
}
