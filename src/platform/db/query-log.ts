import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogEvent } from 'kysely';

/** The request a query runs for, so a slow query in the log names the request that waited on it. */
export const queryContext = new AsyncLocalStorage<{ requestId: string }>();

export interface SlowQuery {
  ms: number;
  sql: string;
  requestId?: string;
}

/** Writes one JSON line on stderr, in the shape of the app's own log lines. */
function writeWarning(query: SlowQuery): void {
  process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), msg: 'slow query', ...query })}\n`);
}

/**
 * Kysely's log hook reporting queries slower than `thresholdMs`. Only the SQL
 * text is logged, never its parameters: they can hold readers' data.
 */
export function slowQueryLog(thresholdMs: number, write: (query: SlowQuery) => void = writeWarning) {
  return (event: LogEvent) => {
    if (event.level !== 'query' || event.queryDurationMillis < thresholdMs) return;
    write({
      ms: Math.round(event.queryDurationMillis),
      sql: event.query.sql.slice(0, 1_000),
      requestId: queryContext.getStore()?.requestId,
    });
  };
}
