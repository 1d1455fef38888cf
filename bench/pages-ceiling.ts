// The ceiling of the page bench: a bare node:http server, in its own process, answering every request
// with the bytes and headers the site answered for a cached article page, held in memory. Nothing
// a Node server does per request can cost less, so the site's figures are read as a share of it.
//
//   node --import tsx bench/pages-ceiling.ts <port> <response.json>
// where response.json is { headers: {name: value}, body: base64 } as the bench captured it.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, file] = process.argv.slice(2);
if (!port || !file) throw new Error('usage: pages-ceiling.ts <port> <response.json>');
const captured = JSON.parse(readFileSync(file, 'utf8')) as { headers: Record<string, string>; body: string };
const body = Buffer.from(captured.body, 'base64');
const headers = { ...captured.headers, 'content-length': String(body.length) };

createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
}).listen(Number(port), '127.0.0.1');
