import { CamelCasePlugin, Kysely, sql } from 'kysely';
import type { DatabaseConfig } from '../../config/config.js';
import { createPostgresDialect } from './dialects/postgres.js';
import { createSqliteDialect } from './dialects/sqlite.js';
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
export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  const dialect =
    config.engine === 'sqlite' ? createSqliteDialect(config.file) : createPostgresDialect(config.url);
  const db = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
  return { db, engine: config.engine, destroy: () => db.destroy() };
}

/** Fails fast with the driver's own message when the database cannot be reached. */
export async function checkConnection(db: DB): Promise<void> {
  await sql`select 1`.execute(db);
}
