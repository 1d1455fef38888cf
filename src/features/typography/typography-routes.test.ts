import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUserWithToken } from '../../../test/support/factories.js';
import { type SignedIn, signedInUser } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';

const Z = '\u200c';
const draft = 'نمایندگان مي گويند همکاری ها در سال 1402 بیشتر شد, اما "تورم" بالاست';
const fixed = `نمایندگان می${Z}گویند همکاری${Z}ها در سال ۱۴۰۲ بیشتر شد، اما «تورم» بالاست`;

for (const engine of await enginesUnderTest()) {
  describe(`typography API and newsroom endpoint on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let writer: { authorization: string };
    let desk: SignedIn;
    before(async () => {
      t = await buildTestApp(engine);
      writer = await createUserWithToken(t.services, 'writer');
      desk = await signedInUser(t.app, t.services, 'writer');
    });
    after(() => t?.close());

    const api = (
      payload: unknown,
      headers: Record<string, string> = { authorization: writer.authorization },
    ) => t.app.inject({ method: 'POST', url: '/api/v1/typography', headers, payload: payload as object });

    it('answers the fixed text and suggestions whose offsets are in the text sent', async () => {
      const res = await api({ text: draft });
      assert.equal(res.statusCode, 200);
      const body = res.json() as {
        text: string;
        suggestions: { start: number; end: number; replacement: string; rule: string }[];
      };
      assert.equal(body.text, fixed);
      assert.deepEqual(
        body.suggestions.map((s) => s.rule),
        ['arabic-letters+zwnj', 'zwnj', 'digits', 'punctuation', 'quotes'],
      );
      const first = body.suggestions[0];
      assert.equal(draft.slice(first?.start, first?.end), 'مي گويند');
      assert.equal(first?.replacement, `می${Z}گویند`);
    });

    it('proposes nothing for its own output', async () => {
      const res = await api({ text: fixed });
      assert.deepEqual(res.json(), { text: fixed, suggestions: [] });
    });

    it('requires an API token', async () => {
      const res = await api({ text: draft }, {});
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'unauthorized');
    });

    it('refuses a text over 200,000 characters with a JSON 413 that says so', async () => {
      const res = await api({ text: 'ا'.repeat(200_001) });
      assert.equal(res.statusCode, 413);
      const { error } = res.json() as { error: { code: string; message: string } };
      assert.equal(error.code, 'text_too_long');
      assert.match(error.message, /۲۰۰٬?۰۰۰|۲۰۰۰۰۰/);
    });

    it('accepts exactly 200,000 characters', async () => {
      const res = await api({ text: 'ا'.repeat(200_000) });
      assert.equal(res.statusCode, 200);
    });

    it('answers 400 in JSON when the text is missing or not a string', async () => {
      for (const payload of [{}, { text: 12 }, { text: 'الف', extra: true }]) {
        const res = await api(payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().error.code, 'invalid_input');
      }
    });

    it('is described in the OpenAPI document with its token requirement', async () => {
      const doc = (await t.app.inject('/api/openapi.json')).json();
      const operation = doc.paths['/api/v1/typography']?.post;
      assert.ok(operation, 'the route is in the document');
      assert.deepEqual(operation.security, [{ bearer: [] }]);
      assert.ok(operation.responses['413']);
    });

    it('gives the newsroom editor suggestions for several texts under its session and form token', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/newsroom/typography',
        headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrf, accept: 'application/json' },
        payload: { texts: ['تيتر خبر', draft, ''] },
      });
      assert.equal(res.statusCode, 200);
      const { results } = res.json() as { results: { text: string }[] };
      assert.deepEqual(
        results.map((r) => r.text),
        ['تیتر خبر', fixed, ''],
      );
    });

    it('refuses the newsroom endpoint without the form token or without a session', async () => {
      const noToken = await t.app.inject({
        method: 'POST',
        url: '/newsroom/typography',
        headers: { cookie: desk.cookie, accept: 'application/json' },
        payload: { texts: [draft] },
      });
      assert.equal(noToken.statusCode, 403);
      const noSession = await t.app.inject({
        method: 'POST',
        url: '/newsroom/typography',
        headers: { accept: 'application/json' },
        payload: { texts: [draft] },
      });
      assert.equal(noSession.statusCode, 401);
      assert.equal(noSession.json().error.code, 'unauthorized');
    });

    it('bounds the newsroom request by the texts’ total length', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/newsroom/typography',
        headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrf, accept: 'application/json' },
        payload: { texts: ['ب'.repeat(150_000), 'ب'.repeat(60_000)] },
      });
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().error.code, 'text_too_long');
    });
  });
}
