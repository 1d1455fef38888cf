import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cachePage } from '../../platform/cache/page-cache-http.js';
import { pageTag, shownArticleTags } from '../../platform/cache/page-tags.js';
import { NotFoundError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { articlePath, parseNewsCode } from './article.js';
import { articlePageSeconds } from './stored-first-visits.js';
import { ArticlePage } from './views/ArticlePage.js';

/** Accepts Persian digits as typed by a reader; anything but a news code is simply not an article. */
function newsCodeOf(value: string): number {
  const code = parseNewsCode(value);
  if (code === undefined) throw new NotFoundError('خبری با این کد پیدا نشد.');
  return code;
}

export async function articleSiteRoutes(app: FastifyInstance): Promise<void> {
  const { articles, articlePages, storedFirstVisits, views } = app.services;

  /** Answers from the article's stored parts when they are current; false when the page must be rendered. */
  async function answerStored(
    request: FastifyRequest<{ Params: { newsCode: string; slug?: string } }>,
    reply: FastifyReply,
    newsCode: number,
  ): Promise<boolean> {
    // Another spelling of the news code is redirected by the rendering path.
    if (request.params.newsCode !== String(newsCode)) return false;
    const stored = await storedFirstVisits.answer(request, { newsCode, slug: request.params.slug }, () => ({
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    }));
    if (!stored) return false;
    reply.code(stored.status).headers(stored.headers).send(stored.body);
    return true;
  }

  app.get<{ Params: { newsCode: string; slug?: string } }>(
    '/news/:newsCode/:slug?',
    async (request, reply) => {
      const newsCode = newsCodeOf(request.params.newsCode);
      if (storedFirstVisits.mayAssemble(request) && (await answerStored(request, reply, newsCode)))
        return reply;
      const page = await articlePages.load(newsCode);
      const { article } = page;
      // A missing or outdated slug (the title was edited) still reaches the article, at its one canonical address.
      if (request.params.newsCode !== String(newsCode) || (request.params.slug ?? '') !== article.slug) {
        return reply.redirect(articlePath(article), 301);
      }
      // HEAD asks about the page without reading it.
      if (request.method === 'GET')
        views.record(article.id, { ip: request.ip, userAgent: request.headers['user-agent'] });
      cachePage(reply, {
        tags: [
          pageTag.frame,
          pageTag.article(article.id),
          pageTag.comments(article.id),
          // «سایر اخبار» lists the section's newest, «مطالب مرتبط» articles sharing a tag.
          pageTag.section(article.section.id),
          ...article.tags.map((tag) => pageTag.tag(tag.id)),
          ...shownArticleTags(page.related, page.otherNews, page.mostViewed),
        ],
        ttlSeconds: articlePageSeconds,
        viewOf: article.id,
      });
      const commentNotice = (request.query as { comment?: string }).comment;
      return sendPage(
        reply,
        <ArticlePage site={await app.siteContext()} {...page} commentNotice={commentNotice} />,
      );
    },
  );

  app.get<{ Params: { newsCode: string } }>('/n/:newsCode', async (request, reply) => {
    const article = await articles.getPublished(newsCodeOf(request.params.newsCode));
    return reply.redirect(articlePath(article), 301);
  });
}
