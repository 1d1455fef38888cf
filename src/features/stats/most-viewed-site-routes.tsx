import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../platform/http/render.js';
import { MostViewedPage } from './views/MostViewedPage.js';

const listLength = 20;

export async function mostViewedSiteRoutes(app: FastifyInstance): Promise<void> {
  const { mostViewed } = app.services;

  app.get('/most-viewed', async (_request, reply) => {
    const [site, day, week] = await Promise.all([
      app.siteContext(),
      mostViewed.list('day', listLength),
      mostViewed.list('week', listLength),
    ]);
    // The page is the list itself: cached briefly, so a view shows within the promised 10 s.
    reply.header('Cache-Control', 'public, max-age=5');
    return sendPage(reply, <MostViewedPage site={site} day={day} week={week} />);
  });
}
