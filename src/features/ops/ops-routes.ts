import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { poolStatsOf } from '../../platform/db/database.js';
import { pendingMigrations } from '../../platform/db/migrator.js';
import { queryContext } from '../../platform/db/query-log.js';
import { createHttpMetrics } from './http-metrics.js';

/** A probe must answer quickly even when the database hangs. */
const readinessTimeoutMs = 2_000;

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

function gauge(name: string, help: string, value: number, type = 'gauge'): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`];
}

/**
 * What operators and load balancers ask: /healthz (the process answers),
 * /readyz (the database answers and its schema is current) and /metrics
 * (Prometheus text). These are never cached and log only their failures.
 */
export function registerOps(app: FastifyInstance): void {
  const http = createHttpMetrics();
  const { services } = app;
  const quiet = { logLevel: 'warn' as const, schema: { hide: true } };

  // Queries then know their request, so a slow one is logged with its id.
  app.addHook('onRequest', (request, _reply, done) => {
    queryContext.run({ requestId: request.id }, done);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    http.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.get('/healthz', quiet, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  app.get('/readyz', quiet, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await withinTime(sql`select 1`.execute(services.db), readinessTimeoutMs);
      const pending = await withinTime(pendingMigrations(services.db), readinessTimeoutMs);
      if (pending.length > 0) {
        return reply
          .status(503)
          .send({ status: 'unavailable', reason: `pending migrations: ${pending.join(', ')}` });
      }
    } catch (error) {
      request.log.warn(`readiness: database unreachable: ${error instanceof Error ? error.message : error}`);
      return reply.status(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
    return { status: 'ready' };
  });

  app.get('/metrics', quiet, async (_request, reply) => {
    const cache = app.pageCache.stats();
    const stored = services.storedFirstVisits.stats();
    const lookups = cache.hits + cache.misses;
    const lines = [
      ...http.render(),
      ...gauge('khabar_page_cache_hits_total', 'Public pages answered from memory.', cache.hits, 'counter'),
      ...gauge('khabar_page_cache_misses_total', 'Public pages rendered anew.', cache.misses, 'counter'),
      ...gauge(
        'khabar_page_cache_hit_ratio',
        'Share of cacheable page requests answered from memory since start.',
        lookups === 0 ? 0 : cache.hits / lookups,
      ),
      ...gauge('khabar_page_cache_entries', 'Pages held in memory.', cache.entries),
      ...gauge('khabar_page_cache_bytes', 'Memory held by cached pages.', cache.bytes),
      ...gauge(
        'khabar_stored_article_pages_total',
        'First visits to article pages answered from their stored parts.',
        stored.answered,
        'counter',
      ),
      ...gauge(
        'khabar_stored_article_pages_before_fastify_total',
        'Of those, the ones the HTTP server answered before routing.',
        stored.early,
        'counter',
      ),
      ...gauge(
        'khabar_view_buffer_views',
        'Article views counted and not yet written.',
        services.views.pendingViews(),
      ),
      ...(await outboxLines(app)),
      ...poolLines(app),
      ...memoryLines(),
      ...gauge('process_uptime_seconds', 'Seconds since this process started.', Math.round(process.uptime())),
    ];
    reply.header('cache-control', 'no-store').type('text/plain; version=0.0.4; charset=utf-8');
    return `${lines.join('\n')}\n`;
  });
}

/** Where this process's memory is: what an operator needs to tell cached pages from a leak. */
function memoryLines(): string[] {
  const memory = process.memoryUsage();
  return [
    ...gauge('process_resident_memory_bytes', 'Resident memory of this process.', memory.rss),
    ...gauge('nodejs_heap_used_bytes', 'JavaScript heap in use.', memory.heapUsed),
    ...gauge('nodejs_heap_total_bytes', 'JavaScript heap reserved.', memory.heapTotal),
    ...gauge(
      'nodejs_external_memory_bytes',
      'Memory outside the heap held by JavaScript objects (buffers, compressed pages).',
      memory.external,
    ),
  ];
}

/** Posts waiting for Telegram, and how long the oldest has waited: the outbox's lag. */
async function outboxLines(app: FastifyInstance): Promise<string[]> {
  try {
    const row = await app.services.db
      .selectFrom('telegramOutbox')
      .select((eb) => [eb.fn.countAll<number>().as('pending'), eb.fn.min('createdAt').as('oldest')])
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow();
    const oldest = row.oldest ? Date.parse(String(row.oldest)) : undefined;
    const lag = oldest === undefined ? 0 : Math.max(0, (app.services.clock.now().getTime() - oldest) / 1000);
    return [
      ...gauge('khabar_outbox_pending', 'Telegram posts waiting to be sent.', Number(row.pending)),
      ...gauge('khabar_outbox_lag_seconds', 'Age of the oldest Telegram post waiting.', lag),
    ];
  } catch {
    // The metrics still answer while the database is away; /readyz says why.
    return gauge('khabar_database_up', 'Whether the database answered this scrape.', 0);
  }
}

function poolLines(app: FastifyInstance): string[] {
  const pool = poolStatsOf(app.services.db);
  if (!pool) return [];
  return [
    ...gauge('khabar_db_pool_connections', 'Open connections to PostgreSQL.', pool.total),
    ...gauge('khabar_db_pool_idle_connections', 'Open connections not in use.', pool.idle),
    ...gauge('khabar_db_pool_waiting_queries', 'Queries waiting for a connection.', pool.waiting),
    ...gauge('khabar_db_pool_max_connections', 'Largest pool allowed (KHABAR_DB_POOL_SIZE).', pool.max),
  ];
}
