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
 * A bound without `complete_from` is a rebuild or a fill that started and never finished (the
 * server stopped during it): which of the two is not recorded, so the whole index is rebuilt.
 */
async function recentTierState(db: DB): Promise<'whole' | 'unfilled' | 'unfinished'> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return 'whole';
  const bound = await sql<{ completeFrom: number | null }>`select complete_from as "completeFrom"
    from search_recent_bound`.execute(db);
  const row = bound.rows[0];
  if (!row) return 'unfilled';
  return row.completeFrom === null ? 'unfinished' : 'whole';
}

/** What a start has to do for search after an upgrade: rebuild the index, fill the tier, or nothing. */
export type SearchUpgrade = 'rebuild' | 'fill-recent-tier' | undefined;

/**
 * A site that has just gained the search tables (or whose index a migration emptied) has articles
 * but an empty index; one whose SQLite recent tier was made by a migration has it empty. Either is
 * filled once, at the next start; one interrupted is done again at the start after.
 */
export async function plannedSearchUpgrade(
  db: DB,
  appliedMigrations: readonly string[],
): Promise<SearchUpgrade> {
  if (!(await hasIssuedNewsCodes(db))) return undefined;
  const tier = await recentTierState(db);
  if (
    appliedMigrations.some((name) => searchMigrationNames.includes(name)) ||
    tier === 'unfinished' ||
    (await publicIndexEmptied(db))
  ) {
    return 'rebuild';
  }
  // The tier alone takes the newest 10,000 articles: seconds, where a rebuild takes minutes.
  return tier === 'unfilled' ? 'fill-recent-tier' : undefined;
}

/** Carries out a planned upgrade; returns how many articles were indexed. */
export async function runSearchUpgrade(
  search: Pick<SearchService, 'reindex' | 'fillRecentTier'>,
  upgrade: Exclude<SearchUpgrade, undefined>,
): Promise<number> {
  return upgrade === 'rebuild' ? (await search.reindex()).done : search.fillRecentTier();
}

/** Plans and carries out the upgrade at once; undefined when there was nothing to do. */
export async function indexAfterSearchUpgrade(
  db: DB,
  search: Pick<SearchService, 'reindex' | 'fillRecentTier'>,
  appliedMigrations: readonly string[],
): Promise<number | undefined> {
  const upgrade = await plannedSearchUpgrade(db, appliedMigrations);
  return upgrade && runSearchUpgrade(search, upgrade);
}
