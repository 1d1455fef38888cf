import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/**
 * Renders a page to HTML and sends it; views are pure, so this is all a route
 * needs. Compression and caching happen on the way out (see platform/cache).
 */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${render(page)}`);
}
