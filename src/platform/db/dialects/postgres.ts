import { PostgresDialect } from 'kysely';
import pg from 'pg';

export function createPostgresDialect(url: string, onIdleError: (error: Error) => void): PostgresDialect {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its server must not crash the process; it is reported and the next query reconnects.
  pool.on('error', onIdleError);
  return new PostgresDialect({ pool });
}
