import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type SignedIn, signedInUser, signInAs } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import type { Role } from './user.js';

for (const engine of await enginesUnderTest()) {
  describe(`user management in the newsroom on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let admin: SignedIn;
    before(async () => {
      t = await buildTestApp(engine);
      admin = await signedInUser(t.app, t.services, 'admin', 'مدیر نخست');
    });
    after(() => t?.close());

    const page = (url: string, who?: { cookie: string }) =>
      t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
    const post = (url: string, who: { cookie: string; csrf?: string } | undefined, fields = {}) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: who ? { cookie: who.cookie } : {},
        payload: { ...(who?.csrf ? { _csrf: who.csrf } : {}), ...fields },
      });
    const apiPost = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/articles',
        headers: { authorization: `Bearer ${token}` },
        payload: {
          title: 'خبر آزمایشی',
          lead: 'لید',
          body: '<p>متن</p>',
          section: 'politics',
          state: 'draft',
        },
      });
    const newPerson = (role: Role) => ({
      name: `همکار ${role}`,
      email: `new-${role}-${Math.random().toString(36).slice(2)}@newsroom.test`,
      role,
      password: 'a-long-password',
    });

    it('shows admins every user with the role in Persian and the email isolated left to right', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer', 'نویسندهٔ فهرست');
      const res = await page('/newsroom/users', admin);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      assert.match(res.body, /نویسندهٔ فهرست/);
      assert.ok(res.body.includes(`<bdi dir="ltr">${writer.email}</bdi>`));
      assert.match(res.body, /خبرنگار/);
      assert.match(res.body, /data-confirm="حساب «نویسندهٔ فهرست» غیرفعال شود؟/);
    });

    it('refuses the users page and every user action to editors, writers and moderators with 403', async () => {
      const target = await signedInUser(t.app, t.services, 'writer');
      for (const role of ['editor', 'writer', 'moderator'] as const) {
        const who = await signedInUser(t.app, t.services, role);
        const denied = [
          await page('/newsroom/users', who),
          await page(`/newsroom/users/${target.userId}`, who),
          await post('/newsroom/users', who, newPerson('writer')),
          await post(`/newsroom/users/${target.userId}/role`, who, { role: 'admin' }),
          await post(`/newsroom/users/${target.userId}/disable`, who),
          await post(`/newsroom/users/${target.userId}/enable`, who),
          await post(`/newsroom/users/${target.userId}/password`, who, { password: 'hijacked-password' }),
        ];
        for (const res of denied) {
          assert.equal(res.statusCode, 403, `${role}: ${res.body.slice(0, 200)}`);
          assert.match(res.body, /فقط مدیران سایت/);
        }
      }
      const still = (await t.services.users.listUsers({ userId: null, name: 'system', role: 'admin' })).find(
        (u) => u.id === target.userId,
      );
      assert.equal(still?.role, 'writer');
      assert.equal(still?.disabled, false);
    });

    it('sends visitors without a session to the login form and refuses their POSTs with 401', async () => {
      const res = await page('/newsroom/users');
      assert.equal(res.statusCode, 302);
      assert.equal(res.headers.location, '/newsroom/login?next=%2Fnewsroom%2Fusers');
      for (const url of [
        '/newsroom/users',
        `/newsroom/users/${admin.userId}/role`,
        `/newsroom/users/${admin.userId}/disable`,
      ]) {
        assert.equal((await post(url, undefined, { role: 'writer' })).statusCode, 401, url);
      }
    });

    it('refuses an admin POST without the CSRF token', async () => {
      const res = await post('/newsroom/users', { cookie: admin.cookie }, newPerson('writer'));
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /فرم منقضی شده/);
    });

    it('creates a user who can then sign in', async () => {
      const person = newPerson('editor');
      const res = await post('/newsroom/users', admin, person);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/newsroom/users?done=created');
      const listed = await page(res.headers.location, admin);
      assert.match(listed.body, /کاربر تازه ساخته شد/);
      assert.match(listed.body, /همکار editor/);
      const session = await signInAs(t.app, person);
      const account = await page('/newsroom/account', session);
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /دبیر/);
    });

    it('re-renders the create form with the typed values but never the password', async () => {
      const short = await post('/newsroom/users', admin, { ...newPerson('moderator'), password: 'short-pw' });
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /گذرواژه باید دست‌کم/);
      assert.match(short.body, /value="همکار moderator"/);
      assert.match(short.body, /<option value="moderator" selected/);
      assert.doesNotMatch(short.body, /short-pw/);
      const duplicate = await post('/newsroom/users', admin, { ...newPerson('writer'), email: admin.email });
      assert.equal(duplicate.statusCode, 409);
      assert.match(duplicate.body, /از پیش وجود دارد/);
      assert.ok(duplicate.body.includes(`value="${admin.email}"`));
    });

    it('disabling a user ends their session at once and their API token answers 401', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer');
      const { token } = await t.services.users.createApiToken(writer.email);
      assert.equal((await apiPost(token)).statusCode, 201);
      const res = await post(`/newsroom/users/${writer.userId}/disable`, admin);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/newsroom/users?done=disabled');
      assert.equal((await page('/newsroom/account', writer)).statusCode, 302);
      assert.equal((await apiPost(token)).statusCode, 401);
      await assert.rejects(signInAs(t.app, writer));
      assert.equal((await post(`/newsroom/users/${writer.userId}/enable`, admin)).statusCode, 303);
      await signInAs(t.app, writer);
    });

    it('a writer made editor may publish on their very next request', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer');
      assert.equal((await page('/newsroom/account', writer)).body.includes('دبیر'), false);
      const res = await post(`/newsroom/users/${writer.userId}/role`, admin, { role: 'editor' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/newsroom/users?done=role');
      assert.match((await page('/newsroom/account', writer)).body, /دبیر/);
      const { token } = await t.services.users.createApiToken(writer.email);
      const published = await t.app.inject({
        method: 'POST',
        url: '/api/v1/articles',
        headers: { authorization: `Bearer ${token}` },
        payload: {
          title: 'خبر منتشرشده',
          lead: 'لید',
          body: '<p>متن</p>',
          section: 'politics',
          state: 'published',
        },
      });
      assert.equal(published.statusCode, 201);
    });

    it('refuses an unknown role with 400 and a Persian message', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer');
      const res = await post(`/newsroom/users/${writer.userId}/role`, admin, { role: 'owner' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /نقش باید یکی از این‌ها باشد/);
    });

    it('never lets the last active admin be disabled or demoted, nor an admin disable or demote themselves', async () => {
      const t2 = await buildTestApp(engine);
      try {
        const only = await signedInUser(t2.app, t2.services, 'admin');
        const act = (url: string, fields = {}) =>
          t2.app.inject({
            method: 'POST',
            url,
            headers: { cookie: only.cookie },
            payload: { _csrf: only.csrf, ...fields },
          });
        const demote = await act(`/newsroom/users/${only.userId}/role`, { role: 'editor' });
        assert.equal(demote.statusCode, 400);
        assert.match(demote.body, /دست‌کم یک مدیر فعال/);
        const disable = await act(`/newsroom/users/${only.userId}/disable`);
        assert.equal(disable.statusCode, 400);
        assert.match(disable.body, /دست‌کم یک مدیر فعال/);

        const second = await signedInUser(t2.app, t2.services, 'admin');
        const self = await act(`/newsroom/users/${only.userId}/disable`);
        assert.equal(self.statusCode, 400);
        assert.match(self.body, /حساب خودتان را غیرفعال/);
        const selfDemote = await act(`/newsroom/users/${only.userId}/role`, { role: 'writer' });
        assert.equal(selfDemote.statusCode, 400);
        assert.match(selfDemote.body, /نقش مدیر را از خودتان/);
        assert.equal(
          (await act(`/newsroom/users/${second.userId}/role`, { role: 'editor' })).statusCode,
          303,
        );
        assert.equal((await act(`/newsroom/users/${only.userId}/role`, { role: 'admin' })).statusCode, 303);
        assert.equal(
          (await t2.app.inject({ url: '/newsroom/users', headers: { cookie: only.cookie } })).statusCode,
          200,
        );
      } finally {
        await t2.close();
      }
    });

    it('lets an admin set a new password for someone, ending their sessions', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer');
      const short = await post(`/newsroom/users/${writer.userId}/password`, admin, { password: 'short' });
      assert.equal(short.statusCode, 400);
      const res = await post(`/newsroom/users/${writer.userId}/password`, admin, {
        password: 'reset-by-admin',
      });
      assert.equal(res.statusCode, 303);
      assert.equal((await page('/newsroom/account', writer)).statusCode, 302);
      await signInAs(t.app, { email: writer.email, password: 'reset-by-admin' });
    });

    it("shows an admin a user's tokens and lets them revoke one", async () => {
      const writer = await signedInUser(t.app, t.services, 'writer');
      const { token } = await t.services.users.createTokenFor(
        { userId: writer.userId, name: 'w', role: 'writer' },
        'اپ موبایل',
      );
      const [info] = await t.services.users.listTokens({ userId: writer.userId, name: 'w', role: 'writer' });
      const userPage = await page(`/newsroom/users/${writer.userId}`, admin);
      assert.equal(userPage.statusCode, 200);
      assert.match(userPage.body, /اپ موبایل/);
      assert.doesNotMatch(userPage.body, new RegExp(token));
      const res = await post(`/newsroom/users/${writer.userId}/tokens/${info?.id}/revoke`, admin);
      assert.equal(res.statusCode, 303);
      assert.equal((await apiPost(token)).statusCode, 401);
      assert.match((await page(`/newsroom/users/${writer.userId}?done=revoked`, admin)).body, /باطل‌شده/);
    });

    it('answers 404 for a user that does not exist', async () => {
      assert.equal((await page('/newsroom/users/999999', admin)).statusCode, 404);
    });
  });
}
