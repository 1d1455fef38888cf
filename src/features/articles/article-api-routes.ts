import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ValidationError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/api-auth.js';
import { decodeCursor, encodeCursor } from './article.js';
import { articleJson, summaryJson } from './article-presenter.js';
import {
  ArticleCreateBody,
  ArticleJson,
  ArticleListJson,
  ArticleListQuery,
  ArticlePatchBody,
  ErrorBody,
  NewsCodeParams,
} from './article-schemas.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const secured = [{ bearer: [] }];

export const articleApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { articles, sections, tags, siteUrl } = app.services;

  app.post(
    '/articles',
    {
      schema: {
        summary: 'Create an article',
        tags: ['articles'],
        security: secured,
        body: ArticleCreateBody,
        response: { 201: ArticleJson, ...errors },
      },
    },
    async (request, reply) => {
      const article = await articles.create(requireActor(request), request.body);
      return reply.status(201).send(articleJson(article, siteUrl));
    },
  );

  app.get(
    '/articles/:newsCode',
    {
      schema: {
        summary: 'Get an article by news code (published ones without a token)',
        tags: ['articles'],
        params: NewsCodeParams,
        response: { 200: ArticleJson, ...errors },
      },
    },
    async (request) =>
      articleJson(await articles.getFor(request.actor, Number(request.params.newsCode)), siteUrl),
  );

  app.get(
    '/articles',
    {
      schema: {
        summary: 'List published articles, newest first',
        tags: ['articles'],
        querystring: ArticleListQuery,
        response: { 200: ArticleListJson, ...errors },
      },
    },
    async (request) => {
      const { limit = 20, cursor, section, tag } = request.query;
      const before = cursor === undefined ? undefined : decodeCursor(cursor);
      if (cursor !== undefined && !before)
        throw new ValidationError('cursor نادرست است؛ nextCursor صفحهٔ قبل را بفرستید.');
      const sectionId = section === undefined ? undefined : (await sections.getBySlug(section)).id;
      const tagId = tag === undefined ? undefined : (await tags.find(tag)).id;

      const rows = await articles.listPublished({ sectionId, tagId, before, limit: limit + 1 });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map((item) => summaryJson(item, siteUrl)),
        nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
      };
    },
  );

  app.patch(
    '/articles/:newsCode',
    {
      schema: {
        summary: 'Change an article; send only the fields that change',
        tags: ['articles'],
        security: secured,
        params: NewsCodeParams,
        body: ArticlePatchBody,
        response: { 200: ArticleJson, ...errors },
      },
    },
    async (request) =>
      articleJson(
        await articles.update(requireActor(request), Number(request.params.newsCode), request.body),
        siteUrl,
      ),
  );

  app.delete(
    '/articles/:newsCode',
    {
      schema: {
        summary: 'Unpublish an article (its news code is never reused)',
        tags: ['articles'],
        security: secured,
        params: NewsCodeParams,
        response: { 200: ArticleJson, ...errors },
      },
    },
    async (request) =>
      articleJson(await articles.unpublish(requireActor(request), Number(request.params.newsCode)), siteUrl),
  );
};
