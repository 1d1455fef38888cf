import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../articles/article-schemas.js';
import { SearchQuerystring, SearchResultsJson, SuggestJson, SuggestQuerystring } from './search-schemas.js';
import { segmentsHtml } from './search-snippet.js';

export const searchApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { search, siteUrl } = app.services;

  app.get(
    '/search',
    {
      schema: {
        summary: 'Search published articles; any spelling of a Persian word finds the others',
        tags: ['search'],
        querystring: SearchQuerystring,
        response: { 200: SearchResultsJson, 400: ErrorBody },
      },
    },
    async (request) => {
      const results = await search.search(request.query);
      return {
        total: results.total,
        totalCapped: results.totalCapped,
        items: results.items.map((item) => ({
          newsCode: item.newsCode,
          title: item.title.map((s) => s.text).join(''),
          url: `${siteUrl}${item.path}`,
          snippet: segmentsHtml(item.snippet),
          publishedAt: item.publishedAt.toISOString(),
        })),
        nextCursor: results.nextCursor,
      };
    },
  );

  app.get(
    '/search/suggest',
    {
      schema: {
        summary: 'Titles with words starting as typed, newest first, for search as you type',
        tags: ['search'],
        querystring: SuggestQuerystring,
        response: { 200: SuggestJson, 400: ErrorBody },
      },
    },
    async (request) => {
      const items = await search.suggest(request.query.q);
      return {
        items: items.map((t) => ({ newsCode: t.newsCode, title: t.title, url: `${siteUrl}${t.path}` })),
      };
    },
  );
};
