import { pageTag } from '../../platform/cache/page-tags.js';
import { TaggedMemo } from '../../platform/cache/tagged-memo.js';
import type { ArticleComments } from '../comments/comment.js';
import type { CommentService } from '../comments/comment-service.js';
import type { ViewCounter } from '../stats/view-counter.js';
import type { Article, ArticleLine, ArticleSummary } from './article.js';
import type { ArticleService } from './article-service.js';

export interface ArticlePageData {
  article: Article;
  /** «مطالب مرتبط»: sharing tags with the article, without those already in «سایر اخبار». */
  related: ArticleLine[];
  /** «سایر اخبار»: the newest of the same section. */
  otherNews: ArticleSummary[];
  mostViewed: ArticleSummary[];
  comments: ArticleComments;
}

const otherNewsCount = 6;

/**
 * What an article page shows besides the article: other news of its section, the day's most
 * viewed, its comments. The section's newest are shared by all its articles' pages, so they are
 * remembered (one more than shown, since a page leaves itself out) until the section changes.
 */
export function createArticlePageService({
  articles,
  views,
  comments,
  memo = new TaggedMemo({ maxEntries: 0 }),
}: {
  articles: ArticleService;
  views: ViewCounter;
  comments: Pick<CommentService, 'forArticle'>;
  memo?: TaggedMemo;
}) {
  function sectionNewest(sectionId: number): Promise<ArticleSummary[]> {
    return memo.remember(
      `section-newest:${sectionId}`,
      (items: ArticleSummary[]) => ({
        tags: [pageTag.section(sectionId), pageTag.frame, ...items.map((item) => pageTag.article(item.id))],
      }),
      () => articles.listPublished({ sectionId, limit: otherNewsCount + 1 }),
    );
  }

  /** The boxes beside an article: they change with other articles, not with this one. */
  async function around(article: { id: number; sectionId: number; tagIds: readonly number[] }) {
    const [newest, viewedIds] = await Promise.all([
      sectionNewest(article.sectionId),
      views.mostViewed('day', 6),
    ]);
    const otherNews = newest.filter((item) => item.id !== article.id).slice(0, otherNewsCount);
    const [related, mostViewed] = await Promise.all([
      articles.related(
        { id: article.id, tags: article.tagIds.map((id) => ({ id })) },
        4,
        otherNews.map((o) => o.id),
      ),
      articles.publishedSummaries(viewedIds.filter((id) => id !== article.id).slice(0, 5)),
    ]);
    return { related, otherNews, mostViewed };
  }

  return {
    around,

    async load(newsCode: number): Promise<ArticlePageData> {
      const article = await articles.getPublished(newsCode);
      const [boxes, articleComments] = await Promise.all([
        around({ id: article.id, sectionId: article.section.id, tagIds: article.tags.map((tag) => tag.id) }),
        comments.forArticle(article),
      ]);
      return { article, ...boxes, comments: articleComments };
    },
  };
}

export type ArticlePageService = ReturnType<typeof createArticlePageService>;
