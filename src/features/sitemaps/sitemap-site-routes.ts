import type { FastifyInstance, FastifyReply } from 'fastify';
import { type CachePolicy, cachePage } from '../../platform/cache/page-cache-http.js';
import { pageTag } from '../../platform/cache/page-tags.js';
import { sitemapPaths } from './sitemap-service.js';

const xml = 'application/xml; charset=utf-8';
const sitemapPolicy: CachePolicy = { tags: [pageTag.sitemaps] };

function send(reply: FastifyReply, type: string, body: string, policy = sitemapPolicy) {
  cachePage(reply, policy);
  return reply.type(type).send(body);
}

/** Sitemaps and robots.txt: public GET documents, each a thin call into the sitemap service. */
export async function sitemapSiteRoutes(app: FastifyInstance): Promise<void> {
  const { sitemaps } = app.services;
  app.get(sitemapPaths.index, async (_request, reply) => send(reply, xml, await sitemaps.index()));
  // The news sitemap is the last 48 hours: articles leave it as the clock moves, not by any event.
  app.get(sitemapPaths.news, async (_request, reply) =>
    send(reply, xml, await sitemaps.news(), { tags: [pageTag.sitemaps], ttlSeconds: 60 }),
  );
  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) =>
    send(reply, xml, await sitemaps.file(request.params.file)),
  );
  app.get('/robots.txt', async (_request, reply) =>
    send(reply, 'text/plain; charset=utf-8', sitemaps.robots(), { tags: [] }),
  );
}
