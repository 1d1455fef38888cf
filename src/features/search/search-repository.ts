import { PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import type { SearchAlternative, SearchQuery } from '../../platform/persian/search-key.js';
import type { ArticleState } from '../articles/article.js';

// The only engine-specific SQL of search. Both engines see the same folded keys and the same query
// groups; SQLite answers with FTS5 and bm25, PostgreSQL with a `simple` tsvector, GIN and ts_rank.

/** The keys of one article, as the indexer builds them. */
export interface SearchDocument {
  articleId: number;
  /** Published: readers may find it. Everything else is found only by the newsroom. */
  public: boolean;
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

/**
 * A position in a result list. Relevance order is (title matched, score, id) descending; newest
 * order is (publishedAt, id) descending. The score depends on the whole index (bm25/ts_rank weigh
 * a word by how rare it is), so a page fetched after the index changed may repeat or skip an item.
 */
export type SearchCursor =
  | { sort: 'relevance'; titleHit: boolean; score: number; id: number }
  | { sort: 'newest'; publishedAt: string; id: number };

export interface PublicSearch {
  query: SearchQuery;
  filters: SearchFilters;
  sort: 'relevance' | 'newest';
  after?: SearchCursor | undefined;
  limit: number;
}

export interface SearchRow {
  id: number;
  newsCode: number;
  slug: string;
  kind: string;
  surtitle: string | null;
  title: string;
  lead: string;
  body: string;
  publishedAt: string;
  sectionSlug: string;
  sectionName: string;
  titleHit: boolean;
  score: number;
}

export interface SearchStore {
  /** Puts each article's keys in the index it belongs to, replacing what was there. */
  save(db: DB, documents: readonly SearchDocument[]): Promise<void>;
  /** Tidies the index after a rebuild: merges FTS5 segments, refreshes PostgreSQL's statistics. */
  optimize(db: DB): Promise<void>;
  search(db: DB, request: PublicSearch): Promise<SearchRow[]>;
  count(db: DB, query: SearchQuery, filters: SearchFilters): Promise<number>;
  /** Published article ids whose title has words starting as typed, newest first. */
  suggest(db: DB, query: SearchQuery, limit: number): Promise<number[]>;
  /** Article ids in any state matching in title, text or writer, newest first. */
  desk(db: DB, query: SearchQuery, limit: number): Promise<number[]>;
  /** Bytes the index takes on disk, as far as the engine can tell. */
  sizeInBytes(db: DB): Promise<number>;
}

const published: ArticleState = 'published';
// Relevance halves for every 90 days of age: score = ln(relevance) + days / (90 / ln 2). Adding a
// term linear in the publication time keeps the order independent of "now", so cursors stay valid.
const freshnessDays = 90 / Math.LN2;
const titleWeight = 10;

/** The columns every result needs; the body only feeds the snippet. */
const rowColumns = sql`a.id, a.news_code as "newsCode", a.slug, a.kind, a.surtitle, a.title, a.lead, a.body,
  a.published_at as "publishedAt", s.slug as "sectionSlug", s.name as "sectionName"`;

function filterSql(filters: SearchFilters): RawBuilder<unknown> {
  const parts = [sql`a.state = ${published}`];
  if (filters.sectionId !== undefined) parts.push(sql`a.section_id = ${filters.sectionId}`);
  if (filters.kind !== undefined) parts.push(sql`a.kind = ${filters.kind}`);
  if (filters.from) parts.push(sql`a.published_at >= ${filters.from.toISOString()}`);
  if (filters.to) parts.push(sql`a.published_at < ${filters.to.toISOString()}`);
  return sql.join(parts, sql` and `);
}

function cursorSql(after: SearchCursor | undefined): RawBuilder<unknown> {
  if (!after) return sql`true`;
  if (after.sort === 'newest') {
    return sql`(r."publishedAt" < ${after.publishedAt} or (r."publishedAt" = ${after.publishedAt} and r.id < ${after.id}))`;
  }
  const hit = after.titleHit ? 1 : 0;
  return sql`(r.hit < ${hit} or (r.hit = ${hit} and (r.score < ${after.score} or (r.score = ${after.score} and r.id < ${after.id}))))`;
}

function orderSql(sort: PublicSearch['sort']): RawBuilder<unknown> {
  return sort === 'newest' ? sql`r."publishedAt" desc, r.id desc` : sql`r.hit desc, r.score desc, r.id desc`;
}

function toRow(row: Omit<SearchRow, 'titleHit'> & { hit: number | boolean }): SearchRow {
  const { hit, ...rest } = row;
  return { ...rest, newsCode: Number(rest.newsCode), score: Number(rest.score), titleHit: Boolean(hit) };
}

// FTS5 query syntax: "a b"* is the phrase a b with b as a prefix. Keys hold only letters and digits,
// so a key can never close the quotes or become an operator.
function ftsAlternative({ phrase, prefix }: SearchAlternative): string {
  return `"${phrase.join(' ')}"${prefix ? '*' : ''}`;
}

function ftsExpression(query: SearchQuery): string {
  return query.groups.map((group) => `(${group.map(ftsAlternative).join(' OR ')})`).join(' AND ');
}

const sqliteStore: SearchStore = {
  async save(db, documents) {
    for (const doc of documents) {
      for (const table of ['search_public', 'search_desk', 'search_titles']) {
        await sql`delete from ${sql.table(table)} where rowid = ${doc.articleId}`.execute(db);
      }
      const table = doc.public ? sql`search_public` : sql`search_desk`;
      await sql`insert into ${table} (rowid, title, document, writer)
        values (${doc.articleId}, ${doc.title}, ${doc.document}, ${doc.writer})`.execute(db);
      if (doc.public) {
        await sql`insert into search_titles (rowid, title) values (${doc.articleId}, ${doc.title})`.execute(
          db,
        );
      }
    }
  },

  async optimize(db) {
    for (const table of ['search_public', 'search_desk', 'search_titles']) {
      await sql`insert into ${sql.table(table)} (${sql.table(table)}) values ('optimize')`.execute(db);
    }
  },

  async search(db, { query, filters, sort, after, limit }) {
    const match = `{title document} : (${ftsExpression(query)})`;
    const titleMatch = `{title} : (${ftsExpression(query)})`;
    const result = await sql<Omit<SearchRow, 'titleHit'> & { hit: number }>`
      with r as (
        select ${rowColumns},
          (a.id in (select rowid from search_public where search_public match ${titleMatch})) as hit,
          ln(max(-bm25(search_public, ${titleWeight}, 1.0, 0.0), 1e-9))
            + (julianday(a.published_at) - 2440587.5) / ${freshnessDays} as score
        from search_public
        join articles a on a.id = search_public.rowid
        join sections s on s.id = a.section_id
        where search_public match ${match} and ${filterSql(filters)}
      )
      select * from r where ${cursorSql(after)} order by ${orderSql(sort)} limit ${limit}`.execute(db);
    return result.rows.map(toRow);
  },

  async count(db, query, filters) {
    const match = `{title document} : (${ftsExpression(query)})`;
    const result = await sql<{ n: number }>`
      select count(*) as n from search_public join articles a on a.id = search_public.rowid
      where search_public match ${match} and ${filterSql(filters)}`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  },

  async suggest(db, query, limit) {
    const result = await sql<{ id: number }>`
      select rowid as id from search_titles where search_titles match ${ftsExpression(query)}
      order by rowid desc limit ${limit}`.execute(db);
    return result.rows.map((r) => r.id);
  },

  async desk(db, query, limit) {
    const expression = ftsExpression(query);
    const result = await sql<{ id: number }>`
      select rowid as id from search_public where search_public match ${expression}
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

// tsquery syntax: 'a' <-> 'b':* is the phrase a b with b as a prefix.
function tsAlternative({ phrase, prefix }: SearchAlternative): string {
  const words = phrase.map((word) => `'${word}'`);
  return `${words.join(' <-> ')}${prefix ? ':*' : ''}`;
}

function tsQueryText(query: SearchQuery): string {
  return query.groups.map((group) => `(${group.map(tsAlternative).join(' | ')})`).join(' & ');
}

const postgresStore: SearchStore = {
  async save(db, documents) {
    if (documents.length === 0) return;
    const ids = documents.map((d) => d.articleId);
    await sql`delete from search_public where article_id in (${sql.join(ids)})`.execute(db);
    await sql`delete from search_desk where article_id in (${sql.join(ids)})`.execute(db);
    for (const visible of [true, false]) {
      const rows = documents.filter((d) => d.public === visible);
      if (rows.length === 0) continue;
      // The document repeats the title at weight A, so one GIN lookup finds words anywhere and
      // ts_rank weighs title words ten times the others (A = 1.0, D = 0.1), as bm25 does on SQLite.
      const values = rows.map(
        (d) => sql`(${d.articleId}, to_tsvector('simple', ${d.title}),
          setweight(to_tsvector('simple', ${d.title}), 'A') || to_tsvector('simple', ${d.document}),
          to_tsvector('simple', ${d.writer}))`,
      );
      const table = visible ? sql`search_public` : sql`search_desk`;
      await sql`insert into ${table} (article_id, title, document, writer) values ${sql.join(values)}`.execute(
        db,
      );
    }
  },

  async optimize(db) {
    await sql`analyze search_public, search_desk`.execute(db);
  },

  async search(db, { query, filters, sort, after, limit }) {
    const q = sql`to_tsquery('simple', ${tsQueryText(query)})`;
    const result = await sql<Omit<SearchRow, 'titleHit'> & { hit: boolean }>`
      with r as (
        select ${rowColumns},
          (case when p.title @@ ${q} then 1 else 0 end) as hit,
          ln(greatest(ts_rank(p.document, ${q}), 1e-9)::float8)
            + extract(epoch from a.published_at::timestamptz)::float8 / 86400.0 / ${freshnessDays}::float8 as score
        from search_public p
        join articles a on a.id = p.article_id
        join sections s on s.id = a.section_id
        where p.document @@ ${q} and ${filterSql(filters)}
      )
      select * from r where ${cursorSql(after)} order by ${orderSql(sort)} limit ${limit}`.execute(db);
    return result.rows.map(toRow);
  },

  async count(db, query, filters) {
    const q = sql`to_tsquery('simple', ${tsQueryText(query)})`;
    const result = await sql<{ n: string }>`
      select count(*) as n from search_public p join articles a on a.id = p.article_id
      where p.document @@ ${q} and ${filterSql(filters)}`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  },

  async suggest(db, query, limit) {
    const result = await sql<{ id: number }>`
      select article_id as id from search_public where title @@ to_tsquery('simple', ${tsQueryText(query)})
      order by article_id desc limit ${limit}`.execute(db);
    return result.rows.map((r) => r.id);
  },

  async desk(db, query, limit) {
    const q = sql`to_tsquery('simple', ${tsQueryText(query)})`;
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

/** The store for the engine behind `db`. */
export function searchStoreFor(db: DB): SearchStore {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresStore : sqliteStore;
}
