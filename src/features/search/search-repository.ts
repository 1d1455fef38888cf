import { PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import type { SearchAlternative, SearchQuery } from '../../platform/persian/search-key.js';
import { articleIdOf, firstKeyAt, idSpace, rowKey } from './search-order.js';

// The only engine-specific SQL of search. Both engines see the same folded keys and the same query
// groups; SQLite answers with FTS5 and bm25, PostgreSQL with a `simple` tsvector, GIN and ts_rank.

/** The keys of one article, as the indexer builds them. */
export interface SearchDocument {
  articleId: number;
  /** Published: readers may find it. Everything else is found only by the newsroom. */
  public: boolean;
  /** When it was published (or, for anything else, written): orders the public index. */
  publishedAt: string;
  title: string;
  document: string;
  writer: string;
}

export interface SearchFilters {
  sectionId?: number | undefined;
  kind?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** A request for the newest matches of a query in the public index. */
export interface MatchRequest {
  query: SearchQuery;
  filters: SearchFilters;
  /** Only items whose title matches (they rank first), or items matching anywhere. */
  titleOnly: boolean;
  /** Also weigh each match (bm25 or ts_rank, comparable within one request); otherwise 0. */
  ranked: boolean;
  /** Only keys below this one: the position of newest order's cursor. */
  before?: number | undefined;
  limit: number;
}

/** A match: its row key (see search-order.ts) and the engine's weight, more is better. */
export interface IndexMatch {
  key: number;
  relevance: number;
}

export interface SearchStore {
  /** Puts each article's keys in the index it belongs to, replacing what was there. */
  save(db: DB, documents: readonly SearchDocument[]): Promise<void>;
  /**
   * Before a rebuild: lets SQLite's recent tier fill with the newest articles as they are saved.
   * Returns the row key from which saved articles go to the tier (none on PostgreSQL).
   */
  rebuildStarting(db: DB): Promise<number | undefined>;
  /** After a rebuild: completes SQLite's recent tier, merges FTS5 segments, refreshes statistics. */
  rebuildFinished(db: DB): Promise<void>;
  /** Published matches, newest first, at most `limit`: never more work than the limit needs. */
  matches(db: DB, request: MatchRequest): Promise<IndexMatch[]>;
  /** How many published items match, counted up to `cap` (a bigger count returns `cap`). */
  countUpTo(db: DB, query: SearchQuery, filters: SearchFilters, cap: number): Promise<number>;
  /** Published article ids whose title has words starting as typed, newest first. */
  suggest(db: DB, query: SearchQuery, limit: number): Promise<number[]>;
  /** Article ids in any state matching in title, text or writer, newest first. */
  desk(db: DB, query: SearchQuery, limit: number): Promise<number[]>;
  /** Bytes the index takes on disk, as far as the engine can tell. */
  sizeInBytes(db: DB): Promise<number>;
}

const titleWeight = 10;
const idMask = sql.lit(idSpace - 1);

type KeyValue = (key: number) => RawBuilder<unknown>;
const plainKey: KeyValue = (key) => sql`${key}`;
// better-sqlite3 binds numbers beyond 32 bits as REAL, and FTS5 (3.53) answers `rowid = ?` beside
// MATCH with every match unless the value is cast: every rowid compared beside MATCH is cast.
const sqliteKey: KeyValue = (key) => sql`cast(${key} as integer)`;

/** Conditions on the row key: the date filters and newest order's cursor. */
function keyConditions(
  key: RawBuilder<unknown>,
  filters: SearchFilters,
  before: number | undefined,
  value: KeyValue,
): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (filters.from) parts.push(sql`${key} >= ${value(firstKeyAt(filters.from))}`);
  if (filters.to) parts.push(sql`${key} < ${value(firstKeyAt(filters.to))}`);
  if (before !== undefined) parts.push(sql`${key} < ${value(before)}`);
  return parts;
}

/** Conditions only the article row can answer: they need a join. */
function articleConditions(filters: SearchFilters): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (filters.sectionId !== undefined) parts.push(sql`a.section_id = ${filters.sectionId}`);
  if (filters.kind !== undefined) parts.push(sql`a.kind = ${filters.kind}`);
  return parts;
}

function and(parts: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

// FTS5 query syntax: "a b"* is the phrase a b with b as a prefix. Keys hold only letters and digits,
// so a key can never close the quotes or become an operator.
function ftsAlternative({ phrase, prefix }: SearchAlternative): string {
  return `"${phrase.join(' ')}"${prefix ? '*' : ''}`;
}

function ftsExpression(query: SearchQuery): string {
  return query.groups.map((group) => `(${group.map(ftsAlternative).join(' OR ')})`).join(' AND ');
}

/**
 * Which FTS5 table answers a readers' query: the recent tier (complete only from `from` on), the
 * whole public index, or, for title matches, its titles alone: a small table, so the newest title
 * matches of a common word are found and weighed without reading its postings in every text.
 */
interface SqliteTier {
  table: 'search_recent' | 'search_public' | 'search_titles';
  from?: number | undefined;
}

/** FTS5's column filter: the columns readers search (the writer is only the newsroom's). */
function ftsMatch(query: SearchQuery, { table }: SqliteTier): string {
  const expression = ftsExpression(query);
  return table === 'search_titles' ? expression : `{title document} : (${expression})`;
}

// bm25 is negative, lower is better; the title weighs ten times the text, the writer nothing (the
// recent tier has no writer column). Title matches are weighed by their title alone.
function bm25({ table }: SqliteTier): RawBuilder<unknown> {
  if (table === 'search_titles') return sql`-bm25(search_titles)`;
  return table === 'search_public'
    ? sql`-bm25(search_public, ${titleWeight}, 1.0, 0.0)`
    : sql`-bm25(search_recent, ${titleWeight}, 1.0)`;
}

/** The FTS5 scan of one tier, newest first, with the filters that need the article row. */
function sqliteMatches(
  tier: SqliteTier,
  request: Omit<MatchRequest, 'ranked' | 'limit' | 'titleOnly'>,
  columns: RawBuilder<unknown>,
) {
  const { query, filters, before } = request;
  const rowid = sql.ref(`${tier.table}.rowid`);
  const joined = articleConditions(filters);
  // CROSS JOIN keeps the FTS5 scan outside, so SQLite walks the matches newest first and stops at
  // the limit instead of reading every article of the section.
  const join = joined.length ? sql`cross join articles a on a.id = (${rowid} & ${idMask})` : sql``;
  const where = [
    sql`${sql.table(tier.table)} match ${ftsMatch(query, tier)}`,
    ...keyConditions(rowid, filters, before, sqliteKey),
    ...(tier.from === undefined ? [] : [sql`${rowid} >= ${sqliteKey(tier.from)}`]),
    ...joined,
  ];
  return sql`select ${columns} from ${sql.table(tier.table)} ${join} where ${and(where)}`;
}

/** Where SQLite's recent tier stands; none before the first rebuild that filled it. */
interface RecentBound {
  /** The tier holds every published article from this key on; null while it is still filling. */
  completeFrom: number | null;
  /** Saved articles from this key on are added to the tier (never above `completeFrom`). */
  fillFrom: number;
}

async function recentBound(db: DB): Promise<RecentBound | undefined> {
  const result = await sql<RecentBound>`select complete_from as "completeFrom", fill_from as "fillFrom"
    from search_recent_bound where id = 1`.execute(db);
  return result.rows[0];
}

async function setRecentBound(db: DB, { completeFrom, fillFrom }: RecentBound): Promise<void> {
  await sql`insert into search_recent_bound (id, complete_from, fill_from)
    values (1, ${completeFrom === null ? null : sqliteKey(completeFrom)}, ${sqliteKey(fillFrom)})
    on conflict (id) do update set complete_from = excluded.complete_from, fill_from = excluded.fill_from`.execute(
    db,
  );
}

/** The key of the `n`th newest row of the public index, if it has that many. */
async function nthNewestKey(db: DB, n: number): Promise<number | undefined> {
  const result = await sql<{ key: number }>`select row_key as key from search_public_rows
    order by row_key desc limit 1 offset ${n - 1}`.execute(db);
  return result.rows[0]?.key;
}

/** Starts the recent tier at `from` (above its `fillFrom`): the rows below leave it. */
async function raiseRecentBound(db: DB, bound: RecentBound, from: number): Promise<void> {
  const leaving = await sql<{ key: number }>`select row_key as key from search_public_rows
    where row_key >= ${sqliteKey(bound.fillFrom)} and row_key < ${sqliteKey(from)}`.execute(db);
  for (const { key } of leaving.rows) {
    await sql`delete from search_recent where rowid = ${sqliteKey(key)}`.execute(db);
  }
  const completeFrom = bound.completeFrom === null ? null : Math.max(bound.completeFrom, from);
  await setRecentBound(db, { completeFrom, fillFrom: from });
}

/**
 * Keeps the recent tier near `size` rows: once it holds half as many again, the older ones leave
 * it. Articles unpublished from it are not replaced; it shrinks until the next publications.
 */
async function trimRecentTier(db: DB, bound: RecentBound, size: number): Promise<void> {
  const overflow = await nthNewestKey(db, size + Math.ceil(size / 2) + 1);
  if (overflow === undefined || overflow < bound.fillFrom) return;
  await raiseRecentBound(db, bound, (await nthNewestKey(db, size)) ?? bound.fillFrom);
}

const ftsTables = ['search_public', 'search_recent', 'search_desk', 'search_titles'] as const;
const everyday = { automerge: 4, crisismerge: 16, hashsize: 1024 * 1024, deletemerge: 10 };

/**
 * A rebuild writes a batch of thousands of articles per transaction. FTS5 keeps the postings of a
 * transaction in memory up to `hashsize` (1 MB unless told) and writes a segment each time it fills;
 * a bigger hash writes one segment per batch. FTS5 also merges segments inside the commit that wrote
 * them (`automerge`, `crisismerge`), and over a full index, where every batch marks its articles' old
 * entries deleted, rewrites a segment whose deleted entries pass `deletemerge` percent: the whole
 * index, every few batches. Both held the write lock for up to 8 s per commit at 100,000 articles, and
 * the rebuild took 3 min 18 s. With FTS5's merging off and one merge in steps at the end
 * (`mergeInSteps`), commits stay under about 0.55 s and the rebuild takes 1 min 33 s. The everyday
 * values are put back at the end.
 */
const rebuildOptions = { hashsize: 32 * 1024 * 1024, automerge: 0, crisismerge: 1000, deletemerge: 100 };

/** Sets FTS5 options (kept in each table's config): the values are numbers, written as literals. */
async function setFts5Options(db: DB, options: Record<string, number>): Promise<void> {
  for (const table of ftsTables) {
    for (const [name, value] of Object.entries(options)) {
      // FTS5 refuses these when bound as parameters.
      await sql`insert into ${sql.table(table)} (${sql.table(table)}, rank) values (${sql.lit(name)}, ${sql.lit(value)})`.execute(
        db,
      );
    }
  }
}

/** Pages of index one merge step writes: a few hundred milliseconds of write lock at most. */
const mergeStepPages = 500;

/**
 * Merges a table's segments into one, as `'optimize'` does, but in steps that are each their own
 * write: a newsroom save beside a rebuild waits for a step, not for the whole merge (`'optimize'`
 * held the lock for 6–12 s at 100,000 articles; a save gives up after 5). A negative page count
 * merges across levels; FTS5 has nothing left to merge when a step changes fewer than two rows.
 */
async function mergeInSteps(db: DB, table: (typeof ftsTables)[number]): Promise<void> {
  const changes = async () =>
    (await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]?.n ?? 0;
  for (;;) {
    const before = await changes();
    await sql`insert into ${sql.table(table)} (${sql.table(table)}, rank) values ('merge', ${sql.lit(-mergeStepPages)})`.execute(
      db,
    );
    if ((await changes()) - before < 2) return;
  }
}

/** The key the `size`th newest published article will have: where a rebuild starts the tier. */
async function recentStartFromArticles(db: DB, size: number): Promise<number> {
  const result = await sql<{ id: number; publishedAt: string }>`select id, published_at as "publishedAt"
    from articles where state = 'published' order by published_at desc, id desc
    limit 1 offset ${size - 1}`.execute(db);
  const row = result.rows[0];
  return row ? rowKey(row.publishedAt, row.id) : 0;
}

/**
 * Asks the recent tier first: from its bound on it holds every published article, so when it
 * yields all that was asked for, those are the newest matches of the whole index. Otherwise the
 * word is rare among recent articles, and the whole index answers with few matches to sort.
 */
async function fromSqliteTiers<T>(
  db: DB,
  ask: (tier: SqliteTier) => Promise<T[]>,
  enough: (rows: T[]) => boolean,
): Promise<T[]> {
  const bound = await recentBound(db);
  if (bound?.completeFrom != null) {
    const recent = await ask({ table: 'search_recent', from: bound.completeFrom });
    if (enough(recent)) return recent;
  }
  return ask({ table: 'search_public' });
}

function sqliteStore(recentSize: number): SearchStore {
  return {
    async save(db, documents) {
      const bound = await recentBound(db);
      const inRecent = (key: number) => bound !== undefined && key >= bound.fillFrom;
      for (const doc of documents) {
        const old = await sql<{ key: number }>`
        select row_key as key from search_public_rows where article_id = ${doc.articleId}`.execute(db);
        for (const { key } of old.rows) {
          await sql`delete from search_public where rowid = ${key}`.execute(db);
          await sql`delete from search_titles where rowid = ${key}`.execute(db);
          if (inRecent(key)) await sql`delete from search_recent where rowid = ${key}`.execute(db);
        }
        await sql`delete from search_public_rows where article_id = ${doc.articleId}`.execute(db);
        await sql`delete from search_desk where rowid = ${doc.articleId}`.execute(db);
        if (!doc.public) {
          await sql`insert into search_desk (rowid, title, document, writer)
          values (${doc.articleId}, ${doc.title}, ${doc.document}, ${doc.writer})`.execute(db);
          continue;
        }
        const key = rowKey(doc.publishedAt, doc.articleId);
        await sql`insert into search_public (rowid, title, document, writer)
        values (${key}, ${doc.title}, ${doc.document}, ${doc.writer})`.execute(db);
        await sql`insert into search_titles (rowid, title) values (${key}, ${doc.title})`.execute(db);
        await sql`insert into search_public_rows (article_id, row_key) values (${doc.articleId}, ${key})`.execute(
          db,
        );
        if (inRecent(key)) {
          await sql`insert into search_recent (rowid, title, document)
          values (${key}, ${doc.title}, ${doc.document})`.execute(db);
        }
      }
      if (bound && documents.some((d) => d.public)) await trimRecentTier(db, bound, recentSize);
    },

    async rebuildStarting(db) {
      const start = await recentStartFromArticles(db, recentSize);
      const bound = await recentBound(db);
      if (!bound) await setRecentBound(db, { completeFrom: null, fillFrom: start });
      else if (start > bound.fillFrom) await raiseRecentBound(db, bound, start);
      else await setRecentBound(db, { ...bound, fillFrom: start });
      await setFts5Options(db, rebuildOptions);
      return (await recentBound(db))?.fillFrom;
    },

    async rebuildFinished(db) {
      // Every article was saved since the rebuild lowered `fillFrom`: from there on the tier is whole.
      const bound = await recentBound(db);
      if (bound) {
        const complete = { completeFrom: bound.fillFrom, fillFrom: bound.fillFrom };
        await setRecentBound(db, complete);
        await trimRecentTier(db, complete, recentSize);
      }
      await setFts5Options(db, everyday);
      for (const table of ftsTables) await mergeInSteps(db, table);
    },

    async matches(db, { ranked, limit, titleOnly, ...request }) {
      const ask = async (tier: SqliteTier) => {
        const rowid = sql.ref(`${tier.table}.rowid`);
        const columns = sql`${rowid} as key, ${ranked ? bm25(tier) : sql`0`} as relevance`;
        const result = await sql<IndexMatch>`${sqliteMatches(tier, request, columns)}
          order by ${rowid} desc limit ${limit}`.execute(db);
        return result.rows;
      };
      if (titleOnly) return ask({ table: 'search_titles' });
      return fromSqliteTiers(db, ask, (found) => found.length >= limit);
    },

    async countUpTo(db, query, filters, cap) {
      const [count] = await fromSqliteTiers(
        db,
        async (tier) => {
          const result = await sql<{ n: number }>`select count(*) as n from (
          ${sqliteMatches(tier, { query, filters }, sql`1`)} limit ${cap})`.execute(db);
          return [Number(result.rows[0]?.n ?? 0)];
        },
        ([n = 0]) => n >= cap,
      );
      return count ?? 0;
    },

    async suggest(db, query, limit) {
      const result = await sql<{ key: number }>`
      select rowid as key from search_titles where search_titles match ${ftsExpression(query)}
      order by rowid desc limit ${limit}`.execute(db);
      return result.rows.map((r) => articleIdOf(r.key));
    },

    async desk(db, query, limit) {
      const expression = ftsExpression(query);
      const result = await sql<{ id: number }>`
      select (rowid & ${idMask}) as id from search_public where search_public match ${expression}
      union all
      select rowid as id from search_desk where search_desk match ${expression}
      order by id desc limit ${limit}`.execute(db);
      return result.rows.map((r) => r.id);
    },

    async sizeInBytes(db) {
      // The FTS5 shadow tables hold the whole index; dbstat measures their pages.
      const result = await sql<{ bytes: number }>`
      select coalesce(sum(pgsize), 0) as bytes from dbstat
      where name like 'search\\_%' escape '\\'`.execute(db);
      return Number(result.rows[0]?.bytes ?? 0);
    },
  };
}

// tsquery syntax: 'a' <-> 'b':* is the phrase a b with b as a prefix.
function tsAlternative({ phrase, prefix }: SearchAlternative): string {
  const words = phrase.map((word) => `'${word}'`);
  return `${words.join(' <-> ')}${prefix ? ':*' : ''}`;
}

function tsQueryText(query: SearchQuery): string {
  return query.groups.map((group) => `(${group.map(tsAlternative).join(' | ')})`).join(' & ');
}

function tsQuery(query: SearchQuery): RawBuilder<unknown> {
  return sql`to_tsquery('simple', ${tsQueryText(query)})`;
}

/** How many of the newest published articles the recent tier holds, unless told. */
const defaultRecentSize = 10_000;

/**
 * The GIN lookup of one tier, newest first, at most `limit`. The tsquery is a constant of the
 * statement and `@@` applies to the indexed column, so PostgreSQL answers from the GIN index and
 * sorts only the matches' keys; the documents are read (and decompressed) for the rows kept.
 */
function postgresMatches(
  tier: 'search_recent' | 'search_public',
  request: Omit<MatchRequest, 'ranked'>,
  q: RawBuilder<unknown>,
) {
  const { filters, titleOnly, before, limit } = request;
  const joined = articleConditions(filters);
  const join = joined.length ? sql`join articles a on a.id = (p.row_key & ${idMask})` : sql``;
  const where = [
    titleOnly ? sql`p.title @@ ${q}` : sql`p.document @@ ${q}`,
    ...keyConditions(sql`p.row_key`, filters, before, plainKey),
    ...joined,
  ];
  // `row_key + 0`: ordering by the bare column invites a backward walk of its btree that tests
  // every row's document until enough match; for common words that reads thousands of documents.
  // Title matches are weighed by their title alone, as on SQLite.
  const weighed = titleOnly ? sql`p.title` : sql`p.document`;
  return sql`select p.row_key as key, ${weighed} as document from ${sql.table(tier)} p ${join}
    where ${and(where)} order by p.row_key + 0 desc limit ${limit}`;
}

/**
 * Runs a GIN lookup with sequential scans ruled out. The tsvectors live in TOAST, which the planner
 * does not count: a small table looks cheaper to scan than to look up, yet each row scanned
 * decompresses a whole document (100 ms for 2,000 rows on this machine).
 */
async function byGinIndex<R>(db: DB, query: RawBuilder<R>): Promise<R[]> {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    return (await query.execute(trx)).rows;
  });
}

/**
 * Asks the recent tier first: it holds every published article from some key on, so when it
 * yields all that was asked for, those are the newest matches of the whole index. Otherwise the
 * word is rare among recent articles, and the whole index answers with few matches to sort.
 */
async function fromTiers<T>(
  ask: (tier: 'search_recent' | 'search_public') => Promise<T[]>,
  enough: (rows: T[]) => boolean,
): Promise<T[]> {
  const recent = await ask('search_recent');
  return enough(recent) ? recent : ask('search_public');
}

/** Makes the recent tier the newest `recentSize` rows of the public index again. */
async function refreshRecentTier(db: DB, recentSize: number): Promise<void> {
  const threshold = sql`(select row_key from search_public order by row_key desc offset ${recentSize - 1} limit 1)`;
  await sql`delete from search_recent where row_key < ${threshold}`.execute(db);
  await sql`insert into search_recent (row_key, title, document)
    select p.row_key, p.title, p.document from search_public p
    where p.row_key >= coalesce(${threshold}, ${Number.MIN_SAFE_INTEGER})
      and not exists (select 1 from search_recent r where r.row_key = p.row_key)
    on conflict (row_key) do nothing`.execute(db);
}

function postgresStore(recentSize: number): SearchStore {
  return {
    async save(db, documents) {
      if (documents.length === 0) return;
      const ids = documents.map((d) => d.articleId);
      await sql`delete from search_recent where row_key in
      (select row_key from search_public where article_id in (${sql.join(ids)}))`.execute(db);
      await sql`delete from search_public where article_id in (${sql.join(ids)})`.execute(db);
      await sql`delete from search_desk where article_id in (${sql.join(ids)})`.execute(db);
      const tsvectors = (d: SearchDocument) =>
        // The document repeats the title at weight A, so one GIN lookup finds words anywhere and
        // ts_rank weighs title words ten times the others (A = 1.0, D = 0.1), as bm25 does on SQLite.
        sql`to_tsvector('simple', ${d.title}),
        setweight(to_tsvector('simple', ${d.title}), 'A') || to_tsvector('simple', ${d.document}),
        to_tsvector('simple', ${d.writer})`;
      const published = documents.filter((d) => d.public);
      if (published.length > 0) {
        const values = published.map(
          (d) => sql`(${d.articleId}, ${rowKey(d.publishedAt, d.articleId)}, ${tsvectors(d)})`,
        );
        await sql`insert into search_public (article_id, row_key, title, document, writer)
        values ${sql.join(values)}`.execute(db);
      }
      await refreshRecentTier(db, recentSize);
      const others = documents.filter((d) => !d.public);
      if (others.length > 0) {
        const values = others.map((d) => sql`(${d.articleId}, ${tsvectors(d)})`);
        await sql`insert into search_desk (article_id, title, document, writer) values ${sql.join(values)}`.execute(
          db,
        );
      }
    },

    async rebuildStarting() {
      return undefined;
    },

    async rebuildFinished(db) {
      await sql`analyze search_public, search_recent, search_desk`.execute(db);
    },

    async matches(db, { query, ranked, ...request }) {
      const q = tsQuery(query);
      const relevance = ranked ? sql`ts_rank(m.document, ${q})` : sql`0`;
      const rows = await fromTiers(
        async (tier) => {
          return byGinIndex(
            db,
            sql<{ key: string; relevance: number }>`
            select m.key, ${relevance} as relevance from (${postgresMatches(tier, { query, ...request }, q)}) m
            order by m.key desc`,
          );
        },
        (found) => found.length >= request.limit,
      );
      return rows.map((r) => ({ key: Number(r.key), relevance: Number(r.relevance) }));
    },

    async countUpTo(db, query, filters, cap) {
      const [count] = await fromTiers(
        async (tier) => {
          const request = { query, filters, titleOnly: false, limit: cap };
          const [row] = await byGinIndex(
            db,
            sql<{
              n: string;
            }>`select count(*) as n from (${postgresMatches(tier, request, tsQuery(query))}) m`,
          );
          return [Number(row?.n ?? 0)];
        },
        ([n = 0]) => n >= cap,
      );
      return count ?? 0;
    },

    async suggest(db, query, limit) {
      const rows = await fromTiers(
        async (tier) => {
          const request = { query, filters: {}, titleOnly: true, limit };
          return byGinIndex(
            db,
            sql<{ key: string }>`
            select m.key from (${postgresMatches(tier, request, tsQuery(query))}) m order by m.key desc`,
          );
        },
        (found) => found.length >= limit,
      );
      return rows.map((r) => articleIdOf(Number(r.key)));
    },

    async desk(db, query, limit) {
      const q = tsQuery(query);
      const result = await sql<{ id: number }>`
      select article_id as id from search_public where document @@ ${q} or writer @@ ${q}
      union all
      select article_id as id from search_desk where document @@ ${q} or writer @@ ${q}
      order by id desc limit ${limit}`.execute(db);
      return result.rows.map((r) => r.id);
    },

    async sizeInBytes(db) {
      const result = await sql<{ bytes: string }>`
      select pg_total_relation_size('search_public') + pg_total_relation_size('search_desk') as bytes`.execute(
        db,
      );
      return Number(result.rows[0]?.bytes ?? 0);
    },
  };
}

/** The store for the engine behind `db`. `recentSize` sets the recent tier (tests make it small). */
export function searchStoreFor(db: DB, recentSize = defaultRecentSize): SearchStore {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? postgresStore(recentSize)
    : sqliteStore(recentSize);
}
