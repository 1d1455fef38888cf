import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';

const [engine] = await enginesUnderTest();
const packageFonts = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vazirmatn/package.json')),
  'fonts/webfonts',
);
const browser = {
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'Mozilla/5.0 (Linux; Android 14) Mobile',
};

describe('assets and page weight', { skip: engine?.skip }, () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(engine ?? assert.fail('an engine'));
  });
  after(() => t?.close());

  async function stylesheetUrl(): Promise<string> {
    const home = await t.app.inject('/');
    return home.body.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1] ?? assert.fail('a stylesheet link');
  }

  it('sends the stylesheet compressed once at build time, for a year', async () => {
    const res = await t.app.inject({ url: await stylesheetUrl(), headers: browser });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.match(String(res.headers['cache-control']), /max-age=31536000, immutable/);
    assert.deepEqual(brotliDecompressSync(res.rawPayload), readFileSync('public/site.css'));
  });

  it('serves fonts cut down to Persian and Latin, shown with font-display: swap', async () => {
    for (const weight of ['Regular', 'Bold']) {
      const res = await t.app.inject(`/assets/fonts/Vazirmatn-${weight}.woff2`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'font/woff2');
      assert.match(String(res.headers['cache-control']), /immutable/);
      const full = statSync(path.join(packageFonts, `Vazirmatn-${weight}.woff2`)).size;
      assert.ok(res.rawPayload.length < full * 0.8, `${weight}: ${res.rawPayload.length} of ${full} bytes`);
    }
    const css = readFileSync('public/site.css', 'utf8');
    assert.equal(css.match(/font-display: swap/g)?.length, 2);
    assert.equal(css.match(/unicode-range:\s[^;]*U\+0600-06FF/g)?.length, 2);
  });

  it('keeps an article page and its stylesheet within 30 KB compressed, with nothing from other hosts', async () => {
    const article = await createArticle(t.services, {
      body: `<p>${'مجلس شورای اسلامی امروز کلیات لایحهٔ بودجهٔ سال آینده را بررسی کرد. '.repeat(60)}</p>`,
    });
    const page = await t.app.inject({
      url: `/news/${article.newsCode}/${encodeURIComponent(article.slug)}`,
      headers: browser,
    });
    assert.equal(page.headers['content-encoding'], 'br');
    const css = await t.app.inject({ url: await stylesheetUrl(), headers: browser });
    const weight = page.rawPayload.length + css.rawPayload.length;
    assert.ok(weight <= 30 * 1024, `${weight} bytes`);
    const html = brotliDecompressSync(page.rawPayload).toString();
    // Links to share the article are the reader's choice; what the page loads by itself is not.
    for (const load of html.matchAll(
      /<(?:img|script|link|iframe|source|video|audio)\b[^>]*\b(?:src|href|srcset)="(?:https?:)?\/\/([^/"]+)/g,
    ))
      assert.equal(load[1], 'khabar.test', `the page loads from ${load[1]}`);
    assert.doesNotMatch(html, /<script(?![^>]*type="application\/ld\+json")[^>]*>[^<]/, 'no inline script');
  });
});
