import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import type { Article } from '../articles/article.js';

const phone = 'Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36';
const hour = 3_600_000;

for (const engine of await enginesUnderTest()) {
  describe(`most viewed API and page on ${engine.name}`, { skip: engine.skip }, () => {
    const clock = fixedClock(new Date('2025-03-10T09:30:00Z'));
    let t: TestApp;
    let today: Article;
    let thisWeek: Article;
    before(async () => {
      t = await buildTestApp(engine, { clock });
      const at = (ms: number) => ({ publishedAt: new Date(clock.now().getTime() - ms) });
      today = await createArticle(t.services, { title: 'خبر پربازدید امروز' }, at(2 * hour));
      thisWeek = await createArticle(t.services, { title: 'خبر پربازدید هفته' }, at(3 * 24 * hour));
      const counted = [...Array(12).keys()].map((i) => ({ article: thisWeek, ip: `10.0.0.${i}` }));
      counted.push(...[...Array(3).keys()].map((i) => ({ article: today, ip: `10.0.1.${i}` })));
      for (const { article, ip } of counted) {
        await t.app.inject({
          url: `/news/${article.newsCode}/${encodeURIComponent(article.slug)}`,
          headers: { 'user-agent': phone },
          remoteAddress: ip,
        });
      }
      await t.services.views.flush();
    });
    after(() => t?.close());

    it('answers the last day by default, as article summaries with their views', async () => {
      const res = await t.app.inject('/api/v1/most-viewed');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'public, max-age=5');
      const body = res.json();
      assert.equal(body.period, 'day');
      assert.equal(body.items.length, 1);
      const [item] = body.items;
      assert.equal(item.newsCode, today.newsCode);
      assert.equal(item.views, 3);
      assert.equal(item.url, `https://khabar.test/news/${today.newsCode}/${encodeURIComponent(today.slug)}`);
      assert.equal(item.section.slug, 'society');
      assert.equal(item.publishedAt, today.publishedAt?.toISOString());
    });

    it('ranks the week, each article once, and honours the limit', async () => {
      const week = (await t.app.inject('/api/v1/most-viewed?period=week')).json();
      assert.deepEqual(
        week.items.map((i: { newsCode: number; views: number }) => [i.newsCode, i.views]),
        [
          [thisWeek.newsCode, 12],
          [today.newsCode, 3],
        ],
      );
      const one = (await t.app.inject('/api/v1/most-viewed?period=week&limit=1')).json();
      assert.equal(one.items.length, 1);
    });

    it('refuses an unknown period or limit with a JSON 400', async () => {
      for (const query of ['period=month', 'period=', 'limit=0', 'limit=500']) {
        const res = await t.app.inject(`/api/v1/most-viewed?${query}`);
        assert.equal(res.statusCode, 400, query);
        assert.equal(res.json().error.code, 'invalid_input', query);
      }
    });

    it('is described in the OpenAPI document', async () => {
      const doc = (await t.app.inject('/api/openapi.json')).json();
      const operation = doc.paths['/api/v1/most-viewed']?.get;
      assert.ok(operation, 'the route is listed');
      assert.deepEqual(
        operation.parameters.find((p: { name: string }) => p.name === 'period').schema.enum ??
          operation.parameters
            .find((p: { name: string }) => p.name === 'period')
            .schema.anyOf.map((s: { enum?: string[]; const?: string }) => s.const ?? s.enum?.[0]),
        ['day', 'week'],
      );
    });

    it('shows both rankings on /most-viewed with counts in Persian digits', async () => {
      const res = await t.app.inject('/most-viewed');
      assert.equal(res.statusCode, 200);
      const html = res.body;
      const day = html.slice(html.indexOf('id="most-viewed-day"'), html.indexOf('id="most-viewed-week"'));
      const week = html.slice(html.indexOf('id="most-viewed-week"'));
      assert.match(day, /خبر پربازدید امروز/);
      assert.match(day, /۳ بازدید/);
      assert.doesNotMatch(day, /خبر پربازدید هفته/, 'published before the day began');
      assert.ok(week.indexOf('خبر پربازدید هفته') < week.indexOf('خبر پربازدید امروز'));
      assert.match(week, /۱۲ بازدید/);
    });

    it('links the page from the home page and the footer', async () => {
      const html = (await t.app.inject('/')).body;
      const block = html.slice(html.indexOf('id="most-viewed-title"'));
      assert.match(block.slice(0, 200), /href="\/most-viewed"/);
      const footer = html.slice(html.indexOf('<footer'));
      assert.match(footer, /href="\/most-viewed"/);
      assert.match(footer, /href="\/archive"/);
    });
  });
}
