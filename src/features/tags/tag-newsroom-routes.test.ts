import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { postForm, type SignedIn, signedInUser } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { systemActor } from '../users/user.js';

const tagUrl = (slug: string) => `/tag/${encodeURIComponent(slug)}`;

for (const engine of await enginesUnderTest()) {
  describe(`tags in the newsroom on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let editor: SignedIn;
    before(async () => {
      t = await buildTestApp(engine);
      editor = await signedInUser(t.app, t.services, 'editor');
    });
    after(() => t?.close());

    const post = (who: SignedIn, url: string, payload: Record<string, string> = {}) =>
      postForm(t.app, who, url, payload);

    async function idOf(name: string): Promise<number> {
      return (await t.services.tags.find(name)).id;
    }

    async function tagIdsOf(articleId: number): Promise<number[]> {
      const rows = await t.services.db
        .selectFrom('articleTags')
        .select('tagId')
        .where('articleId', '=', articleId)
        .execute();
      return rows.map((r) => r.tagId);
    }

    it('lets the desk manage tags and refuses writers, moderators, strangers and forged forms', async () => {
      await createArticle(t.services, { tags: ['نقش‌آفرینی'] });
      const id = await idOf('نقش‌آفرینی');
      const admin = await signedInUser(t.app, t.services, 'admin');
      for (const who of [admin, editor]) {
        const page = await t.app.inject({ url: '/newsroom/tags', headers: { cookie: who.cookie } });
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /نقش‌آفرینی/);
      }
      for (const role of ['writer', 'moderator'] as const) {
        const who = await signedInUser(t.app, t.services, role);
        assert.equal(
          (await t.app.inject({ url: '/newsroom/tags', headers: { cookie: who.cookie } })).statusCode,
          403,
        );
        assert.equal((await post(who, `/newsroom/tags/${id}`, { name: 'دیگر' })).statusCode, 403);
      }
      assert.equal((await t.app.inject('/newsroom/tags')).statusCode, 302);
      const stranger = await t.app.inject({
        method: 'POST',
        url: `/newsroom/tags/${id}/delete`,
        payload: {},
      });
      assert.equal(stranger.statusCode, 401);
      const forged = await t.app.inject({
        method: 'POST',
        url: `/newsroom/tags/${id}`,
        headers: { cookie: editor.cookie },
        payload: { name: 'بی‌توکن' },
      });
      assert.equal(forged.statusCode, 403);
      assert.equal((await t.services.tags.find('نقش‌آفرینی')).id, id);
    });

    it('searches tags by name, with Arabic letters and extra spaces meeting their Persian form', async () => {
      await createArticle(t.services, { tags: ['بانک مرکزی', 'بانک ملی'] });
      const res = await t.app.inject({
        url: `/newsroom/tags?q=${encodeURIComponent('بانك   مركزي')}`,
        headers: { cookie: editor.cookie },
      });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /بانک مرکزی/);
      assert.doesNotMatch(res.body, /بانک ملی/);
    });

    it('renames a tag and sends its old address to the new one with 301', async () => {
      const article = await createArticle(t.services, { tags: ['یارانه نقدی'] });
      const id = await idOf('یارانه نقدی');
      const res = await post(editor, `/newsroom/tags/${id}`, { name: 'یارانه' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/newsroom/tags?done=renamed');
      const old = await t.app.inject(tagUrl('یارانه-نقدی'));
      assert.equal(old.statusCode, 301);
      assert.equal(old.headers.location, tagUrl('یارانه'));
      const page = await t.app.inject(tagUrl('یارانه'));
      assert.match(page.body, /<h1>یارانه<\/h1>/);
      assert.deepEqual(await tagIdsOf(article.id), [id]);
      const again = await createArticle(t.services, { tags: ['یارانه نقدی'] });
      assert.deepEqual(await tagIdsOf(again.id), [id], 'typing the old name finds the renamed tag');
    });

    it('refuses a rename onto another tag, keeping the typed name', async () => {
      await createArticle(t.services, { tags: ['تورم', 'گرانی'] });
      const res = await post(editor, `/newsroom/tags/${await idOf('گرانی')}`, { name: 'تورم' });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /ادغام کنید/);
      assert.match(res.body, /value="تورم"/);
    });

    it('merges a tag into another without tagging any article twice, and redirects its old addresses', async () => {
      const both = await createArticle(t.services, { tags: ['بودجه ۱۴۰۳', 'بودجه‌ ۱۴۰۳ کشور'] });
      const onlyOld = await createArticle(t.services, { tags: ['بودجه‌ ۱۴۰۳ کشور'] });
      const keep = await idOf('بودجه ۱۴۰۳');
      const gone = await idOf('بودجه‌ ۱۴۰۳ کشور');
      await post(editor, `/newsroom/tags/${gone}`, { name: 'بودجه کشور' });
      const res = await post(editor, `/newsroom/tags/${gone}/merge`, { into: 'بودجه ۱۴۰۳' });
      assert.equal(res.statusCode, 303);
      assert.deepEqual(await tagIdsOf(both.id), [keep]);
      assert.deepEqual(await tagIdsOf(onlyOld.id), [keep]);
      const dangling = await t.services.db.selectFrom('tags').select('id').where('id', '=', gone).execute();
      assert.equal(dangling.length, 0);
      for (const slug of ['بودجه-کشور', 'بودجه-1403-کشور']) {
        const old = await t.app.inject(tagUrl(slug));
        assert.equal(old.statusCode, 301, slug);
        assert.equal(old.headers.location, tagUrl('بودجه-1403'));
      }
      const self = await post(editor, `/newsroom/tags/${keep}/merge`, { into: 'بودجه 1403' });
      assert.equal(self.statusCode, 400);
      const missing = await post(editor, `/newsroom/tags/${keep}/merge`, { into: 'ناموجود' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /value="ناموجود"/);
    });

    it('deletes an unused tag and refuses a used one', async () => {
      const article = await createArticle(t.services, { tags: ['موقتی'] });
      const id = await idOf('موقتی');
      const used = await post(editor, `/newsroom/tags/${id}/delete`);
      assert.equal(used.statusCode, 409);
      assert.match(used.body, /حذف نمی‌شود/);
      await t.services.articles.update(systemActor, article.newsCode, {
        tags: [],
      });
      assert.equal((await post(editor, `/newsroom/tags/${id}/delete`)).statusCode, 303);
      assert.equal((await t.app.inject(tagUrl('موقتی'))).statusCode, 404);
    });

    it('suggests tags as JSON: names starting with the text first, then containing it, by usage', async () => {
      for (let i = 0; i < 3; i++) await createArticle(t.services, { tags: ['قیمت نفت'] });
      for (let i = 0; i < 2; i++) await createArticle(t.services, { tags: ['نفت خام'] });
      await createArticle(t.services, { tags: ['نفتکش'] });
      const res = await t.app.inject({
        url: `/newsroom/tags.json?q=${encodeURIComponent('نفت')}`,
        headers: { cookie: editor.cookie },
      });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /application\/json/);
      assert.deepEqual(res.json(), {
        items: [
          { slug: 'نفت-خام', name: 'نفت خام', count: 2 },
          { slug: 'نفتکش', name: 'نفتکش', count: 1 },
          { slug: 'قیمت-نفت', name: 'قیمت نفت', count: 3 },
        ],
      });
      const writer = await signedInUser(t.app, t.services, 'writer');
      const forWriter = await t.app.inject({
        url: '/newsroom/tags.json?q=x',
        headers: { cookie: writer.cookie },
      });
      assert.equal(forWriter.statusCode, 200, 'writers tag articles, so they get suggestions');
      for (let i = 0; i < 12; i++) await createArticle(t.services, { tags: [`برچسب انبوه ${i}`] });
      const many = await t.app.inject({
        url: `/newsroom/tags.json?q=${encodeURIComponent('انبوه')}`,
        headers: { cookie: editor.cookie },
      });
      assert.equal(many.json().items.length, 10);
    });
  });
}
