import { PostgresAdapter, sql } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { hasIssuedNewsCodes } from '../articles/article-repository.js';
import type { SearchService } from './search-service.js';

/** The migrations that created the search tables, and that emptied them when their keys changed. */
export const searchMigrationNames: readonly string[] = [
  '20261129T2006_search',
  '20261130T0003_search_speed',
  '20261130T0007_search_public_prefix',
];

/**
 * Published articles but nothing in the public index: a migration emptied it, maybe in another
 * process (`khabar migrate`, the bench), so the migrations this start applied cannot tell.
 */
async function publicIndexEmptied(db: DB): Promise<boolean> {
  const keys =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql`select 1 from search_public limit 1`
      : sql`select 1 from search_public_rows limit 1`;
  if ((await keys.execute(db)).rows.length > 0) return false;
  const published = await db
    .selectFrom('articles')
    .select('id')
    .where('state', '=', 'published')
    .limit(1)
    .execute();
  return published.length > 0;
}

/**
 * SQLite's recent tier, as 20261130T0005 made it and 20261130T0006 made it again on a site with
 * articles, has no bound until it is filled. Asked of the table, not of the migrations this start
 * applied: another process (`khabar migrate`, a backup restore, the bench) may have applied them.
 */
async function recentTierUnfilled(db: DB): Promise<boolean> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return false;
  return (await sql`select 1 from search_recent_bound`.execute(db)).rows.length === 0;
}

/**
 * A site that has just gained the search tables (or whose index a migration emptied) has articles
 * but an empty index; one whose SQLite recent tier was made by a migration has it empty. Either is
 * filled once, at the next start. Returns how many articles were indexed, or undefined when there
 * was nothing to do.
 */
export async function indexAfterSearchUpgrade(
  db: DB,
  search: Pick<SearchService, 'reindex' | 'fillRecentTier'>,
  appliedMigrations: readonly string[],
): Promise<number | undefined> {
  const emptied =
    appliedMigrations.some((name) => searchMigrationNames.includes(name)) || (await publicIndexEmptied(db));
  if (!emptied && !(await recentTierUnfilled(db))) return undefined;
  if (!(await hasIssuedNewsCodes(db))) return undefined;
  // The tier alone takes the newest 10,000 articles: seconds, where a rebuild takes minutes.
  return emptied ? (await search.reindex()).done : search.fillRecentTier();
}
