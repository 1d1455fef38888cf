import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { createSearchService, type SearchService } from './search-service.js';

const titles = (results: { items: { title: { text: string }[] }[] }) =>
  results.items.map((item) => item.title.map((s) => s.text).join(''));

const day = (n: number) => ({ publishedAt: new Date(Date.UTC(2025, 0, n, 8)) });

for (const engine of await enginesUnderTest()) {
  describe(`search past its bounds on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    // Ranks the newest three matches; PostgreSQL's recent tier holds the newest four articles.
    let bounded: SearchService;
    before(async () => {
      t = await buildTestApp(engine, { clock: fixedClock(new Date('2025-06-01T10:00:00Z')) });
      bounded = createSearchService({
        db: t.services.db,
        sections: t.services.sections,
        timeZone: 'Asia/Tehran',
        bounds: { candidates: 3, recentTier: 4 },
      });
      await createArticle(t.services, { title: 'گزارش قدیمی انبه', body: '<p>انبه جنوب</p>' }, day(1));
      await createArticle(t.services, { title: 'خرمای بم صادر شد', body: '<p>خرما و نارگیل</p>' }, day(2));
      for (let n = 3; n <= 8; n++) {
        await createArticle(
          t.services,
          { title: `بازار میوه، روز ${n}`, body: `<p>انبه و موز ${n}</p>` },
          day(n),
        );
      }
      await bounded.reindex();
    });
    after(() => t?.close());

    it('ranks an old title match first, then the newest matches, and says the count is capped', async () => {
      const results = await bounded.search({ q: 'انبه', limit: 10 });
      assert.equal(results.total, 3);
      assert.equal(results.totalCapped, true);
      assert.deepEqual(titles(results), [
        'گزارش قدیمی انبه',
        'بازار میوه، روز 8',
        'بازار میوه، روز 7',
        'بازار میوه، روز 6',
      ]);
      assert.equal(results.nextCursor, null);
    });

    it('reaches every match in newest order, page after page', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await bounded.search({ q: 'انبه', sort: 'newest', limit: 2, cursor });
        seen.push(...titles(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.equal(seen.length, 7);
      assert.equal(seen[0], 'بازار میوه، روز 8');
      assert.equal(seen.at(-1), 'گزارش قدیمی انبه');
    });

    it('finds a word only older articles have, and counts it exactly', async () => {
      const results = await bounded.search({ q: 'نارگیل' });
      assert.equal(results.totalCapped, false);
      assert.deepEqual(titles(results), ['خرمای بم صادر شد']);
      assert.deepEqual(
        (await bounded.suggest('خرم')).map((s) => s.title),
        ['خرمای بم صادر شد'],
      );
    });

    it('keeps the newest articles in reach after a new one is published and an old one edited', async () => {
      const fresh = await createArticle(
        t.services,
        { title: 'انبه پاکستانی رسید', body: '<p>انبه</p>' },
        day(9),
      );
      await bounded.reindex();
      assert.equal(titles(await bounded.search({ q: 'انبه', sort: 'newest', limit: 1 }))[0], fresh.title);
      assert.equal((await bounded.search({ q: 'پاکستانی' })).total, 1);
    });
  });
}
