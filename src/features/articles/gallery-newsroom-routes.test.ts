import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle, createImage } from '../../../test/support/factories.js';
import { type SignedIn, signedInUser } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { formFields } from '../newsroom/form.js';
import { systemActor } from '../users/user.js';
import { articlePath } from './article.js';
import { applyGalleryAction } from './gallery-newsroom-routes.js';

function form(fields: [string, string][]) {
  const body: Record<string, string[]> = {};
  for (const [name, value] of fields) body[name] = [...(body[name] ?? []), value];
  return formFields(body);
}

describe('applyGalleryAction', () => {
  const three: [string, string][] = [
    ['imageId', '1'],
    ['caption', 'یک'],
    ['imageId', '2'],
    ['caption', ''],
    ['imageId', '3'],
    ['caption', 'سه'],
  ];

  it('moves an item up with its caption and keeps the others', () => {
    const { items, focus } = applyGalleryAction(form([...three, ['op', 'up:2']]));
    assert.deepEqual(items, [
      { imageId: 1, caption: 'یک' },
      { imageId: 3, caption: 'سه' },
      { imageId: 2, caption: null },
    ]);
    assert.equal(focus, 3);
  });

  it('ignores moving the first item up and the last one down', () => {
    assert.deepEqual(
      applyGalleryAction(form([...three, ['op', 'up:0']])).items.map((i) => i.imageId),
      [1, 2, 3],
    );
    assert.deepEqual(
      applyGalleryAction(form([...three, ['op', 'down:2']])).items.map((i) => i.imageId),
      [1, 2, 3],
    );
  });

  it('adds checked images at the end, once each', () => {
    const { items } = applyGalleryAction(
      form([...three, ['add', '4'], ['add', '2'], ['add', '4'], ['op', 'add']]),
    );
    assert.deepEqual(
      items.map((i) => i.imageId),
      [1, 2, 3, 4],
    );
  });

  it('removes an item and refuses unknown buttons and malformed ids', () => {
    assert.deepEqual(
      applyGalleryAction(form([...three, ['op', 'remove:1']])).items.map((i) => i.imageId),
      [1, 3],
    );
    assert.throws(() => applyGalleryAction(form([...three, ['op', 'explode']])), /دکمه شناخته نیست/);
    assert.throws(
      () =>
        applyGalleryAction(
          form([
            ['imageId', 'x'],
            ['caption', ''],
          ]),
        ),
      /شناسهٔ/,
    );
  });
});

for (const engine of await enginesUnderTest()) {
  describe(`photo-story gallery builder on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let editor: SignedIn;
    before(async () => {
      t = await buildTestApp(engine);
      editor = await signedInUser(t.app, t.services, 'editor');
    });
    after(() => t?.close());

    function post(who: SignedIn, newsCode: number, fields: [string, string][]) {
      const payload = new URLSearchParams([['_csrf', who.csrf], ...fields]).toString();
      return t.app.inject({
        method: 'POST',
        url: `/newsroom/articles/${newsCode}/gallery`,
        headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
    }

    async function galleryOf(newsCode: number) {
      const article = await t.services.articles.getFor(systemActor, newsCode);
      return article.gallery.map((item) => [item.image.id, item.caption]);
    }

    it('adds, captions, reorders and removes pictures, and the public page shows them in order', async () => {
      const story = await createArticle(t.services, {
        kind: 'photoStory',
        title: 'روایت تصویری برداشت برنج',
      });
      const [a, b, c] = [
        await createImage(t.services, 'نشاکاری'),
        await createImage(t.services, 'آبیاری'),
        await createImage(t.services, 'درو'),
      ];
      if (b)
        await t.services.media.describe(systemActor, b.id, {
          alt: 'آبیاری',
          caption: 'آبیاری',
          credit: 'مریم کاظمی',
        });
      const page = await t.app.inject({
        url: `/newsroom/articles/${story.newsCode}/gallery`,
        headers: { cookie: editor.cookie },
      });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /گالری خالی است/);
      assert.match(page.body, new RegExp(`name="add" value="${c?.id}"`));

      const added = await post(editor, story.newsCode, [
        ['add', String(a?.id)],
        ['add', String(b?.id)],
        ['add', String(c?.id)],
        ['op', 'add'],
      ]);
      assert.equal(added.statusCode, 303, added.body.slice(0, 300));
      assert.match(added.headers.location ?? '', /done=added#gallery-item-/);
      assert.deepEqual(await galleryOf(story.newsCode), [
        [a?.id, null],
        [b?.id, null],
        [c?.id, null],
      ]);

      const current = (captions: string[], ids = [a?.id, b?.id, c?.id]) =>
        ids.flatMap((id, i): [string, string][] => [
          ['imageId', String(id)],
          ['caption', captions[i] ?? ''],
        ]);
      const moved = await post(editor, story.newsCode, [
        ...current(['کشاورزان نشا می‌کارند', '', 'درو در پایان تابستان']),
        ['op', 'up:2'],
      ]);
      assert.equal(moved.statusCode, 303);
      assert.deepEqual(await galleryOf(story.newsCode), [
        [a?.id, 'کشاورزان نشا می‌کارند'],
        [c?.id, 'درو در پایان تابستان'],
        [b?.id, null],
      ]);

      const removed = await post(editor, story.newsCode, [
        ...current(['کشاورزان نشا می‌کارند', 'درو در پایان تابستان', ''], [a?.id, c?.id, b?.id]),
        ['op', 'remove:0'],
      ]);
      assert.equal(removed.statusCode, 303);
      assert.deepEqual(await galleryOf(story.newsCode), [
        [c?.id, 'درو در پایان تابستان'],
        [b?.id, null],
      ]);

      const article = await t.app.inject(articlePath(story));
      assert.equal(article.statusCode, 200);
      const body = article.body;
      const first = body.indexOf('درو در پایان تابستان');
      const second = body.indexOf('۲ از ۲');
      assert.ok(first > 0 && second > first, 'the gallery is printed in its saved order');
      assert.match(body, /۱ از ۲/);
      assert.match(body, /<figure class="gallery__item"/);
      assert.match(body, /alt="آبیاری"/);
      assert.match(body, /آبیاری/, 'an item without its own caption shows the library caption');
      assert.match(body, /عکس: مریم کاظمی/, 'the credit is printed');
    });

    it('refuses an unknown image id with 400 and leaves the gallery as it was', async () => {
      const story = await createArticle(t.services, { kind: 'photoStory' });
      const image = await createImage(t.services);
      await post(editor, story.newsCode, [
        ['add', String(image.id)],
        ['op', 'add'],
      ]);
      const res = await post(editor, story.newsCode, [
        ['imageId', String(image.id)],
        ['caption', 'شرح'],
        ['add', '987654'],
        ['op', 'add'],
      ]);
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /در کتابخانه نیستند \(شناسه: 987654\)/);
      assert.match(res.body, />شرح<\/textarea>/, 'what was typed is kept');
      assert.deepEqual(await galleryOf(story.newsCode), [[image.id, null]]);
    });

    it('lets a writer build the gallery of their own draft but not of a published article', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer');
      const me = { userId: writer.userId, name: 'کاربر writer', role: 'writer' as const };
      const draft = await t.services.articles.create(me, {
        title: 'پیش‌نویس روایت تصویری',
        body: '<p>متن</p>',
        section: 'society',
        kind: 'photoStory',
      });
      const image = await createImage(t.services);
      const own = await post(writer, draft.newsCode, [
        ['add', String(image.id)],
        ['op', 'add'],
      ]);
      assert.equal(own.statusCode, 303);
      const published = await createArticle(t.services, { kind: 'photoStory' });
      const other = await post(writer, published.newsCode, [
        ['add', String(image.id)],
        ['op', 'add'],
      ]);
      assert.equal(other.statusCode, 403);
      assert.deepEqual(await galleryOf(published.newsCode), []);
    });

    it('refuses a save without the form token', async () => {
      const story = await createArticle(t.services, { kind: 'photoStory' });
      const res = await t.app.inject({
        method: 'POST',
        url: `/newsroom/articles/${story.newsCode}/gallery`,
        headers: { cookie: editor.cookie },
        payload: { op: 'save' },
      });
      assert.equal(res.statusCode, 403);
    });
  });
}
