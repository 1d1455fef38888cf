import type { DB } from '../../platform/db/database.js';
import { hasIssuedNewsCodes } from '../articles/article-repository.js';
import type { SearchService } from './search-service.js';

/** The migration that created the search tables. */
export const searchMigrationName = '20261129T2006_search';

/**
 * A site that has just gained the search tables has articles but an empty
 * index; builds it once, at the start after the upgrade. Returns how many
 * articles were indexed, or undefined when there was nothing to do.
 */
export async function indexAfterSearchUpgrade(
  db: DB,
  search: Pick<SearchService, 'reindex'>,
  appliedMigrations: readonly string[],
): Promise<number | undefined> {
  if (!appliedMigrations.includes(searchMigrationName) || !(await hasIssuedNewsCodes(db))) return undefined;
  return (await search.reindex()).done;
}
