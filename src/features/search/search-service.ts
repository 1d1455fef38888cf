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
import { byRank, type RankedMatch, rankedMatch, ranksAfter } from './search-order.js';
import { type SearchFilters, type SearchStore, searchStoreFor } from './search-repository.js';
import { type Segment, snippetOf } from './search-snippet.js';
import { loadResultRows, loadTitles, type SearchResultRow } from './search-source-repository.js';

export interface SearchServiceDeps {
  db: DB;
  sections: Pick<SectionService, 'list'>;
  timeZone: string;
  /** Smaller bounds than the defaults, for tests that need to reach past them. */
  bounds?: { candidates: number; recentTier: number };
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
  /** More than `total` items match: counting stopped at `total` (shown as «بیش از …»). */
  totalCapped: boolean;
  items: SearchResultItem[];
  nextCursor: string | null;
}

const maxQueryLength = 200;
const defaultLimit = 10;
const deskLimit = 1000;
const suggestLimit = 8;
// Relevance order ranks the newest this many matches anywhere and the newest this many title
// matches: enough pages for any reader, and ranking a common word's every match (a fifth of the
// site) is what made such searches slow. The count stops there too.
const defaultCandidates = 300;

/**
 * A position in a result list. Relevance order is (title matched, score, id) descending; newest
 * order is the public index's row key (publication minute, then id) descending. The score depends
 * on the whole index (bm25/ts_rank weigh a word by how rare it is), so a page fetched after the
 * index changed may repeat or skip an item.
 */
type SearchCursor =
  | { sort: 'relevance'; titleHit: boolean; score: number; id: number }
  | { sort: 'newest'; key: number };

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
  const c = (parsed ?? {}) as Record<string, unknown>;
  if (c.sort !== sort) throw invalid;
  if (sort === 'newest' && Number.isSafeInteger(c.key)) return { sort, key: c.key as number };
  const validId = Number.isInteger(c.id) && (c.id as number) > 0 && (c.id as number) <= maxId;
  if (sort === 'relevance' && validId && typeof c.titleHit === 'boolean' && Number.isFinite(c.score)) {
    return { sort, titleHit: c.titleHit, score: c.score as number, id: c.id as number };
  }
  throw invalid;
}

interface PageRequest {
  query: SearchQuery;
  filters: SearchFilters;
  after: SearchCursor | undefined;
  /** One more than the page shows: whether it exists says if there is a next page. */
  limit: number;
  candidates: number;
}

/** One page of matches, and how many items match in all, counted up to the candidates and one more. */
interface Page {
  matches: RankedMatch[];
  count: number;
}

/**
 * The best-ranked matches after the cursor: the newest candidates, weighed and sorted here. One
 * more than the candidates is looked up, so the lookup counts the matches as well.
 */
async function relevancePage(db: DB, store: SearchStore, request: PageRequest): Promise<Page> {
  const { query, filters, after, limit } = request;
  const candidates = { query, filters, limit: request.candidates };
  const [found, inTitle] = await Promise.all([
    store.matches(db, { ...candidates, limit: request.candidates + 1, titleOnly: false, ranked: true }),
    // Title matches rank first, so older ones than the newest candidates are looked for too.
    store.matches(db, { ...candidates, titleOnly: true, ranked: true }),
  ]);
  const anywhere = found.slice(0, request.candidates);
  const titleKeys = new Set(inTitle.map((m) => m.key));
  const matches = [
    ...inTitle.map((m) => rankedMatch(m.key, m.relevance, true)),
    ...anywhere.filter((m) => !titleKeys.has(m.key)).map((m) => rankedMatch(m.key, m.relevance, false)),
  ]
    .filter((m) => after?.sort !== 'relevance' || ranksAfter(m, after))
    .sort(byRank)
    .slice(0, limit);
  return { matches, count: found.length };
}

/** The newest matches after the cursor, straight from the index's order. */
async function newestPage(db: DB, store: SearchStore, request: PageRequest): Promise<Page> {
  const { query, filters, after, limit } = request;
  const before = after?.sort === 'newest' ? after.key : undefined;
  const [matches, count] = await Promise.all([
    store.matches(db, { query, filters, titleOnly: false, ranked: false, before, limit }),
    store.countUpTo(db, query, filters, request.candidates + 1),
  ]);
  return { matches: matches.map((m) => rankedMatch(m.key, 0, false)), count };
}

function cursorAfter(match: RankedMatch, sort: 'relevance' | 'newest'): string {
  return encodeSearchCursor(
    sort === 'newest'
      ? { sort, key: match.key }
      : { sort, titleHit: match.titleHit, score: match.score, id: match.id },
  );
}

/** Search as you type matches the last letters typed as the start of a word, however short. */
function asPrefixes(query: SearchQuery): SearchQuery {
  return { ...query, groups: query.groups.map((g) => g.map((alt) => ({ ...alt, prefix: true }))) };
}

export function createSearchService({ db, sections, timeZone, bounds }: SearchServiceDeps) {
  const store = searchStoreFor(db, bounds?.recentTier);
  const candidateLimit = bounds?.candidates ?? defaultCandidates;
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

  function toItem(row: SearchResultRow, query: SearchQuery): SearchResultItem {
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

    /** Passed to the tag and section services: a renamed name is found in the same commit. */
    tagRenamed: (trx: DB, tagId: number) => indexer.nameChanged(trx, { tagId }),
    sectionRenamed: (trx: DB, sectionId: number) => indexer.nameChanged(trx, { sectionId }),

    /** Rebuilds the whole index (`khabar reindex`). */
    reindex: indexer.reindex,

    /** Fills SQLite's recent tier alone, after the upgrade that added it. */
    fillRecentTier: indexer.fillRecentTier,

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
      if (query.groups.length === 0) {
        return { searched: false, total: 0, totalCapped: false, items: [], nextCursor: null };
      }
      const limit = request.limit ?? defaultLimit;
      const page = { query, filters, after, limit: limit + 1, candidates: candidateLimit };
      const { matches, count } = await (sort === 'newest' ? newestPage : relevancePage)(db, store, page);
      const shown = matches.slice(0, limit);
      const rows = await loadResultRows(
        db,
        shown.map((m) => m.id),
      );
      const last = shown.at(-1);
      return {
        searched: true,
        total: Math.min(count, candidateLimit),
        totalCapped: count > candidateLimit,
        items: shown.flatMap((m) => {
          const row = rows.get(m.id);
          return row ? [toItem(row, query)] : [];
        }),
        nextCursor: matches.length > limit && last ? cursorAfter(last, sort) : null,
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
