import { toPersianDigits } from '../../../platform/persian/digits.js';
import { formatJalaliDateTime } from '../../../platform/persian/jalali.js';
import { NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import { type ArticleState, articleKindNames, articlePath, articleStates } from '../article.js';
import type { DeskItem } from '../article-desk-repository.js';
import { stateNames } from './article-states.js';

export interface DeskFilters {
  state: string;
  section: string;
  writer: string;
  from: string;
  to: string;
  q: string;
}

export interface DeskListPageProps {
  ctx: NewsroomContext;
  items: DeskItem[];
  filters: DeskFilters;
  sections: { slug: string; name: string }[];
  writers: { id: number; name: string }[];
  /** The next page's URL, when there is one. */
  nextUrl?: string | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

/** The newsroom's list of articles in every state, newest change first, with filters that work without JavaScript. */
export function DeskListPage({
  ctx,
  items,
  filters,
  sections,
  writers,
  nextUrl,
  notice,
  error,
}: DeskListPageProps) {
  const filtered = Object.values(filters).some(Boolean);
  return (
    <NewsroomLayout ctx={ctx} title="مطالب" area="articles" notice={notice} error={error}>
      <form method="get" action="/newsroom/articles" class="nr-filters" aria-label="پالایش مطالب">
        <div class="nr-field nr-filters__q">
          <label for="q">جست‌وجو در تیتر، متن و نویسنده</label>
          <input id="q" name="q" type="search" value={filters.q} />
        </div>
        <div class="nr-field">
          <label for="f-state">وضعیت</label>
          <select id="f-state" name="state">
            <option value="">همه</option>
            {articleStates.map((s: ArticleState) => (
              <option key={s} value={s} selected={s === filters.state}>
                {stateNames[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="f-section">سرویس</label>
          <select id="f-section" name="section">
            <option value="">همه</option>
            {sections.map((s) => (
              <option key={s.slug} value={s.slug} selected={s.slug === filters.section}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="f-writer">نویسنده</label>
          <select id="f-writer" name="writer">
            <option value="">همه</option>
            <option value="me" selected={filters.writer === 'me'}>
              مطالب من
            </option>
            {writers.map((w) => (
              <option key={w.id} value={String(w.id)} selected={String(w.id) === filters.writer}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="f-from">از تاریخ</label>
          <input
            id="f-from"
            name="from"
            type="text"
            placeholder="۱۴۰۵/۰۹/۰۱"
            data-jalali-date
            value={filters.from}
          />
        </div>
        <div class="nr-field">
          <label for="f-to">تا تاریخ</label>
          <input
            id="f-to"
            name="to"
            type="text"
            placeholder="۱۴۰۵/۰۹/۳۰"
            data-jalali-date
            value={filters.to}
          />
        </div>
        <div class="nr-filters__actions">
          <button type="submit" class="nr-button nr-button--primary">
            پالایش
          </button>
          {filtered && <a href="/newsroom/articles">پاک کردن پالایه‌ها</a>}
        </div>
      </form>
      {items.length === 0 ? (
        <p class="nr-panel">{filtered ? 'مطلبی با این پالایه‌ها پیدا نشد.' : 'هنوز مطلبی نوشته نشده است.'}</p>
      ) : (
        <table class="nr-table nr-desk">
          <caption class="visually-hidden">مطالب، به ترتیب آخرین تغییر</caption>
          <thead>
            <tr>
              <th scope="col">تیتر</th>
              <th scope="col">وضعیت</th>
              <th scope="col">سرویس</th>
              <th scope="col">نویسنده</th>
              <th scope="col">آخرین تغییر</th>
              <th scope="col">انتشار</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  {item.surtitle && <span class="nr-desk__surtitle">{item.surtitle}</span>}
                  <a href={`/newsroom/articles/${item.newsCode}`} class="nr-desk__title">
                    {item.title}
                  </a>
                  <span class="nr-desk__code">
                    {articleKindNames[item.kind]} · کد {toPersianDigits(item.newsCode)}
                  </span>
                </td>
                <td>
                  <span class={`nr-state nr-state--${item.state}`}>{stateNames[item.state]}</span>
                </td>
                <td>{item.section.name}</td>
                <td>{item.writer ?? '—'}</td>
                <td>{formatJalaliDateTime(item.updatedAt, ctx.timeZone)}</td>
                <td>
                  {item.state === 'scheduled' && item.publishAt ? (
                    formatJalaliDateTime(item.publishAt, ctx.timeZone)
                  ) : item.state === 'published' && item.publishedAt ? (
                    <a href={articlePath(item)}>{formatJalaliDateTime(item.publishedAt, ctx.timeZone)}</a>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextUrl && (
        <nav class="nr-pager" aria-label="صفحه‌ها">
          <a href={nextUrl} rel="next">
            مطالب قدیمی‌تر
          </a>
        </nav>
      )}
    </NewsroomLayout>
  );
}
