import type { IncomingMessage, ServerResponse } from 'node:http';
import { cacheControlFor, ifNoneMatchHolds, type Reader } from '../../platform/cache/page-cache-http.js';
import { acceptedEncodings } from '../../platform/http/compression.js';
import { securityHeaders } from '../../platform/http/security-headers.js';
import type { SiteContext } from '../../platform/views/site-context.js';
import type { ViewCounter } from '../stats/view-counter.js';
import type { AssembledPage, StoredArticlePages } from './stored-article-pages.js';

// The most-viewed box changes with every reader, not with any one event.
export const articlePageSeconds = 60;

const assembledRemembered = 50_000;

/** What a stored first visit needs of a request, from Fastify or from the HTTP server. */
export interface VisitRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/** The response to a stored first visit: its status, headers, and body unless it is a 304. */
export interface StoredAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

/**
 * First visits to article pages answered from their stored parts (stored-article-pages.ts). The
 * HTTP server answers most of them before Fastify runs, as it answers cache hits: routing, hooks
 * and the reply cost about a quarter of such a visit. Requests that reach the article route
 * (through app.inject, or the few the server leaves to it) are answered the same way there.
 */
export function createStoredFirstVisits({
  storedPages,
  siteContext,
  views,
  https,
}: {
  storedPages: Pick<StoredArticlePages, 'assemble'>;
  siteContext: () => Promise<SiteContext>;
  views: Pick<ViewCounter, 'record'>;
  https: boolean;
}) {
  // A page this process has assembled is rendered the next time, so that the page cache keeps it
  // and later readers get the smaller brotli form; most pages of an archive are read once.
  const assembledRecently = new Set<string>();
  const htmlSecurity = securityHeaders({ https, html: true });
  const security = securityHeaders({ https, html: false });
  const counts = { answered: 0, early: 0 };

  /** A plain first visit that takes gzip: the kind of request a stored page answers. */
  function mayAssemble(request: VisitRequest): boolean {
    return (
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.includes('?') &&
      !assembledRecently.has(request.url) &&
      acceptedEncodings(request.headers['accept-encoding']).has('gzip')
    );
  }

  function headersOf(page: AssembledPage): Record<string, string> {
    return {
      'Cache-Control': cacheControlFor(articlePageSeconds),
      Vary: 'Accept-Encoding',
      ETag: page.etag,
      'X-Cache': 'STORED',
    };
  }

  /**
   * The answer from the article's stored parts, if they are current and the address is the
   * article's own (redirects are left to the rendering path). A GET counts as a visit.
   */
  async function answer(
    request: VisitRequest,
    address: { newsCode: number; slug: string | undefined },
    reader: () => Reader,
  ): Promise<StoredAnswer | undefined> {
    const page = await storedPages.assemble(address.newsCode, await siteContext());
    if (!page || (address.slug ?? '') !== page.slug) return undefined;
    counts.answered++;
    // HEAD asks about the page without reading it (a link checker, a crawler's look): not a visit.
    if (request.method === 'GET') {
      views.record(page.articleId, reader());
      if (assembledRecently.size >= assembledRemembered) assembledRecently.clear();
      assembledRecently.add(request.url);
    }
    if (ifNoneMatchHolds(request.headers['if-none-match'], page.etag))
      return { status: 304, headers: { ...headersOf(page), ...security }, body: undefined };
    return {
      status: 200,
      headers: {
        ...headersOf(page),
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Encoding': 'gzip',
        ...htmlSecurity,
      },
      body: page.gzip,
    };
  }

  /**
   * For the HTTP server, before Fastify: undefined when the request is not a plain first visit to
   * an article's own address; otherwise whether it was answered (if not, Fastify must answer it).
   */
  function answerEarly(
    request: IncomingMessage,
    response: ServerResponse,
    readerIp: () => string,
  ): Promise<boolean> | undefined {
    const visit = request as VisitRequest;
    const address = canonicalAddress(visit.url);
    if (!address || !mayAssemble(visit)) return undefined;
    return answer(visit, address, () => ({ ip: readerIp(), userAgent: request.headers['user-agent'] })).then(
      (stored) => {
        if (!stored) return false;
        counts.early++;
        const length = stored.body && { 'Content-Length': String(stored.body.length) };
        response.writeHead(stored.status, { ...stored.headers, ...length });
        // Node sends no body in answer to a HEAD.
        response.end(stored.body);
        return true;
      },
    );
  }

  /** First visits answered from stored parts since start, and how many of them before Fastify. */
  const stats = () => ({ ...counts });

  return { mayAssemble, answer, answerEarly, stats };
}

export type StoredFirstVisits = ReturnType<typeof createStoredFirstVisits>;

/**
 * The news code and slug of `/news/{code}/{slug}` written as the site writes it (ASCII digits,
 * no trailing slash); any other spelling is left to the router, which redirects it.
 */
function canonicalAddress(url: string): { newsCode: number; slug: string } | undefined {
  const match = /^\/news\/([1-9]\d{0,14})\/([^/?]+)$/.exec(url);
  if (!match?.[1] || !match[2]) return undefined;
  try {
    return { newsCode: Number(match[1]), slug: decodeURIComponent(match[2]) };
  } catch {
    return undefined;
  }
}
