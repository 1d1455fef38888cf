import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createArticle, createUserWithToken } from '../support/factories.js';
import { type SignedIn, signedInUser } from '../support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../support/test-app.js';
import { type RouteEntry, routeTable } from './route-table.js';

/** Classic injection strings; none contains the error texts looked for below, so an echo is not a leak. */
const sqlInjections = [
  "' OR '1'='1",
  "1' OR 1=1 --",
  "'; DROP TABLE articles; --",
  '1; DELETE FROM users',
  "' UNION SELECT password_hash, email FROM users --",
  '1 AND (SELECT 1 FROM (SELECT SLEEP(1))x)',
  "\\'; SELECT pg_sleep(1); --",
  '") OR ("x"="x',
  '1e309',
  '-1',
  '%',
  '*',
  '"',
];

/** What an engine or a stack trace says when it fails; a page carrying one of these leaked an error. */
const leakedError =
  /SQLITE_[A-Z]|SqliteError|syntax error at or near|: syntax error|unterminated quoted|invalid input syntax|unrecognized token|no such column|relation "[a-z_]+"|at [\w.<>]+ \(.*\.[jt]sx?:\d+|node_modules/;

const queryNames = [
  'q',
  'page',
  'cursor',
  'section',
  'tag',
  'kind',
  'from',
  'to',
  'limit',
  'state',
  'newsCode',
  'writer',
  'window',
  'done',
  'next',
];

const formNames = [
  'title',
  'lead',
  'body',
  'tags',
  'section',
  'name',
  'slug',
  'email',
  'password',
  'label',
  'q',
  'alt',
  'caption',
  'credit',
  'role',
  'ids',
  'newsCode',
  'position',
  'into',
  'text',
  'action',
  'parentId',
];

for (const engine of await enginesUnderTest()) {
  describe(`hostile requests on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let editor: SignedIn;
    let routes: RouteEntry[];
    let newsCode = 0;

    before(async () => {
      t = await buildTestApp(engine);
      editor = await signedInUser(t.app, t.services, 'editor');
      newsCode = (await createArticle(t.services)).newsCode;
      routes = routeTable(t.app);
    });
    after(() => t?.close());

    const withParams = (url: string, value: string) => url.replace(/:\w+/g, encodeURIComponent(value));

    it('answers SQL injection in every path and query parameter without a 500 or an engine error', async () => {
      const wrong: string[] = [];
      for (const route of routes.filter((r) => r.method === 'GET' && r.url !== '/*')) {
        for (const value of sqlInjections) {
          const query = queryNames.map((name) => `${name}=${encodeURIComponent(value)}`).join('&');
          const res = await t.app.inject({
            method: 'GET',
            url: `${withParams(route.url, value)}?${query}`,
            headers: { cookie: editor.cookie },
          });
          if (res.statusCode >= 500 || leakedError.test(res.body)) {
            wrong.push(`${route.url} ${value}: ${res.statusCode} ${res.body.match(leakedError)?.[0] ?? ''}`);
          }
        }
      }
      assert.deepEqual(wrong, []);
    });

    it('answers SQL injection in every form field of every POST without a 500 or an engine error', async () => {
      const wrong: string[] = [];
      const posts = routes.filter(
        (r) => r.method === 'POST' && !r.url.startsWith('/api/') && r.url !== '/newsroom/logout',
      );
      for (const route of posts) {
        for (const value of sqlInjections) {
          const fields = Object.fromEntries(formNames.map((name) => [name, value]));
          const res = await t.app.inject({
            method: 'POST',
            url: withParams(route.url.replace(':newsCode', String(newsCode)), value),
            headers: { cookie: editor.cookie, origin: t.config.siteUrl },
            payload: { ...fields, _csrf: editor.csrf },
          });
          if (res.statusCode >= 500 || leakedError.test(res.body)) {
            wrong.push(`${route.url} ${value}: ${res.statusCode} ${res.body.match(leakedError)?.[0] ?? ''}`);
          }
        }
      }
      assert.deepEqual(wrong, []);
      const home = await t.app.inject({ method: 'GET', url: '/' });
      assert.equal(home.statusCode, 200, 'the site still works, its tables all there');
    });

    it('answers SQL injection in the API’s JSON bodies with 4xx or success, never a 500', async () => {
      const writer = await createUserWithToken(t.services, 'editor');
      for (const value of sqlInjections) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/articles',
          headers: { authorization: writer.authorization },
          payload: { title: value, lead: value, body: `<p>${value}</p>`, section: value, tags: [value] },
        });
        assert.ok(res.statusCode < 500 && !leakedError.test(res.body), `${value}: ${res.statusCode}`);
        if (res.statusCode >= 400) assert.equal(typeof res.json().error.message, 'string');
      }
    });

    it('refuses nonsense page numbers and limits with a clear answer, never a 500', async () => {
      const lists = [
        '/',
        '/section/society',
        '/tag/x',
        '/search',
        '/archive',
        '/most-viewed',
        '/api/v1/articles',
        '/api/v1/search',
      ];
      const values = ['-1', '0', '1.5', 'abc', '99999999999999999999', '1e309', '-99999999999', '%00', ''];
      const wrong: string[] = [];
      for (const url of lists) {
        for (const value of values) {
          for (const name of ['page', 'limit', 'cursor']) {
            const res = await t.app.inject({
              method: 'GET',
              url: `${url}?${name}=${encodeURIComponent(value)}&q=x`,
            });
            if (res.statusCode >= 500) wrong.push(`${url}?${name}=${value}: ${res.statusCode}`);
            if (res.statusCode >= 400 && res.statusCode !== 404 && url.startsWith('/api/')) {
              if (typeof res.json().error?.message !== 'string')
                wrong.push(`${url}?${name}=${value}: no message`);
            }
          }
        }
      }
      assert.deepEqual(wrong, []);
    });

    it('refuses malformed percent-encoding and invalid UTF-8 in paths with 4xx, and reads such a query leniently', async () => {
      const paths = [
        '/news/%C3%28',
        '/news/%',
        '/tag/%FF%FE',
        '/section/%E0%A4%A',
        '/%zz',
        '/archive/%FF/%FF',
        `/news/${'9'.repeat(400)}`,
      ];
      for (const url of paths) {
        const res = await t.app.inject({ method: 'GET', url });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
        assert.ok(!leakedError.test(res.body), `${url} leaked an error`);
      }
      // A query is decoded with U+FFFD in place of a broken byte, as browsers do with form input: a search for it is harmless.
      const queries = [
        '/search?q=%C3%28',
        '/search?q=%E0%A4%A',
        '/search?q=%',
        '/newsroom/login?next=%FF',
        '/api/v1/articles?section=%C3%28',
      ];
      for (const url of queries) {
        const res = await t.app.inject({ method: 'GET', url });
        assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
        assert.ok(!leakedError.test(res.body), `${url} leaked an error`);
      }
    });

    it('refuses an oversized body with 413: a comment over 32 KB, an API article over 2 MB', async () => {
      const comment = await t.app.inject({
        method: 'POST',
        url: `/news/${newsCode}/comments`,
        headers: { origin: t.config.siteUrl, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `name=x&body=${'ب'.repeat(40_000)}`,
      });
      assert.equal(comment.statusCode, 413);
      assert.match(comment.body, /lang="fa"/);
      const writer = await createUserWithToken(t.services, 'editor');
      const article = await t.app.inject({
        method: 'POST',
        url: '/api/v1/articles',
        headers: { authorization: writer.authorization },
        payload: { title: 'بزرگ', body: `<p>${'x'.repeat(3 * 1024 * 1024)}</p>`, section: 'society' },
      });
      assert.equal(article.statusCode, 413);
      assert.equal(typeof article.json().error.code, 'string');
    });

    it('refuses a JSON body that is broken or not UTF-8 with a 400 in JSON', async () => {
      const writer = await createUserWithToken(t.services, 'editor');
      for (const payload of [
        Buffer.from('{"title": "خبر", "body": '),
        Buffer.concat([
          Buffer.from('{"title": "'),
          Buffer.from([0xff, 0xfe, 0xc3]),
          Buffer.from('", "body": "x", "section": "society"}'),
        ]),
        Buffer.from('not json at all'),
      ]) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/articles',
          headers: { authorization: writer.authorization, 'content-type': 'application/json' },
          payload,
        });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${res.statusCode} ${res.body}`);
        assert.equal(typeof res.json().error.message, 'string');
      }
    });

    it('over real HTTP: a huge query string and a raw invalid byte get 4xx and the server keeps serving', async () => {
      const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = new URL(origin);
      // A raw socket, because Node's own client gives up writing once the server has answered a huge header.
      const raw = (path: string) =>
        new Promise<number>((resolve, reject) => {
          const socket = connect(Number(port), '127.0.0.1');
          let answer = '';
          socket.on('data', (chunk) => {
            answer += chunk.toString('latin1');
          });
          socket.on('error', () => socket.destroy());
          socket.on('close', () => {
            const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
            if (status) resolve(Number(status));
            else reject(new Error(`no answer for ${path.slice(0, 40)}`));
          });
          socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1');
        });
      const huge = await raw(`/search?q=${encodeURIComponent('ا'.repeat(30_000))}`);
      assert.ok(huge >= 400 && huge < 500, `huge query: ${huge}`);
      const hugeAscii = await raw(`/?page=${'9'.repeat(100_000)}`);
      assert.ok(hugeAscii >= 400 && hugeAscii < 500, `huge page number: ${hugeAscii}`);
      const invalidByte = await raw('/search?q=\xff\xfe');
      assert.ok(invalidByte >= 200 && invalidByte < 500, `raw invalid byte: ${invalidByte}`);
      assert.equal(await raw('/'), 200);
    });
  });
}
