import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../platform/http/render.js';
import { HomePage } from './views/HomePage.js';

export async function homeSiteRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', async (_request, reply) => {
    const [site, home] = await Promise.all([app.siteContext(), app.services.home.load()]);
    reply.header('Cache-Control', 'public, max-age=60');
    return sendPage(reply, <HomePage site={site} home={home} />);
  });
}
