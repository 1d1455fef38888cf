import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUserWithToken } from '../../../test/support/factories.js';
import { signInAs } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { articleKinds } from '../articles/article.js';
import { defaultSections } from '../sections/section.js';
import { createDemoAdmin, demoArticles, seedDemoContent } from './demo-seeder.js';

describe('demo articles', () => {
  it('are at least forty, in every section and every kind, with real bodies', () => {
    assert.ok(demoArticles.length >= 40);
    for (const { slug } of defaultSections)
      assert.ok(
        demoArticles.some((a) => a.section === slug),
        slug,
      );
    for (const kind of articleKinds)
      assert.ok(
        demoArticles.some((a) => a.kind === kind),
        kind,
      );
    for (const article of demoArticles) {
      assert.ok((article.body.match(/<p>/g) ?? []).length >= 3, article.title);
      assert.ok(article.lead.length > 100, article.title);
    }
    assert.equal(new Set(demoArticles.map((a) => a.title)).size, demoArticles.length, 'no headline twice');
  });
});

for (const engine of await enginesUnderTest()) {
  describe(`demo seeding on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let seeded = 0;
    before(async () => {
      t = await buildTestApp(engine);
      seeded = await seedDemoContent(t.services);
    });
    after(() => t?.close());

    it('publishes every demo article with a cover, photo stories with their galleries, over past weeks', async () => {
      assert.equal(seeded, demoArticles.length);
      const res = await t.app.inject('/api/v1/articles?limit=100');
      const items = res.json().items as {
        newsCode: number;
        kind: string;
        cover: unknown;
        publishedAt: string;
      }[];
      assert.equal(items.length, demoArticles.length);
      assert.ok(items.every((i) => i.cover));
      const times = items.map((i) => Date.parse(i.publishedAt));
      assert.ok(Math.max(...times) - Math.min(...times) > 14 * 86_400_000, 'spread over more than two weeks');
      const photo = items.find((i) => i.kind === 'photoStory')!;
      const full = (await t.app.inject(`/api/v1/articles/${photo.newsCode}`)).json();
      assert.ok(full.gallery.length >= 4);
      const report = items.find((i) => i.kind === 'report')!;
      const reportBody = (await t.app.inject(`/api/v1/articles/${report.newsCode}`)).json().body as string;
      assert.match(
        reportBody,
        /<figure><img src="\/media\/[\w/]+-\d+\.jpg" alt="[^"]+" width="\d+" height="\d+" \/><figcaption>/,
      );
      const image = await t.app.inject(new URL(full.gallery[0].url).pathname);
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/jpeg');
    });

    it('fills the home page: top story, picks and most viewed', async () => {
      const html = (await t.app.inject('/')).body;
      for (const id of [
        'latest-title',
        'picks-title',
        'most-viewed-title',
        'photo-title',
        'section-politics',
      ]) {
        assert.ok(html.includes(`id="${id}"`), id);
      }
      assert.ok(html.includes('aria-label="تیتر یک"'));
    });

    it('adds nothing to a site that already has articles', async () => {
      assert.equal(await seedDemoContent(t.services), 0);
    });

    it('opens the demo newsroom to an admin whose random password is shown once', async () => {
      const admin = await createDemoAdmin(t.services.users);
      assert.ok(admin.password.length >= 16);
      const { cookie } = await signInAs(t.app, admin);
      const desk = await t.app.inject({ url: '/newsroom/articles', headers: { cookie } });
      assert.equal(desk.statusCode, 200);
      assert.match(desk.body, /دبیر نمونه/);
    });
  });

  describe(`demo seeding of a site in use on ${engine.name}`, { skip: engine.skip }, () => {
    it('adds nothing to a site that has a newsroom account, even with no article yet', async () => {
      const t = await buildTestApp(engine);
      try {
        await createUserWithToken(t.services, 'editor');
        assert.equal(await seedDemoContent(t.services), 0);
      } finally {
        await t.close();
      }
    });
  });
}
