import { PostgresAdapter } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { hasIssuedNewsCodes } from '../articles/article-repository.js';
import type { SearchService } from './search-service.js';

/** The migrations that created the search tables, and that emptied them when their keys changed. */
export const searchMigrationNames: readonly string[] = ['20261129T2006_search', '20261130T0003_search_speed'];

/** The migration that gave SQLite its recent tier, empty until a rebuild fills it (PostgreSQL's is older). */
export const sqliteRecentTierMigration = '20261130T0005_search_recent_sqlite';

/**
 * A site that has just gained the search tables (or whose index a migration emptied, or SQLite's
 * recent tier) has articles but an empty index; builds it once, at the start after the upgrade. Returns how many articles
 * were indexed, or undefined when there was nothing to do.
 */
export async function indexAfterSearchUpgrade(
  db: DB,
  search: Pick<SearchService, 'reindex'>,
  appliedMigrations: readonly string[],
): Promise<number | undefined> {
  const onSqlite = !(db.getExecutor().adapter instanceof PostgresAdapter);
  const emptied = appliedMigrations.some(
    (name) => searchMigrationNames.includes(name) || (onSqlite && name === sqliteRecentTierMigration),
  );
  if (!emptied || !(await hasIssuedNewsCodes(db))) return undefined;
  return (await search.reindex()).done;
}
