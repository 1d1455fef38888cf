import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen like the migrations that use it: add new helpers, never change one.

/** An integer primary key the engine fills: IDENTITY on PostgreSQL, AUTOINCREMENT on SQLite. */
export function identity(db: Kysely<any>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return (c: ColumnDefinitionBuilder) =>
    postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
}

/** Bytes: bytea on PostgreSQL, blob on SQLite. */
export function bytesType(db: Kysely<any>): 'bytea' | 'blob' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
}
