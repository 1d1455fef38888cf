import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import * as recentPrefixes from '../../migrations/20261130T0006_search_speed.js';
import { fixedClock } from '../../platform/clock.js';
import { EventBus } from '../../platform/events.js';
import type { ArticleFields } from '../articles/article-service.js';
import { createArticleService } from '../articles/article-service.js';
import { systemActor } from '../users/user.js';
import { rowKey } from './search-order.js';
import { createSearchService, type SearchService } from './search-service.js';
import { indexAfterSearchUpgrade } from './search-upgrade.js';

const titles = (results: { items: { title: { text: string }[] }[] }) =>
  results.items.map((item) => item.title.map((s) => s.text).join(''));

const day = (n: number) => new Date(Date.UTC(2025, 0, n, 8));

// A tier of three articles and one candidate: the tier answers whenever it holds two matches, so
// every step below is answered by it, and a tier out of step with the articles shows in the results.
for (const engine of await enginesUnderTest()) {
  describe(`the recent tier stays in step with the articles on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let search: SearchService;
    let articles: ReturnType<typeof createArticleService>;
    const clock = fixedClock(day(1));
    const codes: number[] = [];

    const write = (title: string, n: number, fields: Partial<ArticleFields> = {}) =>
      articles.create(
        systemActor,
        { title, body: `<p>گزارش بازار روز ${n}</p>`, section: 'economy', state: 'published', ...fields },
        { publishedAt: day(n) },
      );
    const newest = async (q = 'بازار', limit = 2) =>
      titles(await search.search({ q, sort: 'newest', limit }));

    /** SQLite: every published article from the tier's bound on is in the tier, and nothing else. */
    async function assertTierWhole() {
      if (engine.name === 'postgres') return;
      const db = t.services.db;
      const bound = await sql<{
        from: number | null;
      }>`select complete_from as "from" from search_recent_bound`.execute(db);
      const from = bound.rows[0]?.from;
      assert.ok(from !== null && from !== undefined, 'the tier is complete from some key on');
      const published = await db
        .selectFrom('articles')
        .select(['id', 'publishedAt'])
        .where('state', '=', 'published')
        .execute();
      const expected = published
        .map((a) => rowKey(a.publishedAt ?? '', a.id))
        .filter((key) => key >= from)
        .sort((a, b) => a - b);
      const held = await sql<{ key: number }>`select rowid as key from search_recent
        where search_recent match 'گزارش' and rowid >= cast(${from} as integer) order by rowid`.execute(db);
      assert.deepEqual(
        held.rows.map((r) => r.key),
        expected,
      );
    }

    before(async () => {
      t = await buildTestApp(engine, { clock });
      search = createSearchService({
        db: t.services.db,
        sections: t.services.sections,
        timeZone: 'Asia/Tehran',
        bounds: { candidates: 1, recentTier: 3 },
      });
      articles = createArticleService({
        db: t.services.db,
        clock,
        events: new EventBus(() => {}),
        newsCodeStart: 200001,
        onSaved: search.articlesSaved,
      });
      clock.set(day(20));
      for (let n = 1; n <= 6; n++) codes.push((await write(`بازار روز ${n}`, n)).newsCode);
    });
    after(() => t?.close());

    it('finds the newest matches as articles are published', async () => {
      assert.deepEqual(await newest(), ['بازار روز 6', 'بازار روز 5']);
      const results = await search.search({ q: 'بازار' });
      assert.equal(results.total, 1);
      assert.equal(results.totalCapped, true);
      await assertTierWhole();
    });

    it('drops an unpublished article and an edit that removes the word', async () => {
      await articles.unpublish(systemActor, codes[5] ?? 0);
      assert.deepEqual(await newest(), ['بازار روز 5', 'بازار روز 4']);
      await articles.update(systemActor, codes[4] ?? 0, {
        title: 'نارنج روز 5',
        body: '<p>گزارش نارنج</p>',
      });
      assert.deepEqual(await newest(), ['بازار روز 4', 'بازار روز 3']);
      assert.deepEqual(await newest('نارنج'), ['نارنج روز 5']);
      await assertTierWhole();
    });

    it('adds a scheduled article when it is published, and leaves out a backdated one', async () => {
      await articles.create(systemActor, {
        title: 'بازار فردا',
        body: '<p>گزارش بازار</p>',
        section: 'economy',
        state: 'scheduled',
        publishAt: new Date(day(21).getTime()).toISOString(),
      });
      assert.deepEqual(await newest(), ['بازار روز 4', 'بازار روز 3']);
      clock.set(day(22));
      assert.equal(await articles.publishDue(), 1);
      assert.deepEqual(await newest(), ['بازار فردا', 'بازار روز 4']);
      await write('بازار قدیم', 0);
      assert.deepEqual(await newest(), ['بازار فردا', 'بازار روز 4']);
      assert.deepEqual(await newest('بازار', 10), [
        'بازار فردا',
        'بازار روز 4',
        'بازار روز 3',
        'بازار روز 2',
        'بازار روز 1',
        'بازار قدیم',
      ]);
      await assertTierWhole();
    });

    it('is whole again after a rebuild, and after an upgrade that added it', async () => {
      await search.reindex();
      assert.deepEqual(await newest(), ['بازار فردا', 'بازار روز 4']);
      await assertTierWhole();
      if (engine.name === 'postgres') return;
      // A site upgraded with articles already indexed has no tier until the rebuild at its next start.
      const db = t.services.db;
      await sql`delete from search_recent_bound`.execute(db);
      await sql`insert into search_recent (search_recent) values ('delete-all')`.execute(db);
      assert.deepEqual(await newest(), ['بازار فردا', 'بازار روز 4'], 'the whole index answers meanwhile');
      assert.ok(await indexAfterSearchUpgrade(db, search, ['20261130T0005_search_recent_sqlite']));
      await assertTierWhole();
      assert.deepEqual(await newest(), ['بازار فردا', 'بازار روز 4']);
    });

    it('is made again with prefix indexes by an upgrade, answering from the whole index until refilled', async () => {
      if (engine.name === 'postgres') return;
      const db = t.services.db;
      const tierTable = async () =>
        (await sql<{ sql: string }>`select sql from sqlite_master where name = 'search_recent'`.execute(db))
          .rows[0]?.sql ?? '';
      await recentPrefixes.down(db);
      assert.doesNotMatch(await tierTable(), /prefix/);
      await recentPrefixes.up(db);
      assert.match(await tierTable(), /prefix='3 4 5 6'/);
      assert.deepEqual(await newest(), ['بازار فردا', 'بازار روز 4'], 'the whole index answers meanwhile');
      // Applied by another process (khabar migrate, the bench): the next start still fills the tier.
      assert.ok(await indexAfterSearchUpgrade(db, search, []));
      assert.equal(await indexAfterSearchUpgrade(db, search, []), undefined, 'once');
      await assertTierWhole();
      assert.deepEqual(await newest(), ['بازار فردا', 'بازار روز 4']);
      // A prefix of three letters, answered by the tier's prefix index.
      assert.deepEqual(await newest('باز'), ['بازار فردا', 'بازار روز 4']);
    });
  });
}
