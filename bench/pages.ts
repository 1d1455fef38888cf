// Load on the public pages of a demo site, on this machine only (127.0.0.1),
// bounded in time. Prints requests per second, latency and page weight for
// each page, so a change can be compared with the figures in the README.
//
//   npm run bench                 # SQLite, 10 s per page, 10 connections
//   BENCH_SECONDS=5 npm run bench
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.js';
import { openMigratedDatabase } from '../src/cli/prepare.js';
import { loadConfig } from '../src/config/config.js';
import { seedDemoContent } from '../src/features/demo/demo-seeder.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

const dataDir = mkdtempSync(path.join(tmpdir(), 'khabar-bench-'));
const config = loadConfig({ KHABAR_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const database = await openMigratedDatabase(config);
const app = await buildApp({ config, db: database.db });
await app.services.sections.ensureDefaults();
const seedStart = performance.now();
const seeded = await seedDemoContent(app.services);
const seedMs = performance.now() - seedStart;
const origin = await app.listen({ port: 0, host: '127.0.0.1' });

const list = (await app.inject('/api/v1/articles?limit=1')).json();
const article = new URL(list.items[0].url).pathname;
const pages = [
  ['home', '/'],
  ['article', article],
  ['section', '/section/politics'],
  ['api list', '/api/v1/articles?limit=20'],
] as const;

console.log(
  `demo: ${seeded} articles seeded in ${(seedMs / 1000).toFixed(1)} s; ${seconds} s per page, ${connections} connections`,
);
console.log('page       req/s    p50 ms   p99 ms   bytes');
for (const [name, url] of pages) {
  const bytes = (await app.inject(url)).rawPayload.length;
  const result = await autocannon({
    url: `${origin}${url}`,
    connections,
    duration: seconds,
    headers: { 'user-agent': 'Mozilla/5.0 (khabar bench)' },
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  console.log(
    `${name.padEnd(10)} ${result.requests.average.toFixed(0).padStart(6)} ${String(result.latency.p50).padStart(8)} ${String(result.latency.p99).padStart(8)} ${String(bytes).padStart(7)}`,
  );
}

await app.close();
await database.destroy();
rmSync(dataDir, { recursive: true, force: true });
