// Search at scale, on both engines: generates a deterministic corpus of Persian articles into a
// temporary SQLite database and a temporary PostgreSQL database, builds the index with the function
// `khabar reindex` calls, and prints build rate, index size, and p50/p95 latency of searches for
// common and rare words and of suggestions.
//
//   npm run bench:search                          # 100k articles on each engine
//   BENCH_SEARCH_ARTICLES=20000 npm run bench:search
//   BENCH_SEARCH_ENGINES=sqlite npm run bench:search
//   BENCH_SEARCH_QUERIES=40 npm run bench:search  # fewer queries of each kind (default 100)
//
// PostgreSQL: KHABAR_BENCH_DATABASE_URL (a server where the user may create databases), else a
// throwaway cluster as the tests start one; skipped with a note when neither is possible.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Insertable, sql } from 'kysely';
import { createServices } from '../src/app.js';
import { openMigratedDatabase } from '../src/cli/prepare.js';
import { loadConfig } from '../src/config/config.js';
import type { ArticlesTable } from '../src/features/articles/article.table.js';
import { reindexProgressBar } from '../src/features/search/reindex-progress.js';
import type { DB } from '../src/platform/db/database.js';
import { foldForSearch, searchKey } from '../src/platform/persian/search-key.js';
import { findPostgresBin, startThrowawayPostgres } from '../test/support/postgres.js';
import { createScratchDatabase } from '../test/support/scratch-database.js';
import { type Corpus, makeCorpus } from './search-corpus.js';

const articleCount = Number(process.env.BENCH_SEARCH_ARTICLES ?? 100_000);
const engines = (process.env.BENCH_SEARCH_ENGINES ?? 'sqlite,postgres').split(',');
const queriesPerKind = Number(process.env.BENCH_SEARCH_QUERIES ?? 100);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(label: string, queries: string[], run: (q: string) => Promise<unknown>) {
  const times: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    await run(q);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50).toFixed(1);
  const p95 = percentile(times, 95).toFixed(1);
  console.log(`  ${label.padEnd(34)} p50 ${p50.padStart(7)} ms   p95 ${p95.padStart(7)} ms`);
}

async function insertCorpus(db: DB, corpus: Corpus, sectionIds: number[]) {
  const batch = 500;
  const start = Date.UTC(2023, 0, 1);
  for (let from = 0; from < articleCount; from += batch) {
    const rows: Insertable<ArticlesTable>[] = [];
    for (let i = from; i < Math.min(articleCount, from + batch); i++) {
      const article = corpus.article(i);
      const at = new Date(start + i * 9 * 60_000).toISOString();
      rows.push({
        newsCode: 100_000 + i,
        slug: `a-${i}`,
        kind: i % 7 === 0 ? 'report' : 'news',
        state: i % 20 === 0 ? 'draft' : 'published',
        surtitle: article.surtitle,
        title: article.title,
        lead: article.lead,
        body: article.body,
        sectionId: sectionIds[i % sectionIds.length] ?? 1,
        authorId: null,
        byline: null,
        source: null,
        coverImageId: null,
        publishAt: null,
        publishedAt: at,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
      });
    }
    await db.transaction().execute((trx) => trx.insertInto('articles').values(rows).execute());
  }
}

/** How many more tokens the pieces of glued words add, over a sample of the corpus. */
function keyOverhead(corpus: Corpus): number {
  let plain = 0;
  let keyed = 0;
  for (let i = 0; i < 2000; i++) {
    const { title, lead, body } = corpus.article(i);
    const text = `${title} ${lead} ${body.replace(/<[^>]+>/g, ' ')}`;
    plain += foldForSearch(text).split(/[ \u200c]/).length;
    keyed += searchKey(text).split(' ').length;
  }
  return keyed / plain - 1;
}

/** The plan of a common word's newest matches in both PostgreSQL tiers: which scans, how long. */
async function explainCommonWord(db: DB, word: string) {
  for (const tier of ['search_recent', 'search_public']) {
    // As the repository asks: in a transaction that rules out sequential scans.
    const plan = await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers)
        select row_key from ${sql.table(tier)} where document @@ to_tsquery('simple', ${`'${searchKey(word)}':*`})
        order by row_key + 0 desc limit 300`.execute(trx);
    });
    const lines = plan.rows.map((r) => r['QUERY PLAN']).filter((l) => /Scan|Sort Method|Execution/.test(l));
    console.log(`  EXPLAIN ANALYZE «${word}» in ${tier}:\n    ${lines.map((l) => l.trim()).join('\n    ')}`);
  }
}

async function benchEngine(name: string, env: Record<string, string>, corpus: Corpus) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'khabar-bench-search-'));
  const config = loadConfig({ KHABAR_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const database = await openMigratedDatabase(config);
  try {
    const services = createServices({ config, db: database.db }, (error) => console.error(error));
    await services.sections.ensureDefaults();
    const sectionIds = (await services.sections.list()).map((s) => s.id);
    console.log(`\n${name}: generating ${articleCount} articles…`);
    let start = performance.now();
    await insertCorpus(database.db, corpus, sectionIds);
    console.log(`  generated in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    start = performance.now();
    const { done } = await services.search.reindex(reindexProgressBar(process.stderr));
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `  index built: ${done} articles in ${seconds.toFixed(1)} s (${Math.round(done / seconds)}/s)`,
    );
    const indexBytes = await services.search.indexSize();
    console.log(`  index size: ${(indexBytes / 1024 / 1024).toFixed(1)} MiB`);
    if (name === 'sqlite') {
      const file = path.join(dataDir, 'khabar.db');
      const size = statSync(file, { throwIfNoEntry: false })?.size;
      if (size) console.log(`  whole database file: ${(size / 1024 / 1024).toFixed(1)} MiB`);
    }
    const search = (q: string) => services.search.search({ q });
    await timed('search, common word', corpus.commonWords(queriesPerKind), search);
    await timed('search, rare word', corpus.rareWords(queriesPerKind), search);
    await timed('search, two words', corpus.wordPairs(queriesPerKind), search);
    await timed('search, glued compound', corpus.gluedCompounds(queriesPerKind), search);
    await timed('search, common word, newest first', corpus.commonWords(queriesPerKind), (q) =>
      services.search.search({ q, sort: 'newest' }),
    );
    await timed('suggest, 2-4 letters', corpus.prefixes(queriesPerKind), (q) => services.search.suggest(q));
    if (name === 'postgres') await explainCommonWord(database.db, corpus.commonWords(1)[0] ?? 'دولت');
  } finally {
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const corpus = makeCorpus(20261129);
console.log(`search bench: ${articleCount} articles per engine, ${queriesPerKind} queries of each kind`);
console.log(`index keys: the pieces of glued words add ${(keyOverhead(corpus) * 100).toFixed(1)}% tokens`);

if (engines.includes('sqlite')) await benchEngine('sqlite', {}, corpus);

if (engines.includes('postgres')) {
  let serverUrl = process.env.KHABAR_BENCH_DATABASE_URL;
  const cluster = !serverUrl && findPostgresBin() ? await startThrowawayPostgres() : undefined;
  serverUrl ??= cluster?.url;
  if (!serverUrl) {
    console.log('\npostgres: skipped (no KHABAR_BENCH_DATABASE_URL and no PostgreSQL binaries)');
  } else {
    const scratch = await createScratchDatabase(serverUrl);
    try {
      await benchEngine('postgres', { DATABASE_URL: scratch.url }, corpus);
    } finally {
      await scratch.drop();
      await cluster?.stop();
    }
  }
}
