import type { FastifyInstance } from 'fastify';
import { cachePage } from '../../platform/cache/page-cache-http.js';
import { pageTag, shownArticleTags } from '../../platform/cache/page-tags.js';
import { sendPage } from '../../platform/http/render.js';
import { type ListPageQuery, loadListPage } from '../articles/article-list.js';
import { ArticleListPage } from '../articles/views/ArticleListPage.js';

export async function sectionSiteRoutes(app: FastifyInstance): Promise<void> {
  const { sections, articles } = app.services;

  app.get<{ Params: { slug: string }; Querystring: ListPageQuery }>(
    '/section/:slug',
    async (request, reply) => {
      const section = await sections.getBySlug(request.params.slug);
      const basePath = `/section/${encodeURIComponent(section.slug)}`;
      const [site, page] = await Promise.all([
        app.siteContext(),
        loadListPage(articles, basePath, { sectionId: section.id }, request.query),
      ]);
      cachePage(reply, {
        tags: [pageTag.frame, pageTag.section(section.id), ...shownArticleTags(page.items)],
      });
      return sendPage(
        reply,
        <ArticleListPage
          site={site}
          heading={section.name}
          kicker="سرویس"
          description={section.description}
          canonical={basePath}
          currentSection={section.slug}
          {...page}
        />,
      );
    },
  );
}
