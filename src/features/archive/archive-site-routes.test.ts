import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { publicPageCacheControl } from '../../platform/cache/page-cache-http.js';
import { fixedClock } from '../../platform/clock.js';

/** The <a> elements of the calendar table. */
function calendarLinks(html: string): string[] {
  const table = html.slice(html.indexOf('<table class="calendar"'), html.indexOf('</table>'));
  return table.match(/<a [^>]*>/g) ?? [];
}

function titlesOf(html: string): string[] {
  return [...html.matchAll(/class="teaser__title">(?:<span[^>]*>[^<]*<\/span>)?([^<]*)</g)].map(
    (m) => m[1] ?? '',
  );
}

for (const engine of await enginesUnderTest()) {
  describe(`archive on ${engine.name}`, { skip: engine.skip }, () => {
    // 1402/11/21 in Tehran (UTC+3:30).
    const clock = fixedClock(new Date('2024-02-10T08:00:00Z'));
    let t: TestApp;
    const at = (iso: string) => ({ publishedAt: new Date(iso) });
    before(async () => {
      t = await buildTestApp(engine, { clock });
      // 00:10 on 1402/11/07 in Tehran, still 26 January in UTC.
      await createArticle(t.services, { title: 'بامداد هفتم' }, at('2024-01-26T20:40:00Z'));
      await createArticle(
        t.services,
        { title: 'نیمروز هفتم', section: 'politics' },
        at('2024-01-27T08:30:00Z'),
      );
      // 23:50 on 1402/11/07 in Tehran.
      await createArticle(t.services, { title: 'شامگاه هفتم' }, at('2024-01-27T20:20:00Z'));
      // 00:10 on 1402/11/08 in Tehran, still 27 January in UTC.
      await createArticle(t.services, { title: 'بامداد هشتم' }, at('2024-01-27T20:40:00Z'));
      await createArticle(t.services, { title: 'پیش‌نویس هفتم', state: 'draft' });
    });
    after(() => t?.close());

    it('links only the days with news in a month calendar, with their counts, in Persian digits', async () => {
      const res = await t.app.inject('/archive/1402/11');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], publicPageCacheControl);
      assert.match(res.body, /<caption>بهمن ۱۴۰۲<\/caption>/);
      assert.match(res.body, /<th scope="col">/);
      const links = calendarLinks(res.body);
      assert.equal(links.length, 2, links.join('\n'));
      assert.match(links[0] ?? '', /href="\/archive\/1402\/11\/07"/);
      assert.match(links[0] ?? '', /aria-label="۷ بهمن: ۳ خبر"/);
      assert.match(links[1] ?? '', /href="\/archive\/1402\/11\/08"/);
      assert.match(links[1] ?? '', /title="۱ خبر"/);
      assert.match(res.body, /<span>۶<\/span>/, 'a day without news is plain text');
    });

    it('opens on the current month with today marked, and no link into the future', async () => {
      const res = await t.app.inject('/archive');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<caption>بهمن ۱۴۰۲<\/caption>/);
      assert.match(res.body, /<td class="calendar__today" aria-current="date"><span>۲۱<\/span><\/td>/);
      assert.match(res.body, /href="\/archive\/1402\/10"/, 'the month before');
      assert.doesNotMatch(res.body, /href="\/archive\/1402\/12"/, 'the month after has not begun');
      const older = await t.app.inject('/archive/1402/10');
      assert.match(older.body, /href="\/archive\/1402\/11"/);
    });

    it('lists exactly one Tehran day, newest first, whatever the UTC date', async () => {
      const res = await t.app.inject('/archive/1402/11/07');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(titlesOf(res.body), ['شامگاه هفتم', 'نیمروز هفتم', 'بامداد هفتم']);
      assert.match(res.body, /خبرهای ۰۷ بهمن ۱۴۰۲/);
      assert.match(res.body, /27 January 2024/);
      assert.deepEqual(titlesOf((await t.app.inject('/archive/1402/11/08')).body), ['بامداد هشتم']);
    });

    it('filters the calendar and the day by section', async () => {
      const day = await t.app.inject('/archive/1402/11/07?section=politics');
      assert.deepEqual(titlesOf(day.body), ['نیمروز هفتم']);
      assert.match(day.body, /<option value="politics" selected>/);
      const month = await t.app.inject('/archive/1402/11?section=politics');
      const links = calendarLinks(month.body);
      assert.equal(links.length, 1);
      assert.match(links[0] ?? '', /href="\/archive\/1402\/11\/07\?section=politics"/);
      const all = await t.app.inject('/archive/1402/11/07?section=');
      assert.equal(titlesOf(all.body).length, 3, 'the empty choice is every section');
    });

    it('sends Gregorian dates, ?month= and Persian digits to the one Jalali address', async () => {
      for (const [url, location] of [
        ['/archive?date=2024-01-27', '/archive/1402/11/07'],
        ['/archive?date=2024-01-27&section=politics', '/archive/1402/11/07?section=politics'],
        ['/archive?month=1402-11', '/archive/1402/11'],
        [
          `/archive/${encodeURIComponent('۱۴۰۲')}/${encodeURIComponent('۱۱')}/${encodeURIComponent('۰۷')}`,
          '/archive/1402/11/07',
        ],
        ['/archive/1402/11/7', '/archive/1402/11/07'],
        ['/archive/1402/9', '/archive/1402/09'],
      ]) {
        const res = await t.app.inject(url ?? '');
        assert.equal(res.statusCode, 301, url);
        assert.equal(res.headers.location, location, url);
      }
    });

    it('answers impossible dates with a Persian 400 page', async () => {
      for (const url of [
        '/archive/1402/13/40',
        '/archive/1402/12/30',
        '/archive/abcd/11/07',
        '/archive?date=2024-02-30',
        '/archive?date=27-01-2024',
        '/archive?month=1402-13',
        '/archive/1402/11/07?page=0',
      ]) {
        const res = await t.app.inject(url);
        assert.equal(res.statusCode, 400, url);
        assert.match(String(res.headers['content-type']), /text\/html/, url);
        assert.match(res.body, /lang="fa"/, url);
        assert.match(res.body, /در تقویم نیست|صفحه/, url);
      }
    });

    it('pages a day of more than 50 items', async () => {
      for (let i = 0; i < 51; i++) {
        const minute = String(i).padStart(2, '0');
        await createArticle(t.services, { title: `خبر شمارهٔ ${i}` }, at(`2023-12-22T06:${minute}:00Z`));
      }
      const first = await t.app.inject('/archive/1402/10/01');
      assert.equal(titlesOf(first.body).length, 50);
      assert.equal(titlesOf(first.body)[0], 'خبر شمارهٔ 50');
      assert.match(first.body, /صفحهٔ ۱ از ۲/);
      assert.match(first.body, /href="\/archive\/1402\/10\/01\?page=2"/);
      const second = await t.app.inject('/archive/1402/10/01?page=2');
      assert.deepEqual(titlesOf(second.body), ['خبر شمارهٔ 0']);
      assert.match(second.body, /href="\/archive\/1402\/10\/01" rel="prev"/);
      assert.equal((await t.app.inject('/archive/1402/10/01?page=3')).statusCode, 400);
    });
  });
}
