// How readers' results are ordered, the same on both engines: the engines find matches and weigh
// them (bm25, ts_rank); the order, the freshness boost and the cursors are computed here.

/** Article ids below this fit in a row key (67 million: more than any newsroom writes). */
export const idSpace = 2 ** 26;
const minuteMs = 60_000;

/**
 * The key a published article has in the public index: its publication minute times 2^26 plus its
 * id. The index yields matches in key order, so the newest matches come first whatever order the
 * articles were written or imported in. Keys stay below 2^53 (exact in JavaScript) until 2225.
 */
export function rowKey(publishedAt: Date | string, articleId: number): number {
  if (!Number.isInteger(articleId) || articleId < 1 || articleId >= idSpace) {
    throw new Error(`article id ${articleId} does not fit in a search row key (below ${idSpace})`);
  }
  return Math.floor(new Date(publishedAt).getTime() / minuteMs) * idSpace + articleId;
}

/** The first key of a minute: articles published at or after `time` have keys at or above it. */
export function firstKeyAt(time: Date): number {
  return Math.ceil(time.getTime() / minuteMs) * idSpace;
}

export function articleIdOf(key: number): number {
  return key - Math.floor(key / idSpace) * idSpace;
}

function daysOf(key: number): number {
  return Math.floor(key / idSpace) / 1440;
}

// Relevance halves for every 90 days of age: score = ln(relevance) + days / (90 / ln 2). Adding a
// term linear in the publication time keeps the order independent of "now", so cursors stay valid.
const freshnessDays = 90 / Math.LN2;

/** A match as ranked: title matches first, then by score, then newest id. */
export interface RankedMatch {
  key: number;
  id: number;
  titleHit: boolean;
  score: number;
}

/** `relevance` is the engine's weight (bm25 made positive, ts_rank): more is better. */
export function rankedMatch(key: number, relevance: number, titleHit: boolean): RankedMatch {
  const score = Math.log(Math.max(relevance, 1e-9)) + daysOf(key) / freshnessDays;
  return { key, id: articleIdOf(key), titleHit, score };
}

type Position = Pick<RankedMatch, 'titleHit' | 'score' | 'id'>;

/** Sort comparator: best first. */
export function byRank(a: Position, b: Position): number {
  return Number(b.titleHit) - Number(a.titleHit) || b.score - a.score || b.id - a.id;
}

/** Whether `match` comes after the position `after` in relevance order. */
export function ranksAfter(match: Position, after: Position): boolean {
  return byRank(after, match) < 0;
}
