import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle, createImage } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';

for (const engine of await enginesUnderTest()) {
  describe(`article pages on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
    });
    after(() => t?.close());

    it('shows surtitle, title, lead, news code, dates, section, byline, body, tags and share links in order', async () => {
      const cover = await createImage(t.services, 'نمای میدان آزادی');
      const article = await createArticle(
        t.services,
        {
          surtitle: 'گزارش',
          title: 'بازگشایی خط ده متروی تهران',
          lead: 'نخستین بخش خط ده مترو امروز به روی مسافران باز شد.',
          byline: 'گروه شهری',
          coverImageId: cover.id,
          tags: ['مترو', 'تهران'],
          section: 'society',
        },
        { publishedAt: new Date('2024-01-27T08:55:00Z') },
      );
      const res = await t.app.inject(`/news/${article.newsCode}/${encodeURIComponent(article.slug)}`);
      assert.equal(res.statusCode, 200);
      const html = res.body;
      assert.match(html, /<html lang="fa" dir="rtl">/);
      const order = [
        'گزارش',
        'بازگشایی خط ده متروی تهران',
        'نخستین بخش خط ده مترو',
        'کد خبر:',
        '۰۷ بهمن ۱۴۰۲ - ۱۲:۲۵ - <bdi dir="ltr">27 January 2024</bdi>',
        'اجتماعی',
        'گروه شهری',
        'نمای میدان آزادی',
        'بند نخست خبر.',
        'مترو',
        't.me/share/url',
        'wa.me',
        'x.com/intent/tweet',
        'facebook.com/sharer/sharer.php',
        'mailto:?subject=',
        `https://khabar.test/n/${article.newsCode}`,
        'بازگشت به بالا',
      ];
      let at = html.indexOf('<main');
      for (const piece of order) {
        const next = html.indexOf(piece, at);
        assert.ok(next > at, `"${piece}" should come after what precedes it`);
        at = next;
      }
      const persianCode = String(article.newsCode).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
      assert.ok(html.includes(`<dd>${persianCode}</dd>`), 'news code is printed in Persian digits');
    });

    it('redirects a missing or wrong slug to the canonical address with 301', async () => {
      const article = await createArticle(t.services, { title: 'نشست خبری سخنگوی دولت' });
      const canonical = `/news/${article.newsCode}/${encodeURIComponent(article.slug)}`;
      for (const url of [
        `/news/${article.newsCode}`,
        `/news/${article.newsCode}/old-slug`,
        `/n/${article.newsCode}`,
      ]) {
        const res = await t.app.inject(url);
        assert.equal(res.statusCode, 301, url);
        assert.equal(res.headers.location, canonical, url);
      }
    });

    it('answers an unknown, unpublished or malformed news code with a Persian 404 page', async () => {
      const draft = await createArticle(t.services, { state: 'draft' });
      for (const url of ['/news/999999999', `/news/${draft.newsCode}`, '/news/abc', '/n/12x']) {
        const res = await t.app.inject(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.headers['content-type'] as string, /text\/html/);
        assert.match(res.body, /پیدا نشد/);
        assert.doesNotMatch(res.body, /at \w+ \(/, 'no stack trace');
      }
    });

    it('renders a title with a script tag as text, and strips scripts from the body', async () => {
      const article = await createArticle(t.services, {
        title: 'خبر <script>alert(1)</script> مهم',
        body: '<p>متن</p><script>alert(2)</script><img src="x" onerror="alert(3)"><a href="javascript:alert(4)">پیوند</a>',
      });
      const res = await t.app.inject(`/news/${article.newsCode}/${encodeURIComponent(article.slug)}`);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes('خبر &lt;script>alert(1)&lt;/script> مهم'), 'title is escaped');
      assert.doesNotMatch(res.body, /<script>alert/);
      assert.doesNotMatch(res.body, /onerror|javascript:/);
    });

    it('lists other news of the same section without the article itself', async () => {
      const first = await createArticle(t.services, {
        section: 'sport',
        title: 'پیروزی تیم ملی والیبال در دیداری دوستانه',
      });
      const second = await createArticle(t.services, { section: 'sport', title: 'اعلام فهرست تیم ملی کشتی' });
      await createArticle(t.services, { section: 'world', title: 'نشست اقلیمی در ژنو' });
      const res = await t.app.inject(`/news/${second.newsCode}/${encodeURIComponent(second.slug)}`);
      const other = res.body.slice(res.body.indexOf('id="other-news-title"'));
      assert.ok(other.includes(first.title));
      assert.ok(!other.includes(second.title));
      assert.ok(!other.includes('نشست اقلیمی در ژنو'));
    });

    it('lists related articles by shared tags, most shared first, never itself, an unpublished one or one shown twice', async () => {
      const tags = ['آلودگی هوا', 'تعطیلی مدارس', 'کلان‌شهرها'];
      const current = await createArticle(t.services, {
        section: 'society',
        title: 'هوای تهران در وضعیت هشدار',
        tags,
      });
      const one = await createArticle(t.services, {
        section: 'culture',
        title: 'نمایشگاه عکس هوای پاک',
        tags: [tags[0]!],
      });
      const two = await createArticle(t.services, {
        section: 'world',
        title: 'مدارس دهلی هم تعطیل شد',
        tags: [tags[0]!, tags[1]!],
      });
      await createArticle(t.services, { section: 'world', title: 'پیش‌نویس مرتبط', tags, state: 'draft' });
      await createArticle(t.services, { section: 'sport', title: 'خبری بی‌ربط', tags: ['فوتبال'] });
      const html = (await t.app.inject(`/news/${current.newsCode}/${encodeURIComponent(current.slug)}`)).body;
      const related = html.slice(
        html.indexOf('id="related-title"'),
        html.indexOf('</section>', html.indexOf('id="related-title"')),
      );
      assert.ok(
        related.indexOf(two.title) > 0 && related.indexOf(two.title) < related.indexOf(one.title),
        related,
      );
      for (const absent of [current.title, 'پیش‌نویس مرتبط', 'خبری بی‌ربط'])
        assert.ok(!related.includes(absent), absent);
      const neighbour = await createArticle(t.services, {
        section: 'society',
        title: 'همسایهٔ هم‌سرویس',
        tags,
      });
      const again = (await t.app.inject(`/news/${current.newsCode}/${encodeURIComponent(current.slug)}`))
        .body;
      const start = again.indexOf('id="related-title"');
      assert.ok(
        !again.slice(start, again.indexOf('</section>', start)).includes(neighbour.title),
        'an item already in «سایر اخبار» is not repeated as related',
      );
      assert.ok(again.slice(again.indexOf('id="other-news-title"')).includes(neighbour.title));
    });

    it('sends a strict content security policy with no inline script', async () => {
      const article = await createArticle(t.services);
      const res = await t.app.inject(`/news/${article.newsCode}/${encodeURIComponent(article.slug)}`);
      assert.match(res.headers['content-security-policy'] as string, /script-src 'self'/);
      assert.doesNotMatch(res.body, /<script>(?!<\/script>)/);
      assert.doesNotMatch(
        res.body,
        // schema.org names the vocabulary of the structured data; it is never requested.
        /https?:\/\/(?!khabar\.test|t\.me|wa\.me|x\.com|www\.facebook\.com\/sharer|schema\.org")[a-z]/i,
        'no third-party URLs but the share links and the structured data’s vocabulary',
      );
    });
  });
}
