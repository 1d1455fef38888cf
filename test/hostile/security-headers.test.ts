import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { systemActor } from '../../src/features/users/user.js';
import { createArticle, createImage } from '../support/factories.js';
import { cookieFrom, type SignedIn, signedInUser } from '../support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../support/test-app.js';

const requiredDirectives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The promises every HTML page keeps, whether it came from the handler or from the page cache. */
function assertHardened(res: LightMyRequestResponse, where: string) {
  const csp = String(res.headers['content-security-policy'] ?? '');
  for (const directive of requiredDirectives)
    assert.ok(csp.includes(directive), `${where}: CSP lacks ${directive}`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, `${where}: CSP allows too much`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', where);
  assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', where);
  assert.equal(res.headers['x-frame-options'], 'DENY', where);
  assert.match(String(res.headers['strict-transport-security']), /max-age=\d{7,}/, where);
  // Inline code or style would be blocked by the policy above, so a page relying on it is broken.
  const inlineScripts = res.body.match(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/g);
  assert.equal(inlineScripts, null, `${where}: inline script ${inlineScripts?.[0]}`);
  assert.doesNotMatch(res.body, /<style[\s>]/, `${where}: a <style> element`);
  assert.doesNotMatch(res.body, /\sstyle="/, `${where}: a style attribute`);
  assert.doesNotMatch(res.body, /\son[a-z]+="/, `${where}: an inline event handler`);
}

for (const engine of await enginesUnderTest()) {
  describe(`security headers on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let editor: SignedIn;
    let publicPages: string[] = [];

    before(async () => {
      t = await buildTestApp(engine); // served as https://khabar.test
      editor = await signedInUser(t.app, t.services, 'editor');
      const article = await createArticle(t.services);
      const story = await createArticle(t.services, { kind: 'photoStory', title: 'روایت تصویری بازار' });
      const image = await createImage(t.services, 'غرفه‌های بازار');
      await t.services.articles.update(systemActor, story.newsCode, {
        gallery: [{ imageId: image.id, caption: 'غرفه‌ها' }],
      });
      publicPages = [
        '/',
        `/news/${article.newsCode}/${encodeURIComponent(article.slug)}`,
        `/news/${story.newsCode}/${encodeURIComponent(story.slug)}`,
        '/section/society',
        '/search?q=%D8%A8%D8%A7%D8%B1%D8%B4',
        '/archive',
        '/most-viewed',
        '/news/999999',
      ];
    });
    after(() => t?.close());

    it('hardens every public page, on a cache miss and on the cache hit that replays it', async () => {
      for (const url of publicPages) {
        const first = await t.app.inject({ method: 'GET', url });
        assertHardened(first, `${url} (first)`);
        const second = await t.app.inject({ method: 'GET', url });
        assertHardened(second, `${url} (again)`);
      }
      const home = await t.app.inject({ method: 'GET', url: '/' });
      assert.equal(home.headers['x-cache'], 'HIT', 'the home page came from the cache');
    });

    it('keeps the headers on a cache hit served over real HTTP, where hits skip Fastify', async () => {
      const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
      await fetch(`${origin}/section/society`);
      const hit = await fetch(`${origin}/section/society`);
      assert.equal(hit.headers.get('x-cache'), 'HIT');
      for (const directive of requiredDirectives) {
        assert.ok(String(hit.headers.get('content-security-policy')).includes(directive), directive);
      }
      assert.equal(hit.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(hit.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
      assert.match(String(hit.headers.get('strict-transport-security')), /max-age/);
    });

    it('hardens the newsroom pages, the login form and the editor', async () => {
      for (const url of ['/newsroom/login', '/newsroom', '/newsroom/articles', '/newsroom/articles/new']) {
        // Signed in, the login form sends one on to the newsroom; it is asked for without the session.
        const cookie = url === '/newsroom/login' ? '' : editor.cookie;
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
        assert.equal(res.statusCode, 200, url);
        assertHardened(res, url);
        assert.match(String(res.headers['cache-control']), /no-store/, url);
      }
    });

    it('sends nosniff and HSTS with the JSON API and feeds too', async () => {
      for (const url of ['/api/v1/articles', '/rss', '/sitemap.xml']) {
        const res = await t.app.inject({ method: 'GET', url });
        assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
        assert.match(String(res.headers['strict-transport-security']), /max-age/, url);
      }
    });

    it('marks the session cookie Secure, httpOnly and SameSite on an https site', async () => {
      const form = await t.app.inject({ method: 'GET', url: '/newsroom/login' });
      const set = [form.headers['set-cookie']].flat().join('\n');
      assert.match(set, /khabar_login_csrf=[^;]+;.*Secure/);
      const session = await signedInUser(t.app, t.services, 'writer');
      assert.ok(session.cookie.startsWith('khabar_session='));
    });
  });
}

describe('security headers on a plain-http site', () => {
  let t: TestApp;
  before(async () => {
    const [sqlite] = await enginesUnderTest();
    t = await buildTestApp(sqlite!, { env: { KHABAR_SITE_URL: 'http://127.0.0.1:8080' } });
  });
  after(() => t?.close());

  it('sends no HSTS and sets cookies without Secure, which a browser would drop over http', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(home.headers['strict-transport-security'], undefined);
    assert.match(String(home.headers['content-security-policy']), /frame-ancestors 'none'/);
    const form = await t.app.inject({ method: 'GET', url: '/newsroom/login' });
    assert.ok(cookieFrom(form.headers['set-cookie'], 'khabar_login_csrf'));
    assert.doesNotMatch([form.headers['set-cookie']].flat().join('\n'), /Secure/);
  });
});
