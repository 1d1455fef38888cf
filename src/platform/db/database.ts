import { CamelCasePlugin, type Dialect, Kysely, sql } from 'kysely';
import type { DatabaseConfig } from '../../config/config.js';
import { createPostgresDialect, type PoolStats } from './dialects/postgres.js';
import { createSqliteDialect } from './dialects/sqlite.js';
import { slowQueryLog } from './query-log.js';
import type { Database } from './schema.js';

export type Engine = DatabaseConfig['engine'];
export type DB = Kysely<Database>;

export interface DatabaseHandle {
  readonly db: DB;
  readonly engine: Engine;
  destroy(): Promise<void>;
}

/**
 * Opens the configured engine. Columns are snake_case in SQL and camelCase in
 * TypeScript; the plugin translates, so repositories read like the domain.
 */
export function openDatabase(
  config: DatabaseConfig,
  onIdleError: (error: Error) => void = (error) => console.error('database connection lost:', error.message),
): DatabaseHandle {
  let dialect: Dialect;
  let poolStats: (() => PoolStats) | undefined;
  try {
    if (config.engine === 'sqlite') dialect = createSqliteDialect(config.file);
    else ({ dialect, poolStats } = createPostgresDialect(config.url, onIdleError, config));
  } catch (error) {
    const where = config.engine === 'sqlite' ? ` at ${config.file}` : '';
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`cannot open the ${config.engine} database${where}: ${reason}`, {
      cause: error,
    });
  }
  const slowQueryMs = config.slowQueryMs ?? 0;
  const db = new Kysely<Database>({
    dialect,
    plugins: [new CamelCasePlugin()],
    ...(slowQueryMs > 0 ? { log: slowQueryLog(slowQueryMs) } : {}),
  });
  if (poolStats) poolStatsByDatabase.set(db, poolStats);
  return { db, engine: config.engine, destroy: () => db.destroy() };
}

const poolStatsByDatabase = new WeakMap<DB, () => PoolStats>();

/** The connection pool's figures for the metrics; SQLite has no pool. */
export function poolStatsOf(db: DB): PoolStats | undefined {
  return poolStatsByDatabase.get(db)?.();
}

/** Thrown when the configured database cannot be opened or reached; its message is one line. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** Fails fast, with the driver's reason, when the database cannot be reached. */
export async function checkConnection(db: DB, engine: Engine): Promise<void> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`cannot reach the ${engine} database: ${reason}`, { cause: error });
  }
}
