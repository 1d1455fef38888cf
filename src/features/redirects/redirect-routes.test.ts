import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { articlePath } from '../articles/article.js';

for (const engine of await enginesUnderTest()) {
  describe(`old addresses on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let target: string;
    before(async () => {
      t = await buildTestApp(engine);
      target = articlePath(await createArticle(t.services, { title: 'سفر به اصفهان' }));
      const { db, redirects, clock } = t.services;
      await db.transaction().execute((trx) =>
        redirects.save(
          trx,
          [
            { from: '/2023/05/01/%D8%B3%D9%81%D8%B1/', to: target },
            { from: '/?p=77', to: target },
            { from: '/search/', to: target },
          ],
          clock.now(),
        ),
      );
    });
    after(() => t?.close());

    it('answers an unmatched old path with 301 to the new address, whatever its encoding', async () => {
      for (const url of [
        '/2023/05/01/%D8%B3%D9%81%D8%B1/',
        '/2023/05/01/%d8%b3%d9%81%d8%b1',
        '/2023//05/01/%D8%B3%D9%81%D8%B1',
      ]) {
        const res = await t.app.inject(url);
        assert.equal(res.statusCode, 301, url);
        assert.equal(res.headers.location, target);
      }
      const head = await t.app.inject({ method: 'HEAD', url: '/2023/05/01/%D8%B3%D9%81%D8%B1/' });
      assert.equal(head.statusCode, 301);
    });

    it('answers /?p= on the home page, and only for recorded posts', async () => {
      assert.equal((await t.app.inject('/?p=77')).headers.location, target);
      assert.equal((await t.app.inject('/?p=78')).statusCode, 200);
    });

    it('never shadows a route of the site: /search stays the search page', async () => {
      const res = await t.app.inject('/search/');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers.location, undefined);
    });

    it('does not redirect writes or the API, which keep their own not-found answers', async () => {
      assert.equal(
        (await t.app.inject({ method: 'POST', url: '/2023/05/01/%D8%B3%D9%81%D8%B1/' })).statusCode,
        404,
      );
      const api = await t.app.inject('/api/v1/2023/05/01/x');
      assert.equal(api.statusCode, 404);
      assert.equal(api.json().error.code, 'not_found');
    });

    it('refuses a target that is not an address a route answers, so no redirect can lead to another', async () => {
      const { db, redirects, clock } = t.services;
      await assert.rejects(
        db
          .transaction()
          .execute((trx) => redirects.save(trx, [{ from: '/a/', to: '/2023/05/01/سفر' }], clock.now())),
        /not an address a route answers/,
      );
    });

    it('keeps the first target of an address and names the later ones it refused', async () => {
      const { db, redirects, clock } = t.services;
      const other = articlePath(await createArticle(t.services, { title: 'سفر به شیراز' }));
      const saved = await db
        .transaction()
        .execute((trx) => redirects.save(trx, [{ from: '/2023/05/01/سفر/', to: other }], clock.now()));
      assert.deepEqual(saved, { added: 0, taken: ['/2023/05/01/سفر'] });
      assert.equal((await t.app.inject('/2023/05/01/%D8%B3%D9%81%D8%B1/')).headers.location, target);
    });
  });
}
