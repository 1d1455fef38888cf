import type { DB } from '../../platform/db/database.js';
import { hasIssuedNewsCodes } from '../articles/article-repository.js';
import type { SearchService } from './search-service.js';

/** The migrations that created the search tables, and that emptied them when their keys changed. */
export const searchMigrationNames: readonly string[] = ['20261129T2006_search', '20261130T0003_search_speed'];

/**
 * A site that has just gained the search tables (or whose index a migration emptied) has articles
 * but an empty index; builds it once, at the start after the upgrade. Returns how many articles
 * were indexed, or undefined when there was nothing to do.
 */
export async function indexAfterSearchUpgrade(
  db: DB,
  search: Pick<SearchService, 'reindex'>,
  appliedMigrations: readonly string[],
): Promise<number | undefined> {
  const emptied = appliedMigrations.some((name) => searchMigrationNames.includes(name));
  if (!emptied || !(await hasIssuedNewsCodes(db))) return undefined;
  return (await search.reindex()).done;
}
