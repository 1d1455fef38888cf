import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { parseXml, schemaErrors, xmllintSkip } from '../../../test/support/xml.js';
import { fixedClock } from '../../platform/clock.js';
import { systemActor } from '../users/user.js';
import { createSitemapService } from './sitemap-service.js';

const hour = 60 * 60 * 1000;
const now = new Date('2024-01-27T08:55:00Z');

function locs(xml: string, list: 'url' | 'sitemap'): string[] {
  const root = parseXml(xml, [list]);
  const items = (root.urlset ?? root.sitemapindex)?.[list] ?? [];
  return items.map((item: { loc: string }) => item.loc);
}

for (const engine of await enginesUnderTest()) {
  describe(`sitemaps and robots.txt on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    const codes: Record<string, number> = {};

    before(async () => {
      t = await buildTestApp(engine, {
        clock: fixedClock(now),
        env: { KHABAR_NEWS_PUBLICATION_NAME: 'خبرگزاری آزمایشی' },
      });
      const at = (hoursAgo: number) => ({ publishedAt: new Date(now.getTime() - hoursAgo * hour) });
      codes.fresh = (
        await createArticle(t.services, { title: 'خبر ۴۷ ساعت پیش', tags: ['بودجه'] }, at(47))
      ).newsCode;
      codes.stale = (await createArticle(t.services, { title: 'خبر ۴۹ ساعت پیش' }, at(49))).newsCode;
      codes.december = (
        await createArticle(t.services, { title: 'خبر آذر', section: 'economy' }, at(24 * 40))
      ).newsCode;
      const gone = await createArticle(t.services, { title: 'خبر برداشته' }, at(2));
      await t.services.articles.unpublish(systemActor, gone.newsCode);
      codes.gone = gone.newsCode;
    });
    after(() => t?.close());

    it('indexes the pages, tag and monthly article sitemaps, and validates against siteindex.xsd', {
      skip: xmllintSkip,
    }, async () => {
      const res = await t.app.inject('/sitemap.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
      assert.equal(await schemaErrors(res.body, 'siteindex'), '');
      assert.deepEqual(locs(res.body, 'sitemap'), [
        'https://khabar.test/sitemaps/pages.xml',
        'https://khabar.test/sitemaps/tags-1.xml',
        'https://khabar.test/sitemaps/articles-2023-12.xml',
        'https://khabar.test/sitemaps/articles-2024-01.xml',
      ]);
    });

    it('lists each month’s public articles with their last change, valid against sitemap.xsd', {
      skip: xmllintSkip,
    }, async () => {
      const res = await t.app.inject('/sitemaps/articles-2024-01.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(await schemaErrors(res.body, 'sitemap'), '');
      const urls = parseXml(res.body, ['url']).urlset.url as { loc: string; lastmod: string }[];
      const fresh = await t.services.articles.getPublished(codes.fresh ?? 0);
      const entry = urls.find((u) => u.loc.startsWith(`https://khabar.test/news/${codes.fresh}/`));
      assert.ok(entry, 'the 47-hour-old article is in its month');
      assert.equal(Date.parse(entry.lastmod), fresh.updatedAt.getTime());
      assert.ok(
        !urls.some((u) => u.loc.includes(`/news/${codes.gone}/`)),
        'an unpublished article is left out',
      );
      assert.ok(!urls.some((u) => u.loc.includes(`/news/${codes.december}/`)), 'December is in its own file');
    });

    it('lists the home page, sections and tags, each valid against sitemap.xsd', {
      skip: xmllintSkip,
    }, async () => {
      const pages = await t.app.inject('/sitemaps/pages.xml');
      assert.equal(await schemaErrors(pages.body, 'sitemap'), '');
      const pageLocs = locs(pages.body, 'url');
      assert.equal(pageLocs[0], 'https://khabar.test/');
      assert.ok(pageLocs.includes('https://khabar.test/section/economy'));
      const tags = await t.app.inject('/sitemaps/tags-1.xml');
      assert.equal(await schemaErrors(tags.body, 'sitemap'), '');
      const tagLocs = locs(tags.body, 'url');
      assert.ok(tagLocs.includes(`https://khabar.test/tag/${encodeURIComponent('بودجه')}`));
      assert.equal(tagLocs.length, 2, 'the factory’s own tag and «بودجه», each once');
    });

    it('puts a 47-hour-old article in the Google News sitemap and leaves a 49-hour-old one out', {
      skip: xmllintSkip,
    }, async () => {
      const res = await t.app.inject('/sitemap-news.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(await schemaErrors(res.body, 'sitemap-with-news'), '');
      const urls = parseXml(res.body, ['url']).urlset.url as {
        loc: string;
        'news:news': { 'news:publication': Record<string, string> } & Record<string, string>;
      }[];
      assert.deepEqual(
        urls.map((u) => u.loc.split('/')[4]),
        [String(codes.fresh)],
        'only the fresh article: not the 49-hour-old one, nor the unpublished one',
      );
      const news = urls[0]?.['news:news'];
      assert.equal(news?.['news:publication']['news:name'], 'خبرگزاری آزمایشی');
      assert.equal(news?.['news:publication']['news:language'], 'fa');
      // 47 hours before 08:55 UTC on 27 January is 09:55 UTC on the 25th: 13:25 in Tehran.
      assert.equal(news?.['news:publication_date'], '2024-01-25T13:25:00+03:30');
      assert.equal(news?.['news:title'], 'خبر ۴۷ ساعت پیش', 'the headline alone, no site name or date');
    });

    it('splits a month over the URL limit and the news over 1,000 into indexed parts', {
      skip: xmllintSkip,
    }, async () => {
      await createArticle(
        t.services,
        { title: 'خبر دوم ژانویه' },
        { publishedAt: new Date(now.getTime() - 3 * hour) },
      );
      const small = createSitemapService({
        db: t.services.db,
        clock: fixedClock(now),
        siteUrl: 'https://khabar.test',
        timeZone: 'Asia/Tehran',
        newsPublicationName: 'خبر',
        limits: { urls: 1, news: 1 },
      });
      const index = await small.index();
      assert.equal(await schemaErrors(index, 'siteindex'), '');
      assert.ok(locs(index, 'sitemap').includes('https://khabar.test/sitemaps/articles-2024-01-2.xml'));
      const second = await small.file('articles-2024-01-2.xml');
      assert.equal(await schemaErrors(second, 'sitemap'), '');
      assert.equal(locs(second, 'url').length, 1);
      // January has three public articles: the fresh, the stale and the one just added.
      assert.equal(locs(await small.file('articles-2024-01-3.xml'), 'url').length, 1);
      await assert.rejects(small.file('articles-2024-01-4.xml'), { status: 404 });

      const news = await small.news();
      assert.equal(await schemaErrors(news, 'siteindex'), '');
      assert.deepEqual(locs(news, 'sitemap'), [
        'https://khabar.test/sitemaps/news-1.xml',
        'https://khabar.test/sitemaps/news-2.xml',
      ]);
      assert.equal(await schemaErrors(await small.file('news-2.xml'), 'sitemap-with-news'), '');
    });

    it('answers 404 for a sitemap that does not exist', async () => {
      for (const url of [
        '/sitemaps/articles-2024-13.xml',
        '/sitemaps/articles-1999-01.xml',
        '/sitemaps/x.xml',
      ]) {
        assert.equal((await t.app.inject(url)).statusCode, 404, url);
      }
    });

    it('robots.txt names both sitemaps and keeps crawlers out of the newsroom and the API', async () => {
      const res = await t.app.inject('/robots.txt');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
      const lines = res.body.split('\n');
      for (const line of [
        'User-agent: *',
        'Disallow: /newsroom',
        'Disallow: /api',
        'Sitemap: https://khabar.test/sitemap.xml',
        'Sitemap: https://khabar.test/sitemap-news.xml',
      ]) {
        assert.ok(lines.includes(line), line);
      }
    });
  });
}
