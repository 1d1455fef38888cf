import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { postForm, type SignedIn, signedInUser } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { maxEditorPicks } from './curation-service.js';

function topStoryOf(html: string): string {
  const start = html.indexOf('aria-label="تیتر یک"');
  assert.ok(start > 0, 'the home page has a top story');
  return html.slice(start, html.indexOf('</section>', start));
}

function picksOf(html: string, titles: string[]): string[] {
  const start = html.indexOf('id="picks-title"');
  if (start < 0) return [];
  const block = html.slice(start, html.indexOf('</section>', start));
  return titles.filter((title) => block.includes(title)).sort((a, b) => block.indexOf(a) - block.indexOf(b));
}

for (const engine of await enginesUnderTest()) {
  describe(`home page curation in the newsroom on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let editor: SignedIn;
    before(async () => {
      t = await buildTestApp(engine);
      editor = await signedInUser(t.app, t.services, 'editor');
    });
    after(() => t?.close());

    const post = (who: SignedIn, url: string, payload: Record<string, string> = {}) =>
      postForm(t.app, who, url, payload);

    it('lets admins and editors curate, refuses writers and moderators, and sends strangers to sign in', async () => {
      const article = await createArticle(t.services, { title: 'خبر برای نقش‌ها' });
      const admin = await signedInUser(t.app, t.services, 'admin');
      for (const who of [admin, editor]) {
        const page = await t.app.inject({ url: '/newsroom/curation', headers: { cookie: who.cookie } });
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /همان لحظه در/);
        assert.match(page.body, /خبر برای نقش‌ها/);
      }
      for (const role of ['writer', 'moderator'] as const) {
        const who = await signedInUser(t.app, t.services, role);
        assert.equal(
          (await t.app.inject({ url: '/newsroom/curation', headers: { cookie: who.cookie } })).statusCode,
          403,
        );
        const res = await post(who, '/newsroom/curation/top', { article: String(article.id) });
        assert.equal(res.statusCode, 403);
      }
      assert.equal((await t.app.inject('/newsroom/curation')).statusCode, 302);
      const stranger = await t.app.inject({
        method: 'POST',
        url: '/newsroom/curation/top',
        payload: { article: String(article.id) },
      });
      assert.equal(stranger.statusCode, 401);
      const forged = await t.app.inject({
        method: 'POST',
        url: '/newsroom/curation/top',
        headers: { cookie: editor.cookie },
        payload: { article: String(article.id) },
      });
      assert.equal(forged.statusCode, 403);
    });

    it('puts the chosen top story on the home page at once, announces it, and falls back when cleared', async () => {
      const chosen = await createArticle(
        t.services,
        { title: 'تیتر یک برگزیده' },
        { publishedAt: new Date(Date.UTC(2020, 0, 1)) },
      );
      await createArticle(t.services, { title: 'تازه‌ترین خبر روز' });
      const announced: string[] = [];
      const stop = t.services.events.on('curation.changed', ({ slot }) => {
        announced.push(slot);
      });
      const res = await post(editor, '/newsroom/curation/top', { article: String(chosen.id), q: 'برگزیده' });
      stop();
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/newsroom/curation?done=top&q=${encodeURIComponent('برگزیده')}`);
      assert.deepEqual(announced, ['topStory']);
      assert.match(topStoryOf((await t.app.inject('/')).body), /تیتر یک برگزیده/);
      const desk = await t.app.inject({ url: res.headers.location, headers: { cookie: editor.cookie } });
      assert.match(desk.body, /تیتر یک عوض شد/);
      assert.match(desk.body, /value="برگزیده"/);

      assert.equal((await post(editor, '/newsroom/curation/top/clear')).statusCode, 303);
      assert.doesNotMatch(topStoryOf((await t.app.inject('/')).body), /تیتر یک برگزیده/);
    });

    it('refuses to curate an article that is not published', async () => {
      const draft = await createArticle(t.services, { title: 'پیش‌نویس محرمانه', state: 'draft' });
      for (const url of ['/newsroom/curation/top', '/newsroom/curation/picks']) {
        const res = await post(editor, url, { article: String(draft.id) });
        assert.equal(res.statusCode, 400, url);
        assert.match(res.body, /فقط خبرهای منتشرشده/);
      }
      assert.equal((await post(editor, '/newsroom/curation/top', { article: 'abc' })).statusCode, 400);
      assert.doesNotMatch((await t.app.inject('/')).body, /پیش‌نویس محرمانه/);
    });

    it('adds, orders and removes editor picks, and the home page follows the order', async () => {
      const titles = ['پیشنهاد الف', 'پیشنهاد ب', 'پیشنهاد پ'];
      const [a, b, c] = await Promise.all(titles.map((title) => createArticle(t.services, { title })));
      for (const article of [a!, b!, c!]) {
        assert.equal(
          (await post(editor, '/newsroom/curation/picks', { article: String(article.id) })).statusCode,
          303,
        );
      }
      assert.deepEqual(picksOf((await t.app.inject('/')).body, titles), titles);
      const twice = await post(editor, '/newsroom/curation/picks', { article: String(a!.id) });
      assert.equal(twice.statusCode, 409);

      await post(editor, '/newsroom/curation/picks/move', { article: String(c!.id), direction: 'up' });
      await post(editor, '/newsroom/curation/picks/move', { article: String(c!.id), direction: 'up' });
      await post(editor, '/newsroom/curation/picks/move', { article: String(a!.id), direction: 'down' });
      assert.deepEqual(picksOf((await t.app.inject('/')).body, titles), [
        'پیشنهاد پ',
        'پیشنهاد ب',
        'پیشنهاد الف',
      ]);

      await post(editor, '/newsroom/curation/picks/remove', { article: String(b!.id) });
      assert.deepEqual(picksOf((await t.app.inject('/')).body, titles), ['پیشنهاد پ', 'پیشنهاد الف']);
      const desk = await t.app.inject({ url: '/newsroom/curation', headers: { cookie: editor.cookie } });
      const picks = desk.body.slice(
        desk.body.indexOf('id="picks-heading"'),
        desk.body.indexOf('id="candidates-heading"'),
      );
      assert.ok(picks.indexOf('پیشنهاد پ') < picks.indexOf('پیشنهاد الف'));
      assert.ok(!picks.includes('پیشنهاد ب'));
    });

    it(`keeps editor picks to ${maxEditorPicks} with a clear message`, async () => {
      const current = (
        await t.services.curation.desk({ userId: editor.userId, name: 'x', role: 'editor' }, '')
      ).editorPicks;
      for (let i = current.length; i < maxEditorPicks; i++) {
        const article = await createArticle(t.services, { title: `پیشنهاد پرکننده ${i}` });
        assert.equal(
          (await post(editor, '/newsroom/curation/picks', { article: String(article.id) })).statusCode,
          303,
        );
      }
      const extra = await createArticle(t.services, { title: 'پیشنهاد اضافه' });
      const res = await post(editor, '/newsroom/curation/picks', { article: String(extra.id) });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /حداکثر ۸ خبر/);
    });

    it('finds published articles by title or news code without JavaScript', async () => {
      const article = await createArticle(t.services, { title: 'سیل در سيستان و بلوچستان' });
      await createArticle(t.services, { title: 'سیل در گلستان', state: 'draft' });
      const byTitle = await t.app.inject({
        url: `/newsroom/curation?q=${encodeURIComponent('سيل در')}`,
        headers: { cookie: editor.cookie },
      });
      assert.match(byTitle.body, /بلوچستان/);
      assert.doesNotMatch(byTitle.body, /سیل در گلستان/, 'drafts are not offered');
      const byCode = await t.app.inject({
        url: `/newsroom/curation?q=${article.newsCode}`,
        headers: { cookie: editor.cookie },
      });
      assert.match(byCode.body, /بلوچستان/);
    });
  });
}
