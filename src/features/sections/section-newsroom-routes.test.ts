import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { postForm, type SignedIn, signedInUser } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';

function menuOf(html: string): string[] {
  const nav = html.slice(
    html.indexOf('class="site-nav"'),
    html.indexOf('</nav>', html.indexOf('class="site-nav"')),
  );
  return [...nav.matchAll(/href="\/section\/[^"]*"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
}

for (const engine of await enginesUnderTest()) {
  describe(`sections in the newsroom on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let editor: SignedIn;
    before(async () => {
      t = await buildTestApp(engine);
      editor = await signedInUser(t.app, t.services, 'editor');
    });
    after(() => t?.close());

    const post = (who: SignedIn, url: string, payload: Record<string, string> = {}) =>
      postForm(t.app, who, url, payload);

    async function idOf(slug: string): Promise<number> {
      return (await t.services.sections.getBySlug(slug)).id;
    }

    it('lets admins and editors in, refuses writers and moderators, and sends strangers to sign in', async () => {
      const admin = await signedInUser(t.app, t.services, 'admin');
      for (const who of [admin, editor]) {
        const page = await t.app.inject({ url: '/newsroom/sections', headers: { cookie: who.cookie } });
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /اقتصادی/);
      }
      for (const role of ['writer', 'moderator'] as const) {
        const who = await signedInUser(t.app, t.services, role);
        const page = await t.app.inject({ url: '/newsroom/sections', headers: { cookie: who.cookie } });
        assert.equal(page.statusCode, 403, role);
        const change = await post(who, '/newsroom/sections', { name: 'علمی' });
        assert.equal(change.statusCode, 403, role);
      }
      assert.equal((await t.app.inject('/newsroom/sections')).statusCode, 302);
      const stranger = await t.app.inject({
        method: 'POST',
        url: '/newsroom/sections',
        payload: { name: 'x' },
      });
      assert.equal(stranger.statusCode, 401);
      await assert.rejects(t.services.sections.getBySlug('x'));
    });

    it('refuses a change posted without the form token', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/newsroom/sections',
        headers: { cookie: editor.cookie },
        payload: { name: 'بی‌توکن' },
      });
      assert.equal(res.statusCode, 403);
    });

    it('creates a section at the end of the public menu at once', async () => {
      const res = await post(editor, '/newsroom/sections', {
        name: 'علم و فناوری',
        slug: 'science',
        description: '',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/newsroom/sections?done=created');
      assert.equal(menuOf((await t.app.inject('/')).body).at(-1), 'علم و فناوری');
      const list = await t.app.inject({ url: res.headers.location, headers: { cookie: editor.cookie } });
      assert.match(list.body, /سرویس تازه ساخته شد/);
    });

    it('makes a Persian slug from the name and refuses a taken or malformed slug, keeping what was typed', async () => {
      assert.equal(
        (await post(editor, '/newsroom/sections', { name: 'استان ها', slug: '' })).statusCode,
        303,
      );
      assert.equal((await t.services.sections.getBySlug('استان-ها')).name, 'استان ها');
      const taken = await post(editor, '/newsroom/sections', { name: 'اقتصاد دوم', slug: 'economy' });
      assert.equal(taken.statusCode, 409);
      assert.match(taken.body, /نشانی «economy» هست/);
      assert.match(taken.body, /value="اقتصاد دوم"/);
      const bad = await post(editor, '/newsroom/sections', { name: 'سلامت', slug: 'Health News!' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /health-news/);
      assert.match(bad.body, /value="Health News!"/);
    });

    it('renames a section without changing its slug, and the menu shows the new name', async () => {
      const id = await idOf('sport');
      const res = await post(editor, `/newsroom/sections/${id}`, { name: 'ورزش', description: 'همهٔ رشته‌ها' });
      assert.equal(res.statusCode, 303);
      const home = (await t.app.inject('/')).body;
      assert.ok(home.includes('href="/section/sport">ورزش</a>'));
      const empty = await post(editor, `/newsroom/sections/${id}`, {
        name: ' ',
        description: 'متن نگه‌داشته',
      });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /متن نگه‌داشته/);
    });

    it('moves a section up and down the public menu', async () => {
      const before = menuOf((await t.app.inject('/')).body);
      assert.deepEqual(before.slice(0, 2), ['سیاسی', 'اقتصادی']);
      assert.equal(
        (await post(editor, `/newsroom/sections/${await idOf('economy')}/move`, { direction: 'up' }))
          .statusCode,
        303,
      );
      assert.deepEqual(menuOf((await t.app.inject('/')).body).slice(0, 3), ['اقتصادی', 'سیاسی', 'اجتماعی']);
      await post(editor, `/newsroom/sections/${await idOf('economy')}/move`, { direction: 'down' });
      await post(editor, `/newsroom/sections/${await idOf('economy')}/move`, { direction: 'down' });
      assert.deepEqual(menuOf((await t.app.inject('/')).body).slice(0, 3), ['سیاسی', 'اجتماعی', 'اقتصادی']);
      const sideways = await post(editor, `/newsroom/sections/${await idOf('economy')}/move`, {
        direction: 'left',
      });
      assert.equal(sideways.statusCode, 400);
    });

    it('deletes an unused section but refuses one that articles use', async () => {
      await createArticle(t.services, { section: 'culture' });
      const used = await post(editor, `/newsroom/sections/${await idOf('culture')}/delete`);
      assert.equal(used.statusCode, 409);
      assert.match(used.body, /حذف نمی‌شود/);
      await post(editor, '/newsroom/sections', { name: 'موقت', slug: 'temporary' });
      const res = await post(editor, `/newsroom/sections/${await idOf('temporary')}/delete`);
      assert.equal(res.statusCode, 303);
      assert.ok(!menuOf((await t.app.inject('/')).body).includes('موقت'));
    });
  });
}
