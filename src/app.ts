import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config/config.js';
import { createArchiveService } from './features/archive/archive-service.js';
import { archiveSiteRoutes } from './features/archive/archive-site-routes.js';
import { articleApiRoutes } from './features/articles/article-api-routes.js';
import { createArticlePageService } from './features/articles/article-page-service.js';
import { createArticleService } from './features/articles/article-service.js';
import { articleSiteRoutes } from './features/articles/article-site-routes.js';
import { createStoredArticlePages } from './features/articles/stored-article-pages.js';
import { createStoredFirstVisits } from './features/articles/stored-first-visits.js';
import { createAuthorService } from './features/authors/author-service.js';
import { authorSiteRoutes } from './features/authors/author-site-routes.js';
import { commentApiRoutes } from './features/comments/comment-api-routes.js';
import { createCommentService } from './features/comments/comment-service.js';
import { commentSiteRoutes } from './features/comments/comment-site-routes.js';
import { createCurationService } from './features/curation/curation-service.js';
import { createDashboardService } from './features/dashboard/dashboard-service.js';
import { createFeedService } from './features/feeds/feed-service.js';
import { feedSiteRoutes } from './features/feeds/feed-site-routes.js';
import { createHomeService } from './features/home/home-service.js';
import { homeSiteRoutes } from './features/home/home-site-routes.js';
import { createMediaService } from './features/media/media-service.js';
import { newsroomRoutes } from './features/newsroom/newsroom-routes.js';
import { registerOps } from './features/ops/ops-routes.js';
import { createRedirectService } from './features/redirects/redirect-service.js';
import { searchApiRoutes } from './features/search/search-api-routes.js';
import { createSearchService } from './features/search/search-service.js';
import { searchSiteRoutes } from './features/search/search-site-routes.js';
import { sectionApiRoutes } from './features/sections/section-api-routes.js';
import { createSectionService } from './features/sections/section-service.js';
import { sectionSiteRoutes } from './features/sections/section-site-routes.js';
import { seoSiteRoutes } from './features/seo/seo-site-routes.js';
import { createSitemapService } from './features/sitemaps/sitemap-service.js';
import { sitemapSiteRoutes } from './features/sitemaps/sitemap-site-routes.js';
import { mostViewedApiRoutes } from './features/stats/most-viewed-api-routes.js';
import { createMostViewedService } from './features/stats/most-viewed-service.js';
import { mostViewedSiteRoutes } from './features/stats/most-viewed-site-routes.js';
import { createViewCounter } from './features/stats/view-counter.js';
import { createTagService } from './features/tags/tag-service.js';
import { tagSiteRoutes } from './features/tags/tag-site-routes.js';
import { createTelegramOutbox } from './features/telegram/telegram-outbox.js';
import { typographyApiRoutes } from './features/typography/typography-api-routes.js';
import { createSessionService } from './features/users/session-service.js';
import { registerApiAuth } from './features/users/user-api-auth.js';
import { createUserService } from './features/users/user-service.js';
import { PageCache } from './platform/cache/page-cache.js';
import {
  type PageCacheHooks,
  registerPageCache,
  serverAnsweringFromCache,
} from './platform/cache/page-cache-http.js';
import { invalidatePagesOnChange } from './platform/cache/page-invalidation.js';
import { TaggedMemo } from './platform/cache/tagged-memo.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { DB } from './platform/db/database.js';
import { EventBus } from './platform/events.js';
import { assetUrls, registerAssets } from './platform/http/assets.js';
import { frameworkErrorHandler, registerErrorHandling } from './platform/http/error-handler.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { registerValidation } from './platform/http/validation.js';
import type { SiteContext } from './platform/views/site-context.js';

export interface AppDeps {
  config: Config;
  db: DB;
  clock?: Clock;
}

// Teasers, section and tag lists shared by pages: about a kilobyte each. Events drop them
// when they change; the time bounds how late a write that sends none (a command-line
// import beside the running site) shows in them.
const sharedValues = { maxEntries: 10_000, defaultTtlMs: 5 * 60_000 };

/** The services of one process, wired once; the HTTP app and the CLI both use them. */
export function createServices(
  { config, db, clock = systemClock }: AppDeps,
  log: (error: unknown, what: string) => void,
) {
  const events = new EventBus((error, event) => log(error, `listener of ${event} failed`));
  const memo = new TaggedMemo(sharedValues);
  invalidatePagesOnChange(events, memo);
  // Search is built after the sections it filters by; a rename only reaches it later, at run time.
  const sections = createSectionService({
    db,
    clock,
    events,
    memo,
    onRenamed: (trx, id) => search.sectionRenamed(trx, id),
  });
  const search = createSearchService({ db, sections, timeZone: config.timeZone });
  const mediaDir = path.join(config.dataDir, 'media');
  const telegram = createTelegramOutbox({
    db,
    clock,
    config: config.telegram,
    siteUrl: config.siteUrl,
    mediaDir,
    log: (message, error) => log(error, message),
  });
  const articles = createArticleService({
    db,
    clock,
    events,
    newsCodeStart: config.newsCodeStart,
    onSaved: search.articlesSaved,
    onPublished: telegram.queue,
    memo,
  });
  events.on('article.published', () => telegram.kick());
  const tags = createTagService({ db, events, onRenamed: search.tagRenamed });
  const users = createUserService({ db, clock });
  const sessions = createSessionService({ db, clock, timeZone: config.timeZone });
  const media = createMediaService({ db, clock, events, mediaDir });
  const authors = createAuthorService({ db });
  const feeds = createFeedService({
    db,
    sections,
    tags,
    siteUrl: config.siteUrl,
    siteName: config.siteName,
    mediaDir,
  });
  const sitemaps = createSitemapService({
    db,
    clock,
    siteUrl: config.siteUrl,
    timeZone: config.timeZone,
    newsPublicationName: config.newsPublicationName,
  });
  const views = createViewCounter({
    db,
    clock,
    onFlushError: (error) => log(error, 'view counts not saved yet'),
  });
  const home = createHomeService({ db, articles, sections, views });
  const mostViewed = createMostViewedService({ views, articles });
  const archive = createArchiveService({ db, articles, clock, timeZone: config.timeZone });
  const curation = createCurationService({ db, articles, events });
  const dashboard = createDashboardService({ db, clock, articles, timeZone: config.timeZone });
  const comments = createCommentService({
    db,
    clock,
    events,
    articles,
    siteUrl: config.siteUrl,
    siteName: config.siteName,
    linksClickable: config.commentLinks,
  });
  const articlePages = createArticlePageService({ articles, views, comments, memo });
  const assets = assetUrls();
  const siteContext = async (): Promise<SiteContext> => ({
    siteName: config.siteName,
    siteUrl: config.siteUrl,
    timeZone: config.timeZone,
    sections: await sections.list(),
    now: clock.now(),
    ...assets,
  });
  const storedPages = createStoredArticlePages({
    db,
    articles,
    articlePages,
    comments,
    linksClickable: config.commentLinks,
  });
  const storedFirstVisits = createStoredFirstVisits({
    storedPages,
    siteContext,
    views,
    https: config.siteUrl.startsWith('https:'),
  });
  const redirects = createRedirectService({ db });
  return {
    db,
    siteUrl: config.siteUrl,
    clock,
    events,
    memo,
    sections,
    articles,
    articlePages,
    storedPages,
    storedFirstVisits,
    siteContext,
    search,
    tags,
    users,
    sessions,
    media,
    views,
    mostViewed,
    archive,
    home,
    curation,
    dashboard,
    comments,
    redirects,
    authors,
    feeds,
    sitemaps,
    telegram,
  };
}

export type Services = ReturnType<typeof createServices>;

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    siteContext(): Promise<SiteContext>;
    pageCache: PageCache;
  }
}

/**
 * Builds the whole HTTP application without listening: platform plugins first,
 * then each feature's routes, listed here so the wiring is read in one place.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  // Error pages are styled before the services (and their site context) exist.
  const { stylesheet } = assetUrls();
  const pageCache = new PageCache({ maxBytes: config.pageCacheBytes });
  const pageCacheHooks: PageCacheHooks = {
    cache: pageCache,
    countView: (articleId, reader) => services.views.record(articleId, reader),
    answerMiss: (request, response, readerIp) =>
      services.storedFirstVisits.answerEarly(request, response, readerIp),
  };
  const app = Fastify({
    serverFactory: serverAnsweringFromCache(pageCacheHooks, { trustProxy: config.trustProxy }),
    logger: {
      level: config.logLevel,
      // Readers' addresses are personal data: request logs carry the method and URL, never the IP.
      serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }) },
    },
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID().slice(0, 8),
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    frameworkErrors: frameworkErrorHandler(stylesheet),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const services = createServices(deps, (error, what) => app.log.error({ err: error }, what));
  app.decorate('services', services);

  registerValidation(app);
  registerErrorHandling(app, stylesheet, services.redirects);
  registerSecurityHeaders(app, { https: config.siteUrl.startsWith('https:') });
  // Before every other onRequest hook: a cached page is answered without them.
  invalidatePagesOnChange(services.events, pageCache);
  // Events from other processes, and a reconnect's clearing, reach the shared values through the page cache.
  pageCache.alsoDrop(services.memo);
  registerPageCache(app, pageCacheHooks);
  app.decorate('pageCache', pageCache);
  registerOps(app);
  await app.register(cookie);
  await app.register(formbody);
  await app.register(swagger, {
    // Only the API's routes carry tags; the HTML pages stay out of the API document.
    hideUntagged: true,
    openapi: {
      info: { title: 'Khabar API', version: '1', description: 'The JSON API of a Khabar news site.' },
      servers: [{ url: config.siteUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'khabar token create --email …' },
        },
      },
    },
  });

  const mediaDir = services.media.mediaDir;
  mkdirSync(mediaDir, { recursive: true });
  await registerAssets(app, mediaDir);
  app.decorate('siteContext', services.siteContext);

  await app.register(homeSiteRoutes);
  await app.register(articleSiteRoutes);
  await app.register(sectionSiteRoutes);
  await app.register(tagSiteRoutes);
  await app.register(mostViewedSiteRoutes);
  await app.register(archiveSiteRoutes);
  await app.register(commentSiteRoutes);
  await app.register(searchSiteRoutes);
  await app.register(authorSiteRoutes);
  await app.register(feedSiteRoutes);
  await app.register(sitemapSiteRoutes);
  await app.register(seoSiteRoutes);
  await app.register(newsroomRoutes);
  await app.register(
    async (api) => {
      registerApiAuth(api, services.users);
      await api.register(articleApiRoutes);
      await api.register(sectionApiRoutes);
      await api.register(mostViewedApiRoutes);
      await api.register(commentApiRoutes);
      await api.register(searchApiRoutes);
      await api.register(typographyApiRoutes);
    },
    { prefix: '/api/v1' },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onClose', async () => {
    await services.views.stop();
    await services.telegram.stop();
  });
  return app;
}
