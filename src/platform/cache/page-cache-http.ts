import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
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

export function cacheControlFor(ttlSeconds: number | undefined): string {
  if (ttlSeconds === undefined) return publicPageCacheControl;
  const browser = Math.min(ttlSeconds, 30);
  const shared = Math.min(ttlSeconds, 60);
  return `public, max-age=${browser}, s-maxage=${shared}, stale-while-revalidate=${Math.min(shared * 6, 300)}, stale-if-error=86400`;
}

const policies = new WeakMap<FastifyRequest, CachePolicy>();
/** Requests already looked up and not found, by their Node request, so no request is looked up twice. */
const missedKeys = new WeakMap<IncomingMessage, string>();

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

/**
 * Whether an If-None-Match header names a tag starting with `prefix` (a page's hash: any of its
 * encodings), or is `*`. Weak comparison, as RFC 9110 §13.1.2 asks for If-None-Match.
 */
export function ifNoneMatchHolds(header: string | undefined, prefix: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '').startsWith(prefix));
}

function clientHolds(request: { headers: IncomingHttpHeaders }, page: CachedPage): boolean {
  return ifNoneMatchHolds(request.headers['if-none-match'], `"${page.hash}`);
}

function encodingFor(request: { headers: IncomingHttpHeaders }): Encoding {
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

// A hit's headers are the same for every reader of one stored form of a page: they
// are laid out once, as the flat list writeHead takes, so a hit only looks them up.
// They are kept by the form's bytes, which a refined form replaces.
const hitHeaders = new WeakMap<Buffer, string[]>();

function headersOfHit(page: CachedPage, encoding: Encoding, body: Buffer): string[] {
  let list = hitHeaders.get(body);
  if (!list) {
    list = Object.entries(responseHeaders(page, encoding, 'HIT')).flatMap(([name, value]) => [
      name,
      String(value),
    ]);
    list.push('content-length', String(body.length));
    hitHeaders.set(body, list);
  }
  return list;
}

function writeHit(cache: PageCache, request: IncomingMessage, res: ServerResponse, page: CachedPage): void {
  const encoding = encodingFor(request);
  if (clientHolds(request, page)) {
    const headers = responseHeaders(page, encoding, 'HIT');
    delete headers['content-type'];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const send = (body: Buffer) => {
    res.writeHead(200, headersOfHit(page, encoding, body));
    res.end(request.method === 'HEAD' ? undefined : body);
  };
  const body = cache.stored(page, encoding);
  if (body) {
    send(body);
    cache.refine(page, encoding);
  } else cache.encode(page, encoding).then(send, () => res.destroy());
}

/** The cached page a request asks for, if it is a GET or HEAD and the page is kept. */
function cachedPageFor(cache: PageCache, request: IncomingMessage): CachedPage | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const key = pageKey(request.url ?? '/');
  const page = cache.get(key);
  if (!page) missedKeys.set(request, key);
  return page;
}

export interface Reader {
  ip: string;
  userAgent: string | undefined;
}

export interface PageCacheHooks {
  cache: PageCache;
  /** Counts a reader's view of an article served from the cache. */
  countView(articleId: number, reader: Reader): void;
  /**
   * Answers a page the cache does not hold without Fastify, if it can: undefined when it does
   * not try, otherwise whether it answered. What it leaves goes on to Fastify.
   */
  answerMiss?(
    request: IncomingMessage,
    response: ServerResponse,
    readerIp: () => string,
  ): Promise<boolean> | undefined;
}

function countHit(page: CachedPage, request: IncomingMessage, reader: () => string, hooks: PageCacheHooks) {
  if (page.viewOf !== undefined && request.method === 'GET')
    hooks.countView(page.viewOf, { ip: reader(), userAgent: request.headers['user-agent'] });
}

/**
 * A Fastify serverFactory whose server answers cached pages before Fastify sees
 * the request: a hit costs a Map lookup and one write, which is what lets one
 * process serve a breaking-news spike. Misses go on to Fastify as usual.
 */
export function serverAnsweringFromCache(hooks: PageCacheHooks, { trustProxy }: { trustProxy: boolean }) {
  // Behind a trusted proxy the reader is the first address it forwards, as Fastify's request.ip has it.
  const readerIp = (request: IncomingMessage) => {
    const forwarded = trustProxy ? request.headers['x-forwarded-for'] : undefined;
    const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
    return first || request.socket.remoteAddress || '';
  };
  return (handler: (request: IncomingMessage, response: ServerResponse) => void): Server =>
    createServer((request, response) => {
      const page = cachedPageFor(hooks.cache, request);
      if (!page) {
        const answering = hooks.answerMiss?.(request, response, () => readerIp(request));
        if (!answering) return handler(request, response);
        // A failure (the database, say) is Fastify's to answer, with its error page.
        answering.then(
          (answered) => answered || handler(request, response),
          () => handler(request, response),
        );
        return;
      }
      countHit(page, request, () => readerIp(request), hooks);
      writeHit(hooks.cache, request, response, page);
    });
}

/**
 * Answers cached pages that reach Fastify (through app.inject, or a server
 * without the factory above) and keeps the pages routes mark with `cachePage`.
 * Must be the first onRequest hook: a hit skips every later hook and the
 * handler. Every other HTML response is compressed here too, per request.
 */
export function registerPageCache(app: FastifyInstance, hooks: PageCacheHooks): void {
  const { cache } = hooks;
  app.addHook('onRequest', (request, reply, done) => {
    if (missedKeys.has(request.raw)) return done();
    const page = cachedPageFor(cache, request.raw);
    if (!page) return done();
    countHit(page, request.raw, () => request.ip, hooks);
    reply.hijack();
    writeHit(cache, request.raw, reply.raw, page);
    done();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const policy = policies.get(request);
    const key = missedKeys.get(request.raw);
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
    if (clientHolds(request, page)) {
      for (const [name, value] of Object.entries(responseHeaders(page, encoding, 'MISS')))
        reply.header(name, value);
      reply.code(304).removeHeader('content-type');
      return '';
    }
    const body = await cache.encodeForFirstReader(page, encoding);
    for (const [name, value] of Object.entries(responseHeaders(page, encoding, 'MISS')))
      reply.header(name, value);
    return body;
  });
}
