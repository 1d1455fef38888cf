import { sql } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import type { ArticleState } from '../articles/article.js';

// Reads across the articles, sections, tags and authors tables for the sitemaps. Instants are
// fixed-width UTC ISO text (ADR 0001), so a month is a text prefix and ranges compare as text.

const published = 'published' satisfies ArticleState;

export interface MonthSummary {
  /** `YYYY-MM`, UTC. */
  month: string;
  count: number;
  /** The newest change among the month's articles, including those since unpublished (their removal is a change too). */
  lastmod: string;
}

/** Every month that has had public articles, oldest first, with how many are public now. */
export async function listArticleMonths(db: DB): Promise<MonthSummary[]> {
  const month = sql<string>`substr(${sql.ref('publishedAt')}, 1, 7)`;
  const rows = await db
    .selectFrom('articles')
    .select([
      month.as('month'),
      (eb) => eb.fn.sum<number>(eb.case().when('state', '=', published).then(1).else(0).end()).as('count'),
      (eb) => eb.fn.max('updatedAt').as('lastmod'),
    ])
    .where('publishedAt', 'is not', null)
    .groupBy(month)
    .orderBy(month)
    .execute();
  return rows
    .map((row) => ({ month: row.month, count: Number(row.count), lastmod: row.lastmod }))
    .filter((row) => row.count > 0);
}

export interface SitemapArticle {
  newsCode: number;
  slug: string;
  updatedAt: string;
  publishedAt: string;
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** One slice of a month's public articles, oldest first, so a part's contents never shift. */
export async function listMonthArticles(
  db: DB,
  month: string,
  slice: { offset: number; limit: number },
): Promise<SitemapArticle[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['newsCode', 'slug', 'updatedAt', 'publishedAt'])
    .where('state', '=', published)
    .where('publishedAt', '>=', month)
    .where('publishedAt', '<', nextMonth(month))
    .orderBy('publishedAt')
    .orderBy('id')
    .offset(slice.offset)
    .limit(slice.limit)
    .execute();
  return rows.map((row) => ({ ...row, newsCode: Number(row.newsCode), publishedAt: row.publishedAt ?? '' }));
}

export interface SitemapPage {
  slug: string;
  /** The newest public article on the page, or null for a page without any yet. */
  lastmod: string | null;
}

/** Sections in menu order with the newest publication in each. */
export async function listSectionPages(db: DB): Promise<SitemapPage[]> {
  return db
    .selectFrom('sections')
    .leftJoin('articles', (join) =>
      join.onRef('articles.sectionId', '=', 'sections.id').on('articles.state', '=', published),
    )
    .select(['sections.slug', (eb) => eb.fn.max('articles.publishedAt').as('lastmod')])
    .groupBy(['sections.id', 'sections.slug', 'sections.position'])
    .orderBy('sections.position')
    .execute();
}

/** Authors who have public articles, with their newest. */
export async function listAuthorPages(db: DB): Promise<SitemapPage[]> {
  const rows = await db
    .selectFrom('authors')
    .innerJoin('articles', 'articles.authorId', 'authors.id')
    .select(['authors.slug', (eb) => eb.fn.max('articles.publishedAt').as('lastmod')])
    .where('articles.state', '=', published)
    .groupBy(['authors.id', 'authors.slug'])
    .orderBy('authors.id')
    .execute();
  return rows;
}

/** How many tags have public articles: they alone get a line in the tag sitemaps. */
export async function countTagPages(db: DB): Promise<{ count: number; lastmod: string | null }> {
  const row = await db
    .selectFrom('articleTags')
    .innerJoin('articles', 'articles.id', 'articleTags.articleId')
    .select([
      (eb) => eb.fn.count<number>('articleTags.tagId').distinct().as('count'),
      (eb) => eb.fn.max('articles.publishedAt').as('lastmod'),
    ])
    .where('articles.state', '=', published)
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), lastmod: row?.lastmod ?? null };
}

/** One slice of the tags with public articles, by id, with their newest article. */
export async function listTagPages(db: DB, slice: { offset: number; limit: number }): Promise<SitemapPage[]> {
  return db
    .selectFrom('tags')
    .innerJoin('articleTags', 'articleTags.tagId', 'tags.id')
    .innerJoin('articles', 'articles.id', 'articleTags.articleId')
    .select(['tags.slug', (eb) => eb.fn.max('articles.publishedAt').as('lastmod')])
    .where('articles.state', '=', published)
    .groupBy(['tags.id', 'tags.slug'])
    .orderBy('tags.id')
    .offset(slice.offset)
    .limit(slice.limit)
    .execute();
}

export interface NewsSitemapArticle {
  newsCode: number;
  slug: string;
  title: string;
  publishedAt: string;
}

/** Public articles first published at or after `since`, newest first. */
export async function listNewsSince(db: DB, since: Date): Promise<NewsSitemapArticle[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['newsCode', 'slug', 'title', 'publishedAt'])
    .where('state', '=', published)
    .where('publishedAt', '>=', since.toISOString())
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, newsCode: Number(row.newsCode), publishedAt: row.publishedAt ?? '' }));
}
