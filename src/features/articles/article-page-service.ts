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
const relatedCount = 4;

/** «مطالب مرتبط» as a page shows it: the first of those ranked that «سایر اخبار» does not show. */
export function relatedShown<Item extends { id: number }>(
  ranked: readonly Item[],
  otherNews: readonly { id: number }[],
): Item[] {
  return ranked.filter((item) => !otherNews.some((other) => other.id === item.id)).slice(0, relatedCount);
}

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

  /** «سایر اخبار»: the section's newest but this article. */
  async function otherNewsOf(article: { id: number; sectionId: number }): Promise<ArticleSummary[]> {
    const newest = await sectionNewest(article.sectionId);
    return newest.filter((item) => item.id !== article.id).slice(0, otherNewsCount);
  }

  /** «سایر اخبار» and the day's most viewed: they change with other articles, not with this one. */
  async function beside(article: { id: number; sectionId: number }) {
    const [otherNews, viewedIds] = await Promise.all([otherNewsOf(article), views.mostViewed('day', 6)]);
    const mostViewed = await articles.publishedSummaries(
      viewedIds.filter((id) => id !== article.id).slice(0, 5),
    );
    return { otherNews, mostViewed };
  }

  /** Related articles ranked deep enough that those shown remain after «سایر اخبار» is left out. */
  function relatedRanked(article: { id: number; tagIds: readonly number[] }): Promise<ArticleLine[]> {
    return articles.related(
      { id: article.id, tags: article.tagIds.map((id) => ({ id })) },
      relatedCount + otherNewsCount,
    );
  }

  /** The boxes beside an article. */
  async function around(article: { id: number; sectionId: number; tagIds: readonly number[] }) {
    const [boxes, ranked] = await Promise.all([beside(article), relatedRanked(article)]);
    return { ...boxes, related: relatedShown(ranked, boxes.otherNews) };
  }

  return {
    around,
    beside,
    otherNewsOf,
    relatedRanked,

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
