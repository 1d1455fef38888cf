import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import type { Article } from '../../features/articles/article.js';
import { preparedForIds, preparedQuery } from './prepared-query.js';

const publishedInSection = preparedQuery((db, sectionId: number, fromCode: number) =>
  db
    .selectFrom('articles')
    .select(['newsCode', 'sectionId'])
    .where('state', '=', 'published')
    .where('sectionId', '=', sectionId)
    .where('newsCode', '>=', fromCode)
    .orderBy('newsCode'),
);

for (const engine of await enginesUnderTest()) {
  describe(`preparedQuery on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let first: Article;
    let second: Article;
    before(async () => {
      t = await buildTestApp(engine);
      first = await createArticle(t.services, { section: 'politics' });
      await createArticle(t.services, { section: 'politics', state: 'draft' });
      second = await createArticle(t.services, { section: 'politics' });
      await createArticle(t.services, { section: 'sport' });
    });
    after(() => t?.close());

    it('runs with new values each time, keeping the constants it was built with', async () => {
      const { db } = t.services;
      const codes = async (sectionId: number, from: number) =>
        (await publishedInSection(db, sectionId, from)).map((row) => row.newsCode);
      assert.deepEqual(await codes(first.section.id, 0), [first.newsCode, second.newsCode]);
      assert.deepEqual(await codes(first.section.id, second.newsCode), [second.newsCode]);
      const [row] = await publishedInSection(db, first.section.id, 0);
      assert.deepEqual(Object.keys(row ?? {}), ['newsCode', 'sectionId'], 'columns come back camel-cased');
      await db.transaction().execute(async (trx) => {
        assert.deepEqual(
          (await publishedInSection(trx, first.section.id, 0)).map((r) => r.newsCode),
          [first.newsCode, second.newsCode],
        );
      });
    });

    it('runs a list of ids of any length, one prepared form per length', async () => {
      const codesOf = preparedForIds(
        (db, ids) => db.selectFrom('articles').select('newsCode').where('id', 'in', ids).orderBy('newsCode'),
        2,
      );
      const { db } = t.services;
      const codes = async (ids: number[]) => (await codesOf(db, ids)).map((row) => row.newsCode);
      assert.deepEqual(await codes([second.id]), [second.newsCode]);
      assert.deepEqual(await codes([first.id]), [first.newsCode]);
      assert.deepEqual(await codes([second.id, first.id]), [first.newsCode, second.newsCode]);
      // Past the longest prepared length, and empty: built each time.
      assert.deepEqual(await codes([first.id, second.id, 999_999]), [first.newsCode, second.newsCode]);
      assert.deepEqual(await codes([]), []);
    });

    it('refuses a builder that leaves a value out of the query', async () => {
      const constantOnly = preparedQuery((db, _id: number) =>
        db.selectFrom('articles').select('id').where('id', '=', 1),
      );
      await assert.rejects(constantOnly(t.services.db, 1), /must be a parameter/);
    });
  });
}
