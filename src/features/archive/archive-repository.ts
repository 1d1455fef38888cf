import type { DB } from '../../platform/db/database.js';
import type { ArticleState } from '../articles/article.js';

export interface PublishedRange {
  from: Date;
  /** Exclusive. */
  to: Date;
  sectionId?: number | undefined;
}

function publishedIn(db: DB, { from, to, sectionId }: PublishedRange) {
  let q = db
    .selectFrom('articles')
    .where('state', '=', 'published' satisfies ArticleState)
    .where('publishedAt', '>=', from.toISOString())
    .where('publishedAt', '<', to.toISOString());
  if (sectionId !== undefined) q = q.where('sectionId', '=', sectionId);
  return q;
}

/**
 * When each published item of the range went out, oldest first. The calendar
 * groups these by day in the site's zone in JavaScript: stored instants are
 * ISO text (ADR 1), and the two engines would need different SQL to shift them
 * into a zone; a month is at most a few thousand short strings.
 */
export async function publishedTimes(db: DB, range: PublishedRange): Promise<Date[]> {
  const rows = await publishedIn(db, range).select('publishedAt').orderBy('publishedAt').execute();
  return rows.flatMap((r) => (r.publishedAt ? [new Date(r.publishedAt)] : []));
}

/** Ids of the range's published items, newest first: a day holds at most a few hundred. */
export async function publishedIds(db: DB, range: PublishedRange): Promise<number[]> {
  const rows = await publishedIn(db, range)
    .select('id')
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => r.id);
}
