import assert from 'node:assert/strict';
import { type IncomingHttpHeaders, request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { createArticle, createImage } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { toPersianDigits } from '../../platform/persian/digits.js';
import { systemActor } from '../users/user.js';
import type { Article } from './article.js';
import type { ArticleFields } from './article-service.js';
import { keepStored } from './stored-article-pages.js';

const site = 'https://khabar.test';
const asBrowser = { 'accept-encoding': 'gzip, deflate, br' };
const gzipOnly = { 'accept-encoding': 'gzip' };

/** The page's HTML, whatever encoding it came in. */
function htmlOf(res: LightMyRequestResponse): string {
  return res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.rawPayload).toString() : res.body;
}

for (const engine of await enginesUnderTest()) {
  describe(`article pages from stored parts on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    // «now» moves only when a test moves it: the page rendered and the page assembled must show the
    // same dates, and an edit must come later than what it edits.
    let now = new Date('2026-11-30T09:00:00Z');
    const clock = { now: () => now };
    const later = () => {
      now = new Date(now.getTime() + 60_000);
    };
    before(async () => {
      t = await buildTestApp(engine, { clock });
    });
    after(() => t?.close());

    const url = (article: Pick<Article, 'newsCode' | 'slug'>) =>
      `/news/${article.newsCode}/${encodeURIComponent(article.slug)}`;
    const store = async (article: Pick<Article, 'id'>) =>
      assert.equal(await t.services.storedPages.store(article.id, await t.services.siteContext()), true);

    const relatedOf = (html: string) => {
      const start = html.indexOf('id="related-title"');
      assert.ok(start > 0, 'the page has «مطالب مرتبط»');
      return html.slice(start, html.indexOf('</section>', start));
    };
    /** «مطالب مرتبط» of a first visit put together from stored parts. */
    const assembledRelated = async (article: Pick<Article, 'newsCode'>) => {
      const page = await t.services.storedPages.assemble(article.newsCode, await t.services.siteContext());
      assert.ok(page, 'the stored parts are current');
      return relatedOf(gunzipSync(page.gzip).toString());
    };
    /** «مطالب مرتبط» of the page as a render gives it (a client without gzip is not given stored parts). */
    const renderedRelated = async (article: Pick<Article, 'newsCode' | 'slug'>) => {
      const res = await t.app.inject({ url: url(article), headers: { 'accept-encoding': 'identity' } });
      assert.equal(res.headers['x-cache'], 'MISS');
      return relatedOf(res.body);
    };

    /** An article sharing its tags with one other, its parts stored. */
    async function storedWithNeighbour(tags: string[], neighbourTitle: string) {
      const neighbour = await createArticle(t.services, { section: 'culture', title: neighbourTitle, tags });
      const article = await createArticle(t.services, { section: 'society', tags });
      await store(article);
      return { neighbour, article };
    }

    async function approvedComment(article: Article, body: string): Promise<void> {
      const res = await t.app.inject({
        method: 'POST',
        url: `/news/${article.newsCode}/comments`,
        remoteAddress: '10.9.0.1',
        headers: { origin: site },
        payload: { name: 'مریم', email: '', body },
      });
      assert.equal(res.statusCode, 303);
      const queue = await t.services.comments.queue(systemActor, {
        state: 'pending',
        newsCode: article.newsCode,
        limit: 50,
      });
      await t.services.comments.moderate(
        systemActor,
        queue.items.map((c) => c.id),
        'approve',
      );
    }

    it('answers a first visit from the stored parts, byte for byte the page a render gives', async () => {
      const cover = await createImage(t.services, 'پل طبیعت در شب');
      for (let n = 0; n < 3; n++) await createArticle(t.services, { section: 'economy' });
      await createArticle(t.services, { section: 'world', tags: ['بورس'] });
      const article = await createArticle(t.services, {
        section: 'economy',
        tags: ['بورس', 'بانک مرکزی'],
        coverImageId: cover.id,
        title: 'شاخص بورس تهران رکورد تازه‌ای زد',
      });
      await approvedComment(article, 'تحلیل خوبی بود.');
      await store(article);

      const assembled = await t.app.inject({ url: url(article), headers: asBrowser });
      assert.equal(assembled.statusCode, 200);
      assert.equal(assembled.headers['x-cache'], 'STORED');
      assert.equal(assembled.headers['content-encoding'], 'gzip');
      assert.equal(assembled.headers.vary, 'Accept-Encoding');
      assert.match(String(assembled.headers['cache-control']), /^public, .*s-maxage=60/);
      assert.match(String(assembled.headers['content-security-policy']), /default-src 'self'/);

      // The next visit in this process is rendered, and kept by the page cache.
      const rendered = await t.app.inject({ url: url(article), headers: { 'accept-encoding': 'identity' } });
      assert.equal(rendered.headers['x-cache'], 'MISS');
      const html = htmlOf(assembled);
      assert.equal(html, rendered.body);
      for (const shown of [
        'شاخص بورس تهران',
        'تحلیل خوبی بود.',
        'سایر اخبار',
        'مطالب مرتبط',
        'بانک مرکزی',
        'پل طبیعت در شب',
      ])
        assert.ok(html.includes(shown), shown);
      assert.equal((await t.app.inject({ url: url(article), headers: asBrowser })).headers['x-cache'], 'HIT');
    });

    it('answers first visits from the listening server itself, as the article route would', async () => {
      const article = await createArticle(t.services, { section: 'sport', tags: ['کشتی'] });
      await store(article);
      const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const before = t.services.storedFirstVisits.stats();
      /** A raw response: fetch would decode the gzip and hide the bytes sent. */
      const get = (path: string, headers: Record<string, string>, method = 'GET') =>
        new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
          request(origin + path, { method, headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          })
            .on('error', reject)
            .end();
        });
      try {
        const early = await get(url(article), { ...gzipOnly, 'x-forwarded-for': '10.7.0.9' });
        assert.equal(early.status, 200);
        assert.equal(early.headers['x-cache'], 'STORED');
        const { answered, early: beforeFastify } = t.services.storedFirstVisits.stats();
        assert.deepEqual([answered - before.answered, beforeFastify - before.early], [1, 1]);
        // The route answers an address this process has not assembled yet: another spelling.
        const routed = await t.app.inject({ url: url(article).toLowerCase(), headers: gzipOnly });
        assert.equal(routed.headers['x-cache'], 'STORED');
        assert.deepEqual(early.body, routed.rawPayload);
        const sent = (headers: IncomingHttpHeaders | LightMyRequestResponse['headers']) =>
          Object.fromEntries(
            Object.entries(headers).filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)),
          );
        assert.deepEqual(sent(early.headers), sent(routed.headers));

        // A HEAD is answered without a body and counts no visit; its ETag then holds.
        const other = await createArticle(t.services, { section: 'sport', tags: ['کشتی'] });
        await store(other);
        const head = await get(url(other), gzipOnly, 'HEAD');
        assert.equal(head.headers['x-cache'], 'STORED');
        assert.equal(head.body.length, 0);
        const held = await get(url(other), { ...gzipOnly, 'if-none-match': String(head.headers.etag) });
        assert.equal(held.status, 304);
        assert.equal(held.headers['x-cache'], 'STORED');
        assert.equal(held.body.length, 0);

        // What the stored parts do not answer goes on to Fastify: an old slug, Persian digits.
        const moved = await get(`/news/${article.newsCode}/old-slug`, gzipOnly);
        assert.equal(moved.status, 301);
        const persian = await get(
          `/news/${toPersianDigits(String(article.newsCode))}/${article.slug}`,
          gzipOnly,
        );
        assert.equal(persian.status, 301);
        await t.services.views.flush();
        assert.ok((await t.services.views.mostViewed('day', 100)).includes(article.id));
      } finally {
        await t.app.server.close();
      }
    });

    it('answers HEAD, answers 304 to the ETag it sent, and counts the view', async () => {
      const article = await createArticle(t.services, { section: 'sport' });
      await store(article);
      const head = await t.app.inject({ method: 'HEAD', url: url(article), headers: gzipOnly });
      assert.equal(head.statusCode, 200);
      assert.equal(head.headers['x-cache'], 'STORED');
      assert.equal(head.rawPayload.length, 0);
      assert.match(String(head.headers.etag), /^"s[0-9a-f]{16}-gzip"$/);

      // A reader who got the page from another process asks again with its ETag.
      const again = await t.app.inject({
        url: url(article),
        headers: { ...gzipOnly, 'if-none-match': String(head.headers.etag) },
      });
      assert.equal(again.statusCode, 304);
      assert.equal(again.headers['x-cache'], 'STORED');
      assert.equal(again.rawPayload.length, 0);
      await t.services.views.flush();
      assert.ok((await t.services.views.mostViewed('day', 100)).includes(article.id));
    });

    it('shows «مطالب مرتبط» as it is now: an edited title at once, a withdrawn article no more', async () => {
      const tags = ['سد کرج'];
      const neighbour = await createArticle(t.services, {
        section: 'sport',
        title: 'ذخیرهٔ سد کرج به کمترین حد رسید',
        tags,
      });
      const gone = await createArticle(t.services, { section: 'culture', title: 'عکس‌های سد خالی', tags });
      const article = await createArticle(t.services, { section: 'society', tags });
      await store(article);
      const first = await t.app.inject({ url: url(article), headers: gzipOnly });
      assert.equal(first.headers['x-cache'], 'STORED');
      assert.ok(relatedOf(htmlOf(first)).includes(neighbour.title));
      assert.ok(relatedOf(htmlOf(first)).includes(gone.title));

      later();
      await t.services.articles.update(systemActor, neighbour.newsCode, {
        title: 'ذخیرهٔ سد کرج به ده درصد رسید',
      });
      await t.services.articles.unpublish(systemActor, gone.newsCode);
      // The same address with lower-case escapes, as another client may spell it: this process
      // renders an address it has already assembled, and this one it has not.
      const afterChanges = await t.app.inject({ url: url(article).toLowerCase(), headers: asBrowser });
      assert.equal(afterChanges.headers['x-cache'], 'STORED');
      const related = relatedOf(htmlOf(afterChanges));
      assert.ok(related.includes('ذخیرهٔ سد کرج به ده درصد رسید'), related);
      assert.ok(!related.includes(neighbour.title));
      assert.ok(!related.includes(gone.title));
    });

    it('keeps «مطالب مرتبط» with the parts until a published article under one of its tags changes', async () => {
      const tags = ['آلودگی هوا'];
      const { neighbour, article } = await storedWithNeighbour(tags, 'تعطیلی مدرسه‌ها به‌خاطر آلودگی هوا');
      // Storing reads the box too; what counts is whether a visit does.
      const { articlePages } = t.services;
      const relatedRanked = articlePages.relatedRanked;
      let reads = 0;
      articlePages.relatedRanked = (of) => {
        reads++;
        return relatedRanked(of);
      };
      try {
        // A draft under the tag and a corrected body change no teaser: the stored box stands.
        later();
        await createArticle(t.services, {
          section: 'culture',
          title: 'پیش‌نویس آلودگی',
          tags,
          state: 'draft',
        });
        await t.services.articles.update(systemActor, neighbour.newsCode, { body: '<p>متن اصلاح‌شده.</p>' });
        assert.ok((await assembledRelated(article)).includes(neighbour.title));
        assert.equal(reads, 0, 'the stored box was used');

        later();
        const fresh = await createArticle(t.services, {
          section: 'culture',
          title: 'هوای تهران پاک شد',
          tags,
        });
        const box = await assembledRelated(article);
        assert.equal(reads, 1, 'a new article under the tag made the box be read again');
        assert.ok(box.includes(fresh.title), box);
        assert.equal(box, await renderedRelated(article));

        await store(article);
        reads = 0;
        assert.equal(await assembledRelated(article), box);
        assert.equal(reads, 0, 'stored again, the box is the stored one');
      } finally {
        articlePages.relatedRanked = relatedRanked;
      }
    });

    it("raises a tag's related version whenever a published article carrying it changes its line", async () => {
      const names = ['مترو', 'اتوبوس'];
      const version = async (name: string) => {
        const { id } = await t.services.tags.find(name);
        const row = await t.services.db
          .selectFrom('tags')
          .select('relatedVersion')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return Number(row.relatedVersion);
      };
      const { articles } = t.services;
      const { newsCode } = await createArticle(t.services, { tags: names, state: 'draft' });
      const edit = (fields: Partial<ArticleFields>) => () => articles.update(systemActor, newsCode, fields);
      // In order; undefined where either answer is right (a tag the edit keeps may be written again).
      const changes: [string, () => Promise<unknown>, (boolean | undefined)[]][] = [
        ['a draft edited', edit({ title: 'پیش‌نویس' }), [false, false]],
        ['published', edit({ state: 'published' }), [true, true]],
        ['its body corrected', edit({ body: '<p>اصلاح.</p>' }), [false, false]],
        ['its title changed', edit({ title: 'تیتر تازه' }), [true, true]],
        ['a tag removed', edit({ tags: ['مترو'] }), [undefined, true]],
        ['a tag added', edit({ tags: names }), [undefined, true]],
        ['withdrawn', () => articles.unpublish(systemActor, newsCode), [true, true]],
      ];
      for (const [what, change, expected] of changes) {
        const before = await Promise.all(names.map(version));
        later();
        await change();
        const after = await Promise.all(names.map(version));
        expected.forEach((raised, i) => {
          if (raised !== undefined)
            assert.equal((after[i] ?? 0) > (before[i] ?? 0), raised, `${what}: ${names[i]}`);
        });
      }
    });

    it('shows in a stored «مطالب مرتبط» an article that has since left «سایر اخبار»', async () => {
      const tags = ['لیگ برتر'];
      await createArticle(t.services, { section: 'culture', title: 'مستندی دربارهٔ لیگ برتر', tags });
      const sectionNews = await createArticle(t.services, {
        section: 'sport',
        title: 'پیروزی در دربی',
        tags,
      });
      const article = await createArticle(t.services, { section: 'sport', tags });
      await store(article);
      assert.ok(!(await assembledRelated(article)).includes(sectionNews.title), 'shown in «سایر اخبار»');

      for (let n = 0; n < 6; n++) await createArticle(t.services, { section: 'sport', tags: ['والیبال'] });
      const box = await assembledRelated(article);
      assert.ok(box.includes(sectionNews.title), box);
      assert.equal(box, await renderedRelated(article));
    });

    it('dates the stamps of a stored «مطالب مرتبط» once the day it was stored is over', async () => {
      const { neighbour, article } = await storedWithNeighbour(['برف'], 'برف راه‌های شمال را بست');
      const today = await assembledRelated(article);
      assert.ok(today.includes(neighbour.title));

      now = new Date(now.getTime() + 24 * 60 * 60_000);
      const tomorrow = await assembledRelated(article);
      assert.notEqual(tomorrow, today);
      assert.equal(tomorrow, await renderedRelated(article));
    });

    it('renders a page whose article or comments changed after its parts were stored', async () => {
      const article = await createArticle(t.services, { lead: 'لید نخست.' });
      await store(article);
      later();
      await t.services.articles.update(systemActor, article.newsCode, { lead: 'لید ویرایش‌شده.' });
      const edited = await t.app.inject({ url: url(article), headers: gzipOnly });
      assert.equal(edited.headers['x-cache'], 'MISS');
      assert.ok(htmlOf(edited).includes('لید ویرایش‌شده.'));

      const other = await createArticle(t.services);
      await store(other);
      later();
      await approvedComment(other, 'نظری که تازه تأیید شد.');
      const commented = await t.app.inject({ url: url(other), headers: gzipOnly });
      assert.equal(commented.headers['x-cache'], 'MISS');
      assert.ok(htmlOf(commented).includes('نظری که تازه تأیید شد.'));
    });

    it('renders what the stored parts do not answer: a query, a client without gzip, an old slug', async () => {
      const article = await createArticle(t.services);
      await store(article);
      const query = await t.app.inject({ url: `${url(article)}?comment=pending`, headers: gzipOnly });
      assert.equal(query.headers['x-cache'], 'MISS');
      assert.ok(htmlOf(query).includes('class="comments__notice"'), 'the notice the query asks for');
      const plain = await t.app.inject({ url: url(article), headers: { 'accept-encoding': 'br' } });
      assert.equal(plain.headers['x-cache'], 'MISS');
      const old = await t.app.inject({ url: `/news/${article.newsCode}/old-slug`, headers: gzipOnly });
      assert.equal(old.statusCode, 301);
    });

    it('keeps the parts current in the background: every article at start, then each change', async () => {
      const log = { info() {}, error: (_: object, line: string) => assert.fail(line) };
      const [first, tagged, sectioned, edited] = [
        await createArticle(t.services, { tags: ['کتاب'], section: 'culture' }),
        await createArticle(t.services, { tags: ['کتاب'], section: 'culture' }),
        await createArticle(t.services, { section: 'culture' }),
        await createArticle(t.services, { section: 'culture', lead: 'پیش از ویرایش.' }),
      ];
      const keeper = keepStored({
        stored: t.services.storedPages,
        siteContext: t.services.siteContext,
        buses: [t.services.events],
        log,
      });
      // Each address is asked once: a second visit in the same process is rendered on purpose.
      const page = async (article: Pick<Article, 'newsCode' | 'slug'>) => {
        await keeper.idle();
        const res = await t.app.inject({ url: url(article), headers: gzipOnly });
        assert.equal(res.headers['x-cache'], 'STORED', article.slug);
        return htmlOf(res);
      };
      try {
        await page(first);

        const published = await createArticle(t.services, { section: 'culture' });
        await page(published);

        later();
        await t.services.articles.update(systemActor, edited.newsCode, { lead: 'پس از ویرایش.' });
        assert.ok((await page(edited)).includes('پس از ویرایش.'));

        const tag = await t.services.tags.find('کتاب');
        await t.services.tags.rename(systemActor, tag.id, 'کتاب‌خوانی');
        assert.ok((await page(tagged)).includes('کتاب‌خوانی'));

        const culture = (await t.services.sections.list()).find((s) => s.slug === 'culture');
        assert.ok(culture);
        await t.services.sections.update(systemActor, culture.id, { name: 'فرهنگ و هنر', description: '' });
        assert.ok((await page(sectioned)).includes('فرهنگ و هنر'));
      } finally {
        await keeper.stop();
      }
    });
  });
}
