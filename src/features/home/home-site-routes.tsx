import type { FastifyInstance } from 'fastify';
import { cachePage } from '../../platform/cache/page-cache-http.js';
import { pageTag, shownArticleTags } from '../../platform/cache/page-tags.js';
import { sendPage } from '../../platform/http/render.js';
import { HomePage } from './views/HomePage.js';

export async function homeSiteRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', async (request, reply) => {
    // WordPress's plain addresses (/?p=123) all land here; those an import recorded move on.
    const moved = await app.services.redirects.lookupHomeQuery(request.query as Record<string, unknown>);
    if (moved) return reply.redirect(moved, 301);
    const [site, home] = await Promise.all([app.siteContext(), app.services.home.load()]);
    cachePage(reply, {
      tags: [
        pageTag.frame,
        pageTag.latest,
        pageTag.curation,
        ...home.sections.map((block) => pageTag.section(block.section.id)),
        ...shownArticleTags(home.topStory, home.latest, home.editorPicks, home.mostViewed, home.photoStories),
        ...home.sections.flatMap((block) => shownArticleTags(block.items)),
      ],
      ttlSeconds: 60,
    });
    return sendPage(reply, <HomePage site={site} home={home} />);
  });
}
