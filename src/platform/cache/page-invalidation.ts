import type { ArticleEvent, EventBus } from '../events.js';
import type { PageCache } from './page-cache.js';
import { pageTag } from './page-tags.js';

/** The pages an article's change can alter: those showing it, and the lists it enters. */
function articleChangeTags({ articleId, sectionId, tagIds }: ArticleEvent): string[] {
  return [
    pageTag.article(articleId),
    pageTag.section(sectionId),
    ...tagIds.map(pageTag.tag),
    pageTag.sitemaps,
  ];
}

/**
 * Drops cached pages when the content they show changes. Listeners run right
 * after the change is committed and before the writer's response is sent, so
 * the next request renders anew: a publish is visible at once.
 */
export function invalidatePagesOnChange(events: EventBus, cache: Pick<PageCache, 'invalidate'>): void {
  events.on('article.published', (event) => {
    cache.invalidate([...articleChangeTags(event), pageTag.latest]);
  });
  events.on('article.updated', (event) => {
    cache.invalidate(articleChangeTags(event));
  });
  // Pages that showed it carry its tag; lists it was not on do not change.
  events.on('article.unpublished', (event) => {
    cache.invalidate([pageTag.article(event.articleId), pageTag.sitemaps]);
  });
  events.on('comment.approved', ({ articleId }) => {
    cache.invalidate([pageTag.comments(articleId)]);
  });
  events.on('comment.rejected', ({ articleId }) => {
    cache.invalidate([pageTag.comments(articleId)]);
  });
  events.on('section.changed', () => {
    cache.invalidate([pageTag.frame, pageTag.sitemaps]);
  });
  events.on('tag.changed', ({ tagIds }) => {
    cache.invalidate([...tagIds.map(pageTag.tag), pageTag.sitemaps]);
  });
  // Pages do not carry their pictures' tags; a credit is corrected rarely, so every page goes.
  events.on('media.described', () => {
    cache.invalidate([pageTag.frame]);
  });
  events.on('curation.changed', () => {
    cache.invalidate([pageTag.curation]);
  });
}
