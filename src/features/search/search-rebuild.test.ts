import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { systemActor } from '../users/user.js';
import { changedSince, loadSearchSources } from './search-source-repository.js';

for (const engine of await enginesUnderTest()) {
  describe(`a rebuild of the search index on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    const clock = fixedClock(new Date('2025-06-01T10:00:00Z'));
    before(async () => {
      t = await buildTestApp(engine, { clock });
    });
    after(() => t?.close());

    it('notices an article saved after its batch was read, so the rebuild indexes it as it is now', async () => {
      const kept = await createArticle(t.services, { title: 'سد کرج پر شد' });
      const edited = await createArticle(t.services, { title: 'بارش باران در تهران' });
      const sources = await loadSearchSources(t.services.db, { ids: [kept.id, edited.id] });
      assert.deepEqual(await changedSince(t.services.db, sources), { changed: [], gone: [] });
      clock.advance(60_000);
      await t.services.articles.update(systemActor, edited.newsCode, { title: 'بارش برف در تهران' });
      assert.deepEqual(await changedSince(t.services.db, sources), { changed: [edited.id], gone: [] });
    });

    it('builds the keys on a worker thread and finds every article afterwards', async () => {
      const article = await createArticle(t.services, {
        title: 'نخست‌وزیر عراق به تهران آمد',
        body: '<p>گفت‌وگوها در میدان آزادی ادامه دارد.</p>',
      });
      const rebuilt = await t.services.search.reindex();
      assert.ok(rebuilt.done >= 3);
      for (const q of ['نخستوزیر', 'گفت و گو', 'میدان', 'برف']) {
        const results = await t.services.search.search({ q });
        assert.ok(results.total >= 1, `«${q}» finds something after the rebuild`);
      }
      assert.equal((await t.services.search.search({ q: 'نخست وزیر' })).items[0]?.id, article.id);
      assert.equal((await t.services.search.search({ q: 'باران' })).total, 0, 'the old title is gone');
    });

    // FTS5 segments are SQLite's.
    if (engine.name === 'sqlite') {
      it('leaves each SQLite table in one segment, merged in steps rather than by one long optimize', async () => {
        // Each save is its own transaction, and so its own segment.
        for (const title of ['قیمت طلا کاهش یافت', 'نمایشگاه کتاب گشایش یافت', 'بازی پرسپولیس و استقلال']) {
          await createArticle(t.services, { title });
        }
        const segments = async (table: string) =>
          (
            await sql<{
              n: number;
            }>`select count(distinct segid) as n from ${sql.table(`${table}_idx`)}`.execute(t.services.db)
          ).rows[0]?.n ?? 0;
        assert.ok((await segments('search_public')) > 1);
        await t.services.search.reindex();
        for (const table of ['search_public', 'search_recent', 'search_titles', 'search_desk']) {
          assert.ok((await segments(table)) <= 1, `${table} has one segment`);
        }
        assert.equal((await t.services.search.search({ q: 'نمایشگاه' })).total, 1);
      });
    }
  });
}
