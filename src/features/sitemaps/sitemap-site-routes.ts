import type { FastifyInstance, FastifyReply } from 'fastify';
import { sitemapPaths } from './sitemap-service.js';

const xml = 'application/xml; charset=utf-8';

function send(reply: FastifyReply, type: string, body: string) {
  reply.header('Cache-Control', 'public, max-age=60');
  return reply.type(type).send(body);
}

/** Sitemaps and robots.txt: public GET documents, each a thin call into the sitemap service. */
export async function sitemapSiteRoutes(app: FastifyInstance): Promise<void> {
  const { sitemaps } = app.services;
  app.get(sitemapPaths.index, async (_request, reply) => send(reply, xml, await sitemaps.index()));
  app.get(sitemapPaths.news, async (_request, reply) => send(reply, xml, await sitemaps.news()));
  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) =>
    send(reply, xml, await sitemaps.file(request.params.file)),
  );
  app.get('/robots.txt', async (_request, reply) =>
    send(reply, 'text/plain; charset=utf-8', sitemaps.robots()),
  );
}
