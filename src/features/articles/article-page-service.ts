import type { ArticleComments } from '../comments/comment.js';
import type { CommentService } from '../comments/comment-service.js';
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
  comments: ArticleComments;
}

/** What an article page shows besides the article: other news of its section, the day's most viewed, its comments. */
export function createArticlePageService({
  articles,
  views,
  comments,
}: {
  articles: ArticleService;
  views: ViewCounter;
  comments: Pick<CommentService, 'forArticle'>;
}) {
  return {
    async load(newsCode: number): Promise<ArticlePageData> {
      const article = await articles.getPublished(newsCode);
      const [otherNews, viewedIds, articleComments] = await Promise.all([
        articles.listPublished({ sectionId: article.section.id, excludeIds: [article.id], limit: 6 }),
        views.mostViewed('day', 6),
        comments.forArticle(article),
      ]);
      const [related, mostViewed] = await Promise.all([
        articles.related(
          article,
          4,
          otherNews.map((o) => o.id),
        ),
        articles.publishedSummaries(viewedIds.filter((id) => id !== article.id).slice(0, 5)),
      ]);
      return { article, related, otherNews, mostViewed, comments: articleComments };
    },
  };
}

export type ArticlePageService = ReturnType<typeof createArticlePageService>;
