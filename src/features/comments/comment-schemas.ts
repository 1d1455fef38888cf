import { type Static, Type } from '@sinclair/typebox';
import { maxId } from '../articles/article.js';
import { type Comment, commentStates, type QueuedComment } from './comment.js';

// One schema gives the API its validation, its TypeScript types and its OpenAPI document.

const StateSchema = Type.Union(
  commentStates.map((s) => Type.Literal(s)),
  { description: 'pending waits for moderation; only approved comments are shown on the site' },
);

export const CommentListQuery = Type.Object({
  state: Type.Optional({ ...StateSchema, default: 'pending' }),
  newsCode: Type.Optional(Type.Integer({ minimum: 1, maximum: maxId, description: 'only this article' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ description: 'nextCursor of the previous page' })),
});
export type CommentListQuery = Static<typeof CommentListQuery>;

export const CommentIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: maxId }) });

export const CommentJson = Type.Object({
  id: Type.Integer(),
  articleId: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()], {
    description: 'for the newsroom only; never shown on the site',
  }),
  body: Type.String({ description: 'plain text; line breaks are \\n' }),
  state: StateSchema,
  isStaff: Type.Boolean({ description: 'written by the newsroom (a reply as the newsroom)' }),
  createdAt: Type.String(),
  moderatedAt: Type.Union([Type.String(), Type.Null()]),
});

export const QueuedCommentJson = Type.Composite([
  CommentJson,
  Type.Object({
    article: Type.Object({ newsCode: Type.Integer(), title: Type.String(), url: Type.String() }),
  }),
]);

export const CommentListJson = Type.Object({
  items: Type.Array(QueuedCommentJson),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export function commentJson(comment: Comment): Static<typeof CommentJson> {
  return {
    id: comment.id,
    articleId: comment.articleId,
    parentId: comment.parentId,
    name: comment.name,
    email: comment.email,
    body: comment.body,
    state: comment.state,
    isStaff: comment.isStaff,
    createdAt: comment.createdAt.toISOString(),
    moderatedAt: comment.moderatedAt?.toISOString() ?? null,
  };
}

export function queuedCommentJson(comment: QueuedComment, siteUrl: string): Static<typeof QueuedCommentJson> {
  const { newsCode, slug, title } = comment.article;
  return {
    ...commentJson(comment),
    article: { newsCode, title, url: `${siteUrl}/news/${newsCode}/${encodeURIComponent(slug)}` },
  };
}
