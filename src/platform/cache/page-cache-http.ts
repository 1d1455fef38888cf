import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptedEncodings, compressForClient } from '../http/compression.js';
import { type CachedPage, type Encoding, etagOf, type PageCache } from './page-cache.js';
import { pageKey } from './page-key.js';

/** What a route declares about the page it renders: what it shows, and for how long it may be kept. */
export interface CachePolicy {
  /** `article:42`, `section:3`, `latest`…: the page is dropped when any of these changes. */
  tags: readonly string[];
  /** Only for pages whose lists change with the clock, such as most viewed. */
  ttlSeconds?: number;
  /** The article this page is, so that answers from the cache still count a view. */
  viewOf?: number;
}

// Browsers keep a page a short while; a CDN or nginx in front may keep it a minute
// and serve it stale while it fetches a fresh copy, or for a day if Khabar is down.
// Khabar's own cache is dropped on publish, so these bound how late a CDN can be.
export const publicPageCacheControl =
  'public, max-age=30, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400';

function cacheControlFor(ttlSeconds: number | undefined): string {
  if (ttlSeconds === undefined) return publicPageCacheControl;
  const browser = Math.min(ttlSeconds, 30);
  const shared = Math.min(ttlSeconds, 60);
  return `public, max-age=${browser}, s-maxage=${shared}, stale-while-revalidate=${Math.min(shared * 6, 300)}, stale-if-error=86400`;
}

const policies = new WeakMap<FastifyRequest, CachePolicy>();
const missedKeys = new WeakMap<FastifyRequest, string>();

/** Marks the page this reply renders as public and cacheable. */
export function cachePage(reply: FastifyReply, policy: CachePolicy): void {
  policies.set(reply.request, policy);
  reply.header('Cache-Control', cacheControlFor(policy.ttlSeconds));
}

// Headers that belong to one response, not to the page.
const perResponse = new Set([
  'content-length',
  'content-encoding',
  'etag',
  'vary',
  'x-cache',
  'date',
  'connection',
]);

function storableHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || perResponse.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

/** Whether the client already holds this page: If-None-Match uses the weak comparison (RFC 9110 §13.1.2). */
function clientHolds(request: FastifyRequest, page: CachedPage): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  if (header.trim() === '*') return true;
  const hash = `"${page.hash}`;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '').startsWith(hash));
}

function encodingFor(request: FastifyRequest): Encoding {
  const accepted = acceptedEncodings(request.headers['accept-encoding']);
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

function responseHeaders(page: CachedPage, encoding: Encoding, state: 'HIT' | 'MISS') {
  const headers: Record<string, string | number> = {
    ...page.headers,
    vary: 'Accept-Encoding',
    etag: etagOf(page, encoding),
    'x-cache': state,
  };
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  return headers;
}

function writeHit(cache: PageCache, request: FastifyRequest, res: ServerResponse, page: CachedPage): void {
  const encoding = encodingFor(request);
  const headers = responseHeaders(page, encoding, 'HIT');
  if (clientHolds(request, page)) {
    delete headers['content-type'];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const send = (body: Buffer) => {
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(request.method === 'HEAD' ? undefined : body);
  };
  const body = cache.stored(page, encoding);
  if (body) return send(body);
  cache.encode(page, encoding).then(send, (error: unknown) => {
    request.log.error({ err: error }, 'compressing a cached page failed');
    res.destroy();
  });
}

export interface PageCacheHooks {
  cache: PageCache;
  /** Counts a reader's view of an article served from the cache. */
  countView(articleId: number, request: FastifyRequest): void;
}

/**
 * Answers cached pages before routing work starts, and keeps the pages routes
 * mark with `cachePage`. Must be the first onRequest hook: a hit writes the
 * stored bytes and skips every later hook and the handler.
 *
 * Every other HTML response is compressed here too, per request.
 */
export function registerPageCache(app: FastifyInstance, { cache, countView }: PageCacheHooks): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return done();
    const key = pageKey(request.url);
    const page = cache.get(key);
    if (!page) {
      missedKeys.set(request, key);
      return done();
    }
    if (page.viewOf !== undefined && request.method === 'GET') countView(page.viewOf, request);
    reply.hijack();
    writeHit(cache, request, reply.raw, page);
    done();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const policy = policies.get(request);
    const key = missedKeys.get(request);
    if (
      !policy ||
      key === undefined ||
      reply.statusCode !== 200 ||
      reply.hasHeader('set-cookie') ||
      typeof payload !== 'string'
    ) {
      return compressForClient(request, reply, payload);
    }
    const page = cache.set({
      key,
      headers: storableHeaders(reply),
      body: Buffer.from(payload),
      tags: policy.tags,
      ttlMs: policy.ttlSeconds === undefined ? undefined : policy.ttlSeconds * 1000,
      viewOf: policy.viewOf,
    });
    const encoding = encodingFor(request);
    for (const [name, value] of Object.entries(responseHeaders(page, encoding, 'MISS')))
      reply.header(name, value);
    if (clientHolds(request, page)) {
      reply.code(304).removeHeader('content-type');
      return '';
    }
    return cache.encode(page, encoding);
  });
}
