import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { systemActor } from '../../src/features/users/user.js';
import { chromiumSkip, launchChromium } from '../support/browser.js';
import { createUserWithToken } from '../support/factories.js';
import { postForm, type SignedIn, signedInUser } from '../support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../support/test-app.js';
import { multipartBody, photo } from '../support/uploads.js';
import { xssPayloads } from './xss-payloads.js';

const siteUrl = 'http://127.0.0.1';
const clip = (text: string, max: number) => [...text].slice(0, max).join('');

/**
 * What a page must never contain once hostile text went through it: the
 * sanitizer and the escaping are judged on their own here, because the browser
 * contexts below bypass the Content-Security-Policy that would also stop them.
 */
function injectedMarkup(): string[] {
  const found: string[] = [];
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
      if (
        /^\s*(javascript|data|vbscript):/i.test(attribute.value) &&
        /href|src|action|data/i.test(attribute.name)
      ) {
        if (!(element.tagName === 'IMG' && /^data:image\//.test(attribute.value))) {
          found.push(`${element.tagName} ${attribute.name}=${attribute.value.slice(0, 40)}`);
        }
      }
    }
  }
  for (const tag of [
    'iframe',
    'object',
    'embed',
    'svg script',
    'math',
    'base',
    'meta[http-equiv]',
    'template',
  ]) {
    if (document.querySelector(tag)) found.push(tag);
  }
  for (const script of Array.from(document.querySelectorAll('script'))) {
    const src = script.getAttribute('src') ?? '';
    if (script.type === 'application/ld+json') {
      // Structured data is inline by design; text that closed the element early would leave broken JSON.
      try {
        JSON.parse(script.textContent ?? '');
      } catch {
        found.push('structured data cut short');
      }
    } else if (!src.startsWith('/') || src.startsWith('//') || script.textContent?.trim()) {
      found.push(`script ${src}`);
    }
  }
  return found;
}

describe('hostile text through every reader and writer input, opened in Chromium', {
  skip: chromiumSkip,
}, () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin = '';
  let editor: SignedIn;
  const dialogs: string[] = [];
  const pages = new Set<string>(['/', '/most-viewed', '/archive', '/section/society']);
  const newsroomPages = new Set<string>([
    '/newsroom/articles',
    '/newsroom/comments?state=approved',
    '/newsroom/media',
    '/newsroom/tags',
  ]);

  before(async () => {
    const [sqlite] = await enginesUnderTest();
    // Links in comments are made clickable here, so javascript: in a comment is tried as a link too.
    t = await buildTestApp(sqlite!, { env: { KHABAR_SITE_URL: siteUrl, KHABAR_COMMENT_LINKS: 'true' } });
    editor = await signedInUser(t.app, t.services, 'editor');
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await context.addCookies([
      { name: 'khabar_session', value: editor.cookie.split('=')[1] ?? '', url: origin },
    ]);
    page = await trappedPage();
  });

  /** A tab that records and dismisses every dialog: an alert means injected script ran. */
  async function trappedPage(): Promise<Page> {
    const tab = await context.newPage();
    tab.on('dialog', async (dialog) => {
      dialogs.push(`${tab.url()}: ${dialog.type()} ${dialog.message()}`);
      await dialog.dismiss();
    });
    return tab;
  }

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it(`stores ${xssPayloads.length} payloads through the API, the editor form, comments and image details`, async () => {
    assert.ok(xssPayloads.length >= 60);
    const writer = await createUserWithToken(t.services, 'editor');
    for (const [i, payload] of xssPayloads.entries()) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/articles',
        headers: { authorization: writer.authorization },
        payload: {
          title: clip(`خبر ${i} ${payload}`, 300),
          surtitle: clip(payload, 150),
          lead: clip(payload, 1200),
          body: `<p>متن ${i}</p>${payload}<p>${payload}</p>`,
          section: 'society',
          tags: [clip(payload, 60).trim() || `برچسب ${i}`],
          byline: clip(payload, 150),
          source: clip(payload, 150),
          state: 'published',
        },
      });
      assert.equal(res.statusCode, 201, `payload ${i}: ${res.body.slice(0, 200)}`);
      const article = res.json();
      const path = new URL(article.url).pathname;
      pages.add(path);
      for (const tag of article.tags) pages.add(`/tag/${encodeURIComponent(tag.slug)}`);
      pages.add(`/search?q=${encodeURIComponent(payload)}`);

      const comment = await t.app.inject({
        method: 'POST',
        url: `/news/${article.newsCode}/comments`,
        remoteAddress: `10.9.${i >> 8}.${i & 255}`,
        headers: { origin: siteUrl },
        payload: { name: clip(payload, 60), email: '', body: `${payload} https://example.com/${i}` },
      });
      assert.equal(comment.statusCode, 303, `comment ${i}: ${comment.body.slice(0, 200)}`);
    }
    const pending = await t.services.db
      .selectFrom('comments')
      .select('id')
      .where('state', '=', 'pending')
      .execute();
    assert.equal(pending.length, xssPayloads.length);
    await t.services.comments.moderate(
      systemActor,
      pending.map((c) => c.id),
      'approve',
    );

    // The newsroom editor form takes the same fields as typed text; a part of the corpus goes that way.
    for (const [i, payload] of xssPayloads.entries()) {
      if (i % 6 !== 0) continue;
      const res = await postForm(t.app, editor, '/newsroom/articles', {
        title: clip(`فرم ${i} ${payload}`, 300),
        surtitle: clip(payload, 150),
        lead: payload,
        body: `<p>فرم ${i}</p><p>${payload}</p>`,
        tags: clip(payload.replaceAll('،', ' ').replaceAll(',', ' '), 60),
        section: 'society',
        kind: 'news',
        action: 'publish',
      });
      const refusal = /role="alert"[^>]*>([^<]*)/.exec(res.body)?.[1];
      assert.equal(res.statusCode, 303, `form ${i}: ${refusal ?? res.body.slice(0, 300)}`);
      newsroomPages.add(String(res.headers.location));
    }

    // Image alt text and captions, through the real upload form, then as photo-story captions.
    const gallery: { imageId: number; caption: string }[] = [];
    for (const [i, payload] of xssPayloads.entries()) {
      if (i % 12 !== 1) continue;
      const body = multipartBody(
        { _csrf: editor.csrf, alt: clip(payload, 250), credit: clip(payload, 100), caption: payload },
        { filename: `x${i}.jpg`, type: 'image/jpeg', data: await photo(320, 200) },
      );
      const res = await t.app.inject({
        method: 'POST',
        url: '/newsroom/media',
        headers: { ...body.headers, cookie: editor.cookie, accept: 'application/json' },
        payload: body.payload,
      });
      assert.equal(res.statusCode, 201, `image ${i}: ${res.body.slice(0, 300)}`);
      const { id } = res.json().item;
      gallery.push({ imageId: id, caption: clip(payload, 300) });
      newsroomPages.add(`/newsroom/media/${id}`);
    }
    const story = await t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { authorization: writer.authorization },
      payload: {
        title: 'روایت تصویری',
        body: '<p>تصویرها</p>',
        section: 'society',
        kind: 'photoStory',
        state: 'published',
      },
    });
    assert.equal(story.statusCode, 201, story.body);
    await t.services.articles.update(systemActor, story.json().newsCode, { gallery });
    pages.add(new URL(story.json().url).pathname);
    newsroomPages.add(`/newsroom/articles/${story.json().newsCode}/gallery`);
  });

  it('runs none of them on the public pages, the search results or the newsroom', async () => {
    const offenders: string[] = [];
    const queue = [...pages, ...newsroomPages];
    const started = Date.now();
    // A few tabs at once keep the few hundred pages within seconds.
    const tab = async (page: Page) => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const res = await page.goto(`${origin}${path}`, { waitUntil: 'domcontentloaded' });
        assert.ok(res && res.status() < 500, `${path} answered ${res?.status()}`);
        if (path.startsWith('/newsroom'))
          assert.ok(!page.url().includes('/login'), `${path} needs a session`);
        const flagged = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
        if (flagged !== undefined) offenders.push(`${path}: window.__xss=${String(flagged)}`);
        for (const markup of await page.evaluate(injectedMarkup)) offenders.push(`${path}: ${markup}`);
      }
    };
    await Promise.all([tab(page), tab(await trappedPage()), tab(await trappedPage())]);
    assert.deepEqual(dialogs, [], 'a dialog opened: injected script ran');
    assert.deepEqual(offenders, []);
    assert.ok(pages.size > 2 * xssPayloads.length, `visited ${pages.size} public pages`);
    console.log(`visited ${pages.size + newsroomPages.size} pages in ${Date.now() - started} ms`);
  });

  it('shows the hostile text as text: a comment name and a headline read back exactly as sent', async () => {
    const payload = '<img src=x onerror=alert(13)>';
    const res = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(payload)}` });
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes(payload), 'the query is escaped in the page');
    const article = [...pages].find((p) => p.startsWith('/news/'));
    assert.ok(article);
    await page.goto(`${origin}${article}`);
    assert.equal(
      (await page.locator('h1').first().textContent())?.includes('<script>alert(1)</script>'),
      true,
    );
  });
});
