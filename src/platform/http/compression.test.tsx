import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { acceptedEncodings, compressForClient } from './compression.js';
import { sendPage } from './render.js';

function page() {
  return (
    <html lang="fa" dir="rtl">
      <body>
        <p>{'خبر '.repeat(500)}</p>
      </body>
    </html>
  );
}

describe('compressForClient', () => {
  const app = Fastify();
  app.addHook('onSend', async (request, reply, payload) => compressForClient(request, reply, payload));
  app.get('/', (_request, reply) => sendPage(reply, page()));
  app.get('/small', (_request, reply) => sendPage(reply, <p>خبر</p>));

  it('sends brotli to a client that takes it, and the same HTML comes out', async () => {
    const res = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(res.headers.vary, 'Accept-Encoding');
    const html = brotliDecompressSync(res.rawPayload).toString();
    assert.ok(html.startsWith('<!doctype html><html lang="fa" dir="rtl">'));
    assert.ok(res.rawPayload.length < html.length / 10);
  });

  it('falls back to gzip, and to plain HTML for a client that takes neither', async () => {
    const gzip = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, br;q=0' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(gzip.rawPayload).toString(), /خبر/);
    const plain = await app.inject({ url: '/' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.body, /خبر/);
  });

  it('leaves a page too small to gain from it alone', async () => {
    const res = await app.inject({ url: '/small', headers: { 'accept-encoding': 'br' } });
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.body, '<!doctype html><p>خبر</p>');
  });
});

describe('acceptedEncodings', () => {
  it('drops encodings refused with q=0', () => {
    assert.deepEqual([...acceptedEncodings('gzip;q=1.0, br; q=0, identity')], ['gzip', 'identity']);
    assert.deepEqual([...acceptedEncodings(undefined)], []);
  });
});
