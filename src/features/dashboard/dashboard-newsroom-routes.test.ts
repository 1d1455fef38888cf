import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { type SignedIn, signedInUser } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { articlePath } from '../articles/article.js';

for (const engine of await enginesUnderTest()) {
  describe(`newsroom dashboard on ${engine.name}`, { skip: engine.skip }, () => {
    // 10:00 in Tehran on 9 Azar 1405.
    const clock = fixedClock(new Date('2026-11-30T06:30:00Z'));
    let t: TestApp;
    let editor: SignedIn;
    let writer: SignedIn;
    before(async () => {
      t = await buildTestApp(engine, { clock, env: { KHABAR_TIME_ZONE: 'Asia/Tehran' } });
      editor = await signedInUser(t.app, t.services, 'editor');
      writer = await signedInUser(t.app, t.services, 'writer');
    });
    after(() => t?.close());

    const get = (who: SignedIn, url: string) => t.app.inject({ url, headers: { cookie: who.cookie } });
    async function read(path: string, readers: number) {
      for (let i = 0; i < readers; i += 1) {
        await t.app.inject({
          url: path,
          remoteAddress: `10.0.0.${i + 1}`,
          headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Mobile Safari' },
        });
      }
      await t.services.views.flush();
    }

    it('shows today’s most read with their views, the scheduled queue and, for editors, what waits for review', async () => {
      const popular = await createArticle(t.services, { title: 'خبری که امروز بسیار خوانده شد' });
      const quiet = await createArticle(t.services, { title: 'خبری که کمتر خوانده شد' });
      await read(articlePath(popular), 7);
      await read(articlePath(quiet), 2);
      await createArticle(t.services, {
        title: 'گزارش زمان‌بندی‌شدهٔ عصر',
        state: 'scheduled',
        publishAt: '2026-11-30T13:30:00Z',
      });
      await createArticle(t.services, { title: 'پیش‌نویسی برای بررسی', state: 'inReview' });

      const page = await get(editor, '/newsroom');
      assert.equal(page.statusCode, 200);
      const html = page.body;
      assert.ok(html.indexOf(popular.title) < html.indexOf(quiet.title), 'ranked by views');
      assert.match(html, /<td>۷<\/td>/);
      assert.match(html, /گزارش زمان‌بندی‌شدهٔ عصر/);
      assert.match(html, /۰۹ آذر ۱۴۰۵، ۱۷:۰۰/);
      assert.match(html, /پیش‌نویسی برای بررسی/);

      const forWriter = await get(writer, '/newsroom');
      assert.equal(forWriter.statusCode, 200);
      assert.doesNotMatch(forWriter.body, /در انتظار بررسی دبیر/);
    });

    it('sends moderators to their comment queue and strangers to the login form', async () => {
      const moderator = await signedInUser(t.app, t.services, 'moderator');
      assert.equal((await get(moderator, '/newsroom')).headers.location, '/newsroom/comments');
      assert.match((await t.app.inject('/newsroom')).headers.location ?? '', /^\/newsroom\/login/);
    });

    it('draws an article’s views as server-side SVG: hourly for 48 hours, daily for 30 days, in Persian', async () => {
      const article = await createArticle(t.services, { title: 'مطلبی با آمار' });
      await read(articlePath(article), 3);
      clock.advance(3 * 3600_000);
      await read(articlePath(article), 2);
      const page = await get(editor, `/newsroom/articles/${article.newsCode}/stats`);
      assert.equal(page.statusCode, 200);
      const html = page.body;
      assert.equal((html.match(/<svg /g) ?? []).length, 2);
      assert.equal((html.match(/role="img"/g) ?? []).length, 2);
      assert.match(html, /بازدید ساعتی، ۴۸ ساعت گذشته — جمع: ۵ بازدید/);
      assert.match(html, /بازدید روزانه، ۳۰ روز گذشته — جمع: ۵ بازدید/);
      const hourlyBars = html.slice(0, html.indexOf('id="daily-title"')).match(/<rect /g) ?? [];
      assert.equal(hourlyBars.length, 48);
      assert.match(html, /<text[^>]*>۰۹ آذر<\/text>/, 'Jalali dates on the daily axis');
      assert.match(
        html,
        /<text[^>]*>۱۲:۳۰<\/text>/,
        'Persian times on the hourly axis (UTC hours are :30 in Tehran)',
      );
      assert.doesNotMatch(html, /<script(?! type="module" src="\/assets)/);
    });
  });
}
