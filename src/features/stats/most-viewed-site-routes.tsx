import type { FastifyInstance } from 'fastify';
import { cachePage } from '../../platform/cache/page-cache-http.js';
import { pageTag, shownArticleTags } from '../../platform/cache/page-tags.js';
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
    // The page is the list itself: kept briefly, so a view shows within the promised 10 s.
    cachePage(reply, {
      tags: [
        pageTag.frame,
        ...shownArticleTags(
          day.map((d) => d.item),
          week.map((w) => w.item),
        ),
      ],
      ttlSeconds: 5,
    });
    return sendPage(reply, <MostViewedPage site={site} day={day} week={week} />);
  });
}
