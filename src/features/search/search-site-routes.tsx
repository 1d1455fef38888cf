import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import type { SearchResults } from './search-service.js';
import { type SearchForm, SearchPage } from './views/SearchPage.js';

type SearchQuerystring = Partial<Record<keyof SearchForm | 'cursor', string>>;

const latestInEmptyState = 5;

export async function searchSiteRoutes(app: FastifyInstance): Promise<void> {
  const { search, articles } = app.services;

  app.get<{ Querystring: SearchQuerystring }>('/search', async (request, reply) => {
    const query = request.query;
    const form: SearchForm = {
      q: (query.q ?? '').slice(0, 200),
      section: query.section ?? '',
      kind: query.kind ?? '',
      from: query.from ?? '',
      to: query.to ?? '',
      sort: query.sort === 'newest' ? 'newest' : 'relevance',
    };
    let results: SearchResults = {
      searched: false,
      total: 0,
      totalCapped: false,
      items: [],
      nextCursor: null,
    };
    let error: string | undefined;
    try {
      results = await search.search({ ...form, cursor: query.cursor });
    } catch (e) {
      // A mistyped date or an old link keeps the page, its form and a sentence saying what to fix.
      if (!(e instanceof AppError) || e.status !== 400) throw e;
      error = e.message;
    }
    const latest =
      results.searched && results.items.length === 0
        ? await articles.listPublished({ limit: latestInEmptyState })
        : [];
    let nextHref: string | undefined;
    if (results.nextCursor) {
      const params = new URLSearchParams(Object.entries(form).filter(([, v]) => v));
      params.set('cursor', results.nextCursor);
      nextHref = `/search?${params}`;
    }
    reply.header('Cache-Control', 'public, max-age=60');
    const site = await app.siteContext();
    return sendPage(
      reply,
      <SearchPage site={site} form={form} {...results} nextHref={nextHref} error={error} latest={latest} />,
      error ? 400 : 200,
    );
  });
}
