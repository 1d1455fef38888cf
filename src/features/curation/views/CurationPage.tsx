import { formatJalaliDate, formatTime } from '../../../platform/persian/jalali.js';
import { ActionButton, NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import { type ArticleSummary, articlePath } from '../../articles/article.js';
import type { CurationDesk } from '../curation-service.js';

export interface CurationPageProps {
  ctx: NewsroomContext;
  desk: CurationDesk;
  maxEditorPicks: number;
  /** The title search, kept across every button on the page. */
  query: string;
  notice?: string | undefined;
  error?: string | undefined;
}

/** Title, section and Jalali publication time of one article, linked to the public page. */
function Item({ ctx, article }: { ctx: NewsroomContext; article: ArticleSummary }) {
  return (
    <div class="curation-item">
      <a class="curation-item__title" href={articlePath(article)}>
        {article.title}
      </a>
      <span class="curation-item__meta">
        <a href={`/section/${encodeURIComponent(article.section.slug)}`}>{article.section.name}</a>
        {' — '}
        <time datetime={article.publishedAt.toISOString()}>
          {formatJalaliDate(article.publishedAt, ctx.timeZone)} -{' '}
          {formatTime(article.publishedAt, ctx.timeZone)}
        </time>
      </span>
    </div>
  );
}

/** The desk's control of the home page: top story, editor's picks, and recent articles to choose from. */
export function CurationPage({ ctx, desk, maxEditorPicks, query, notice, error }: CurationPageProps) {
  const keep: Record<string, string> = query ? { q: query } : {};
  const count = (n: number) => n.toLocaleString('fa-IR');
  const pickIds = new Set(desk.editorPicks.map((a) => a.id));
  return (
    <NewsroomLayout
      ctx={ctx}
      title="تیتر یک و پیشنهادهای سردبیر"
      area="curation"
      notice={notice}
      error={error}
    >
      <p class="curation-live">
        هر تغییری در این صفحه همان لحظه در <a href="/">صفحهٔ نخست سایت</a> دیده می‌شود.
      </p>

      <section class="nr-panel" aria-labelledby="top-heading">
        <h2 id="top-heading">تیتر یک</h2>
        {desk.topStory ? (
          <div class="curation-row">
            <Item ctx={ctx} article={desk.topStory} />
            <ActionButton
              ctx={ctx}
              action="/newsroom/curation/top/clear"
              label="برداشتن تیتر یک"
              fields={keep}
            />
          </div>
        ) : (
          <p class="nr-hint">
            تیتر یکی انتخاب نشده است؛ صفحهٔ نخست تازه‌ترین خبرِ عکس‌دار (یا تازه‌ترین خبر) را در جای تیتر یک نشان
            می‌دهد.
          </p>
        )}
      </section>

      <section class="nr-panel" aria-labelledby="picks-heading">
        <h2 id="picks-heading">
          پیشنهاد سردبیر ({count(desk.editorPicks.length)} از {count(maxEditorPicks)})
        </h2>
        {desk.editorPicks.length === 0 ? (
          <p class="nr-hint">هنوز خبری پیشنهاد نشده است؛ از فهرست پایین «افزودن به پیشنهادها» را بزنید.</p>
        ) : (
          <ol class="curation-picks">
            {desk.editorPicks.map((article, index) => {
              const fields = { ...keep, article: String(article.id) };
              return (
                <li key={article.id} class="curation-row">
                  <Item ctx={ctx} article={article} />
                  <span class="nr-actions">
                    {index > 0 && (
                      <ActionButton
                        ctx={ctx}
                        action="/newsroom/curation/picks/move"
                        label="بالاتر"
                        ariaLabel={`بالاتر بردن «${article.title}»`}
                        fields={{ ...fields, direction: 'up' }}
                      />
                    )}
                    {index < desk.editorPicks.length - 1 && (
                      <ActionButton
                        ctx={ctx}
                        action="/newsroom/curation/picks/move"
                        label="پایین‌تر"
                        ariaLabel={`پایین‌تر بردن «${article.title}»`}
                        fields={{ ...fields, direction: 'down' }}
                      />
                    )}
                    <ActionButton
                      ctx={ctx}
                      action="/newsroom/curation/picks/remove"
                      label="برداشتن"
                      ariaLabel={`برداشتن «${article.title}» از پیشنهادها`}
                      fields={fields}
                    />
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section class="nr-panel" aria-labelledby="candidates-heading">
        <h2 id="candidates-heading">
          {query ? `خبرهای منتشرشده با «${query}»` : 'تازه‌ترین خبرهای منتشرشده'}
        </h2>
        <form method="get" action="/newsroom/curation" class="curation-search">
          <div class="nr-field">
            <label for="curation-query">جست‌وجو در تیترها یا کد خبر</label>
            <input id="curation-query" name="q" type="search" value={query} />
          </div>
          <button type="submit" class="nr-button">
            جست‌وجو
          </button>
          {query && <a href="/newsroom/curation">تازه‌ترین‌ها</a>}
        </form>
        {desk.candidates.length === 0 ? (
          <p>{query ? 'خبر منتشرشده‌ای با این تیتر پیدا نشد.' : 'هنوز خبری منتشر نشده است.'}</p>
        ) : (
          <ul class="curation-candidates">
            {desk.candidates.map((article) => {
              const fields = { ...keep, article: String(article.id) };
              return (
                <li key={article.id} class="curation-row">
                  <Item ctx={ctx} article={article} />
                  <span class="nr-actions">
                    {desk.topStory?.id === article.id ? (
                      <span class="curation-badge">تیتر یک</span>
                    ) : (
                      <ActionButton
                        ctx={ctx}
                        action="/newsroom/curation/top"
                        label="تیتر یک کن"
                        ariaLabel={`«${article.title}» را تیتر یک کن`}
                        fields={fields}
                      />
                    )}
                    {pickIds.has(article.id) ? (
                      <span class="curation-badge">در پیشنهادها</span>
                    ) : (
                      <ActionButton
                        ctx={ctx}
                        action="/newsroom/curation/picks"
                        label="افزودن به پیشنهادها"
                        ariaLabel={`افزودن به پیشنهادها: «${article.title}»`}
                        fields={fields}
                      />
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </NewsroomLayout>
  );
}
