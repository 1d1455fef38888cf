import { PostgresDialect } from 'kysely';
import type pg from 'pg';

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
  let pool: pg.Pool | undefined;
  // The driver (about 16 MB resident) loads with the first query, so a SQLite site never pays for it.
  const openPool = async (): Promise<pg.Pool> => {
    const { default: driver } = await import('pg');
    pool = new driver.Pool({
      connectionString: url,
      max: poolSize,
      // While the server is away a request fails within seconds instead of waiting for a connection forever.
      connectionTimeoutMillis: 5_000,
      ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    });
    // An idle client losing its server must not crash the process; it is reported and the next query reconnects.
    pool.on('error', onIdleError);
    return pool;
  };
  return {
    dialect: new PostgresDialect({ pool: openPool }),
    poolStats: () => ({
      total: pool?.totalCount ?? 0,
      idle: pool?.idleCount ?? 0,
      waiting: pool?.waitingCount ?? 0,
      max: poolSize,
    }),
  };
}
