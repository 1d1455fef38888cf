import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { isBot } from './view-counter.js';

describe('isBot', () => {
  it('treats crawlers, previewers, scripts and a missing user agent as bots', () => {
    for (const ua of [
      undefined,
      '',
      'Googlebot/2.1',
      'TelegramBot (like TwitterBot)',
      'curl/8.0',
      'WhatsApp/2.23',
    ]) {
      assert.equal(isBot(ua), true, String(ua));
    }
    assert.equal(isBot('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1'), false);
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
    const ids: number[] = [];
    before(async () => {
      t = await buildTestApp(engine, { clock });
    });
    after(() => t?.close());

    it('adds views into hourly buckets and ranks the last day, each article once', async () => {
      const views = t.services.views;
      const a = await createArticle(t.services, {}, { publishedAt: new Date('2025-03-10T06:00:00Z') });
      const b = await createArticle(t.services, {}, { publishedAt: new Date('2025-03-10T07:00:00Z') });
      for (let i = 0; i < 3; i++) views.record(a.id, 'Mozilla/5.0');
      views.record(b.id, 'Mozilla/5.0');
      views.record(b.id, 'Googlebot/2.1');
      await views.flush();
      clock.advance(60 * 60_000);
      views.record(b.id, 'Mozilla/5.0');
      views.record(b.id, 'Mozilla/5.0');
      views.record(b.id, 'Mozilla/5.0');
      await views.flush();
      const rows = await t.services.db
        .selectFrom('articleViewsHourly')
        .selectAll()
        .where('articleId', '=', b.id)
        .execute();
      assert.deepEqual(rows.map((r) => Number(r.views)).sort(), [1, 3]);
      assert.deepEqual(await views.mostViewed('day', 10), [b.id, a.id]);
      ids.push(b.id, a.id);
    });

    it('leaves out views and articles older than the window', async () => {
      clock.set(new Date('2025-03-12T12:00:00Z'));
      const fresh = await createArticle(t.services, {}, { publishedAt: new Date('2025-03-12T10:00:00Z') });
      t.services.views.record(fresh.id, 'Mozilla/5.0');
      await t.services.views.flush();
      assert.deepEqual(await t.services.views.mostViewed('day', 10), [fresh.id]);
      assert.deepEqual(await t.services.views.mostViewed('week', 10), [...ids, fresh.id]);
    });
  });
}
