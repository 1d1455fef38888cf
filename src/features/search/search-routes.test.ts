import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { signedInUser } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';

for (const engine of await enginesUnderTest()) {
  describe(`search page and API on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
      await createArticle(t.services, {
        title: 'سفر نخست‌وزیر عراق به تهران',
        lead: 'نخست‌وزیر عراق امروز وارد تهران شد & با رئیس‌جمهور دیدار کرد.',
        section: 'politics',
      });
      await createArticle(t.services, { title: 'گزارش بازار <b>طلا</b>', section: 'economy' });
    });
    after(() => t?.close());

    it('puts a labelled search form in the header of every public page', async () => {
      const html = (await t.app.inject('/')).body;
      assert.match(html, /<form class="site-search" role="search" action="\/search" method="get">/);
      assert.match(html, /<label for="site-search-q"[^>]*>[^<]+<\/label><input id="site-search-q" name="q"/);
    });

    it('lists results with the matched words marked in the spelling the author used', async () => {
      const res = await t.app.inject(`/search?q=${encodeURIComponent('نخست وزیر')}`);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes('<mark>نخست‌وزیر</mark> عراق امروز'), 'snippet marks the original word');
      assert.ok(res.body.includes('سفر <mark>نخست‌وزیر</mark> عراق'), 'title marks the original word');
      assert.ok(res.body.includes('&amp; با'), 'the rest of the text is escaped');
      assert.ok(res.body.includes('۱ نتیجه'), 'the total is in Persian digits');
    });

    it('echoes a query with markup as text, never as markup', async () => {
      const res = await t.app.inject(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes('<script>alert'), 'no script element from the query');
      assert.ok(res.body.includes('«<strong>&lt;script>alert(1)&lt;/script></strong>»'), 'echoed as text');
    });

    it('explains an empty result, offers to drop the filters and shows the latest news', async () => {
      const res = await t.app.inject(`/search?q=${encodeURIComponent('تهران')}&section=sport`);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes('مطلبی پیدا نشد'));
      assert.ok(
        res.body.includes(`href="/search?q=${encodeURIComponent('تهران')}"`),
        'a link without filters',
      );
      assert.ok(res.body.includes('تازه‌ترین خبرها'));
      assert.ok(res.body.includes('سفر نخست‌وزیر عراق به تهران'));
    });

    it('keeps the form and says what to fix when a date is wrong', async () => {
      const res = await t.app.inject(
        `/search?q=${encodeURIComponent('تهران')}&from=${encodeURIComponent('۱۴۰۵/۱۳/۰۱')}`,
      );
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes('role="alert"'));
      assert.ok(res.body.includes('value="تهران"'));
    });

    it('answers the API with total, items and nextCursor, the snippet as escaped HTML', async () => {
      const res = await t.app.inject(`/api/v1/search?q=${encodeURIComponent('طلا')}`);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.total, 1);
      assert.equal(body.nextCursor, null);
      const [item] = body.items;
      assert.deepEqual(Object.keys(item).sort(), ['newsCode', 'publishedAt', 'snippet', 'title', 'url']);
      assert.equal(item.title, 'گزارش بازار <b>طلا</b>');
      assert.match(item.url, /^https:\/\/khabar\.test\/news\/\d+\//);
      assert.ok(!item.snippet.includes('<p>'), 'the snippet is text, not the body markup');
    });

    it('pages the API with nextCursor until it is null', async () => {
      await createArticle(t.services, { title: 'برداشت زیتون در رودبار' });
      await createArticle(t.services, { title: 'صادرات روغن زیتون' });
      const seen: number[] = [];
      let url = `/api/v1/search?q=${encodeURIComponent('زیتون')}&limit=1`;
      for (;;) {
        const page = (await t.app.inject(url)).json();
        assert.equal(page.total, 2);
        seen.push(...page.items.map((i: { newsCode: number }) => i.newsCode));
        if (!page.nextCursor) break;
        url = `/api/v1/search?q=${encodeURIComponent('زیتون')}&limit=1&cursor=${page.nextCursor}`;
      }
      assert.equal(new Set(seen).size, 2);
    });

    it('refuses invalid input with a 400 JSON error', async () => {
      for (const query of [
        '',
        'q=a&sort=oldest',
        'q=a&cursor=bad',
        'q=a&from=13/13/13',
        'q=a&section=nope',
      ]) {
        const res = await t.app.inject(`/api/v1/search?${query}`);
        assert.equal(res.statusCode, 400, query);
        assert.equal(typeof res.json().error.code, 'string', query);
      }
    });

    it('suggests titles from the first letters typed', async () => {
      const res = await t.app.inject(`/api/v1/search/suggest?q=${encodeURIComponent('نخست وز')}`);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(
        res.json().items.map((i: { title: string }) => i.title),
        ['سفر نخست‌وزیر عراق به تهران'],
      );
    });

    it('finds drafts and scheduled items in the newsroom list by body text and writer, in any spelling', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer', 'نگار مسئول‌زاده');
      const actor = { userId: writer.userId, name: 'نگار مسئول‌زاده', role: 'writer' as const };
      await t.services.articles.create(actor, {
        title: 'پیش‌نویس بی‌عنوان',
        body: '<p>همکاری‌های استانی در حوزه آب</p>',
        section: 'society',
      });
      const list = (q: string) =>
        t.app.inject({
          url: `/newsroom/articles?q=${encodeURIComponent(q)}`,
          headers: { cookie: writer.cookie },
        });
      for (const q of ['همکاری های استانی', 'مسؤول زاده']) {
        const res = await list(q);
        assert.equal(res.statusCode, 200);
        assert.ok(res.body.includes('پیش‌نویس بی‌عنوان'), q);
      }
      assert.ok(!(await list('خودروسازی')).body.includes('پیش‌نویس بی‌عنوان'));
    });

    it('lists the search endpoints in the OpenAPI document', async () => {
      const doc = (await t.app.inject('/api/openapi.json')).json();
      assert.ok(doc.paths['/api/v1/search']);
      assert.ok(doc.paths['/api/v1/search/suggest']);
    });
  });
}
