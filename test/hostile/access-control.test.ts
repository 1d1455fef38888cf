import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../src/features/users/user.js';
import { systemActor } from '../../src/features/users/user.js';
import { createArticle, createImage } from '../support/factories.js';
import { cookieFrom, loginFormToken, type SignedIn, signedInUser } from '../support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../support/test-app.js';
import { type RouteEntry, routeTable } from './route-table.js';

/**
 * Who may use each newsroom and write-API route. A route missing here fails the
 * crawl, so nobody adds a door without saying who holds its key.
 * - public: anyone, no session (login, readers' comment form);
 * - signedIn: any newsroom role (own account, own tokens);
 * - writers: those who write articles (writer, editor, admin; not moderators);
 * - moderators: those who moderate comments (moderator, editor, admin; not writers);
 * - desk: editors and admins; admin: admins only.
 */
type Right = 'public' | 'signedIn' | 'writers' | 'moderators' | 'desk' | 'admin';

const rights: Record<string, Right> = {
  'GET /newsroom': 'signedIn',
  'GET /newsroom/articles': 'writers',
  'POST /newsroom/articles': 'writers',
  'GET /newsroom/articles/new': 'writers',
  'POST /newsroom/articles/autosave': 'writers',
  'GET /newsroom/articles/:newsCode': 'writers',
  'POST /newsroom/articles/:newsCode': 'writers',
  'GET /newsroom/articles/:newsCode/stats': 'writers',
  'POST /newsroom/articles/:newsCode/autosave': 'writers',
  'POST /newsroom/articles/:newsCode/unpublish': 'desk',
  'GET /newsroom/articles/:newsCode/revisions': 'writers',
  'GET /newsroom/articles/:newsCode/revisions/:revisionId': 'writers',
  'POST /newsroom/articles/:newsCode/revisions/:revisionId/restore': 'writers',
  'GET /newsroom/articles/:newsCode/gallery': 'writers',
  'POST /newsroom/articles/:newsCode/gallery': 'writers',
  'GET /newsroom/account': 'signedIn',
  'POST /newsroom/account/password': 'signedIn',
  'GET /newsroom/account/tokens': 'signedIn',
  'POST /newsroom/account/tokens': 'signedIn',
  'POST /newsroom/account/tokens/:id/revoke': 'signedIn',
  'GET /newsroom/login': 'public',
  'POST /newsroom/login': 'public',
  'POST /newsroom/logout': 'signedIn',
  'POST /newsroom/preview': 'writers',
  'GET /newsroom/users': 'admin',
  'POST /newsroom/users': 'admin',
  'GET /newsroom/users/:id': 'admin',
  'POST /newsroom/users/:id/role': 'admin',
  'POST /newsroom/users/:id/disable': 'admin',
  'POST /newsroom/users/:id/enable': 'admin',
  'POST /newsroom/users/:id/password': 'admin',
  'POST /newsroom/users/:id/tokens/:tokenId/revoke': 'admin',
  'GET /newsroom/media': 'writers',
  'POST /newsroom/media': 'writers',
  'GET /newsroom/media.json': 'writers',
  'GET /newsroom/media/:id': 'writers',
  'POST /newsroom/media/:id': 'writers',
  'GET /newsroom/sections': 'desk',
  'POST /newsroom/sections': 'desk',
  'GET /newsroom/sections/:id': 'desk',
  'POST /newsroom/sections/:id': 'desk',
  'POST /newsroom/sections/:id/move': 'desk',
  'POST /newsroom/sections/:id/delete': 'desk',
  'GET /newsroom/tags': 'desk',
  'GET /newsroom/tags.json': 'writers',
  'GET /newsroom/tags/:id': 'desk',
  'POST /newsroom/tags/:id': 'desk',
  'POST /newsroom/tags/:id/merge': 'desk',
  'POST /newsroom/tags/:id/delete': 'desk',
  'POST /newsroom/typography': 'signedIn',
  'GET /newsroom/curation': 'desk',
  'POST /newsroom/curation/top': 'desk',
  'POST /newsroom/curation/top/clear': 'desk',
  'POST /newsroom/curation/picks': 'desk',
  'POST /newsroom/curation/picks/remove': 'desk',
  'POST /newsroom/curation/picks/move': 'desk',
  'GET /newsroom/comments': 'moderators',
  'POST /newsroom/comments/bulk': 'moderators',
  'POST /newsroom/comments/:id/reply': 'moderators',
  'POST /newsroom/comments/:id/:action': 'moderators',
  'POST /news/:newsCode/comments': 'public',
  'POST /api/v1/articles': 'writers',
  'PATCH /api/v1/articles/:newsCode': 'writers',
  'DELETE /api/v1/articles/:newsCode': 'desk',
  'GET /api/v1/comments': 'moderators',
  'POST /api/v1/comments/:id/approve': 'moderators',
  'POST /api/v1/comments/:id/reject': 'moderators',
  'POST /api/v1/typography': 'public',
};

const allowed: Record<Exclude<Right, 'public'>, readonly Role[]> = {
  signedIn: ['writer', 'moderator', 'editor', 'admin'],
  writers: ['writer', 'editor', 'admin'],
  moderators: ['moderator', 'editor', 'admin'],
  desk: ['editor', 'admin'],
  admin: ['admin'],
};

/** Routes whose door this crawl checks: the whole newsroom, and everything on the site or API that is not a plain read. */
function guarded(route: RouteEntry): boolean {
  return route.url.startsWith('/newsroom') || route.method !== 'GET' || route.url === '/api/v1/comments';
}

for (const engine of await enginesUnderTest()) {
  describe(`access control crawl on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let routes: RouteEntry[];
    const people = {} as Record<'writer' | 'moderator', SignedIn & { authorization: string }>;
    const params: Record<string, string> = {};

    before(async () => {
      t = await buildTestApp(engine);
      routes = routeTable(t.app).filter(guarded);
      for (const role of ['writer', 'moderator'] as const) {
        const who = await signedInUser(t.app, t.services, role);
        const { token } = await t.services.users.createApiToken(who.email);
        people[role] = { ...who, authorization: `Bearer ${token}` };
      }
      // Real ids everywhere, so a refusal is the role's and not a 404 for a missing thing.
      const writerActor = { userId: people.writer.userId, name: 'w', role: 'writer' as const };
      const own = await t.services.articles.create(writerActor, {
        title: 'پیش‌نویس خبرنگار',
        body: '<p>متن</p>',
        section: 'society',
        state: 'draft',
      });
      const published = await createArticle(t.services);
      const image = await createImage(t.services);
      const editor = await signedInUser(t.app, t.services, 'editor');
      const tokens = await t.services.users.listTokens(systemActor, people.writer.userId);
      const revisions = await t.services.db.selectFrom('articleRevisions').select('id').limit(1).execute();
      const comment = await t.app.inject({
        method: 'POST',
        url: `/news/${published.newsCode}/comments`,
        headers: { origin: t.config.siteUrl },
        payload: { name: 'خواننده', email: '', body: 'نظری برای آزمون' },
      });
      assert.equal(comment.statusCode, 303);
      const comments = await t.services.db.selectFrom('comments').select('id').execute();
      const tag = await t.services.db.selectFrom('tags').select('id').limit(1).execute();
      const section = (await t.services.sections.list())[0];
      Object.assign(params, {
        newsCode: String(own.newsCode),
        revisionId: String(revisions[0]?.id),
        id: String(image.id),
        tokenId: String(tokens[0]?.id),
        action: 'approve',
      });
      const idFor = (url: string) => {
        if (url.startsWith('/newsroom/comments') || url.startsWith('/api/v1/comments'))
          return comments[0]?.id;
        if (url.startsWith('/newsroom/tags')) return tag[0]?.id;
        if (url.startsWith('/newsroom/sections')) return section?.id;
        if (url.startsWith('/newsroom/users')) return editor.userId;
        if (url.startsWith('/newsroom/account/tokens')) return tokens[0]?.id;
        return image.id;
      };
      resolveUrl = (route) =>
        route.url.replace(/:(\w+)/g, (_, name: string) =>
          name === 'id'
            ? String(idFor(route.url))
            : name === 'newsCode' && route.url.startsWith('/news/')
              ? String(published.newsCode)
              : (params[name] ?? '1'),
        );
    });
    let resolveUrl: (route: RouteEntry) => string = (route) => route.url;
    after(() => t?.close());

    function request(route: RouteEntry, who?: SignedIn & { authorization: string }, withCsrf = true) {
      const url = resolveUrl(route);
      if (url.startsWith('/api/')) {
        return t.app.inject({
          method: route.method as 'GET',
          url,
          headers: who ? { authorization: who.authorization } : {},
          payload: route.method === 'GET' ? undefined : apiBody(route),
        });
      }
      return t.app.inject({
        method: route.method as 'GET',
        url,
        headers: who ? { cookie: who.cookie } : {},
        payload: route.method === 'GET' ? undefined : withCsrf && who ? { _csrf: who.csrf } : {},
      });
    }

    /** Bodies that pass the schema, so that the answer is about the role and not the shape. */
    function apiBody(route: RouteEntry): Record<string, unknown> | undefined {
      if (route.url === '/api/v1/articles') return { title: 'خبر', body: '<p>متن</p>', section: 'society' };
      if (route.method === 'PATCH') return { title: 'تیتر تازه' };
      if (route.url.endsWith('/typography')) return { text: 'متن' };
      return undefined;
    }

    const refused = (status: number, location: unknown) =>
      status === 401 || status === 403 || (status === 302 && String(location).startsWith('/newsroom/login'));

    it('lists a right for every newsroom and write route, so a new door cannot go unnoticed', () => {
      assert.ok(routes.length > 60, `found ${routes.length} guarded routes`);
      const missing = routes.map((r) => `${r.method} ${r.url}`).filter((key) => !(key in rights));
      assert.deepEqual(missing, [], 'routes without an entry in the rights table');
    });

    it('sends visitors without a session to the login form (GET) or refuses them with 401', async () => {
      const wrong: string[] = [];
      for (const route of routes) {
        const right = rights[`${route.method} ${route.url}`];
        if (right === 'public' || route.url === '/newsroom/login') continue;
        const res = await request(route);
        const expected = route.url.startsWith('/newsroom') && route.method === 'GET' ? 302 : 401;
        if (res.statusCode !== expected)
          wrong.push(`${route.method} ${route.url}: ${res.statusCode}, expected ${expected}`);
        if (expected === 302 && !String(res.headers.location).startsWith('/newsroom/login?next=')) {
          wrong.push(`${route.method} ${route.url}: redirected to ${res.headers.location}`);
        }
      }
      assert.deepEqual(wrong, []);
    });

    for (const role of ['writer', 'moderator'] as const) {
      it(`answers a ${role} with 403 exactly where the role lacks the right`, async () => {
        const wrong: string[] = [];
        // Signing out last, so the session lives through the crawl.
        const ordered = [...routes].sort(
          (a, b) => Number(a.url === '/newsroom/logout') - Number(b.url === '/newsroom/logout'),
        );
        for (const route of ordered) {
          const right = rights[`${route.method} ${route.url}`];
          if (!right || right === 'public') continue;
          const res = await request(route, people[role]);
          const may = allowed[right].includes(role);
          const denied = refused(res.statusCode, res.headers.location);
          if (may && denied)
            wrong.push(`${route.method} ${route.url}: ${res.statusCode} though a ${role} may`);
          // An unpublished article is "not found" for those who may not see it, so its news code cannot be probed.
          const hidden = res.statusCode === 404 && route.url.startsWith('/newsroom/articles/:newsCode');
          if (!may && res.statusCode !== 403 && !hidden)
            wrong.push(`${route.method} ${route.url}: ${res.statusCode}, expected 403`);
          if (res.statusCode >= 500) wrong.push(`${route.method} ${route.url}: ${res.statusCode}`);
        }
        assert.deepEqual(wrong, []);
      });
    }

    it('refuses every newsroom form posted without its CSRF token with 403', async () => {
      const who = await signedInUser(t.app, t.services, 'editor');
      const wrong: string[] = [];
      for (const route of routes) {
        if (route.method !== 'POST' || !route.url.startsWith('/newsroom') || route.url === '/newsroom/logout')
          continue;
        const res = await t.app.inject({
          method: 'POST',
          url: resolveUrl(route),
          headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'title=x&name=x&email=x%40x.test&password=a-long-password',
        });
        if (res.statusCode !== 403) wrong.push(`${route.url}: ${res.statusCode}`);
      }
      assert.deepEqual(wrong, []);
      const stillSignedIn = await t.app.inject({
        method: 'GET',
        url: '/newsroom',
        headers: { cookie: who.cookie },
      });
      assert.equal(stillSignedIn.statusCode, 200);
    });

    it('gives a new session at sign-in: a cookie planted before it opens nothing after it', async () => {
      const who = await signedInUser(t.app, t.services, 'editor');
      const planted = 'khabar_session=planted-by-someone-else';
      const form = await t.app.inject({
        method: 'GET',
        url: '/newsroom/login',
        headers: { cookie: planted },
      });
      const loginCsrf = cookieFrom(form.headers['set-cookie'], 'khabar_login_csrf');
      const login = await t.app.inject({
        method: 'POST',
        url: '/newsroom/login',
        headers: { cookie: `${planted}; khabar_login_csrf=${loginCsrf}` },
        payload: {
          email: who.email,
          password: who.password,
          _csrf: loginFormToken(form.body).csrf,
          next: '/newsroom',
        },
      });
      assert.equal(login.statusCode, 303);
      const issued = cookieFrom(login.headers['set-cookie'], 'khabar_session');
      assert.ok(issued && issued !== 'planted-by-someone-else');
      const withPlanted = await t.app.inject({
        method: 'GET',
        url: '/newsroom',
        headers: { cookie: planted },
      });
      assert.equal(withPlanted.statusCode, 302);
      const withIssued = await t.app.inject({
        method: 'GET',
        url: '/newsroom',
        headers: { cookie: `khabar_session=${issued}` },
      });
      assert.equal(withIssued.statusCode, 200);
    });

    it('refuses an API token on every request once it is revoked, reads included', async () => {
      const who = await signedInUser(t.app, t.services, 'editor');
      const actor = { userId: who.userId, name: 'e', role: 'editor' as const };
      const { token, info } = await t.services.users.createTokenFor(actor, 'تلفن همراه');
      const authorization = `Bearer ${token}`;
      const create = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/articles',
          headers: { authorization },
          payload: { title: 'خبر با توکن', body: '<p>متن</p>', section: 'society' },
        });
      assert.equal((await create()).statusCode, 201);
      const revoke = await t.app.inject({
        method: 'POST',
        url: `/newsroom/account/tokens/${info.id}/revoke`,
        headers: { cookie: who.cookie },
        payload: { _csrf: who.csrf },
      });
      assert.ok(revoke.statusCode < 400, `revoke answered ${revoke.statusCode}`);
      assert.equal((await create()).statusCode, 401);
      const read = await t.app.inject({ method: 'GET', url: '/api/v1/articles', headers: { authorization } });
      assert.equal(read.statusCode, 401);
      assert.equal(read.json().error.code, 'unauthorized');
    });
  });
}
