import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { get, type Server, startServer } from '../../../test/support/khabar-process.js';
import {
  findPostgresBin,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../../test/support/postgres.js';
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js';
import { waitFor } from '../../../test/support/wait.js';
import type { RelayedEvent } from '../events-relay/event-relay.js';
import { postgresTransport } from '../events-relay/postgres-transport.js';

// This suite stops and starts its server, so it has a cluster of its own rather than the shared one.
const skip = findPostgresBin() ? false : 'PostgreSQL server binaries not found';

describe('a server whose PostgreSQL restarts', { skip, timeout: 180_000 }, () => {
  let cluster: ThrowawayPostgres | undefined;
  let t: TestApp | undefined;
  let server: Server | undefined;
  before(async () => {
    cluster = await startThrowawayPostgres();
    t = await buildTestApp({ name: 'postgres', skip: false, postgresUrl: cluster.url });
    // Without the page cache every page asks the database.
    server = await startServer(t, [], { KHABAR_PAGE_CACHE_MB: '0' });
  });
  after(async () => {
    await server?.stop();
    await cluster?.resume().catch(() => {});
    await t?.close();
    await cluster?.stop();
  });

  it('answers 503 at once while the database is down, stays up, and serves again when it is back', async () => {
    if (!server || !cluster || !t) throw new Error('not started');
    const origin = server.origin;
    assert.equal((await get(origin, '/')).status, 200);
    const article = await createArticle(t.services, { title: 'خبری که صفحه‌اش ذخیره شده است' });
    await t.services.storedPages.store(article.id, await t.services.siteContext());
    const articlePath = `/news/${article.newsCode}/${encodeURIComponent(article.slug)}`;

    await cluster.pause();
    const asked = Date.now();
    const page = await get(origin, '/', { accept: 'text/html' });
    assert.ok(Date.now() - asked < 6_000, `answered after ${Date.now() - asked} ms`);
    assert.equal(page.status, 503);
    assert.match(page.body, /سایت چند لحظه در دسترس نیست/);
    assert.doesNotMatch(page.body, /at \w+ \(|ECONNREFUSED|ENOENT/);
    // A first visit the HTTP server would answer from stored parts goes on to Fastify's error page.
    const firstVisit = await get(origin, articlePath, { 'accept-encoding': 'gzip' });
    assert.equal(firstVisit.status, 503);
    const api = await get(origin, '/api/v1/articles');
    assert.equal(api.status, 503);
    assert.equal(JSON.parse(api.body).error.code, 'database_unavailable');
    assert.equal((await get(origin, '/readyz')).status, 503);
    assert.equal((await get(origin, '/healthz')).status, 200);

    await cluster.resume();
    await waitFor(async () => (await get(origin, '/')).status === 200, 'the site serves again', 15_000);
    assert.equal((await get(origin, '/api/v1/articles')).status, 200);
    assert.equal((await get(origin, '/readyz')).status, 200);
    assert.equal(server.child.exitCode, null, 'the same process serves, never restarted');
  });

  it("re-listens for other processes' events after the restart, and says events may have been missed", async () => {
    if (!cluster) throw new Error('not started');
    // LISTEN/NOTIFY works within one database: the cluster's own is enough here.
    const received: RelayedEvent[] = [];
    let reconnected = 0;
    const options = { url: cluster.url, log: () => {}, retryMs: 100 };
    const sender = postgresTransport({ ...options, onReconnected: () => {} });
    const listener = postgresTransport({ ...options, onReconnected: () => reconnected++ });
    listener.listen((message) => received.push(message));
    try {
      await Promise.all([sender.ready, listener.ready]);
      const event = (sectionId: number): RelayedEvent => ({
        origin: 'other-process',
        event: 'section.changed',
        payload: { sectionId },
      });
      sender.send(event(1));
      await waitFor(() => received.length === 1, 'the first event arrives', 5_000);
      await cluster.pause();
      await cluster.resume();
      await waitFor(() => reconnected === 1, 'the listener is back', 15_000);
      await waitFor(
        () => {
          sender.send(event(2));
          return received.some((message) => (message.payload as { sectionId: number }).sectionId === 2);
        },
        'an event sent after the restart arrives',
        15_000,
      );
    } finally {
      await Promise.all([sender.close(), listener.close()]);
    }
  });
});
