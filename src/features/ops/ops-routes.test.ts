import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';

function metric(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

for (const engine of await enginesUnderTest()) {
  describe(`health, readiness and metrics on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
    });
    after(() => t?.close());

    it('answers /healthz and /readyz, never from the page cache', async () => {
      const health = await t.app.inject('/healthz');
      assert.equal(health.statusCode, 200);
      assert.deepEqual(health.json(), { status: 'ok' });
      assert.equal(health.headers['cache-control'], 'no-store');
      const ready = await t.app.inject('/readyz');
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), { status: 'ready' });
      assert.equal((await t.app.inject('/readyz')).headers['x-cache'], undefined);
    });

    it('is not ready while a migration is pending, and ready again once it is applied', async () => {
      const last = await t.services.db
        .selectFrom(sql.table('kysely_migration').as('m'))
        .select(sql<string>`name`.as('name'))
        .orderBy(sql`name`, 'desc')
        .executeTakeFirstOrThrow();
      const row = await sql<{
        name: string;
        timestamp: string;
      }>`select name, timestamp from kysely_migration where name = ${last.name}`.execute(t.services.db);
      await sql`delete from kysely_migration where name = ${last.name}`.execute(t.services.db);
      try {
        const pending = await t.app.inject('/readyz');
        assert.equal(pending.statusCode, 503);
        assert.match(pending.json().reason, new RegExp(`pending migrations: ${last.name}`));
      } finally {
        const { name, timestamp } = row.rows[0] as { name: string; timestamp: string };
        await sql`insert into kysely_migration (name, timestamp) values (${name}, ${timestamp})`.execute(
          t.services.db,
        );
      }
      assert.equal((await t.app.inject('/readyz')).statusCode, 200);
    });

    it('counts requests by route pattern, the page cache hit ratio and the views not yet written', async () => {
      const article = await createArticle(t.services, { state: 'published' });
      const path = `/news/${article.newsCode}/${encodeURIComponent(article.slug)}`;
      for (const browser of ['Firefox/128.0', 'Chrome/130.0']) {
        const page = await t.app.inject({
          url: path,
          headers: { 'user-agent': `Mozilla/5.0 (X11) ${browser}` },
        });
        assert.equal(page.statusCode, 200);
      }
      await t.app.inject('/no-such-page-here');
      const res = await t.app.inject('/metrics');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^text\/plain; version=0\.0\.4/);
      const text = res.body;
      assert.match(
        text,
        /khabar_http_requests_total\{method="GET",route="\/news\/:newsCode\/:slug\?",status="2xx"\} 2/,
      );
      assert.match(text, /khabar_http_requests_total\{method="GET",route="unmatched",status="4xx"\} 1/);
      assert.match(text, /khabar_http_request_duration_seconds_count\{method="GET",route="unmatched"\} 1/);
      assert.equal(metric(text, 'khabar_page_cache_hits_total'), t.app.pageCache.stats().hits);
      assert.ok((metric(text, 'khabar_page_cache_hit_ratio') ?? -1) >= 0);
      assert.equal(metric(text, 'khabar_view_buffer_views'), t.services.views.pendingViews());
      assert.ok((metric(text, 'khabar_view_buffer_views') ?? 0) >= 1);
      assert.equal(metric(text, 'khabar_outbox_pending'), 0);
      const heapUsed = metric(text, 'nodejs_heap_used_bytes') ?? 0;
      assert.ok(heapUsed > 0 && heapUsed <= (metric(text, 'nodejs_heap_total_bytes') ?? 0));
      assert.ok((metric(text, 'nodejs_external_memory_bytes') ?? 0) > 0);
      assert.ok((metric(text, 'process_resident_memory_bytes') ?? 0) > heapUsed);
      if (engine.name === 'postgres') assert.equal(metric(text, 'khabar_db_pool_max_connections'), 10);
      else assert.equal(metric(text, 'khabar_db_pool_max_connections'), undefined);
      // The probes themselves stay out of the page cache.
      assert.equal((await t.app.inject('/metrics')).headers['x-cache'], undefined);
    });
  });
}
