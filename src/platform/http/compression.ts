import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { boundedMemo } from '../bounded-memo.js';

// A phone on a slow network waits for every byte: a 70 KB home page is 9 KB as
// brotli. Pages in the page cache are compressed once at quality 5; this is for
// responses made for one reader (search, the newsroom, the API), where quality 5
// cost 1.4 ms of a search's 12. Quality 2 takes about a third of that for 8–20%
// more bytes, and gzip level 1 half of level 6's time for 14% more.
const brotliQuality = 2;
const gzipLevel = 1;
const smallestWorthCompressing = 1024;
const compressible = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|feed\+json))/;

// Every request asks; browsers send a handful of distinct headers, so each is parsed once.
const parsedHeaders = boundedMemo<ReadonlySet<string>>(256);

/** The encodings a client accepts, without those it refuses with q=0. */
export function acceptedEncodings(header: string | undefined): ReadonlySet<string> {
  return parsedHeaders(header ?? '', () => parseAcceptEncoding(header ?? ''));
}

function parseAcceptEncoding(header: string): Set<string> {
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

/** An onSend step: compresses a text response for this one client when it is worth it. */
export function compressForClient(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (typeof payload !== 'string' || reply.hasHeader('content-encoding')) return payload;
  if (!compressible.test(String(reply.getHeader('content-type') ?? ''))) return payload;
  const size = Buffer.byteLength(payload);
  if (size < smallestWorthCompressing) return payload;
  reply.header('Vary', 'Accept-Encoding');
  const accepted = acceptedEncodings(request.headers['accept-encoding']);
  if (accepted.has('br')) {
    reply.header('Content-Encoding', 'br');
    return brotliCompressSync(payload, {
      params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: size },
    });
  }
  if (accepted.has('gzip')) {
    reply.header('Content-Encoding', 'gzip');
    return gzipSync(payload, { level: gzipLevel });
  }
  return payload;
}
