import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle, createImage } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { parseXml } from '../../../test/support/xml.js';
import type { Article } from '../articles/article.js';

const rfc822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

for (const engine of await enginesUnderTest()) {
  describe(`feeds on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let economy: Article;
    let society: Article;

    before(async () => {
      t = await buildTestApp(engine);
      const cover = await createImage(t.services, 'نمای بازار');
      society = await createArticle(t.services, { title: 'خبر اجتماعی', tags: ['آب'] });
      economy = await createArticle(t.services, {
        title: 'رشد صادرات غیرنفتی',
        lead: 'صادرات غیرنفتی در ده ماه گذشته ۱۲ درصد رشد کرد.',
        body: '<p>متن کامل با <a href="/tag/x">پیوند داخلی</a> و <img src="/media/a.jpg" alt="نمودار"></p>',
        section: 'economy',
        tags: ['صادرات', 'تجارت خارجی'],
        byline: 'مریم رحیمی',
        coverImageId: cover.id,
      });
    });
    after(() => t?.close());

    it('serves the site RSS 2.0 with Persian language, absolute links, stable GUIDs and RFC 822 dates', async () => {
      const res = await t.app.inject('/rss');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8');
      assert.equal((await t.app.inject('/feed.xml')).body, res.body, '/feed.xml is the same feed');
      const channel = parseXml(res.body, ['item', 'category', 'dc:creator']).rss.channel;
      assert.equal(channel.language, 'fa');
      assert.equal(channel.link, 'https://khabar.test/');
      const [first, second] = channel.item;
      assert.equal(first.title, 'رشد صادرات غیرنفتی', 'newest first');
      assert.equal(second.title, 'خبر اجتماعی');
      assert.equal(
        first.link,
        `https://khabar.test/news/${economy.newsCode}/${encodeURIComponent(economy.slug)}`,
      );
      assert.equal(
        first.guid['#text'],
        `https://khabar.test/n/${economy.newsCode}`,
        'the GUID is the news code’s short link',
      );
      assert.match(first.pubDate, rfc822);
      assert.equal(Date.parse(first.pubDate), Math.floor(economy.publishedAt!.getTime() / 1000) * 1000);
      assert.equal(first.description, economy.lead);
      assert.ok(
        first['content:encoded'].includes('href="https://khabar.test/tag/x"'),
        'body links made absolute',
      );
      assert.ok(
        first['content:encoded'].includes('src="https://khabar.test/media/a.jpg"'),
        'body images made absolute',
      );
      assert.deepEqual(first['dc:creator'], ['مریم رحیمی']);
      assert.deepEqual(
        first.category.map((c: string | { '#text': string }) => (typeof c === 'string' ? c : c['#text'])),
        ['اقتصادی', 'صادرات', 'تجارت خارجی'],
      );
      const enclosure = first.enclosure;
      assert.match(enclosure['@url'], /^https:\/\/khabar\.test\/media\/.+-og\.jpg$/);
      assert.equal(enclosure['@type'], 'image/jpeg');
      const image = await t.app.inject(new URL(enclosure['@url']).pathname);
      assert.equal(image.statusCode, 200);
      assert.equal(
        Number(enclosure['@length']),
        image.rawPayload.length,
        'the enclosure states the real size',
      );
    });

    it('serves the site Atom feed with RFC 3339 dates, authors and the cover as an enclosure link', async () => {
      const res = await t.app.inject('/atom.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
      const feed = parseXml(res.body, ['entry', 'link', 'category', 'author']).feed;
      assert.match(feed.updated, rfc3339);
      const entry = feed.entry[0];
      assert.equal(entry.id, `https://khabar.test/n/${economy.newsCode}`);
      assert.match(entry.published, rfc3339);
      assert.equal(Date.parse(entry.published), economy.publishedAt!.getTime());
      assert.equal(entry.summary['#text'] ?? entry.summary, economy.lead);
      assert.ok(String(entry.content['#text'] ?? entry.content).includes('متن کامل'));
      assert.equal(entry.author[0].name, 'مریم رحیمی');
      const links = entry.link as { '@rel'?: string; '@href': string }[];
      assert.ok(links.some((l) => l['@rel'] === 'enclosure' && l['@href'].endsWith('-og.jpg')));
      assert.ok(entry.category.some((c: { '@term': string }) => c['@term'] === 'اقتصادی'));
    });

    it('serves the site JSON Feed with ids, dates, images, authors and tags', async () => {
      const res = await t.app.inject('/feed.json');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/feed+json; charset=utf-8');
      const feed = res.json();
      assert.equal(feed.feed_url, 'https://khabar.test/feed.json');
      const item = feed.items[0];
      assert.equal(item.id, `https://khabar.test/n/${economy.newsCode}`);
      assert.match(item.date_published, rfc3339);
      assert.match(item.image, /-og\.jpg$/);
      assert.equal(item.author.name, 'مریم رحیمی');
      assert.deepEqual(item.tags, ['اقتصادی', 'صادرات', 'تجارت خارجی']);
      assert.equal(item.summary, economy.lead);
    });

    it('has a feed per section and per tag, and sends a tag typed another way to its feed', async () => {
      const section = parseXml((await t.app.inject('/section/economy/rss')).body, ['item']).rss.channel;
      assert.deepEqual(
        section.item.map((i: { title: string }) => i.title),
        ['رشد صادرات غیرنفتی'],
      );
      assert.equal(section.link, 'https://khabar.test/section/economy');
      const atom = parseXml((await t.app.inject('/section/society/atom.xml')).body, ['entry']).feed;
      assert.deepEqual(
        atom.entry.map((e: { id: string }) => e.id),
        [`https://khabar.test/n/${society.newsCode}`],
      );
      const tag = (await t.app.inject(`/tag/${encodeURIComponent('تجارت-خارجی')}/feed.json`)).json();
      assert.deepEqual(
        tag.items.map((i: { id: string }) => i.id),
        [`https://khabar.test/n/${economy.newsCode}`],
      );
      const typed = await t.app.inject(`/tag/${encodeURIComponent('تجارت خارجی')}/rss`);
      assert.equal(typed.statusCode, 301);
      assert.equal(typed.headers.location, `/tag/${encodeURIComponent('تجارت-خارجی')}/rss`);
      assert.equal((await t.app.inject('/section/nowhere/rss')).statusCode, 404);
    });

    it('writes the same bytes for the same articles, so a cached copy stays right until one changes', async () => {
      const first = await t.app.inject('/rss');
      const again = await t.app.inject('/rss');
      assert.equal(again.body, first.body);
    });

    it('announces the site feeds on every page and a section’s own feed on its page', async () => {
      const home = (await t.app.inject('/')).body;
      assert.ok(
        home.includes(
          '<link rel="alternate" type="application/rss+xml" title="خبر" href="https://khabar.test/rss"/>',
        ),
      );
      assert.ok(home.includes('type="application/atom+xml" title="خبر" href="https://khabar.test/atom.xml"'));
      assert.ok(
        home.includes('type="application/feed+json" title="خبر" href="https://khabar.test/feed.json"'),
      );
      const section = (await t.app.inject('/section/economy')).body;
      assert.ok(section.includes('href="https://khabar.test/section/economy/rss"'));
      const tagPath = `/tag/${encodeURIComponent('صادرات')}`;
      assert.ok((await t.app.inject(tagPath)).body.includes(`href="https://khabar.test${tagPath}/rss"`));
    });

    it('summarizes an article without a lead by its body text: escaped where readers take HTML, plain in JSON', async () => {
      await createArticle(t.services, {
        title: 'قیمت برق',
        lead: '',
        body: '<h2>آب &amp; برق</h2><p>قیمت <b>کمتر</b> از ۵ &lt;۶&gt;</p>',
        tags: ['تعرفه'],
      });
      const tagFeed = `/tag/${encodeURIComponent('تعرفه')}`;
      const rss = parseXml((await t.app.inject(`${tagFeed}/rss`)).body, ['item']).rss.channel;
      assert.equal(rss.item[0].description, 'آب &amp; برق قیمت کمتر از ۵ &lt;۶&gt;');
      const json = (await t.app.inject(`${tagFeed}/feed.json`)).json();
      assert.equal(json.items[0].summary, 'آب & برق قیمت کمتر از ۵ <۶>');
    });
  });
}
