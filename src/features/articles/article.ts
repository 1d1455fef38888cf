import type { Author } from '../authors/author.js';
import type { Image } from '../media/image.js';
import type { Section } from '../sections/section.js';
import type { Tag } from '../tags/tag.js';

export const articleKinds = ['news', 'report', 'interview', 'opinion', 'photoStory', 'video'] as const;
export type ArticleKind = (typeof articleKinds)[number];

export const articleStates = ['draft', 'inReview', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleState = (typeof articleStates)[number];

export function isArticleKind(value: string): value is ArticleKind {
  return (articleKinds as readonly string[]).includes(value);
}

export function isArticleState(value: string): value is ArticleState {
  return (articleStates as readonly string[]).includes(value);
}

/** Persian names of the kinds, as a newsroom calls them. */
export const articleKindNames: Record<ArticleKind, string> = {
  news: 'خبر',
  report: 'گزارش',
  interview: 'گفت‌وگو',
  opinion: 'یادداشت',
  photoStory: 'روایت تصویری',
  video: 'ویدیو',
};

export interface GalleryItem {
  image: Image;
  caption: string | null;
}

export interface Article {
  id: number;
  newsCode: number;
  slug: string;
  kind: ArticleKind;
  state: ArticleState;
  surtitle: string | null;
  title: string;
  lead: string;
  body: string;
  section: Pick<Section, 'id' | 'slug' | 'name'>;
  author: Pick<Author, 'id' | 'slug' | 'name'> | null;
  byline: string | null;
  source: string | null;
  cover: Image | null;
  commentsEnabled: boolean;
  publishAt: Date | null;
  publishedAt: Date | null;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
  tags: Tag[];
  gallery: GalleryItem[];
}

/** What lists and teasers need of an article. */
export interface ArticleSummary {
  id: number;
  newsCode: number;
  slug: string;
  kind: ArticleKind;
  surtitle: string | null;
  title: string;
  lead: string;
  section: Pick<Section, 'id' | 'slug' | 'name'>;
  cover: Image | null;
  publishedAt: Date;
}

/** What a one-line teaser shows (a time, the kind, the title as a link): «مطالب مرتبط». */
export type ArticleLine = Pick<ArticleSummary, 'id' | 'newsCode' | 'slug' | 'kind' | 'title' | 'publishedAt'>;

/** The canonical path of an article; the slug is percent-encoded because it is usually Persian. */
export function articlePath(article: Pick<Article, 'newsCode' | 'slug'>): string {
  return article.slug
    ? `/news/${article.newsCode}/${encodeURIComponent(article.slug)}`
    : `/news/${article.newsCode}`;
}

export function shortPath(article: Pick<Article, 'newsCode'>): string {
  return `/n/${article.newsCode}`;
}

/** The name shown under the headline: an explicit byline wins over the author's name. */
export function displayByline(article: Pick<Article, 'byline' | 'author'>): string | null {
  return article.byline ?? article.author?.name ?? null;
}

/** Ids and news codes are 32-bit integers in the database; larger numbers cannot name anything. */
export const maxId = 2_147_483_647;

// Instants are stored as fixed-width ISO text (ADR 0001), which holds only years 0000–9999.
const maxStoredTime = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A news code from a URL, ASCII or Persian digits; undefined when it cannot be one. */
export function parseNewsCode(value: string): number | undefined {
  const digits = value.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  if (!/^\d{1,10}$/.test(digits)) return undefined;
  const code = Number(digits);
  return code >= 1 && code <= maxId ? code : undefined;
}

/** Whether an instant can be stored and compared as fixed-width ISO text. */
export function isStorableTime(time: number): boolean {
  return Number.isFinite(time) && time >= 0 && time <= maxStoredTime;
}

/**
 * A position in a newest-first list that does not move when new items arrive:
 * the publish instant and id of the last item seen. Rendered as plain ASCII.
 */
export interface ListCursor {
  publishedAt: string;
  id: number;
}

export function encodeCursor(item: { publishedAt: Date; id: number }): string {
  return `${item.publishedAt.getTime()}-${item.id}`;
}

export function decodeCursor(value: string): ListCursor | undefined {
  const match = /^(\d{1,15})-(\d{1,10})$/.exec(value);
  if (!match) return undefined;
  const time = Number(match[1]);
  const id = Number(match[2]);
  if (!isStorableTime(time) || id > maxId) return undefined;
  return { publishedAt: new Date(time).toISOString(), id };
}
