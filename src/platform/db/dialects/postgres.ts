import { PostgresDialect } from 'kysely';
import pg from 'pg';

export interface PostgresOptions {
  poolSize?: number;
  statementTimeoutMs?: number;
}

export interface PoolStats {
  /** Connections open, idle among them, and queries waiting for one. */
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export function createPostgresDialect(
  url: string,
  onIdleError: (error: Error) => void,
  { poolSize = 10, statementTimeoutMs = 15_000 }: PostgresOptions = {},
): { dialect: PostgresDialect; poolStats: () => PoolStats } {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // While the server is away a request fails within seconds instead of waiting for a connection forever.
    connectionTimeoutMillis: 5_000,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
  });
  // An idle client losing its server must not crash the process; it is reported and the next query reconnects.
  pool.on('error', onIdleError);
  return {
    dialect: new PostgresDialect({ pool }),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: poolSize,
    }),
  };
}
