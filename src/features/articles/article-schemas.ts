import { type Static, Type } from '@sinclair/typebox';
import { articleKinds, maxId } from './article.js';

// One schema gives the API its validation, its TypeScript types and its OpenAPI document.

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([Type.Null(), schema]);

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      requestId: Type.Optional(Type.String()),
    }),
  },
  { $id: 'Error' },
);

const writableStates = Type.Union(
  [Type.Literal('draft'), Type.Literal('inReview'), Type.Literal('published'), Type.Literal('scheduled')],
  { description: 'published and scheduled need the editor or admin role' },
);

const fields = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  surtitle: Type.Optional(Nullable(Type.String({ maxLength: 150 }))),
  lead: Type.Optional(Type.String({ maxLength: 1200 })),
  body: Type.String({ description: 'HTML; sanitized with an allowlist on every save' }),
  section: Type.String({ description: 'section slug, see GET /api/v1/sections' }),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
  kind: Type.Optional(Type.Union(articleKinds.map((k) => Type.Literal(k)))),
  state: Type.Optional(writableStates),
  publishAt: Type.Optional(
    Nullable(Type.String({ description: 'ISO 8601 instant with zone, required for state "scheduled"' })),
  ),
  author: Type.Optional(Nullable(Type.String({ description: 'author slug' }))),
  byline: Type.Optional(Nullable(Type.String({ maxLength: 150 }))),
  source: Type.Optional(Nullable(Type.String({ maxLength: 150 }))),
  commentsEnabled: Type.Optional(Type.Boolean()),
};

export const ArticleCreateBody = Type.Object(fields, { additionalProperties: false });
export type ArticleCreateBody = Static<typeof ArticleCreateBody>;

export const ArticlePatchBody = Type.Partial(Type.Object(fields), {
  additionalProperties: false,
  minProperties: 1,
});
export type ArticlePatchBody = Static<typeof ArticlePatchBody>;

export const NewsCodeParams = Type.Object({ newsCode: Type.Integer({ minimum: 1, maximum: maxId }) });

export const ArticleListQuery = Type.Object({
  section: Type.Optional(Type.String()),
  tag: Type.Optional(Type.String()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ description: 'nextCursor of the previous page' })),
});
export type ArticleListQuery = Static<typeof ArticleListQuery>;

const ImageJson = Type.Object({
  url: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  alt: Type.String(),
  caption: Type.Union([Type.String(), Type.Null()]),
});

const SectionRef = Type.Object({ slug: Type.String(), name: Type.String() });

export const ArticleSummaryJson = Type.Object({
  id: Type.Integer(),
  newsCode: Type.Integer(),
  url: Type.String(),
  kind: Type.String(),
  surtitle: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  lead: Type.String(),
  section: SectionRef,
  cover: Type.Union([ImageJson, Type.Null()]),
  publishedAt: Type.String(),
});

export const ArticleJson = Type.Object({
  id: Type.Integer(),
  newsCode: Type.Integer(),
  url: Type.String(),
  shortUrl: Type.String(),
  state: Type.String(),
  kind: Type.String(),
  surtitle: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  lead: Type.String(),
  body: Type.String(),
  section: SectionRef,
  tags: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
  byline: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
  cover: Type.Union([ImageJson, Type.Null()]),
  gallery: Type.Array(ImageJson),
  commentsEnabled: Type.Boolean(),
  publishAt: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ArticleListJson = Type.Object({
  items: Type.Array(ArticleSummaryJson),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
