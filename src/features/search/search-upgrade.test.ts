import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import * as searchSpeed from '../../migrations/20261130T0003_search_speed.js';
import * as searchPublicPrefix from '../../migrations/20261130T0007_search_public_prefix.js';
import { systemClock } from '../../platform/clock.js';
import { EventBus } from '../../platform/events.js';
import { createArticleService } from '../articles/article-service.js';
import { systemActor } from '../users/user.js';
import { createSearchService } from './search-service.js';
import { indexAfterSearchUpgrade, plannedSearchUpgrade } from './search-upgrade.js';

for (const engine of await enginesUnderTest()) {
  describe(`search index after an upgrade on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
    });
    after(() => t?.close());

    it('indexes the articles written before the search tables existed, once, at the first start after', async () => {
      // An article service without the index hook writes as the site did before the upgrade.
      const beforeSearch = createArticleService({
        db: t.services.db,
        clock: systemClock,
        events: new EventBus(() => {}),
        newsCodeStart: 100001,
      });
      await beforeSearch.create(systemActor, {
        title: 'واکسیناسیون سراسری از شنبه آغاز می‌شود',
        body: '<p>وزارت بهداشت برنامهٔ واکسیناسیون را اعلام کرد.</p>',
        section: 'society',
        state: 'published',
      });
      const find = () => t.services.search.search({ q: 'واکسیناسیون' });
      assert.equal((await find()).total, 0);

      assert.equal(
        await indexAfterSearchUpgrade(t.services.db, t.services.search, ['20261129T2006_search']),
        1,
      );
      assert.equal((await find()).total, 1);
      assert.equal(await indexAfterSearchUpgrade(t.services.db, t.services.search, []), undefined, 'once');
    });

    it('rebuilds an index filled the old way once the row-key migration has emptied it', async () => {
      const article = await createArticle(t.services, { title: 'بارش برف در گردنه حیران' });
      const db = t.services.db;
      const find = () => t.services.search.search({ q: 'حیران' });
      assert.equal((await find()).total, 1);
      // Back to the index before the migration, holding the article under its id as it used to.
      await searchSpeed.down(db);
      if (engine.name === 'postgres') {
        await sql`insert into search_public (article_id, title, document, writer)
          values (${article.id}, to_tsvector('simple', 'حیران'), to_tsvector('simple', 'حیران'), '')`.execute(
          db,
        );
      } else {
        await sql`insert into search_public (rowid, title, document, writer)
          values (${article.id}, 'حیران', 'حیران', '')`.execute(db);
      }
      await searchSpeed.up(db);
      assert.equal((await find()).total, 0, 'the migration empties the index');
      const indexed = await indexAfterSearchUpgrade(db, t.services.search, ['20261130T0003_search_speed']);
      assert.ok(indexed && indexed >= 1);
      assert.equal((await find()).total, 1);
    });

    it('rebuilds the index a migration applied by another process emptied, and finds split words by their prefix', async () => {
      const db = t.services.db;
      await createArticle(t.services, { title: 'دیدار نخست وزیران دو کشور در مرز' });
      await createArticle(t.services, { title: 'سفر نخست وزیر به استان مرزی' });
      const find = (q: string) => t.services.search.search({ q });
      assert.equal((await find('نخستوزیر')).total, 2);
      // On PostgreSQL the migration changes nothing; on SQLite it empties the public side.
      await searchPublicPrefix.up(db);
      if (engine.name === 'sqlite')
        assert.equal((await find('نخستوزیر')).total, 0, 'the migration empties the index');
      // The migration was applied elsewhere (`khabar migrate`): this start applied none. A tier of
      // one article tells a rebuild from a refill of the tier, which would bring back only the newest.
      const search = createSearchService({
        db,
        sections: t.services.sections,
        timeZone: 'Asia/Tehran',
        bounds: { candidates: 300, recentTier: 1 },
      });
      const indexed = await indexAfterSearchUpgrade(db, search, []);
      if (engine.name === 'sqlite') assert.ok(indexed && indexed >= 2);
      else assert.equal(indexed, undefined);
      assert.equal((await find('نخستوزیر')).total, 2);
      assert.equal((await find('مرز')).total, 2);
      assert.equal(await indexAfterSearchUpgrade(db, search, []), undefined, 'once');
    });

    // The bound of the recent tier is SQLite's; PostgreSQL has no such state to resume from.
    if (engine.name === 'sqlite') {
      it('rebuilds again at the next start when a rebuild stopped half way', async () => {
        const db = t.services.db;
        const first = await createArticle(t.services, { title: 'قطار تندرو تهران به قم رسید' });
        await createArticle(t.services, { title: 'قطار باری در ایستگاه ماند' });
        await searchPublicPrefix.up(db);
        // The rebuild had set its bound and indexed one article when the server stopped.
        await sql`insert into search_recent_bound (id, complete_from, fill_from) values (1, null, 0)`.execute(
          db,
        );
        await t.services.search.articlesSaved(db, [first.id]);
        assert.equal((await t.services.search.search({ q: 'قطار' })).total, 1);

        assert.equal(await plannedSearchUpgrade(db, []), 'rebuild');
        await indexAfterSearchUpgrade(db, t.services.search, []);
        assert.equal((await t.services.search.search({ q: 'قطار' })).total, 2);
        assert.equal(await plannedSearchUpgrade(db, []), undefined);
      });
    }
  });
}
