import type { FastifyInstance } from 'fastify';
import { publisherLogo, publisherLogoPng } from './publisher-logo.js';

/** The publisher logo that structured data points at. */
export async function seoSiteRoutes(app: FastifyInstance): Promise<void> {
  app.get(publisherLogo.path, async (_request, reply) => {
    reply.header('Cache-Control', 'public, max-age=86400');
    return reply.type('image/png').send(await publisherLogoPng());
  });
}
