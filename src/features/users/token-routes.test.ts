import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type SignedIn, signedInUser } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';

for (const engine of await enginesUnderTest()) {
  describe(`API tokens in the newsroom on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
    });
    after(() => t?.close());

    const page = (url: string, who: { cookie: string }) =>
      t.app.inject({ url, headers: { cookie: who.cookie } });
    const post = (url: string, who: SignedIn, fields = {}) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: who.cookie },
        payload: { _csrf: who.csrf, ...fields },
      });
    const apiPost = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/articles',
        headers: { authorization: `Bearer ${token}` },
        payload: {
          title: 'خبر با توکن',
          lead: 'لید',
          body: '<p>متن</p>',
          section: 'politics',
          state: 'draft',
        },
      });
    const secretOn = (html: string) => /id="token-secret"[^>]*value="(khb_[^"]+)"/.exec(html)?.[1];

    async function createToken(who: SignedIn, label: string) {
      const res = await post('/newsroom/account/tokens', who, { label });
      assert.equal(res.statusCode, 201, res.body.slice(0, 300));
      const token = secretOn(res.body);
      assert.ok(token, 'the new token is on the page');
      const [info] = await t.services.users.listTokens({ userId: who.userId, name: '', role: 'writer' });
      assert.ok(info);
      return { res, token, id: info.id };
    }

    it('shows a new token once, in a read-only field, on an uncached page; it works on the API', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer');
      const { res, token } = await createToken(writer, 'اپ اندروید');
      assert.equal(res.headers['cache-control'], 'private, no-store');
      assert.match(res.body, /<input id="token-secret" type="text" readonly/);
      assert.match(res.body, /فقط همین یک بار نشان داده می‌شود/);
      const again = await page('/newsroom/account/tokens', writer);
      assert.equal(again.statusCode, 200);
      assert.match(again.body, /اپ اندروید/);
      assert.match(again.body, /هنوز به کار نرفته/);
      assert.equal(again.body.includes(token), false);
      assert.equal(secretOn(again.body), undefined);
      assert.equal((await apiPost(token)).statusCode, 201);
    });

    it('stores only a hash of the token', async () => {
      const editor = await signedInUser(t.app, t.services, 'editor');
      const { token } = await createToken(editor, 'اسکریپت');
      const rows = await t.services.db.selectFrom('apiTokens').select('tokenHash').execute();
      assert.ok(rows.every((row) => row.tokenHash !== token && row.tokenHash.length === 64));
    });

    it('every role may make a token, and it carries that role: a moderator token cannot write', async () => {
      const moderator = await signedInUser(t.app, t.services, 'moderator');
      const { token } = await createToken(moderator, 'ابزار نظرها');
      assert.equal((await apiPost(token)).statusCode, 403);
    });

    it('revoking a token makes the API answer 401 at once', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer');
      const { token, id } = await createToken(writer, 'یکبارمصرف');
      assert.equal((await apiPost(token)).statusCode, 201);
      const res = await post(`/newsroom/account/tokens/${id}/revoke`, writer);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/newsroom/account/tokens?done=revoked');
      assert.equal((await apiPost(token)).statusCode, 401);
      const listed = await page('/newsroom/account/tokens?done=revoked', writer);
      assert.match(listed.body, /توکن باطل شد/);
      assert.match(listed.body, /باطل‌شده در/);
    });

    it("a writer cannot revoke someone else's token, nor see it", async () => {
      const owner = await signedInUser(t.app, t.services, 'editor');
      const { token, id } = await createToken(owner, 'توکن دبیر');
      const other = await signedInUser(t.app, t.services, 'writer');
      const res = await post(`/newsroom/account/tokens/${id}/revoke`, other);
      assert.equal(res.statusCode, 404);
      assert.equal((await apiPost(token)).statusCode, 201);
      assert.doesNotMatch((await page('/newsroom/account/tokens', other)).body, /توکن دبیر/);
      const viaAdminRoute = await post(`/newsroom/users/${owner.userId}/tokens/${id}/revoke`, other);
      assert.equal(viaAdminRoute.statusCode, 403);
      assert.equal((await apiPost(token)).statusCode, 201);
    });

    it('asks for a label and keeps what was typed when it is too long', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer');
      const empty = await post('/newsroom/account/tokens', writer, { label: '  ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /برچسبی بنویسید/);
      const long = 'ب'.repeat(81);
      const tooLong = await post('/newsroom/account/tokens', writer, { label: long });
      assert.equal(tooLong.statusCode, 400);
      assert.ok(tooLong.body.includes(`value="${long}"`));
      assert.equal(secretOn(tooLong.body), undefined);
    });

    it('refuses to make a token without the CSRF token or a session', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer');
      const noCsrf = await t.app.inject({
        method: 'POST',
        url: '/newsroom/account/tokens',
        headers: { cookie: writer.cookie },
        payload: { label: 'بی‌توکن' },
      });
      assert.equal(noCsrf.statusCode, 403);
      const noSession = await t.app.inject({
        method: 'POST',
        url: '/newsroom/account/tokens',
        payload: { label: 'x' },
      });
      assert.equal(noSession.statusCode, 401);
      assert.equal(
        (await t.services.users.listTokens({ userId: writer.userId, name: '', role: 'writer' })).length,
        0,
      );
    });
  });
}
