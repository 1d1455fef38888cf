import type { FastifyInstance } from 'fastify';
import { cachePage } from '../../platform/cache/page-cache-http.js';
import { pageTag, shownArticleTags } from '../../platform/cache/page-tags.js';
import { sendPage } from '../../platform/http/render.js';
import { type ListPageQuery, loadListPage } from '../articles/article-list.js';
import { ArticleListPage } from '../articles/views/ArticleListPage.js';

export async function tagSiteRoutes(app: FastifyInstance): Promise<void> {
  const { articles, tags } = app.services;

  app.get<{ Params: { slug: string }; Querystring: ListPageQuery }>('/tag/:slug', async (request, reply) => {
    const tag = await tags.find(request.params.slug);
    const basePath = `/tag/${encodeURIComponent(tag.slug)}`;
    if (tag.slug !== request.params.slug) return reply.redirect(basePath, 301);
    const [site, page] = await Promise.all([
      app.siteContext(),
      loadListPage(articles, basePath, { tagId: tag.id }, request.query),
    ]);
    cachePage(reply, { tags: [pageTag.frame, pageTag.tag(tag.id), ...shownArticleTags(page.items)] });
    return sendPage(
      reply,
      <ArticleListPage site={site} heading={tag.name} kicker="برچسب" canonical={basePath} {...page} />,
    );
  });
}
