import { NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { TagUsage } from '../tag.js';

export interface TagsPageProps {
  ctx: NewsroomContext;
  query: string;
  page: number;
  tags: TagUsage[];
  more: boolean;
  notice?: string | undefined;
  error?: string | undefined;
}

function pageHref(query: string, page: number): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/newsroom/tags?${search}` : '/newsroom/tags';
}

/** Every tag with its usage, searchable by name, most used first. */
export function TagsPage({ ctx, query, page, tags, more, notice, error }: TagsPageProps) {
  const count = (n: number) => n.toLocaleString('fa-IR');
  return (
    <NewsroomLayout ctx={ctx} title="برچسب‌ها" area="tags" notice={notice} error={error}>
      <section class="nr-panel" aria-label="فهرست برچسب‌ها">
        <form method="get" action="/newsroom/tags" class="taxonomy-search">
          <div class="nr-field">
            <label for="tag-query">جست‌وجوی برچسب</label>
            <input id="tag-query" name="q" type="search" value={query} />
          </div>
          <button type="submit" class="nr-button">
            جست‌وجو
          </button>
          {query && <a href="/newsroom/tags">همهٔ برچسب‌ها</a>}
        </form>
        <p class="nr-hint">
          برای تغییر نام، ادغام یا حذف، نام برچسب را باز کنید. نشانی‌های قدیمی پس از تغییر نام یا ادغام به
          برچسب تازه می‌رسند.
        </p>
        {tags.length === 0 ? (
          <p>{query ? `برچسبی با «${query}» پیدا نشد.` : 'هنوز برچسبی نیست.'}</p>
        ) : (
          <table class="nr-table taxonomy-table">
            <thead>
              <tr>
                <th scope="col">نام</th>
                <th scope="col">نشانی</th>
                <th scope="col">مطالب</th>
              </tr>
            </thead>
            <tbody>
              {tags.map((tag) => (
                <tr key={tag.id}>
                  <th scope="row">
                    <a href={`/newsroom/tags/${tag.id}`}>{tag.name}</a>
                  </th>
                  <td>
                    <a href={`/tag/${encodeURIComponent(tag.slug)}`}>
                      <bdi dir="ltr">/tag/{tag.slug}</bdi>
                    </a>
                  </td>
                  <td>{count(tag.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {(page > 1 || more) && (
          <nav class="taxonomy-pager" aria-label="صفحه‌بندی برچسب‌ها">
            {page > 1 ? <a href={pageHref(query, page - 1)}>→ صفحهٔ قبل</a> : <span />}
            <span>صفحهٔ {count(page)}</span>
            {more ? <a href={pageHref(query, page + 1)}>صفحهٔ بعد ←</a> : <span />}
          </nav>
        )}
      </section>
    </NewsroomLayout>
  );
}
