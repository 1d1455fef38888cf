import { sql } from 'kysely';
import type { DB } from '../../platform/db/database.js';

/** Adds counted views into hourly buckets; additive, so concurrent flushes never lose views. */
export async function addViews(
  db: DB,
  counts: readonly { articleId: number; hour: string; views: number }[],
): Promise<void> {
  if (counts.length === 0) return;
  await db
    .insertInto('articleViewsHourly')
    .values([...counts])
    .onConflict((oc) =>
      oc
        .columns(['articleId', 'hour'])
        .doUpdateSet({ views: sql`article_views_hourly.views + excluded.views` }),
    )
    .execute();
}

export interface RankedArticle {
  articleId: number;
  views: number;
}

/**
 * The most viewed published articles whose views and publication both fall
 * inside the window, highest first; each article appears once (grouped by id).
 * Buckets are whole hours, so the window's first bucket may hold up to an hour
 * of views from before `since`; an article published before `since` never appears.
 */
export async function rankArticles(db: DB, since: Date, limit: number): Promise<RankedArticle[]> {
  const from = since.toISOString();
  const rows = await db
    .selectFrom('articleViewsHourly')
    .innerJoin('articles', 'articles.id', 'articleViewsHourly.articleId')
    .select([
      'articleViewsHourly.articleId',
      (eb) => eb.fn.sum<number>('articleViewsHourly.views').as('total'),
    ])
    .where('articleViewsHourly.hour', '>=', floorToHour(since))
    .where('articles.state', '=', 'published')
    .where('articles.publishedAt', '>=', from)
    .groupBy('articleViewsHourly.articleId')
    .orderBy('total', 'desc')
    .orderBy('articleViewsHourly.articleId', 'desc')
    .limit(limit)
    .execute();
  // PostgreSQL returns sum() of integers as a bigint string.
  return rows.map((r) => ({ articleId: r.articleId, views: Number(r.total) }));
}

export function floorToHour(date: Date): string {
  const hour = new Date(date);
  hour.setUTCMinutes(0, 0, 0);
  return hour.toISOString();
}
