import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import type { Article } from '../articles/article.js';
import { systemActor } from '../users/user.js';

const site = 'https://khabar.test';
let addresses = 0;

for (const engine of await enginesUnderTest()) {
  describe(`the comment form on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
    });
    after(() => t?.close());

    /** Posts the public form as a browser on the site would; each call comes from a new address unless told. */
    function send(
      article: Pick<Article, 'newsCode'>,
      fields: Record<string, string>,
      options: { ip?: string; headers?: Record<string, string> } = {},
    ) {
      addresses += 1;
      return t.app.inject({
        method: 'POST',
        url: `/news/${article.newsCode}/comments`,
        remoteAddress: options.ip ?? `10.1.${Math.floor(addresses / 250)}.${addresses % 250}`,
        headers: { origin: site, ...options.headers },
        payload: { name: 'مریم', email: '', body: 'نظر خواننده', ...fields },
      });
    }

    const page = (article: Article, query = '') =>
      t.app.inject(`/news/${article.newsCode}/${encodeURIComponent(article.slug)}${query}`);

    async function pendingIds(article: Pick<Article, 'newsCode'>): Promise<number[]> {
      const queue = await t.services.comments.queue(systemActor, {
        state: 'pending',
        newsCode: article.newsCode,
        limit: 50,
      });
      return queue.items.map((c) => c.id);
    }

    async function approveAll(article: Pick<Article, 'newsCode'>): Promise<number[]> {
      const ids = await pendingIds(article);
      await t.services.comments.moderate(systemActor, ids, 'approve');
      return ids;
    }

    it('takes a comment, answers 303 to the article with a pending notice, and shows it only once approved', async () => {
      const article = await createArticle(t.services);
      const res = await send(article, {
        body: 'تحلیل خوبی بود.\nممنون از گزارش.',
        email: 'maryam@example.com',
      });
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(
        res.headers.location,
        `/news/${article.newsCode}/${encodeURIComponent(article.slug)}?comment=pending#comments`,
      );
      const notice = await page(article, '?comment=pending');
      assert.match(notice.body, /نظر شما رسید و پس از بررسی تحریریه منتشر می‌شود/);
      assert.doesNotMatch(notice.body, /تحلیل خوبی بود/);

      await approveAll(article);
      const html = (await page(article)).body;
      assert.match(html, /تحلیل خوبی بود\.<br\/>ممنون از گزارش\./);
      assert.match(html, /<span class="comment__name">مریم<\/span>/);
      assert.doesNotMatch(html, /maryam@example\.com/, 'the email is never shown');
      assert.match(html, /<a href="#comments">۱ نظر<\/a>/);
    });

    it('shows markup and script in the name and body as text after approval', async () => {
      const article = await createArticle(t.services);
      const res = await send(article, {
        name: '<script>alert("name")</script>',
        body: '<img src=x onerror=alert(1)> and <script>alert(2)</script>',
      });
      assert.equal(res.statusCode, 303, res.body);
      await approveAll(article);
      const html = (await page(article)).body;
      // Preact escapes < and & in text, which is all it takes for no tag to begin.
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)> and &lt;script>alert(2)&lt;/script>'));
      assert.ok(html.includes('&lt;script>alert(&quot;name&quot;)&lt;/script>'));
      assert.ok(!html.includes('<img src=x'));
      assert.ok(!html.includes('<script>alert'));
    });

    it('refuses a post from another origin, or whose Referer or Sec-Fetch-Site says another site sent it', async () => {
      const article = await createArticle(t.services);
      const evil = await send(
        article,
        { body: 'از سایت دیگر' },
        { headers: { origin: 'https://evil.example' } },
      );
      assert.equal(evil.statusCode, 403);
      assert.match(evil.body, /بیرون از این سایت/);
      assert.match(evil.body, /از سایت دیگر/, 'the typed text is shown back');
      const noOrigin = { origin: '' };
      const referer = await send(
        article,
        { body: 'با ارجاع' },
        { headers: { ...noOrigin, referer: 'https://evil.example/page' } },
      );
      assert.equal(referer.statusCode, 403);
      const fetchSite = await send(
        article,
        { body: 'بی نشانی' },
        { headers: { ...noOrigin, 'sec-fetch-site': 'cross-site' } },
      );
      assert.equal(fetchSite.statusCode, 403);
      const ownReferer = await send(
        article,
        { body: 'از خود سایت' },
        { headers: { ...noOrigin, referer: `${site}/news/${article.newsCode}` } },
      );
      assert.equal(ownReferer.statusCode, 303);
      assert.equal((await pendingIds(article)).length, 1);
    });

    it('tells a robot that filled the hidden field the same as anyone, and files its comment as spam', async () => {
      const article = await createArticle(t.services);
      const res = await send(article, { body: 'buy cheap pills', website: 'http://spam.example' });
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /\?comment=pending#comments$/);
      assert.deepEqual(await pendingIds(article), []);
      const spam = await t.services.comments.queue(systemActor, {
        state: 'spam',
        newsCode: article.newsCode,
        limit: 5,
      });
      assert.equal(spam.items[0]?.body, 'buy cheap pills');
    });

    it('answers the sixth comment from one address within ten minutes with a Persian 429 page', async () => {
      const article = await createArticle(t.services);
      const ip = '10.9.9.9';
      for (let n = 1; n <= 5; n += 1) {
        const res = await send(article, { body: `نظر شمارهٔ ${n}` }, { ip });
        assert.equal(res.statusCode, 303, `comment ${n}: ${res.body}`);
      }
      const sixth = await send(article, { body: 'نظر ششم که نباید برسد' }, { ip });
      assert.equal(sixth.statusCode, 429);
      assert.ok(Number(sixth.headers['retry-after']) > 0);
      assert.match(sixth.body, /نظرهای زیادی رسیده است/);
      assert.match(sixth.body, /نظر ششم که نباید برسد/, 'the typed text is kept');
      assert.equal((await send(article, { body: 'از نشانی دیگر' })).statusCode, 303);
    });

    it('refuses the same text twice on one article, even from another address', async () => {
      const article = await createArticle(t.services);
      assert.equal((await send(article, { body: 'این خبر  تکراری است' })).statusCode, 303);
      const again = await send(article, { body: 'این خبر تکراری است ' });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /همین نظر پیش‌تر فرستاده شده است/);
    });

    it('refuses a comment with more than two links and keeps the text on the error page', async () => {
      const article = await createArticle(t.services);
      const body = 'ببینید https://a.example و http://b.example و www.c.example';
      const res = await send(article, { body });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /بیش از ۲ پیوند/);
      assert.ok(res.body.includes('www.c.example</textarea>'));
      assert.equal((await send(article, { body: 'فقط https://a.example و www.b.example' })).statusCode, 303);
    });

    it('refuses an empty comment, an empty name and an over-long body with 400', async () => {
      const article = await createArticle(t.services);
      assert.equal((await send(article, { body: '   \n  ' })).statusCode, 400);
      assert.equal((await send(article, { name: '  ', body: 'متن' })).statusCode, 400);
      assert.equal((await send(article, { body: 'ا'.repeat(1501) })).statusCode, 400);
      assert.equal((await send(article, { name: 'ن'.repeat(61), body: 'متن بلند' })).statusCode, 400);
      assert.equal((await send(article, { email: 'not-an-email', body: 'ایمیل بد' })).statusCode, 400);
      assert.equal((await send(article, { body: 'ا'.repeat(1500) })).statusCode, 303);
    });

    it('shows that comments are closed and refuses posts to such an article', async () => {
      const article = await createArticle(t.services, { commentsEnabled: false });
      const html = (await page(article)).body;
      assert.match(html, /نظرها برای این مطلب بسته است/);
      assert.doesNotMatch(html, /class="comment-form"/);
      const res = await send(article, { body: 'نظر روی خبر بسته' });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /نظر روی خبر بسته/);
      assert.deepEqual(await pendingIds(article), []);
    });

    it('threads replies one level deep: a reply to a reply joins the top-level comment', async () => {
      const article = await createArticle(t.services);
      await send(article, { name: 'علی', body: 'نظر نخست' });
      const [top] = await approveAll(article);
      const html = (await page(article)).body;
      assert.ok(html.includes(`name="parentId" value="${top}"`), 'each thread carries a reply form');
      assert.equal(
        (await send(article, { name: 'سارا', body: 'پاسخ به علی', parentId: String(top) })).statusCode,
        303,
      );
      const [reply] = await approveAll(article);
      const res = await send(article, { name: 'رضا', body: 'پاسخ به سارا', parentId: String(reply) });
      assert.equal(res.statusCode, 303);
      const [second] = await approveAll(article);
      const stored = await t.services.comments.queue(systemActor, {
        state: 'approved',
        newsCode: article.newsCode,
        limit: 10,
      });
      assert.equal(stored.items.find((c) => c.id === second)?.parentId, top);
      const threaded = (await page(article)).body;
      const replies = threaded.slice(threaded.indexOf('class="comments__replies"'));
      assert.ok(replies.indexOf('پاسخ به علی') < replies.indexOf('پاسخ به سارا'));
      assert.match(threaded, /۳ نظر/);
    });

    it('refuses a reply to a comment that is not approved or belongs to another article', async () => {
      const article = await createArticle(t.services);
      const other = await createArticle(t.services);
      await send(other, { body: 'نظری روی خبر دیگر' });
      const [foreign] = await approveAll(other);
      await send(article, { body: 'هنوز بررسی نشده' });
      const [pending] = await pendingIds(article);
      for (const parentId of [String(foreign), String(pending), '999999']) {
        const res = await send(article, { body: `پاسخ به ${parentId}`, parentId });
        assert.equal(res.statusCode, 400, parentId);
      }
    });

    it('counts approved comments per article for lists', async () => {
      const a = await createArticle(t.services);
      const b = await createArticle(t.services);
      await send(a, { body: 'یک' });
      await send(a, { body: 'دو' });
      await send(b, { body: 'سه' });
      await approveAll(a);
      const counts = await t.services.comments.commentCounts([a.id, b.id]);
      assert.equal(counts.get(a.id), 2);
      assert.equal(counts.has(b.id), false, 'pending comments are not counted');
    });
  });
}
