import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import type { Article } from '../articles/article.js';
import { systemActor } from '../users/user.js';
import { isBot } from './view-counter.js';
import { addViews, floorToHour } from './view-repository.js';

const phone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1';
const laptop = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('isBot', () => {
  it('treats crawlers, previewers, scripts and a missing user agent as bots', () => {
    for (const ua of [
      undefined,
      '',
      'Googlebot/2.1',
      'TelegramBot (like TwitterBot)',
      'curl/8.0',
      'WhatsApp/2.23',
      'axios/1.7.2',
      'Go-http-client/1.1',
      'python-urllib3/2.0',
      'Feedly/1.0 (+http://www.feedly.com/fetcher.html)',
    ]) {
      assert.equal(isBot(ua), true, String(ua));
    }
    assert.equal(isBot(phone), false);
    assert.equal(
      isBot(
        'Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36 Telegram-Android/10.6.2',
      ),
      false,
      'Telegram in-app browser is a reader',
    );
  });
});

for (const engine of await enginesUnderTest()) {
  describe(`view counting on ${engine.name}`, { skip: engine.skip }, () => {
    const clock = fixedClock(new Date('2025-03-10T09:30:00Z'));
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine, { clock });
    });
    after(() => t?.close());

    const publishedAgo = (ms: number) =>
      createArticle(t.services, {}, { publishedAt: new Date(clock.now().getTime() - ms) });

    async function read(article: Article, ip: string, userAgent: string): Promise<void> {
      const res = await t.app.inject({
        url: `/news/${article.newsCode}/${encodeURIComponent(article.slug)}`,
        headers: { 'user-agent': userAgent },
        remoteAddress: ip,
      });
      assert.equal(res.statusCode, 200);
    }

    async function storedViews(article: Article): Promise<number> {
      await t.services.views.flush();
      const rows = await t.services.db
        .selectFrom('articleViewsHourly')
        .select('views')
        .where('articleId', '=', article.id)
        .execute();
      return rows.reduce((sum, r) => sum + Number(r.views), 0);
    }

    it('counts none of 100 page requests from a bot', async () => {
      const article = await publishedAgo(hour);
      for (let i = 0; i < 100; i++) await read(article, '203.0.113.9', 'Googlebot/2.1');
      assert.equal(await storedViews(article), 0);
    });

    it('counts a reader once within half an hour, and again after it', async () => {
      const article = await publishedAgo(hour);
      await read(article, '203.0.113.10', phone);
      clock.advance(5 * minute);
      await read(article, '203.0.113.10', phone);
      assert.equal(await storedViews(article), 1, 'the same reader twice in 5 minutes');

      await read(article, '203.0.113.10', laptop);
      await read(article, '203.0.113.11', phone);
      assert.equal(await storedViews(article), 3, 'another browser or another address is another reader');

      clock.advance(26 * minute);
      await read(article, '203.0.113.10', phone);
      assert.equal(await storedViews(article), 4, 'the first reader again, 31 minutes after being counted');
    });

    it('adds views into hourly buckets and ranks the window, each article once', async () => {
      clock.set(new Date('2025-03-11T09:30:00Z'));
      const views = t.services.views;
      const a = await publishedAgo(3 * hour);
      const b = await publishedAgo(2 * hour);
      for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) views.record(a.id, { ip, userAgent: phone });
      views.record(b.id, { ip: '10.0.0.1', userAgent: phone });
      await views.flush();
      clock.advance(hour);
      for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) views.record(b.id, { ip, userAgent: phone });
      await views.flush();
      const rows = await t.services.db
        .selectFrom('articleViewsHourly')
        .selectAll()
        .where('articleId', '=', b.id)
        .execute();
      assert.deepEqual(rows.map((r) => Number(r.views)).sort(), [1, 3]);
      assert.deepEqual(await views.ranking('day', 10), [
        { articleId: b.id, views: 4 },
        { articleId: a.id, views: 3 },
      ]);
    });

    it('leaves a six-day-old article out of the day list but not the week, and an eight-day-old one out of both', async () => {
      clock.set(new Date('2025-04-20T12:00:00Z'));
      const views = t.services.views;
      const fresh = await publishedAgo(2 * hour);
      const sixDays = await publishedAgo(6 * day);
      const eightDays = await publishedAgo(8 * day);
      for (const [i, article] of [fresh, sixDays, sixDays, eightDays, eightDays, eightDays].entries()) {
        views.record(article.id, { ip: `10.1.0.${i}`, userAgent: phone });
      }
      await views.flush();
      assert.deepEqual(await views.mostViewed('day', 10), [fresh.id]);
      assert.deepEqual(await views.mostViewed('week', 10), [sixDays.id, fresh.id]);
    });

    it('never lists an unpublished article', async () => {
      clock.set(new Date('2025-05-01T12:00:00Z'));
      const article = await publishedAgo(hour);
      t.services.views.record(article.id, { ip: '10.2.0.1', userAgent: phone });
      await t.services.views.flush();
      assert.deepEqual(await t.services.views.mostViewed('day', 10), [article.id]);
      await t.services.articles.unpublish(systemActor, article.newsCode);
      clock.advance(5_000);
      assert.deepEqual(await t.services.views.mostViewed('day', 10), []);
    });

    it('shows new views within ten seconds: at once after this process flushes, after 4 s when another process wrote them', async () => {
      clock.set(new Date('2025-06-01T12:00:00Z'));
      const views = t.services.views;
      const first = await publishedAgo(hour);
      const second = await publishedAgo(hour);
      views.record(first.id, { ip: '10.3.0.1', userAgent: phone });
      await views.flush();
      assert.deepEqual(await views.mostViewed('day', 10), [first.id]);

      views.record(second.id, { ip: '10.3.0.1', userAgent: phone });
      views.record(second.id, { ip: '10.3.0.2', userAgent: phone });
      assert.deepEqual(await views.mostViewed('day', 10), [first.id], 'not flushed yet');
      await views.flush();
      assert.deepEqual(await views.mostViewed('day', 10), [second.id, first.id]);

      // Another process's flush does not clear this process's kept ranking; its age does.
      await addViews(t.services.db, [{ articleId: first.id, hour: floorToHour(clock.now()), views: 5 }]);
      clock.advance(4_000);
      assert.deepEqual(await views.mostViewed('day', 10), [first.id, second.id]);
    });
  });
}
