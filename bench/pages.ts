// The page bench (issue 8): a deterministic site of 100 000 Persian articles, the real server in its
// own process, and autocannon driving it from this process on 127.0.0.1, beside a bare node:http
// server that answers the same bytes as the ceiling, and a Fastify server that compresses the same
// page anew for every request as the floor of a first visit. Prints a table and the targets, and writes
// bench/results.json. Not part of `npm test`.
//
//   npm run bench
//   BENCH_ARTICLES=5000 BENCH_SECONDS=3 npm run bench     # a quick look while iterating
//   BENCH_CORPUS=.tmp/bench-100k.db npm run bench          # generate once, reuse on later runs
//
// Settings (environment):
//   BENCH_ARTICLES     articles in the corpus (100000)
//   BENCH_CORPUS       a file to keep the generated corpus in and reuse while it matches (the
//                      article count, the generator and the migrations); each run works on a copy.
//                      Unset: a fresh temporary directory, removed at the end.
//   BENCH_SECONDS      seconds per load scenario (10)
//   BENCH_CONNECTIONS  concurrent connections per scenario (10)
//   BENCH_SERVER       dist (default: `node dist/main.js serve`, what `npm start` runs; `npm run
//                      bench` builds it first) or tsx (`node --import tsx src/main.ts serve`)
//   BENCH_WORKERS      processes serving (`serve --workers N`); default: one per processor core
//   BENCH_RESULTS      where to write the results (bench/results.json)
//
// The server runs with KHABAR_TRUST_PROXY=on, as behind the nginx the README describes, so that the
// comment scenario can post as many readers (X-Forwarded-For) instead of tripping the per-address
// limit of 5 comments in 10 minutes from one address. Refusals are counted, not hidden.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadConfig } from '../src/config/config.js';
import { type PreparedSite, publishedPaths, searchQueries } from './pages-corpus.js';
import { type LoadSettings, runScenario, type Scenario, type ScenarioResult } from './pages-load.js';
import {
  cleanUp,
  freePort,
  quiet,
  removeAtExit,
  runToEnd,
  startProcess,
  stopProcess,
  treeResident,
} from './pages-processes.js';
import { formatTable, formatTargets, judgeTargets, shownMs, writeResults } from './pages-report.js';
import { getRaw, publishToVisible, sectionPage, settle, warm } from './pages-site.js';

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return value;
}

const articleCount = setting('BENCH_ARTICLES', 100_000);
const load: LoadSettings = {
  seconds: setting('BENCH_SECONDS', 10),
  connections: setting('BENCH_CONNECTIONS', 10),
};
const corpusFile = process.env.BENCH_CORPUS ? path.resolve(process.env.BENCH_CORPUS) : undefined;
const serverKind = process.env.BENCH_SERVER ?? 'dist';
if (serverKind !== 'tsx' && serverKind !== 'dist') throw new Error('BENCH_SERVER must be tsx or dist');
const workers = setting('BENCH_WORKERS', availableParallelism());
const resultsFile = path.resolve(
  process.env.BENCH_RESULTS ?? fileURLToPath(new URL('./results.json', import.meta.url)),
);

/** A fixed shuffle, so the cache-miss scenario visits the corpus in the same scattered order every run. */
function scatter<T>(items: readonly T[]): T[] {
  const out = [...items];
  let state = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A captured body as the site rendered it, before compression. */
function decoded({ headers, body }: { headers: Record<string, string>; body: Buffer }): Buffer {
  const encoding = headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  return body;
}

function readerAddress(n: number): string {
  return `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

async function main() {
  const runDir = mkdtempSync(path.join(tmpdir(), 'khabar-bench-pages-'));
  removeAtExit(runDir);
  const config = loadConfig({ KHABAR_DATA_DIR: runDir, LOG_LEVEL: 'silent' });
  const site = JSON.parse(
    await runToEnd([
      '--import',
      'tsx',
      'bench/pages-generate.ts',
      runDir,
      String(articleCount),
      corpusFile ?? '',
    ]),
  ) as PreparedSite;
  const paths = await publishedPaths(config);
  const hot = paths.slice(0, 5);
  const cold = scatter(paths.slice(hot.length));
  const queries = searchQueries(150);

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const khabar = serverKind === 'dist' ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const siteEnv = {
    KHABAR_DATA_DIR: runDir,
    KHABAR_SITE_URL: origin,
    LOG_LEVEL: 'silent',
    KHABAR_DEMO: 'off',
    KHABAR_TRUST_PROXY: 'on',
    DATABASE_URL: '',
  };
  // As an operator would before sending traffic to the site; `serve` would otherwise do it in the
  // background, and the first-visit scenario would measure pages rendered while it works.
  console.error('storing the parts of every article page (khabar store-pages)');
  const storing = performance.now();
  await runToEnd([...khabar, 'store-pages'], siteEnv);
  const storedPagesSeconds = (performance.now() - storing) / 1000;
  const serverArgs = [...khabar, 'serve', ...(workers > 1 ? ['--workers', String(workers)] : [])];
  console.error(`starting the site (${serverArgs.join(' ')})`);
  const server = await startProcess(serverArgs, { ...siteEnv, PORT: String(port), HOST: '127.0.0.1' }, port);
  const idleRss = treeResident(server.pid)?.largest;

  await warm(origin, hot);
  const captured = await getRaw(origin, hot[0] ?? '/');
  const ceilingFile = path.join(runDir, 'ceiling.json');
  writeFileSync(
    ceilingFile,
    JSON.stringify({ headers: captured.headers, body: captured.body.toString('base64') }),
  );
  const floorFile = path.join(runDir, 'floor.json');
  writeFileSync(
    floorFile,
    JSON.stringify({ headers: captured.headers, html: decoded(captured).toString('utf8') }),
  );
  const ceilingPort = await freePort();
  const ceilingServer = await startProcess(
    ['--import', 'tsx', 'bench/pages-ceiling.ts', String(ceilingPort), ceilingFile],
    {},
    ceilingPort,
  );

  console.error(
    `load: ${load.seconds} s per scenario, ${load.connections} connections; article page ${captured.body.length} bytes (${captured.headers['content-encoding'] ?? 'identity'})`,
  );
  const run = async (scenario: Scenario, target = server, settings = load): Promise<ScenarioResult> => {
    console.error(`  ${scenario.name}…`);
    if (!(await settle(origin)))
      console.error('    the site is still busy with earlier requests after 2 minutes');
    if (!(await quiet(server.pid))) console.error('    the site is still using the processor after a minute');
    const result = await runScenario(target.origin, target.pid, scenario, settings);
    for (const problem of result.problems) console.error(`    ✗ ${problem}`);
    return result;
  };

  const ceiling = await run(
    { key: 'ceiling', name: 'ceiling (node:http)', paths: hot.slice(0, 1) },
    ceilingServer,
  );
  await stopProcess(ceilingServer);
  const floorPort = await freePort();
  const floorServer = await startProcess(
    ['--import', 'tsx', 'bench/pages-floor.ts', String(floorPort), String(workers), floorFile],
    {},
    floorPort,
  );
  const floor = await run(
    { key: 'floor', name: 'first-visit floor (Fastify)', paths: cold, maxRequests: cold.length },
    floorServer,
  );
  await stopProcess(floorServer);
  const scenarios: ScenarioResult[] = [];
  scenarios.push(await run({ key: 'article-hit', name: 'article, cached', paths: hot }));
  scenarios.push(
    await run({ key: 'article-miss', name: 'article, first visits', paths: cold, maxRequests: cold.length }),
  );
  await warm(origin, ['/']);
  scenarios.push(await run({ key: 'home', name: 'home', paths: ['/'] }));
  const deep = await sectionPage(origin, 'politics', 50);
  await warm(origin, [deep.path]);
  scenarios.push(
    await run({ key: 'section-page-50', name: `section, page ${deep.page}`, paths: [deep.path] }),
  );

  // One reader at a time, every query a first visit: the latency a search costs, not the queue's.
  const searchPath = (q: string) => `/search?q=${encodeURIComponent(q)}`;
  const probe = { seconds: Math.max(load.seconds, 30), connections: 1 };
  const searchProbe = [
    await run(
      {
        key: 'search-common-probe',
        name: 'search, common word, 1 conn',
        paths: queries.common.map(searchPath),
        maxRequests: queries.common.length,
      },
      server,
      probe,
    ),
    await run(
      {
        key: 'search-rare-probe',
        name: 'search, rare word, 1 conn',
        paths: queries.rare.map(searchPath),
        maxRequests: queries.rare.length,
      },
      server,
      probe,
    ),
  ];
  scenarios.push(
    await run({ key: 'search-common', name: 'search, common word', paths: queries.common.map(searchPath) }),
  );
  scenarios.push(
    await run({ key: 'search-rare', name: 'search, rare word', paths: queries.rare.map(searchPath) }),
  );

  const commentPaths = cold.slice(0, 200).map((p) => `${p.split('/').slice(0, 3).join('/')}/comments`);
  scenarios.push(
    await run({
      key: 'comment-post',
      name: 'comment POST',
      method: 'POST',
      paths: commentPaths,
      accepted: [303],
      refusals: [400, 403, 429],
      request: (n) => ({
        body: new URLSearchParams({
          name: `خواننده ${n}`,
          email: '',
          body: `نظر شمارهٔ ${n} دربارهٔ این خبر: گزارش دقیقی بود و کاش پیگیری شود.`,
          parentId: '',
          website: '',
        }).toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin,
          referer: `${origin}/`,
          'sec-fetch-site': 'same-origin',
          'x-forwarded-for': readerAddress(n),
        },
      }),
    }),
  );

  console.error('  publish-to-visible…');
  await settle(origin);
  const publish = await publishToVisible(origin, site.token);
  await stopProcess(server);

  const report = { ceiling, floor, scenarios, searchProbe, publish, articles: site.stats.articles };
  const targets = judgeTargets(report);
  console.log(
    `\n${site.stats.articles} articles (${site.stats.published} published, ${site.stats.tags} tags, ${site.stats.comments} comments)` +
      (site.generatedSeconds === null
        ? ', reused corpus'
        : `, generated in ${site.generatedSeconds.toFixed(1)} s`) +
      `, article pages stored in ${storedPagesSeconds.toFixed(0)} s` +
      `; server ${serverKind}, ${workers} worker${workers > 1 ? 's' : ''}, idle RSS ${idleRss ? Math.round(idleRss / 1024 / 1024) : 'n/a'} MB (largest process)\n`,
  );
  console.log(formatTable(report));
  const p95 = (key: string) =>
    `${[...scenarios, ...searchProbe].find((s) => s.key === key)?.latencyMs.p95 ?? '?'} ms`;
  console.log(
    `\nsearch p95: common ${p95('search-common')}, rare ${p95('search-rare')} with ${load.connections} connections; ` +
      `one reader at a time: common ${p95('search-common-probe')}, rare ${p95('search-rare-probe')}`,
  );
  console.log(
    `publish-to-visible: article page ${shownMs(publish.articleMs)}, home ${shownMs(publish.homeMs)}`,
  );
  console.log(`\ntargets (issue 8, point 5):\n${formatTargets(targets)}`);
  writeResults(resultsFile, report, targets, {
    corpus: {
      ...site.stats,
      generatedSeconds: site.generatedSeconds,
      generatedCpuSeconds: site.generatedCpuSeconds,
      storedPagesSeconds,
      cached: corpusFile !== undefined,
    },
    settings: { ...load, server: serverKind, workers, trustProxy: true },
    idleRssBytes: idleRss,
  });
  console.log(`\nwritten to ${path.relative(process.cwd(), resultsFile)}`);
  const broken = [ceiling, floor, ...scenarios, ...searchProbe].filter((s) => s.problems.length > 0);
  if (broken.length > 0) {
    console.error(`\nscenarios with problems (their figures are not valid):`);
    for (const s of broken) console.error(`  ✗ ${s.name}: ${s.problems.join('; ')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error('bench failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  cleanUp();
}
