import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createArticle, createImage } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import type { Article } from '../articles/article.js';
import { insertAuthor } from '../authors/author-repository.js';
import { systemActor } from '../users/user.js';

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON-LD has no static shape; the tests walk it and assert on what they find.
type Thing = Record<string, any>;

function jsonLd(html: string): Thing[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
  return blocks.flatMap((m) => [JSON.parse(m[1] ?? '')].flat());
}

function meta(html: string, key: string): string | undefined {
  const match = new RegExp(
    `<meta (?:property|name)="${key.replace(/[:+]/g, '\\$&')}" content="([^"]*)"`,
  ).exec(html);
  return match?.[1];
}

const offsetIso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:30$/;

for (const engine of await enginesUnderTest()) {
  describe(`structured data, previews and author pages on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let article: Article;
    let story: Article;

    before(async () => {
      t = await buildTestApp(engine, { clock: fixedClock(new Date('2024-01-27T08:55:00Z')) });
      await insertAuthor(
        t.services.db,
        { slug: 'maryam-rahimi', name: 'مریم رحیمی', bio: 'خبرنگار اقتصادی' },
        new Date(),
      );
      const cover = await createImage(t.services, 'بندر شهید رجایی');
      article = await createArticle(t.services, {
        title: 'رشد صادرات </script> غیرنفتی',
        lead: 'صادرات غیرنفتی ۱۲ درصد رشد کرد.',
        section: 'economy',
        tags: ['صادرات', 'تجارت'],
        author: 'maryam-rahimi',
        byline: 'مریم رحیمی و علی تهرانی',
        coverImageId: cover.id,
      });
      const pictures = [await createImage(t.services, 'عکس یک'), await createImage(t.services, 'عکس دو')];
      story = await createArticle(t.services, {
        title: 'روایت تصویری بازار',
        kind: 'photoStory',
        section: 'economy',
      });
      story = await t.services.articles.update(systemActor, story.newsCode, {
        gallery: pictures.map((p, i) => ({ imageId: p.id, caption: `شرح ${i + 1}` })),
      });
    });
    after(() => t?.close());

    const page = async (a: Article) =>
      (await t.app.inject(`/news/${a.newsCode}/${encodeURIComponent(a.slug)}`)).body;

    it('describes an article as NewsArticle with offset dates, one Person per author, publisher and crops', async () => {
      const html = await page(article);
      const [news] = jsonLd(html);
      assert.equal(news?.['@context'], 'https://schema.org');
      assert.equal(news?.['@type'], 'NewsArticle');
      assert.equal(
        news?.headline,
        'رشد صادرات </script> غیرنفتی',
        'the headline survives, escaped inside the block',
      );
      assert.ok(!html.includes('رشد صادرات </script>'), 'no text can close the script element');
      assert.match(news?.datePublished, offsetIso);
      assert.equal(Date.parse(news?.datePublished), article.publishedAt!.getTime());
      assert.match(news?.dateModified, offsetIso);
      assert.deepEqual(news?.author, [
        { '@type': 'Person', name: 'مریم رحیمی', url: 'https://khabar.test/author/maryam-rahimi' },
        { '@type': 'Person', name: 'علی تهرانی' },
      ]);
      assert.equal(news?.publisher['@type'], 'Organization');
      assert.equal(news?.publisher.logo['@type'], 'ImageObject');
      const canonical = `https://khabar.test/news/${article.newsCode}/${encodeURIComponent(article.slug)}`;
      assert.deepEqual(news?.mainEntityOfPage, { '@type': 'WebPage', '@id': canonical });
      assert.equal(news?.articleSection, 'اقتصادی');
      assert.deepEqual(news?.keywords, ['صادرات', 'تجارت']);
      assert.ok(html.includes(`<link rel="canonical" href="${canonical}"/>`));
      assert.ok(Buffer.byteLength(JSON.stringify(news)) < 1500, 'the block stays small');
    });

    it('points image at 16x9, 4x3 and 1x1 crops of at least 50,000 pixels that the site serves', async () => {
      const [news] = jsonLd(await page(article));
      const ratios = [16 / 9, 4 / 3, 1];
      assert.equal(news?.image.length, 3);
      for (const [i, url] of ((news?.image ?? []) as string[]).entries()) {
        const res = await t.app.inject(new URL(url).pathname);
        assert.equal(res.statusCode, 200, url);
        const { width = 0, height = 0, format } = await sharp(res.rawPayload).metadata();
        assert.equal(format, 'jpeg');
        assert.ok(width * height >= 50_000, `${url} has ${width}×${height}`);
        assert.ok(Math.abs(width / height - (ratios[i] ?? 0)) < 0.01, `${url} is ${width}×${height}`);
      }
      const logo = await t.app.inject(new URL(news?.publisher.logo.url).pathname);
      assert.equal(logo.headers['content-type'], 'image/png');
      assert.equal((await sharp(logo.rawPayload).metadata()).width, 512);
    });

    it('gives Open Graph and Twitter cards the 1200×630 crop, with dates and section', async () => {
      const html = await page(article);
      const image = meta(html, 'og:image') ?? '';
      assert.match(image, /^https:\/\/khabar\.test\/media\/.+-og\.jpg$/);
      const res = await t.app.inject(new URL(image).pathname);
      const { width, height } = await sharp(res.rawPayload).metadata();
      assert.deepEqual([width, height], [1200, 630]);
      assert.equal(meta(html, 'og:image:width'), '1200');
      assert.equal(meta(html, 'og:image:height'), '630');
      assert.equal(meta(html, 'og:image:alt'), 'بندر شهید رجایی');
      assert.equal(meta(html, 'og:type'), 'article');
      assert.equal(meta(html, 'twitter:card'), 'summary_large_image');
      assert.equal(meta(html, 'twitter:image'), image);
      assert.equal(
        meta(html, 'twitter:title'),
        article.title.replace('<', '&lt;'),
        'escaped as any attribute',
      );
      assert.match(meta(html, 'article:published_time') ?? '', offsetIso);
      assert.equal(meta(html, 'article:section'), 'اقتصادی');
    });

    it('adds no script but the data block, and the CSP that forbids inline script stays as it was', async () => {
      const res = await t.app.inject(`/news/${article.newsCode}/${encodeURIComponent(article.slug)}`);
      assert.match(String(res.headers['content-security-policy']), /script-src 'self';/);
      const scripts = [...res.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.deepEqual(
        scripts.filter((s) => !s.includes('src=')),
        ['<script type="application/ld+json">'],
      );
    });

    it('describes a photo story’s pictures as an ImageGallery beside its NewsArticle', async () => {
      const blocks = jsonLd(await page(story));
      assert.deepEqual(
        blocks.map((b) => b['@type']),
        ['NewsArticle', 'ImageGallery'],
      );
      const gallery = blocks[1];
      assert.deepEqual(
        gallery?.associatedMedia.map((m: Thing) => m.caption),
        ['شرح 1', 'شرح 2'],
      );
      assert.match(gallery?.associatedMedia[0].contentUrl, /^https:\/\/khabar\.test\/media\/.+-16x9\.jpg$/);
    });

    it('gives a section page its breadcrumb and its canonical address', async () => {
      const html = (await t.app.inject('/section/economy')).body;
      const [crumbs] = jsonLd(html);
      assert.equal(crumbs?.['@type'], 'BreadcrumbList');
      assert.deepEqual(
        crumbs?.itemListElement.map((i: Thing) => [i.position, i.name, i.item]),
        [
          [1, 'خبر', 'https://khabar.test/'],
          [2, 'اقتصادی', 'https://khabar.test/section/economy'],
        ],
      );
      assert.ok(html.includes('<link rel="canonical" href="https://khabar.test/section/economy"/>'));
    });

    it('has an author page with ProfilePage markup listing their articles, linked from the byline', async () => {
      const articleHtml = await page(article);
      assert.ok(articleHtml.includes('<a href="/author/maryam-rahimi">مریم رحیمی و علی تهرانی</a>'));
      const res = await t.app.inject('/author/maryam-rahimi');
      assert.equal(res.statusCode, 200);
      const [profile] = jsonLd(res.body);
      assert.equal(profile?.['@type'], 'ProfilePage');
      assert.deepEqual(profile?.mainEntity, {
        '@type': 'Person',
        name: 'مریم رحیمی',
        url: 'https://khabar.test/author/maryam-rahimi',
        description: 'خبرنگار اقتصادی',
      });
      assert.ok(res.body.includes(article.title.replace('<', '&lt;')), 'lists the author’s article');
      assert.ok(!res.body.includes('روایت تصویری بازار'), 'and not others’');
      assert.ok(res.body.includes('<link rel="canonical" href="https://khabar.test/author/maryam-rahimi"/>'));
      const missing = await t.app.inject('/author/nobody');
      assert.equal(missing.statusCode, 404);
      assert.ok(missing.body.includes('نویسنده‌ای با این نشانی پیدا نشد.'));
    });

    it('puts a canonical link on every public page', async () => {
      for (const url of [
        '/',
        '/most-viewed',
        '/archive',
        `/tag/${encodeURIComponent('صادرات')}`,
        '/search',
      ]) {
        const html = (await t.app.inject(url)).body;
        assert.match(html, /<link rel="canonical" href="https:\/\/khabar\.test\//, url);
      }
    });
  });
}
