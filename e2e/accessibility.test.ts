import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { systemActor } from '../src/features/users/user.js';
import { chromiumSkip, launchChromium } from '../test/support/browser.js';
import { createArticle, createImage } from '../test/support/factories.js';
import { signedInUser } from '../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../test/support/test-app.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// `KHABAR_SCREENSHOTS=docs/screenshots npm test` refreshes the screenshots kept in the repository.
const screenshots = process.env.KHABAR_SCREENSHOTS;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe('accessibility of the reader and newsroom pages, checked by axe-core in Chromium', {
  skip: chromiumSkip,
}, () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let origin = '';
  const pages: { name: string; path: string }[] = [];

  before(async () => {
    const [sqlite] = await enginesUnderTest();
    // Plain HTTP on 127.0.0.1: the session cookie must not be Secure or the browser would not send it.
    t = await buildTestApp(sqlite!, { env: { KHABAR_SITE_URL: 'http://127.0.0.1' } });
    const cover = await createImage(t.services, 'نمای میدان آزادی در غروب');
    const article = await createArticle(t.services, { title: 'بازگشایی کتابخانهٔ مرکزی پس از نوسازی' });
    const story = await createArticle(t.services, {
      title: 'روایت تصویری از بازار تبریز',
      kind: 'photoStory',
    });
    await t.services.articles.update(systemActor, story.newsCode, {
      gallery: [{ imageId: cover.id, caption: 'غرفه‌های فرش در راستهٔ بازار' }],
    });
    const editor = await signedInUser(t.app, t.services, 'editor');
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    // axe is injected from here; the site's own policy forbids any script it did not serve.
    context = await browser.newContext({ bypassCSP: true });
    await context.addCookies([
      { name: 'khabar_session', value: editor.cookie.split('=')[1] ?? '', url: origin },
    ]);
    pages.push(
      { name: 'home', path: '/' },
      { name: 'article', path: `/news/${article.newsCode}/${encodeURIComponent(article.slug)}` },
      { name: 'section', path: '/section/society' },
      { name: 'search', path: `/search?q=${encodeURIComponent('کتابخانه')}` },
      { name: 'archive', path: '/archive' },
      { name: 'photo-story', path: `/news/${story.newsCode}/${encodeURIComponent(story.slug)}` },
      { name: 'newsroom-list', path: '/newsroom/articles' },
      { name: 'newsroom-editor', path: `/newsroom/articles/${article.newsCode}` },
    );
    if (screenshots) mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('finds no serious or critical violation on any of the eight pages, at 360 and 1280 px', async () => {
    const found: string[] = [];
    for (const width of [360, 1280]) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      for (const { name, path: url } of pages) {
        const res = await page.goto(`${origin}${url}`);
        assert.equal(res?.status(), 200, `${name} answered ${res?.status()}`);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
          return (await axe.run()).violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes,
          }));
        });
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical') {
            found.push(
              `${name} @${width}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')}`,
            );
          }
        }
        if (screenshots)
          await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`), fullPage: false });
      }
      await page.close();
    }
    assert.deepEqual(found, []);
  });
});
