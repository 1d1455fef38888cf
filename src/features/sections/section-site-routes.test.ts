import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';

function titlesOf(html: string): string[] {
  return [...html.matchAll(/<h3 class="teaser__title">(?:<span[^>]*>[^<]*<\/span>)?([^<]*)<\/h3>/g)].map(
    (m) => m[1]!,
  );
}

function link(html: string, rel: 'next' | 'prev'): string | undefined {
  const match = new RegExp(`href="([^"]+)" rel="${rel}"`).exec(html);
  return match?.[1]?.replaceAll('&amp;', '&');
}

for (const engine of await enginesUnderTest()) {
  describe(`section and tag pages on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
      for (let i = 1; i <= 26; i++) {
        await createArticle(
          t.services,
          { section: 'economy', title: `خبر اقتصادی ${i}`, tags: i % 2 ? ['بازار ارز'] : ['بورس'] },
          { publishedAt: new Date(Date.UTC(2025, 5, 1, 0, i)) },
        );
      }
    });
    after(() => t?.close());

    it('lists a section newest first, twelve to a page', async () => {
      const res = await t.app.inject('/section/economy');
      assert.equal(res.statusCode, 200);
      const titles = titlesOf(res.body);
      assert.equal(titles.length, 12);
      assert.equal(titles[0], 'خبر اقتصادی 26');
      assert.equal(titles[11], 'خبر اقتصادی 15');
      assert.match(res.body, /<h1>اقتصادی<\/h1>/);
      assert.equal(link(res.body, 'prev'), undefined, 'the first page has no newer link');
    });

    it('keeps the next page the same when news arrives between two clicks', async () => {
      const first = await t.app.inject('/section/economy');
      const older = link(first.body, 'next');
      assert.ok(older);
      await createArticle(t.services, { section: 'economy', title: 'خبر فوری تازه' });
      const second = await t.app.inject(older);
      const titles = titlesOf(second.body);
      assert.equal(titles[0], 'خبر اقتصادی 14');
      assert.equal(titles[11], 'خبر اقتصادی 3');
      const third = await t.app.inject(link(second.body, 'next')!);
      assert.deepEqual(titlesOf(third.body), ['خبر اقتصادی 2', 'خبر اقتصادی 1']);
      assert.equal(link(third.body, 'next'), undefined, 'the last page has no older link');

      const back = await t.app.inject(link(third.body, 'prev')!);
      assert.deepEqual(titlesOf(back.body), titlesOf(second.body), 'going back shows the same page');
    });

    it('answers a malformed cursor with a Persian 400 page and an unknown section with 404', async () => {
      const bad = await t.app.inject('/section/economy?before=yesterday');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /صفحه‌بندی/);
      const missing = await t.app.inject('/section/astrology');
      assert.equal(missing.statusCode, 404);
      assert.match(missing.body, /سرویس خبری وجود ندارد/);
    });

    it('serves tag pages at percent-encoded Persian slugs', async () => {
      const res = await t.app.inject(`/tag/${encodeURIComponent('بازار-ارز')}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h1>بازار ارز<\/h1>/);
      assert.equal(titlesOf(res.body).length, 12);
      assert.ok(titlesOf(res.body).every((title) => Number(title.split(' ').at(-1)) % 2 === 1));
    });

    it('redirects a tag typed with spaces or Arabic letters to its canonical slug', async () => {
      const res = await t.app.inject(`/tag/${encodeURIComponent('بازار ارز')}`);
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, `/tag/${encodeURIComponent('بازار-ارز')}`);
      await createArticle(t.services, { section: 'economy', tags: ['بانک مرکزی'] });
      const arabic = await t.app.inject(`/tag/${encodeURIComponent('بانك-مركزي')}`);
      assert.equal(arabic.statusCode, 301);
      assert.equal(arabic.headers.location, `/tag/${encodeURIComponent('بانک-مرکزی')}`);
      assert.equal((await t.app.inject(`/tag/${encodeURIComponent('ناموجود')}`)).statusCode, 404);
    });

    it('serves a section whose slug is Persian', async () => {
      await t.services.db
        .insertInto('sections')
        .values({ slug: 'استان‌ها', name: 'استان‌ها', position: 9, createdAt: new Date().toISOString() })
        .execute();
      await createArticle(t.services, { section: 'استان‌ها', title: 'افتتاح بیمارستان در زاهدان' });
      const res = await t.app.inject(`/section/${encodeURIComponent('استان‌ها')}`);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(titlesOf(res.body), ['افتتاح بیمارستان در زاهدان']);
    });
  });
}
