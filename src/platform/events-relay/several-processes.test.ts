import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createUserWithToken } from '../../../test/support/factories.js';
import {
  type Answer,
  browser,
  get,
  post,
  type Server,
  startServer,
} from '../../../test/support/khabar-process.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { waitFor } from '../../../test/support/wait.js';

async function viewsOf(t: TestApp, articleId: number): Promise<number> {
  const row = await t.services.db
    .selectFrom('articleViewsHourly')
    .select((eb) => eb.fn.sum<number>('views').as('total'))
    .where('articleId', '=', articleId)
    .executeTakeFirstOrThrow();
  return Number(row.total ?? 0);
}

/** Reads each article page once as a different reader (each its own address), so every view counts. */
async function readAs(origin: string, url: string, readers: number, first: number) {
  const path = new URL(url).pathname;
  for (let i = 0; i < readers; i++) {
    const page = await get(origin, path, {
      'user-agent': browser,
      'x-forwarded-for': `10.0.${first}.${i + 1}`,
    });
    assert.equal(page.status, 200);
  }
}

const article = (title: string) => ({ title, body: '<p>متن خبر</p>', section: 'politics' });

const engines = await enginesUnderTest();
const postgres = engines.find((engine) => engine.name === 'postgres');
const sqlite = engines.find((engine) => engine.name === 'sqlite');

describe('two khabar serve processes on one PostgreSQL', { skip: postgres?.skip, timeout: 180_000 }, () => {
  let t: TestApp;
  let editor: string;
  let a: Server | undefined;
  let b: Server | undefined;
  before(async () => {
    if (!postgres) return;
    t = await buildTestApp(postgres);
    editor = (await createUserWithToken(t.services, 'editor')).authorization;
    [a, b] = await Promise.all([
      startServer(t, [], { KHABAR_SCHEDULER_INTERVAL_MS: '200' }),
      startServer(t, [], { KHABAR_SCHEDULER_INTERVAL_MS: '200' }),
    ]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await t?.close();
  });

  it('drops a page cached in process B within a second of a publish in process A', async () => {
    if (!a || !b) throw new Error('servers not started');
    await get(b.origin, '/');
    assert.equal((await get(b.origin, '/')).cache, 'HIT');
    const title = 'خبر منتشرشده در فرایند الف';
    await post(a.origin, editor, { ...article(title), state: 'published' });
    const published = Date.now();
    let fresh: Answer | undefined;
    await waitFor(
      async () => {
        fresh = await get(b?.origin ?? '', '/');
        return fresh.body.includes(title);
      },
      'process B shows the new article',
      1_000,
    );
    assert.ok(Date.now() - published <= 1_000);
    assert.equal(fresh?.cache, 'MISS');
  });

  it('publishes each scheduled article exactly once with two schedulers running', async () => {
    if (!a || !postgres?.postgresUrl) throw new Error('servers not started');
    const listener = new pg.Client({
      connectionString: t.config.database.engine === 'postgres' ? t.config.database.url : '',
    });
    await listener.connect();
    const published = new Map<number, number>();
    listener.on('notification', ({ payload }) => {
      const message = JSON.parse(payload ?? '{}');
      if (message.event === 'article.published') {
        const id = message.payload.articleId as number;
        published.set(id, (published.get(id) ?? 0) + 1);
      }
    });
    await listener.query('LISTEN khabar_events');
    try {
      const publishAt = new Date(Date.now() + 2_000).toISOString();
      const ids: number[] = [];
      for (let i = 1; i <= 6; i++) {
        ids.push(
          (
            await post(a.origin, editor, {
              ...article(`خبر زمان‌بندی‌شده ${i}`),
              state: 'scheduled',
              publishAt,
            })
          ).id,
        );
      }
      await waitFor(
        () => ids.every((id) => published.has(id)),
        'every scheduled article is published',
        10_000,
      );
      // Both schedulers tick every 200 ms: a second publish would show within this wait.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      assert.deepEqual(
        ids.map((id) => published.get(id)),
        ids.map(() => 1),
      );
      const states = await t.services.db
        .selectFrom('articles')
        .select('state')
        .where('id', 'in', ids)
        .execute();
      assert.ok(states.every((row) => row.state === 'published'));
    } finally {
      await listener.end();
    }
  });

  it('adds up the views counted by both processes, flushed when they shut down', async () => {
    if (!a || !b) throw new Error('servers not started');
    const created = await post(a.origin, editor, { ...article('خبر پربیننده'), state: 'published' });
    await readAs(a.origin, created.url, 7, 1);
    await readAs(b.origin, created.url, 5, 2);
    // Views are buffered for 5 s; stopping at once proves the shutdown writes them.
    await Promise.all([a.stop(), b.stop()]);
    assert.equal(await viewsOf(t, created.id), 12);
  });
});

describe('khabar serve --workers 2 on SQLite', { skip: sqlite?.skip, timeout: 180_000 }, () => {
  let t: TestApp;
  let editor: string;
  let server: Server | undefined;
  before(async () => {
    if (!sqlite) return;
    t = await buildTestApp(sqlite);
    editor = (await createUserWithToken(t.services, 'editor')).authorization;
    server = await startServer(t, ['--workers', '2']);
  });
  after(async () => {
    await server?.stop();
    await t?.close();
  });

  it('drops the page cached in every worker within a second of a publish in one of them', async () => {
    if (!server) throw new Error('server not started');
    const origin = server.origin;
    for (let i = 0; i < 4; i++) await get(origin, '/');
    // Connections go round robin: both workers now hold the page.
    const warm = await Promise.all([get(origin, '/'), get(origin, '/'), get(origin, '/'), get(origin, '/')]);
    assert.deepEqual(
      warm.map((page) => page.cache),
      ['HIT', 'HIT', 'HIT', 'HIT'],
    );
    const title = 'خبر منتشرشده در یکی از کارگرها';
    await post(origin, editor, { ...article(title), state: 'published' });
    const published = Date.now();
    await waitFor(
      async () => {
        const pages = [];
        for (let i = 0; i < 4; i++) pages.push(await get(origin, '/'));
        return pages.every((page) => page.body.includes(title));
      },
      'every worker shows the new article',
      1_000,
    );
    assert.ok(Date.now() - published <= 1_000);
  });

  it('on SIGTERM finishes the request in flight and writes the views of both workers', async () => {
    if (!server) throw new Error('server not started');
    const created = await post(server.origin, editor, {
      ...article('خبر پربیننده کارگرها'),
      state: 'published',
    });
    await readAs(server.origin, created.url, 10, 3);
    // A request whose body is still arriving when the signal comes must still be answered.
    const body = JSON.stringify({ ...article('خبری که هنگام خاموشی رسید'), state: 'published' });
    const bytes = Buffer.from(body);
    const inFlight = request(`${server.origin}/api/v1/articles`, {
      method: 'POST',
      agent: false,
      headers: { authorization: editor, 'content-type': 'application/json', 'content-length': bytes.length },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      inFlight.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      inFlight.on('error', reject);
    });
    inFlight.write(bytes.subarray(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopping = server.stop();
    await new Promise((resolve) => setTimeout(resolve, 700));
    inFlight.end(bytes.subarray(10));
    const finished = await answer;
    assert.equal(finished.status, 201, finished.body);
    await stopping;
    assert.equal(await viewsOf(t, created.id), 10);
    const saved = await t.services.db
      .selectFrom('articles')
      .select('id')
      .where('title', '=', 'خبری که هنگام خاموشی رسید')
      .execute();
    assert.equal(saved.length, 1);
  });
});
