import type { Generated } from 'kysely';

export interface ArticlesTable {
  id: Generated<number>;
  newsCode: number;
  slug: string;
  kind: string;
  state: string;
  surtitle: string | null;
  title: string;
  lead: Generated<string>;
  body: string;
  sectionId: number;
  authorId: number | null;
  byline: string | null;
  source: string | null;
  coverImageId: number | null;
  commentsEnabled: Generated<number>;
  /** When a scheduled article is due (UTC ISO 8601). */
  publishAt: string | null;
  /** When the article first went public (UTC ISO 8601); kept when it is unpublished. */
  publishedAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewsCodeCounterTable {
  id: number;
  lastValue: number;
}

export interface ArticleTagsTable {
  articleId: number;
  tagId: number;
  position: number;
}

export interface ArticleGalleryTable {
  articleId: number;
  position: number;
  imageId: number;
  caption: string | null;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  articleId: number;
  snapshot: string;
  createdBy: number | null;
  createdAt: string;
  /** 1 for the rolling revision autosave keeps while someone types. */
  autosave: Generated<number>;
}

/** An article page's own parts, rendered and compressed once (stored-article-pages.ts). */
export interface ArticleRendersTable {
  articleId: number;
  /** The template and frame the parts were rendered with. */
  madeFor: string;
  /** The article's updatedAt when it was rendered. */
  articleVersion: string;
  /** Its visible comments when it was rendered: their count and latest moderation. */
  commentsVersion: string;
  /** JSON: each part's compressed and plain length and CRC-32, the slots between them, the tags. */
  parts: string;
  body: Buffer;
  /** The sum of its tags' relatedVersion when «مطالب مرتبط» was stored with the parts; null if it was not. */
  relatedVersion: number | null;
}
