import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { systemActor } from '../users/user.js';

const titles = (results: { items: { title: { text: string }[] }[] }) =>
  results.items.map((item) => item.title.map((s) => s.text).join(''));

for (const engine of await enginesUnderTest()) {
  describe(`search index on ${engine.name}`, { skip: engine.skip }, () => {
    const clock = fixedClock(new Date('2025-06-01T10:00:00Z'));
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine, { clock });
    });
    after(() => t?.close());

    const find = (q: string, more: Record<string, string> = {}) => t.services.search.search({ q, ...more });

    it('finds an article by every spelling of its words', async () => {
      await createArticle(t.services, {
        title: 'همکاری‌های نخست‌وزیر با ایران‌خودرو در سال ۱۴۰۴',
        lead: 'مسئول پروژه گفت‌وگو را مثبت خواند؛ نمایندگان بررسی می‌کنند.',
        body: '<p>قلعهٔ حَصین در کوه است و هیئت دولت آن را بازسازی می‌کند.</p>',
      });
      const spellings = [
        'همکاری‌های',
        'همکاریهای',
        'همکاری های',
        'نخست وزیر',
        'نخستوزیر',
        'ایران خودرو',
        'ایرانخودرو',
        'مسؤول',
        'مسوول پروژه',
        'گفت و گو',
        'گفتوگو',
        'می کنند',
        'میکنند',
        '1404',
        '١٤٠٤',
        'حصین',
        'هيأت',
        'ایـــران‌خودرو',
      ];
      for (const q of spellings) {
        const results = await find(q);
        assert.equal(results.total, 1, `«${q}» should find the article`);
      }
    });

    it('keeps a negated verb and its affirmative apart', async () => {
      await createArticle(t.services, { title: 'کارگران معدن امروز کار نمی‌کنند' });
      await createArticle(t.services, { title: 'پرستاران بیمارستان امروز کار میکنند' });
      assert.deepEqual(titles(await find('نمی کنند')), ['کارگران معدن امروز کار نمی‌کنند']);
      assert.deepEqual(titles(await find('کار می‌کنند')), ['پرستاران بیمارستان امروز کار میکنند']);
    });

    it('drops an article from the results as soon as it is unpublished', async () => {
      const article = await createArticle(t.services, { title: 'واردات پرتقال ممنوع شد' });
      assert.equal((await find('پرتقال')).total, 1);
      await t.services.articles.unpublish(systemActor, article.newsCode);
      assert.equal((await find('پرتقال')).total, 0);
    });

    it('follows an edit of the title and the body', async () => {
      const article = await createArticle(t.services, { title: 'افتتاح سد کرخه', body: '<p>متن نخست</p>' });
      await t.services.articles.update(systemActor, article.newsCode, {
        title: 'افتتاح نیروگاه کرخه',
        body: '<p>توربین‌های تازه</p>',
      });
      assert.equal((await find('سد کرخه')).total, 0);
      assert.deepEqual(titles(await find('نیروگاه')), ['افتتاح نیروگاه کرخه']);
      assert.equal((await find('توربین')).total, 1);
    });

    it('keeps the words either side of a heading or paragraph break apart, and shows entities as text', async () => {
      await createArticle(t.services, {
        title: 'گزارش بندر',
        lead: '',
        body: '<h2>لنگرگاه</h2><p>اسکله &amp; جرثقیل</p><p>کشتیرانی</p>',
      });
      // The body's text used to run «لنگرگاهاسکله» and «جرثقیلکشتیرانی» together.
      for (const word of ['اسکله', 'کشتیرانی']) assert.equal((await find(word)).total, 1, word);
      const [item] = (await find('اسکله')).items;
      assert.equal(item?.snippet.map((s) => s.text).join(''), 'لنگرگاه اسکله & جرثقیل کشتیرانی');
    });

    it('does not show drafts or scheduled items to readers until they are published', async () => {
      const draft = await createArticle(t.services, { title: 'پیش‌نویس درباره زعفران', state: 'draft' });
      const scheduled = await createArticle(t.services, {
        title: 'گزارش زمان‌بندی‌شده درباره زعفران',
        state: 'scheduled',
        publishAt: '2025-06-01T11:00:00Z',
      });
      assert.equal((await find('زعفران')).total, 0);
      const desk = await t.services.search.deskMatches(systemActor, 'زعفران');
      assert.deepEqual(new Set(desk), new Set([draft.id, scheduled.id]));

      clock.set(new Date('2025-06-01T11:30:00Z'));
      assert.equal(await t.services.articles.publishDue(), 1);
      assert.deepEqual(titles(await find('زعفران')), ['گزارش زمان‌بندی‌شده درباره زعفران']);
    });

    it('finds newsroom items by the name of the writer who created them', async () => {
      const user = await t.services.users.createUser({
        email: 'ziba@khabar.test',
        name: 'زیبا کرمانی',
        role: 'writer',
        password: 'a-long-password',
      });
      const writer = { userId: user.id, name: user.name, role: user.role };
      const draft = await t.services.articles.create(writer, {
        title: 'یادداشت درباره کتاب',
        body: '<p>متن</p>',
        section: 'culture',
      });
      assert.deepEqual(await t.services.search.deskMatches(systemActor, 'کرمانی'), [draft.id]);
    });

    it('filters by section, kind and Jalali dates, and sorts by newest', async () => {
      const spring = { publishedAt: new Date('2025-04-10T08:00:00Z') }; // 21 Farvardin 1404
      const summer = { publishedAt: new Date('2025-07-10T08:00:00Z') }; // 19 Tir 1404
      await createArticle(t.services, { title: 'برنج ایرانی گران شد', section: 'economy' }, spring);
      await createArticle(
        t.services,
        { title: 'برنج وارداتی رسید', section: 'economy', kind: 'report' },
        summer,
      );
      await createArticle(t.services, { title: 'برنج در سفره ورزشکاران', section: 'sport' }, summer);
      assert.equal((await find('برنج')).total, 3);
      assert.equal((await find('برنج', { section: 'economy' })).total, 2);
      assert.deepEqual(titles(await find('برنج', { kind: 'report' })), ['برنج وارداتی رسید']);
      assert.deepEqual(titles(await find('برنج', { from: '۱۴۰۴/۰۱/۰۱', to: '۱۴۰۴/۰۱/۳۱' })), [
        'برنج ایرانی گران شد',
      ]);
      assert.deepEqual(titles(await find('برنج', { to: '1404/01/21' })), ['برنج ایرانی گران شد']);
      const newest = titles(await find('برنج', { sort: 'newest' }));
      assert.equal(newest.at(-1), 'برنج ایرانی گران شد');
      await assert.rejects(find('برنج', { from: '۱۴۰۴/۱۳/۰۱' }), /از تاریخ/);
      await assert.rejects(find('برنج', { section: 'no-such-section' }), /no-such-section/);
    });

    it('ranks title matches before text matches and newer items before older ones', async () => {
      const old = { publishedAt: new Date('2024-01-01T08:00:00Z') };
      await createArticle(t.services, { title: 'خبر قدیمی درباره پسته', body: '<p>پسته</p>' }, old);
      await createArticle(t.services, { title: 'بازار خشکبار', body: '<p>قیمت پسته بالا رفت</p>' });
      await createArticle(t.services, { title: 'صادرات پسته رکورد زد', body: '<p>پسته</p>' });
      assert.deepEqual(titles(await find('پسته')), [
        'صادرات پسته رکورد زد',
        'خبر قدیمی درباره پسته',
        'بازار خشکبار',
      ]);
    });

    it('pages through results with a cursor in both orders, without repeating an item', async () => {
      for (let i = 1; i <= 5; i++) {
        await createArticle(
          t.services,
          { title: `گزارش شماره ${i} از انار ساوه` },
          { publishedAt: new Date(Date.UTC(2025, 4, i)) },
        );
      }
      for (const sort of ['relevance', 'newest']) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await t.services.search.search({ q: 'انار', sort, cursor, limit: 2 });
          assert.equal(page.total, 5);
          seen.push(...titles(page));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        assert.equal(new Set(seen).size, 5, `${sort}: ${seen.join(' | ')}`);
      }
      await assert.rejects(t.services.search.search({ q: 'انار', cursor: 'not-a-cursor' }), /cursor/);
    });

    it('finds articles by the new name of their tag and section as soon as they are renamed', async () => {
      await createArticle(t.services, { title: 'برداشت محصول در باغ‌ها', tags: ['گیلاس‌تاکستان'] });
      const tag = await t.services.tags.find('گیلاس‌تاکستان');
      await t.services.tags.rename(systemActor, tag.id, 'آلبالوستان');
      assert.equal((await find('آلبالوستان')).total, 1);
      assert.equal((await find('گیلاستاکستان')).total, 0);

      await createArticle(t.services, { title: 'خبر کوتاه روز', tags: ['زردآلوستان'] });
      const merged = await t.services.tags.find('زردآلوستان');
      await t.services.tags.merge(systemActor, merged.id, 'آلبالوستان');
      assert.equal((await find('آلبالوستان')).total, 2);
      assert.equal((await find('زردالوستان')).total, 0);

      const section = await t.services.sections.getBySlug('sport');
      await createArticle(t.services, { title: 'تمرین امروز تیم', section: 'sport' });
      await t.services.sections.update(systemActor, section.id, { name: 'ورزش‌های آبی', description: '' });
      assert.ok((await find('ورزشهای ابی')).total >= 1);
    });

    it('rebuilds the index from the articles with reindex, reporting progress', async () => {
      // An article written behind the service's back, as an import or a restore might.
      const section = await t.services.sections.getBySlug('society');
      const now = new Date().toISOString();
      await t.services.db
        .insertInto('articles')
        .values({
          newsCode: 990001,
          slug: 'x',
          kind: 'news',
          state: 'published',
          title: 'خبری که دور از سرویس نوشته شد درباره کاکائو',
          body: '<p>کاکائو</p>',
          sectionId: section.id,
          authorId: null,
          byline: null,
          source: null,
          surtitle: null,
          coverImageId: null,
          publishAt: null,
          publishedAt: now,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      assert.equal((await find('کاکائو')).total, 0);
      const progress: number[] = [];
      const result = await t.services.search.reindex(({ done }) => progress.push(done));
      assert.equal(result.done, result.total);
      assert.equal(progress.at(-1), result.total);
      assert.equal((await find('کاکائو')).total, 1);
      assert.equal((await find('پسته')).total, 3, 'what was indexed before is still found once');
    });
  });
}
