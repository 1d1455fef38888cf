import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { systemClock } from '../../platform/clock.js';
import { EventBus } from '../../platform/events.js';
import { createArticleService } from '../articles/article-service.js';
import { systemActor } from '../users/user.js';
import { indexAfterSearchUpgrade, searchMigrationName } from './search-upgrade.js';

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

      assert.equal(await indexAfterSearchUpgrade(t.services.db, t.services.search, []), undefined);
      assert.equal(await indexAfterSearchUpgrade(t.services.db, t.services.search, [searchMigrationName]), 1);
      assert.equal((await find()).total, 1);
    });
  });
}
