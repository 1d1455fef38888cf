import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { systemActor } from '../users/user.js';
import { countRevisions } from './article-repository.js';

for (const engine of await enginesUnderTest()) {
  describe(`article service on ${engine.name}`, { skip: engine.skip }, () => {
    const clock = fixedClock(new Date('2025-03-20T08:00:00Z'));
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine, { clock, env: { KHABAR_NEWS_CODE_START: '291347' } });
    });
    after(() => t?.close());

    it('starts news codes at the configured value and never hands one out twice', async () => {
      const first = await createArticle(t.services);
      assert.equal(first.newsCode, 291347);
      await t.services.db.deleteFrom('articles').where('id', '=', first.id).execute();
      const second = await createArticle(t.services);
      assert.equal(second.newsCode, 291348, 'a deleted article does not free its code');
    });

    it('keeps a revision for every save', async () => {
      const article = await createArticle(t.services, { state: 'draft' });
      await t.services.articles.update(systemActor, article.newsCode, { lead: 'لید تازه' });
      await t.services.articles.update(systemActor, article.newsCode, { state: 'published' });
      assert.equal(await countRevisions(t.services.db, article.id), 3);
    });

    it('publishes a scheduled article once it is due, exactly once even when two processes try together', async () => {
      const publishAt = new Date(clock.now().getTime() + 30 * 60_000);
      const scheduled = await createArticle(t.services, {
        state: 'scheduled',
        publishAt: publishAt.toISOString(),
      });
      assert.equal(scheduled.state, 'scheduled');
      assert.equal(await t.services.articles.publishDue(), 0);

      clock.set(new Date(publishAt.getTime() + 1000));
      const published: number[] = [];
      t.services.events.on('article.published', ({ newsCode }) => {
        published.push(newsCode);
      });
      const counts = await Promise.all([t.services.articles.publishDue(), t.services.articles.publishDue()]);
      assert.equal(counts[0]! + counts[1]!, 1);
      assert.deepEqual(published, [scheduled.newsCode]);
      const live = await t.services.articles.getPublished(scheduled.newsCode);
      assert.equal(live.publishedAt?.toISOString(), publishAt.toISOString(), 'dated at its scheduled time');
    });

    it('does not let a scheduled time lie in the past', async () => {
      await assert.rejects(
        createArticle(t.services, { state: 'scheduled', publishAt: '2020-01-01T00:00:00Z' }),
        /باید در آینده باشد/,
      );
    });
  });
}
