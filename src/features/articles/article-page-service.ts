import type { ViewCounter } from '../stats/view-counter.js';
import type { Article, ArticleSummary } from './article.js';
import type { ArticleService } from './article-service.js';

export interface ArticlePageData {
  article: Article;
  /** «مطالب مرتبط»: sharing tags with the article, without those already in «سایر اخبار». */
  related: ArticleSummary[];
  /** «سایر اخبار»: the newest of the same section. */
  otherNews: ArticleSummary[];
  mostViewed: ArticleSummary[];
}

/** What an article page shows besides the article: other news of its section and the day's most viewed. */
export function createArticlePageService({
  articles,
  views,
}: {
  articles: ArticleService;
  views: ViewCounter;
}) {
  return {
    async load(newsCode: number): Promise<ArticlePageData> {
      const article = await articles.getPublished(newsCode);
      const [otherNews, viewedIds] = await Promise.all([
        articles.listPublished({ sectionId: article.section.id, excludeIds: [article.id], limit: 6 }),
        views.mostViewed('day', 6),
      ]);
      const related = await articles.related(
        article,
        4,
        otherNews.map((o) => o.id),
      );
      const mostViewed = await articles.publishedSummaries(
        viewedIds.filter((id) => id !== article.id).slice(0, 5),
      );
      return { article, related, otherNews, mostViewed };
    },
  };
}

export type ArticlePageService = ReturnType<typeof createArticlePageService>;
