import type { FastifyInstance } from 'fastify';
import { cachePage } from '../../platform/cache/page-cache-http.js';
import { pageTag, shownArticleTags } from '../../platform/cache/page-tags.js';
import { sendPage } from '../../platform/http/render.js';
import { type ListPageQuery, loadListPage } from '../articles/article-list.js';
import { ArticleListPage } from '../articles/views/ArticleListPage.js';
import { JsonLd } from '../seo/JsonLd.js';
import { authorPath, profilePageLd } from '../seo/json-ld.js';

/** `/author/{slug}`: who the author is and their articles, newest first, with ProfilePage markup. */
export async function authorSiteRoutes(app: FastifyInstance): Promise<void> {
  const { authors, articles } = app.services;

  app.get<{ Params: { slug: string }; Querystring: ListPageQuery }>(
    '/author/:slug',
    async (request, reply) => {
      const author = await authors.getBySlug(request.params.slug);
      const basePath = authorPath(author);
      const [site, page] = await Promise.all([
        app.siteContext(),
        loadListPage(articles, basePath, { authorId: author.id }, request.query),
      ]);
      // A publish names no author in its event, so an author's list goes with every publish.
      cachePage(reply, { tags: [pageTag.frame, pageTag.latest, ...shownArticleTags(page.items)] });
      return sendPage(
        reply,
        <ArticleListPage
          site={site}
          heading={author.name}
          kicker="نویسنده"
          description={author.bio}
          canonical={basePath}
          feeds={[]}
          head={<JsonLd data={profilePageLd(author, site)} />}
          {...page}
        />,
      );
    },
  );
}
