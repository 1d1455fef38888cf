import { NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { Article } from '../../articles/article.js';
import type { ArticleStats } from '../dashboard-service.js';
import { ViewsChart } from './ViewsChart.js';

export interface ArticleStatsPageProps {
  ctx: NewsroomContext;
  article: Article;
  stats: ArticleStats;
}

/** One article's readership: the last 48 hours hour by hour, the last 30 days day by day. */
export function ArticleStatsPage({ ctx, article, stats }: ArticleStatsPageProps) {
  return (
    <NewsroomLayout ctx={ctx} title={`آمار بازدید «${article.title}»`} area="articles">
      <p>
        <a href={`/newsroom/articles/${article.newsCode}`}>بازگشت به ویرایش</a>
      </p>
      <section class="nr-panel">
        <ViewsChart
          id="hourly"
          title="بازدید ساعتی، ۴۸ ساعت گذشته"
          points={stats.hourly}
          unit="hour"
          timeZone={ctx.timeZone}
        />
      </section>
      <section class="nr-panel">
        <ViewsChart
          id="daily"
          title="بازدید روزانه، ۳۰ روز گذشته"
          points={stats.daily}
          unit="day"
          timeZone={ctx.timeZone}
        />
      </section>
      <p class="nr-hint">
        بازدیدها در سرور شمرده می‌شوند، هر چند ثانیه ثبت می‌شوند، و ربات‌ها و بازدید دوبارهٔ یک خواننده در نیم
        ساعت شمرده نمی‌شوند.
      </p>
    </NewsroomLayout>
  );
}
