import { PostgresAdapter } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { hasIssuedNewsCodes } from '../articles/article-repository.js';
import type { SearchService } from './search-service.js';

/** The migrations that created the search tables, and that emptied them when their keys changed. */
export const searchMigrationNames: readonly string[] = ['20261129T2006_search', '20261130T0003_search_speed'];

/**
 * The migrations that gave SQLite its recent tier (PostgreSQL's is older) or made it again, empty
 * until it is filled.
 */
export const sqliteRecentTierMigrations: readonly string[] = [
  '20261130T0005_search_recent_sqlite',
  '20261130T0006_search_speed',
];

/**
 * A site that has just gained the search tables (or whose index a migration emptied) has articles
 * but an empty index; one that has just gained SQLite's recent tier (or had it made again) has it empty. Either is filled
 * once, at the start after the upgrade. Returns how many articles were indexed, or undefined when
 * there was nothing to do.
 */
export async function indexAfterSearchUpgrade(
  db: DB,
  search: Pick<SearchService, 'reindex' | 'fillRecentTier'>,
  appliedMigrations: readonly string[],
): Promise<number | undefined> {
  const emptied = appliedMigrations.some((name) => searchMigrationNames.includes(name));
  const tierAdded =
    appliedMigrations.some((name) => sqliteRecentTierMigrations.includes(name)) &&
    !(db.getExecutor().adapter instanceof PostgresAdapter);
  if ((!emptied && !tierAdded) || !(await hasIssuedNewsCodes(db))) return undefined;
  // The tier alone takes the newest 10,000 articles: seconds, where a rebuild takes minutes.
  return emptied ? (await search.reindex()).done : search.fillRecentTier();
}
