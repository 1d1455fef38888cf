import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../articles/article-schemas.js';
import { requireActor, tokenRequired } from '../users/user-api-auth.js';
import {
  CommentIdParams,
  CommentJson,
  CommentListJson,
  CommentListQuery,
  commentJson,
  queuedCommentJson,
} from './comment-schemas.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const secured = [{ bearer: [] }];

/** The moderation queue over the API: list by state, approve, reject. Moderation roles only. */
export const commentApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { comments, siteUrl } = app.services;

  app.get(
    '/comments',
    {
      onRequest: tokenRequired,
      schema: {
        summary: 'List comments in one state, newest first (moderators, editors, admins)',
        tags: ['comments'],
        security: secured,
        querystring: CommentListQuery,
        response: { 200: CommentListJson, ...errors },
      },
    },
    async (request) => {
      const { state = 'pending', newsCode, limit = 20, cursor } = request.query;
      const page = await comments.queue(requireActor(request), { state, newsCode, cursor, limit });
      return {
        items: page.items.map((item) => queuedCommentJson(item, siteUrl)),
        nextCursor: page.nextCursor,
      };
    },
  );

  for (const action of ['approve', 'reject'] as const) {
    app.post(
      `/comments/:id/${action}`,
      {
        onRequest: tokenRequired,
        schema: {
          summary: action === 'approve' ? 'Approve a comment: it appears on the site' : 'Reject a comment',
          tags: ['comments'],
          security: secured,
          params: CommentIdParams,
          response: { 200: CommentJson, ...errors },
        },
      },
      async (request) =>
        commentJson(await comments.moderateOne(requireActor(request), request.params.id, action)),
    );
  }
};
