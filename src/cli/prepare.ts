import type { Config } from '../config/config.js';
import { checkConnection, type DatabaseHandle, openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrator.js';

/** Opens the database and brings its schema up to date; every command starts here. */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle & { applied: string[] }> {
  const handle = openDatabase(config.database);
  try {
    await checkConnection(handle.db, handle.engine);
    const applied = await migrateToLatest(handle.db);
    return { ...handle, applied };
  } catch (error) {
    await handle.destroy();
    throw error;
  }
}
