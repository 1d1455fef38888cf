import { ValidationError } from '../../platform/errors.js';
import { type ArticleSummary, decodeCursor, encodeCursor } from './article.js';
import type { ArticleService } from './article-service.js';

export interface ListPageQuery {
  before?: string | undefined;
  after?: string | undefined;
}

export interface ListPage {
  items: ArticleSummary[];
  newerHref: string | undefined;
  olderHref: string | undefined;
}

const pageSize = 12;

function cursorOf(value: string | undefined, message = 'نشانی صفحه‌بندی درست نیست.') {
  if (value === undefined) return undefined;
  const cursor = decodeCursor(value);
  if (!cursor) throw new ValidationError(message);
  return cursor;
}

/** A slice of published items after a cursor, with the cursor of the next slice if there is one. */
export async function loadSlice(
  articles: ArticleService,
  filter: { sectionId?: number | undefined; tagId?: number | undefined },
  { cursor, limit }: { cursor?: string | undefined; limit: number },
): Promise<{ items: ArticleSummary[]; nextCursor: string | null }> {
  const before = cursorOf(cursor, 'cursor نادرست است؛ nextCursor صفحهٔ قبل را بفرستید.');
  const rows = await articles.listPublished({ ...filter, before, limit: limit + 1 });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/**
 * One page of a newest-first list plus its newer/older links. One extra item is
 * fetched in the direction of travel to know whether another page exists.
 */
export async function loadListPage(
  articles: ArticleService,
  basePath: string,
  filter: { sectionId?: number; tagId?: number; authorId?: number },
  query: ListPageQuery,
): Promise<ListPage> {
  const before = cursorOf(query.before);
  const after = before ? undefined : cursorOf(query.after);
  const rows = await articles.listPublished({ ...filter, before, after, limit: pageSize + 1 });
  const more = rows.length > pageSize;
  const items = after ? rows.slice(more ? 1 : 0) : rows.slice(0, pageSize);
  const first = items[0];
  const last = items.at(-1);
  const link = (key: 'before' | 'after', item: ArticleSummary) => `${basePath}?${key}=${encodeCursor(item)}`;

  if (after) {
    return {
      items,
      newerHref: more && first ? link('after', first) : undefined,
      olderHref: last ? link('before', last) : undefined,
    };
  }
  return {
    items,
    newerHref: before ? (first ? link('after', first) : basePath) : undefined,
    olderHref: more && last ? link('before', last) : undefined,
  };
}
