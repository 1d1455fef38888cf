import { toPersianDigits } from '../../../platform/persian/digits.js';
import { formatJalaliDateTime } from '../../../platform/persian/jalali.js';
import { NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { QueuedItem } from '../dashboard-repository.js';
import type { Dashboard } from '../dashboard-service.js';

export interface DashboardPageProps {
  ctx: NewsroomContext;
  dashboard: Dashboard;
}

function Queue({ items, empty, timeZone }: { items: QueuedItem[]; empty: string; timeZone: string }) {
  if (items.length === 0) return <p class="nr-hint">{empty}</p>;
  return (
    <ul class="nr-queue">
      {items.map((item) => (
        <li key={item.newsCode}>
          <a href={`/newsroom/articles/${item.newsCode}`}>{item.title}</a>
          <span class="nr-hint">
            {item.sectionName}
            {item.writer ? ` · ${item.writer}` : ''} · {formatJalaliDateTime(item.at, timeZone)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The first page of the newsroom: what readers read today and what is waiting for the desk. */
export function DashboardPage({ ctx, dashboard }: DashboardPageProps) {
  // Present only for people who may moderate.
  const pendingComments = ctx.pendingComments;
  return (
    <NewsroomLayout ctx={ctx} title="پیشخوان" area="dashboard">
      <div class="nr-dashboard">
        <section class="nr-panel nr-dashboard__wide" aria-labelledby="most-read">
          <h2 id="most-read">پربازدیدترین‌های امروز</h2>
          <p class="nr-hint">
            از بامداد امروز به وقت سایت؛ بازدید ربات‌ها و بازدید تکراری یک خواننده شمرده نمی‌شود.
          </p>
          {dashboard.mostRead.length === 0 ? (
            <p>امروز هنوز بازدیدی ثبت نشده است.</p>
          ) : (
            <table class="nr-table">
              <thead>
                <tr>
                  <th scope="col">رتبه</th>
                  <th scope="col">مطلب</th>
                  <th scope="col">بازدید</th>
                  <th scope="col">
                    <span class="visually-hidden">نمودار</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {dashboard.mostRead.map(({ article, views }, index) => (
                  <tr key={article.id}>
                    <td>{toPersianDigits(index + 1)}</td>
                    <td>
                      <a href={`/newsroom/articles/${article.newsCode}`}>{article.title}</a>
                      <span class="nr-hint"> · {article.section.name}</span>
                    </td>
                    <td>{toPersianDigits(views)}</td>
                    <td>
                      <a href={`/newsroom/articles/${article.newsCode}/stats`}>آمار</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {pendingComments !== undefined && (
          <section class="nr-panel" aria-labelledby="comments-waiting">
            <h2 id="comments-waiting">نظرهای در انتظار</h2>
            <p class="nr-big-number">{toPersianDigits(pendingComments)}</p>
            <p>
              <a href="/newsroom/comments">رفتن به صف بررسی نظرها</a>
            </p>
          </section>
        )}
        <section class="nr-panel" aria-labelledby="scheduled">
          <h2 id="scheduled">زمان‌بندی‌شده‌ها</h2>
          <Queue items={dashboard.scheduled} empty="مطلبی زمان‌بندی نشده است." timeZone={ctx.timeZone} />
        </section>
        {dashboard.inReview && (
          <section class="nr-panel" aria-labelledby="in-review">
            <h2 id="in-review">در انتظار بررسی دبیر</h2>
            <Queue items={dashboard.inReview} empty="مطلبی در انتظار بررسی نیست." timeZone={ctx.timeZone} />
          </section>
        )}
      </div>
    </NewsroomLayout>
  );
}
