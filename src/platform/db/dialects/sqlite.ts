import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { type SqliteDatabase, SqliteDialect } from 'kysely';

/**
 * SQLite in WAL mode: readers never wait for the writer, which is what a news
 * site with one writer (the newsroom) and many readers needs on one machine.
 */
export function createSqliteDialect(file: string): SqliteDialect {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const connection = new SQLite(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  // Another process (the CLI beside a running server) may hold the write lock briefly.
  connection.pragma('busy_timeout = 5000');
  // 2 MB by default: too little for the indexes a page's lookups walk once the archive is
  // large. 32 MB was no faster at 100,000 articles than 8, and each process holds its own.
  connection.pragma(`cache_size = -${cacheKiB}`);
  return new SqliteDialect({ database: withStatementCache(connection) });
}

const cachedStatements = 500;
const cacheKiB = 8 * 1024;

/**
 * Kysely prepares every query it runs; preparing costs as much as running a
 * short query, and a page runs a dozen. The same SQL text gets the same
 * prepared statement back (better-sqlite3 statements are reusable), so a
 * page's queries are compiled by SQLite once per process. Bounded, because
 * `IN (?, ?, …)` lists of every length make new texts.
 */
function withStatementCache(connection: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => connection.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = connection.prepare(sql);
        if (statements.size >= cachedStatements) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
