import type { DB } from '../../platform/db/database.js';
import { ForbiddenError, ValidationError } from '../../platform/errors.js';
import { parseJalaliDateTime } from '../../platform/persian/jalali.js';
import { type SearchQuery, searchQuery } from '../../platform/persian/search-key.js';
import { type ArticleKind, articlePath, isArticleKind, maxId } from '../articles/article.js';
import { bodyText } from '../articles/article-body.js';
import { canSeeUnpublished } from '../articles/article-policy.js';
import type { SectionService } from '../sections/section-service.js';
import type { Actor } from '../users/user.js';
import { createSearchIndexer } from './search-indexer.js';
import { type SearchCursor, type SearchRow, searchStoreFor } from './search-repository.js';
import { type Segment, snippetOf } from './search-snippet.js';
import { loadTitles } from './search-source-repository.js';

export interface SearchServiceDeps {
  db: DB;
  sections: Pick<SectionService, 'list'>;
  timeZone: string;
}

/** What a reader asks, as typed into the form or the API's query string. */
export interface SearchRequest {
  q?: string | undefined;
  section?: string | undefined;
  kind?: string | undefined;
  /** Jalali dates, e.g. «۱۴۰۵/۰۹/۰۱»; both days are included. */
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface SearchResultItem {
  id: number;
  newsCode: number;
  path: string;
  kind: ArticleKind;
  surtitle: string | null;
  title: Segment[];
  snippet: Segment[];
  section: { slug: string; name: string };
  publishedAt: Date;
}

export interface SearchResults {
  /** False when the query had nothing searchable in it; nothing was looked up. */
  searched: boolean;
  total: number;
  items: SearchResultItem[];
  nextCursor: string | null;
}

const maxQueryLength = 200;
const defaultLimit = 10;
const deskLimit = 1000;
const suggestLimit = 8;

function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeSearchCursor(value: string, sort: 'relevance' | 'newest'): SearchCursor {
  const invalid = new ValidationError('cursor نادرست است؛ nextCursor صفحهٔ قبل را بفرستید.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch (error) {
    throw new ValidationError(invalid.message, { cause: error });
  }
  const c = parsed as Record<string, unknown>;
  const validId = Number.isInteger(c.id) && (c.id as number) > 0 && (c.id as number) <= maxId;
  if (!validId || c.sort !== sort) throw invalid;
  if (sort === 'newest' && typeof c.publishedAt === 'string' && !Number.isNaN(Date.parse(c.publishedAt))) {
    return { sort, publishedAt: c.publishedAt, id: c.id as number };
  }
  if (sort === 'relevance' && typeof c.titleHit === 'boolean' && Number.isFinite(c.score)) {
    return { sort, titleHit: c.titleHit, score: c.score as number, id: c.id as number };
  }
  throw invalid;
}

function cursorAfter(row: SearchRow, sort: 'relevance' | 'newest'): string {
  return encodeSearchCursor(
    sort === 'newest'
      ? { sort, publishedAt: row.publishedAt, id: row.id }
      : { sort, titleHit: row.titleHit, score: row.score, id: row.id },
  );
}

/** Search as you type matches the last letters typed as the start of a word, however short. */
function asPrefixes(query: SearchQuery): SearchQuery {
  return { ...query, groups: query.groups.map((g) => g.map((alt) => ({ ...alt, prefix: true }))) };
}

export function createSearchService({ db, sections, timeZone }: SearchServiceDeps) {
  const store = searchStoreFor(db);
  const indexer = createSearchIndexer({ db, store });

  function jalaliDay(text: string | undefined, label: string, nextDay = false): Date | undefined {
    if (!text?.trim()) return undefined;
    const start = parseJalaliDateTime(text, '00:00', timeZone);
    if (!start) throw new ValidationError(`«${label}» را به شکل ۱۴۰۵/۰۹/۰۱ بنویسید.`);
    return nextDay ? new Date(start.getTime() + 24 * 3600_000) : start;
  }

  async function filtersOf(request: SearchRequest) {
    let sectionId: number | undefined;
    if (request.section) {
      const section = (await sections.list()).find((s) => s.slug === request.section);
      if (!section) throw new ValidationError(`سرویس «${request.section}» وجود ندارد.`);
      sectionId = section.id;
    }
    if (request.kind && !isArticleKind(request.kind)) {
      throw new ValidationError(`نوع مطلب «${request.kind}» شناخته نیست.`);
    }
    return {
      sectionId,
      kind: request.kind || undefined,
      from: jalaliDay(request.from, 'از تاریخ'),
      to: jalaliDay(request.to, 'تا تاریخ', true),
    };
  }

  function toItem(row: SearchRow, query: SearchQuery): SearchResultItem {
    if (!isArticleKind(row.kind)) throw new Error(`article ${row.id} has an unknown kind "${row.kind}"`);
    const text = [row.lead, bodyText(row.body)].filter(Boolean).join(' ');
    return {
      id: row.id,
      newsCode: row.newsCode,
      path: articlePath(row),
      kind: row.kind,
      surtitle: row.surtitle,
      title: snippetOf(row.title, query, 1000),
      snippet: snippetOf(text, query),
      section: { slug: row.sectionSlug, name: row.sectionName },
      publishedAt: new Date(row.publishedAt),
    };
  }

  return {
    /** Passed to the article service: keeps the index in the same transaction as the article. */
    articlesSaved: indexer.articlesSaved,

    /** Rebuilds the whole index (`khabar reindex`). */
    reindex: indexer.reindex,

    /** Bytes the index takes, for the bench and operators. */
    indexSize: () => store.sizeInBytes(db),

    /**
     * Published items matching the query, best first (title matches, then relevance with a
     * freshness boost) or newest first, one page after `cursor`.
     */
    async search(request: SearchRequest): Promise<SearchResults> {
      const q = (request.q ?? '').trim();
      if (q.length > maxQueryLength) {
        throw new ValidationError(`عبارت جست‌وجو حداکثر ${maxQueryLength} نویسه باشد.`);
      }
      const sort = request.sort === 'newest' ? 'newest' : 'relevance';
      if (request.sort && request.sort !== sort)
        throw new ValidationError('ترتیب باید relevance یا newest باشد.');
      const filters = await filtersOf(request);
      const after = request.cursor ? decodeSearchCursor(request.cursor, sort) : undefined;
      const query = searchQuery(q);
      if (query.groups.length === 0) return { searched: false, total: 0, items: [], nextCursor: null };
      const limit = request.limit ?? defaultLimit;
      const [rows, total] = await Promise.all([
        store.search(db, { query, filters, sort, after, limit: limit + 1 }),
        store.count(db, query, filters),
      ]);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        searched: true,
        total,
        items: page.map((row) => toItem(row, query)),
        nextCursor: rows.length > limit && last ? cursorAfter(last, sort) : null,
      };
    },

    /** Up to eight published titles with words starting as typed, newest first. */
    async suggest(q: string): Promise<{ newsCode: number; title: string; path: string }[]> {
      const query = asPrefixes(searchQuery(q.slice(0, maxQueryLength)));
      if (query.groups.length === 0) return [];
      const titles = await loadTitles(db, await store.suggest(db, query, suggestLimit));
      return titles.map((t) => ({ newsCode: t.newsCode, title: t.title, path: articlePath(t) }));
    },

    /** Ids of articles in any state whose title, text or writer match: the newsroom's search. */
    async deskMatches(actor: Actor, q: string): Promise<number[]> {
      if (!canSeeUnpublished(actor)) throw new ForbiddenError('نقش شما اجازهٔ جست‌وجو در مطالب را ندارد.');
      const query = searchQuery(q.slice(0, maxQueryLength));
      return query.groups.length === 0 ? [] : store.desk(db, query, deskLimit);
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
