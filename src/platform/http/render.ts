import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

// A phone on a slow network waits for every byte: a 70 KB home page is 9 KB as
// brotli. Quality 5 costs about a millisecond here; the page cache of a later
// issue will store these forms once instead of making them per request.
const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };
const smallestWorthCompressing = 1024;

/** The encodings a client accepts, without those it refuses with q=0. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

/** Renders a page to HTML and sends it, compressed when the client takes it; views are pure, so this is all a route needs. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  const html = `<!doctype html>${render(page)}`;
  reply.status(status).type('text/html; charset=utf-8').header('Vary', 'Accept-Encoding');
  if (Buffer.byteLength(html) < smallestWorthCompressing) return reply.send(html);
  const accepted = acceptedEncodings(reply.request.headers['accept-encoding']);
  if (accepted.has('br'))
    return reply.header('Content-Encoding', 'br').send(brotliCompressSync(html, brotliOptions));
  if (accepted.has('gzip')) return reply.header('Content-Encoding', 'gzip').send(gzipSync(html));
  return reply.send(html);
}
