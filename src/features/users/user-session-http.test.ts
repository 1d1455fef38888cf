import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cookieFrom, loginFormToken, signedInUser, signInAs } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { safeNext } from './user-login-routes.js';

for (const engine of await enginesUnderTest()) {
  describe(`newsroom sign-in on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
    });
    after(() => t?.close());

    async function attempt(email: string, password: string) {
      const form = await t.app.inject('/newsroom/login');
      const loginCsrf = cookieFrom(form.headers['set-cookie'], 'khabar_login_csrf');
      return t.app.inject({
        method: 'POST',
        url: '/newsroom/login',
        headers: { cookie: `khabar_login_csrf=${loginCsrf}` },
        payload: { email, password, _csrf: loginFormToken(form.body).csrf, next: '/newsroom/account' },
      });
    }

    it('signs in with a hashed, httpOnly, SameSite=Lax, Secure session cookie and lands on next', async () => {
      await t.services.users.createUser({
        email: 'Reza@Newsroom.test',
        name: 'رضا',
        role: 'writer',
        password: 'a-long-password',
      });
      const res = await attempt('reza@newsroom.test', 'a-long-password');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/newsroom/account');
      const line = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('khabar_session='));
      assert.match(line ?? '', /HttpOnly/);
      assert.match(line ?? '', /SameSite=Lax/);
      assert.match(line ?? '', /Secure/);
      assert.match(line ?? '', /Path=\/newsroom/);
      const token = cookieFrom(res.headers['set-cookie'], 'khabar_session') ?? '';
      const stored = await t.services.db.selectFrom('sessions').select('tokenHash').execute();
      assert.ok(stored.length > 0);
      assert.ok(stored.every((s) => s.tokenHash !== token && s.tokenHash.length === 64));
      const page = await t.app.inject({
        url: '/newsroom/account',
        headers: { cookie: `khabar_session=${token}` },
      });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /رضا/);
      assert.equal(page.headers['cache-control'], 'private, no-store');
    });

    it('answers a wrong password in Persian, keeps the email and names neither field', async () => {
      await t.services.users.createUser({
        email: 'sara@newsroom.test',
        name: 'سارا',
        role: 'writer',
        password: 'a-long-password',
      });
      const wrong = await attempt('sara@newsroom.test', 'not-the-password');
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /ایمیل یا گذرواژه درست نیست/);
      assert.match(wrong.body, /value="sara@newsroom.test"/);
      const unknown = await attempt('nobody@newsroom.test', 'whatever-password');
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /ایمیل یا گذرواژه درست نیست/);
    });

    it('locks an account for a while after five wrong passwords, even against the right one', async () => {
      await t.services.users.createUser({
        email: 'target@newsroom.test',
        name: 'هدف',
        role: 'editor',
        password: 'the-right-password',
      });
      for (let i = 0; i < 4; i += 1)
        assert.equal((await attempt('target@newsroom.test', `guess-${i}`)).statusCode, 400);
      const fifth = await attempt('target@newsroom.test', 'guess-5');
      assert.equal(fifth.statusCode, 429);
      assert.match(fifth.body, /ورود تا ساعت/);
      assert.ok(Number(fifth.headers['retry-after']) > 0);
      const right = await attempt('target@newsroom.test', 'the-right-password');
      assert.equal(right.statusCode, 429);
      assert.equal(cookieFrom(right.headers['set-cookie'], 'khabar_session'), undefined);
    });

    it('refuses a login form posted without its own token (login CSRF)', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/newsroom/login',
        payload: { email: 'reza@newsroom.test', password: 'a-long-password' },
      });
      assert.equal(res.statusCode, 403);
      assert.equal(cookieFrom(res.headers['set-cookie'], 'khabar_session'), undefined);
    });

    it('sends visitors without a session to the login form, and refuses their POSTs with 401', async () => {
      const page = await t.app.inject('/newsroom/account');
      assert.equal(page.statusCode, 302);
      assert.equal(page.headers.location, '/newsroom/login?next=%2Fnewsroom%2Faccount');
      const planted = await t.app.inject({
        url: '/newsroom/account',
        headers: { cookie: 'khabar_session=planted' },
      });
      assert.equal(planted.statusCode, 302);
      const post = await t.app.inject({ method: 'POST', url: '/newsroom/account/password', payload: {} });
      assert.equal(post.statusCode, 401);
      assert.match(post.body, /دوباره وارد شوید/);
    });

    it('refuses a POST whose CSRF token is missing or wrong, and accepts the right one', async () => {
      const me = await signedInUser(t.app, t.services, 'writer');
      const payload = { current: me.password, next: 'a-newer-password', repeat: 'a-newer-password' };
      for (const token of [undefined, 'forged']) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/newsroom/account/password',
          headers: { cookie: me.cookie },
          payload: token ? { ...payload, _csrf: token } : payload,
        });
        assert.equal(res.statusCode, 403);
        assert.match(res.body, /فرم منقضی شده/);
      }
      const ok = await t.app.inject({
        method: 'POST',
        url: '/newsroom/account/password',
        headers: { cookie: me.cookie },
        payload: { ...payload, _csrf: me.csrf },
      });
      assert.equal(ok.statusCode, 303);
    });

    it('changing the password ends the other sessions and keeps this one', async () => {
      const me = await signedInUser(t.app, t.services, 'editor');
      const other = await signInAs(t.app, me);
      const res = await t.app.inject({
        method: 'POST',
        url: '/newsroom/account/password',
        headers: { cookie: me.cookie },
        payload: {
          _csrf: me.csrf,
          current: me.password,
          next: 'brand-new-secret',
          repeat: 'brand-new-secret',
        },
      });
      assert.equal(res.statusCode, 303);
      assert.equal(
        (await t.app.inject({ url: '/newsroom/account', headers: { cookie: me.cookie } })).statusCode,
        200,
      );
      assert.equal(
        (await t.app.inject({ url: '/newsroom/account', headers: { cookie: other.cookie } })).statusCode,
        302,
      );
      await signInAs(t.app, { email: me.email, password: 'brand-new-secret' });
    });

    it('starts each role where its work is: the dashboard for writers, the comment queue for moderators', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer');
      const moderator = await signedInUser(t.app, t.services, 'moderator');
      const toDesk = await t.app.inject({ url: '/newsroom', headers: { cookie: writer.cookie } });
      assert.equal(toDesk.statusCode, 200);
      const toAccount = await t.app.inject({ url: '/newsroom', headers: { cookie: moderator.cookie } });
      assert.equal(toAccount.headers.location, '/newsroom/comments');
    });

    it('logs out: the old cookie no longer opens anything', async () => {
      const me = await signedInUser(t.app, t.services, 'moderator');
      const res = await t.app.inject({
        method: 'POST',
        url: '/newsroom/logout',
        headers: { cookie: me.cookie },
        payload: { _csrf: me.csrf },
      });
      assert.equal(res.statusCode, 303);
      assert.equal(
        (await t.app.inject({ url: '/newsroom/account', headers: { cookie: me.cookie } })).statusCode,
        302,
      );
    });
  });
}

describe('safeNext', () => {
  it('keeps newsroom paths and turns everything else into /newsroom', () => {
    assert.equal(safeNext('/newsroom/articles?state=draft'), '/newsroom/articles?state=draft');
    for (const bad of [
      'https://evil.test',
      '//evil.test',
      '/newsroomevil',
      '/newsroom\\@evil',
      '/',
      undefined,
    ]) {
      assert.equal(safeNext(bad), '/newsroom', String(bad));
    }
  });
});
