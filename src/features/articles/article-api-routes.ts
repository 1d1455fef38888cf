import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor, tokenRequired } from '../users/user-api-auth.js';
import { loadSlice } from './article-list.js';
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
      onRequest: tokenRequired,
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
    async (request) => articleJson(await articles.getFor(request.actor, request.params.newsCode), siteUrl),
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
      const sectionId = section === undefined ? undefined : (await sections.getBySlug(section)).id;
      const tagId = tag === undefined ? undefined : (await tags.find(tag)).id;
      const slice = await loadSlice(articles, { sectionId, tagId }, { cursor, limit });
      return { items: slice.items.map((item) => summaryJson(item, siteUrl)), nextCursor: slice.nextCursor };
    },
  );

  app.patch(
    '/articles/:newsCode',
    {
      onRequest: tokenRequired,
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
        await articles.update(requireActor(request), request.params.newsCode, request.body),
        siteUrl,
      ),
  );

  app.delete(
    '/articles/:newsCode',
    {
      onRequest: tokenRequired,
      schema: {
        summary: 'Unpublish an article (its news code is never reused)',
        tags: ['articles'],
        security: secured,
        params: NewsCodeParams,
        response: { 200: ArticleJson, ...errors },
      },
    },
    async (request) =>
      articleJson(await articles.unpublish(requireActor(request), request.params.newsCode), siteUrl),
  );
};
