import type { FastifyInstance, FastifyReply } from 'fastify';
import { cachePage } from '../../platform/cache/page-cache-http.js';
import type { FeedFormat } from './feed-builder.js';
import type { FeedResult } from './feed-service.js';

// Each format's file name: the site's at the root (RSS also at the older /feed.xml), a list's below its page.
const siteFeeds: [string, FeedFormat][] = [
  ['/rss', 'rss'],
  ['/feed.xml', 'rss'],
  ['/atom.xml', 'atom'],
  ['/feed.json', 'json'],
];
const listFeeds: [string, FeedFormat][] = [
  ['rss', 'rss'],
  ['atom.xml', 'atom'],
  ['feed.json', 'json'],
];

function send(reply: FastifyReply, result: FeedResult) {
  if ('redirect' in result) return reply.redirect(result.redirect, 301);
  cachePage(reply, { tags: result.cacheTags });
  return reply.type(result.contentType).send(result.body);
}

/** The feeds: public GET documents, each a thin call into the feed service. */
export async function feedSiteRoutes(app: FastifyInstance): Promise<void> {
  const { feeds } = app.services;
  for (const [url, format] of siteFeeds) {
    app.get(url, async (_request, reply) => send(reply, await feeds.site(format)));
  }
  for (const [file, format] of listFeeds) {
    app.get<{ Params: { slug: string } }>(`/section/:slug/${file}`, async (request, reply) =>
      send(reply, await feeds.section(request.params.slug, format)),
    );
    app.get<{ Params: { slug: string } }>(`/tag/:slug/${file}`, async (request, reply) =>
      send(reply, await feeds.tag(request.params.slug, format)),
    );
  }
}
