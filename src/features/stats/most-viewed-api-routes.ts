import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { summaryJson } from '../articles/article-presenter.js';
import { ArticleSummaryJson, ErrorBody } from '../articles/article-schemas.js';
import { mostViewedPeriods } from './view-counter.js';

const MostViewedQuery = Type.Object({
  period: Type.Union(
    mostViewedPeriods.map((p) => Type.Literal(p)),
    { default: 'day', description: 'day: the last 24 hours; week: the last 7 days' },
  ),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
});

const MostViewedJson = Type.Object({
  period: Type.Union(mostViewedPeriods.map((p) => Type.Literal(p))),
  items: Type.Array(
    Type.Composite([
      ArticleSummaryJson,
      Type.Object({ views: Type.Integer({ description: 'counted views inside the period' }) }),
    ]),
  ),
});

export const mostViewedApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { mostViewed, siteUrl } = app.services;

  app.get(
    '/most-viewed',
    {
      schema: {
        summary: 'Most viewed articles of the last day or week',
        description:
          'Views counted on the server, without bots and without a reader’s repeat views within 30 minutes; ' +
          'only articles published inside the period; new views show within 10 seconds.',
        tags: ['articles'],
        querystring: MostViewedQuery,
        response: { 200: MostViewedJson, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const { period, limit } = request.query;
      const items = await mostViewed.list(period, limit);
      // Short enough that a cached answer plus the 5 s flush stays within the promised 10 s.
      reply.header('Cache-Control', 'public, max-age=5');
      return { period, items: items.map(({ item, views }) => ({ ...summaryJson(item, siteUrl), views })) };
    },
  );
};
