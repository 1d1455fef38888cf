import type { DB } from '../../platform/db/database.js';
import type { ArticleState } from '../articles/article.js';
import type { Image } from '../media/image.js';
import { findImagesByIds } from '../media/image-repository.js';
import type { Tag } from '../tags/tag.js';
import { listTagsOfArticles } from '../tags/tag-repository.js';

/** What a feed entry carries of an article: its whole text, people, pictures and topics. */
export interface FeedArticle {
  id: number;
  newsCode: number;
  slug: string;
  title: string;
  lead: string;
  body: string;
  section: { slug: string; name: string };
  author: { slug: string; name: string } | null;
  byline: string | null;
  cover: Image | null;
  tags: Tag[];
  publishedAt: Date;
  updatedAt: Date;
}

/**
 * The newest published articles, optionally of one section or tag, with bodies. A read across
 * the articles' tables in three queries (articles, their tags, their covers), whatever the count.
 */
export async function findFeedArticles(
  db: DB,
  filter: { sectionId?: number; tagId?: number },
  limit: number,
): Promise<FeedArticle[]> {
  let query = db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.sectionId')
    .leftJoin('authors', 'authors.id', 'articles.authorId')
    .select([
      'articles.id',
      'articles.newsCode',
      'articles.slug',
      'articles.title',
      'articles.lead',
      'articles.body',
      'articles.byline',
      'articles.coverImageId',
      'articles.publishedAt',
      'articles.createdAt',
      'articles.updatedAt',
      'sections.slug as sectionSlug',
      'sections.name as sectionName',
      'authors.slug as authorSlug',
      'authors.name as authorName',
    ])
    .where('articles.state', '=', 'published' satisfies ArticleState);
  if (filter.sectionId !== undefined) query = query.where('articles.sectionId', '=', filter.sectionId);
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    query = query.where('articles.id', 'in', (eb) =>
      eb.selectFrom('articleTags').select('articleTags.articleId').where('articleTags.tagId', '=', tagId),
    );
  }
  const rows = await query
    .orderBy('articles.publishedAt', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  const [tags, images] = await Promise.all([
    listTagsOfArticles(
      db,
      rows.map((r) => r.id),
    ),
    findImagesByIds(
      db,
      rows.flatMap((r) => (r.coverImageId === null ? [] : [r.coverImageId])),
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    newsCode: Number(row.newsCode),
    slug: row.slug,
    title: row.title,
    lead: row.lead,
    body: row.body,
    section: { slug: row.sectionSlug, name: row.sectionName },
    author:
      row.authorSlug !== null && row.authorName !== null
        ? { slug: row.authorSlug, name: row.authorName }
        : null,
    byline: row.byline,
    cover: row.coverImageId === null ? null : (images.get(row.coverImageId) ?? null),
    tags: tags.get(row.id) ?? [],
    publishedAt: new Date(row.publishedAt ?? row.createdAt),
    updatedAt: new Date(row.updatedAt),
  }));
}
