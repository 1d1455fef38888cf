import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cacheControlFor, cachePage, ifNoneMatchHolds } from '../../platform/cache/page-cache-http.js';
import { pageTag, shownArticleTags } from '../../platform/cache/page-tags.js';
import { NotFoundError } from '../../platform/errors.js';
import { acceptedEncodings } from '../../platform/http/compression.js';
import { sendPage } from '../../platform/http/render.js';
import { articlePath, parseNewsCode } from './article.js';
import { ArticlePage } from './views/ArticlePage.js';

// The most-viewed box changes with every reader, not with any one event.
const mostViewedSeconds = 60;

/** Accepts Persian digits as typed by a reader; anything but a news code is simply not an article. */
function newsCodeOf(value: string): number {
  const code = parseNewsCode(value);
  if (code === undefined) throw new NotFoundError('خبری با این کد پیدا نشد.');
  return code;
}

const assembledRemembered = 50_000;

export async function articleSiteRoutes(app: FastifyInstance): Promise<void> {
  const { articles, articlePages, storedPages, views } = app.services;
  // A page this process has assembled is rendered the next time, so that the page cache keeps it
  // and later readers get the smaller brotli form; most pages of an archive are read once.
  const assembledRecently = new Set<string>();

  /** A plain first visit that takes gzip: the kind of request a stored page answers. */
  function mayAssemble(request: FastifyRequest): boolean {
    return (
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.includes('?') &&
      !assembledRecently.has(request.url) &&
      acceptedEncodings(request.headers['accept-encoding']).has('gzip')
    );
  }

  /** Answers from the article's stored parts when they are current; false when the page must be rendered. */
  async function answerAssembled(
    request: FastifyRequest<{ Params: { newsCode: string; slug?: string } }>,
    reply: FastifyReply,
    newsCode: number,
  ): Promise<boolean> {
    const page = await storedPages.assemble(newsCode, await app.siteContext());
    // Redirects to the canonical address are left to the rendering path.
    if (!page || request.params.newsCode !== String(newsCode) || (request.params.slug ?? '') !== page.slug)
      return false;
    // HEAD asks about the page without reading it (a link checker, a crawler's look): not a visit.
    if (request.method === 'GET') {
      views.record(page.articleId, { ip: request.ip, userAgent: request.headers['user-agent'] });
      if (assembledRecently.size >= assembledRemembered) assembledRecently.clear();
      assembledRecently.add(request.url);
    }
    reply
      .header('Cache-Control', cacheControlFor(mostViewedSeconds))
      .header('Vary', 'Accept-Encoding')
      .header('ETag', page.etag)
      .header('X-Cache', 'STORED');
    if (ifNoneMatchHolds(request.headers['if-none-match'], page.etag)) {
      reply.code(304).send();
      return true;
    }
    reply.type('text/html; charset=utf-8').header('Content-Encoding', 'gzip').send(page.gzip);
    return true;
  }

  app.get<{ Params: { newsCode: string; slug?: string } }>(
    '/news/:newsCode/:slug?',
    async (request, reply) => {
      const newsCode = newsCodeOf(request.params.newsCode);
      if (mayAssemble(request) && (await answerAssembled(request, reply, newsCode))) return reply;
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
        ttlSeconds: mostViewedSeconds,
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
