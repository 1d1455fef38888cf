import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle, createImage } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { replaceSlot } from '../curation/curation-repository.js';

const reader = { 'user-agent': 'Mozilla/5.0 (Linux; Android 13) Mobile Safari/537.36' };

function blockOf(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start > 0, `block ${id} is on the page`);
  return html.slice(start, html.indexOf('</section>', start));
}

for (const engine of await enginesUnderTest()) {
  describe(`home page on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
    });
    after(() => t?.close());

    it('says so when nothing is published yet, and still lists every section in the menu', async () => {
      const res = await t.app.inject('/');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /هنوز خبری منتشر نشده است/);
      for (const name of ['سیاسی', 'اقتصادی', 'اجتماعی', 'فرهنگی', 'ورزشی', 'بین‌الملل', 'نگاه دوم']) {
        assert.ok(res.body.includes(`>${name}</a>`), name);
      }
    });

    it('shows the chosen top story, latest news, section blocks, editor picks, most viewed and photo stories', async () => {
      const cover = await createImage(t.services);
      const top = await createArticle(t.services, {
        title: 'تیتر یک امروز',
        section: 'politics',
        coverImageId: cover.id,
      });
      const pick = await createArticle(t.services, {
        title: 'پیشنهاد سردبیر امروز',
        section: 'opinion',
        kind: 'opinion',
      });
      const popular = await createArticle(t.services, { title: 'خبر پربازدید', section: 'sport' });
      const quiet = await createArticle(t.services, { title: 'خبر کم‌بازدید', section: 'sport' });
      const gallery = await createImage(t.services, 'عکس اول');
      const photo = await createArticle(t.services, {
        title: 'روایت تصویری بازار تجریش',
        section: 'society',
        kind: 'photoStory',
        coverImageId: gallery.id,
        gallery: [{ imageId: gallery.id, caption: 'عکس اول' }],
      });
      await replaceSlot(t.services.db, 'topStory', [top.id]);
      await replaceSlot(t.services.db, 'editorPick', [pick.id]);
      // Three readers: one reader's repeat views within half an hour count once.
      for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
        await t.app.inject({
          url: `/news/${popular.newsCode}/${encodeURIComponent(popular.slug)}`,
          headers: reader,
          remoteAddress: ip,
        });
      }
      await t.app.inject({
        url: `/news/${quiet.newsCode}/${encodeURIComponent(quiet.slug)}`,
        headers: reader,
      });
      await t.services.views.flush();

      const html = (await t.app.inject('/')).body;
      const lead = html.slice(html.indexOf('aria-label="تیتر یک"'));
      assert.ok(lead.indexOf('تیتر یک امروز') < lead.indexOf('</section>'), 'top story leads');
      assert.match(blockOf(html, 'latest-title'), /خبر کم‌بازدید/);
      assert.doesNotMatch(
        blockOf(html, 'latest-title'),
        /تیتر یک امروز/,
        'the top story is not repeated in latest',
      );
      assert.match(blockOf(html, 'picks-title'), /پیشنهاد سردبیر امروز/);
      const mostViewed = blockOf(html, 'most-viewed-title');
      assert.ok(
        mostViewed.indexOf('خبر پربازدید') < mostViewed.indexOf('خبر کم‌بازدید'),
        'ranked by counted views',
      );
      assert.match(blockOf(html, 'photo-title'), new RegExp(photo.title));
      assert.match(blockOf(html, 'section-sport'), /خبر پربازدید/);
      assert.match(blockOf(html, 'section-opinion'), /پیشنهاد سردبیر امروز/);
    });

    it('falls back to the newest item with a picture when the chosen top story is unpublished', async () => {
      const [topId] = await t.services.db
        .selectFrom('curationSlots')
        .select('articleId')
        .where('slot', '=', 'topStory')
        .execute();
      const row = await t.services.db
        .selectFrom('articles')
        .select('newsCode')
        .where('id', '=', topId!.articleId)
        .executeTakeFirstOrThrow();
      await t.services.articles.unpublish(
        { userId: null, name: 'system', role: 'admin' },
        Number(row.newsCode),
      );
      const html = (await t.app.inject('/')).body;
      assert.doesNotMatch(html, /تیتر یک امروز/);
      const lead = html.slice(html.indexOf('aria-label="تیتر یک"'));
      assert.ok(lead.indexOf('روایت تصویری بازار تجریش') < lead.indexOf('</section>'));
    });
  });
}
