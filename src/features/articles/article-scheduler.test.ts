import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { waitFor } from '../../../test/support/wait.js';
import { fixedClock } from '../../platform/clock.js';
import { startScheduler } from './article-scheduler.js';

for (const engine of await enginesUnderTest()) {
  describe(`scheduler on ${engine.name}`, { skip: engine.skip }, () => {
    const clock = fixedClock(new Date('2025-06-01T10:00:00Z'));
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine, { clock });
    });
    after(() => t?.close());

    it('publishes at start what fell due while the server was down', async () => {
      const article = await createArticle(t.services, {
        state: 'scheduled',
        publishAt: '2025-06-01T10:05:00Z',
      });
      clock.set(new Date('2025-06-01T12:00:00Z'));
      const errors: unknown[] = [];
      const scheduler = startScheduler(t.services.articles, 60_000, (error) => errors.push(error));
      try {
        await waitFor(
          async () =>
            (await t.services.articles.getFor(undefined, article.newsCode).catch(() => null)) !== null,
          'the scheduled article is published',
        );
      } finally {
        scheduler.stop();
      }
      assert.deepEqual(errors, []);
    });
  });
}
