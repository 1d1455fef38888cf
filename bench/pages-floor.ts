// The first-visit floor of the page bench: Fastify, with as many cluster workers as the site, answering
// every request with the site's article page made anew: the page's HTML as a new string, encoded and
// compressed with brotli 1 as the site compresses a first visit, and sent with the site's headers.
// No rendering, no database. A first visit to the site cannot cost less than this, so its req/s is
// the most an uncached page can reach on this machine with this framework and load generator.
//
//   node --import tsx bench/pages-floor.ts <port> <workers> <page.json>
// where page.json is { headers: {name: value}, html: string } as the bench captured it.
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import Fastify from 'fastify';

const [port, workers, file] = process.argv.slice(2);
if (!port || !workers || !file) throw new Error('usage: pages-floor.ts <port> <workers> <page.json>');

if (cluster.isPrimary && Number(workers) > 1) {
  for (let i = 0; i < Number(workers); i++) cluster.fork();
} else {
  const page = JSON.parse(readFileSync(file, 'utf8')) as { headers: Record<string, string>; html: string };
  const { etag: _sameForEveryAnswer, ...kept } = page.headers;
  const headers = { ...kept, 'content-encoding': 'br', 'x-cache': 'MISS' };
  const app = Fastify({ logger: false });
  let served = 0;
  app.get('/*', async (_request, reply) => {
    // A new string per request, as a render makes one: nothing of the last answer is reused.
    const html = page.html.replace('</body>', `<!--${served++}--></body>`);
    const raw = Buffer.from(html);
    const body = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    return reply.headers(headers).send(body);
  });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
}
