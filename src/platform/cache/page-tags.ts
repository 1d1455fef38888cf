// The names pages are tagged with. A page carries the tag of every article it
// shows (as itself or as a teaser) and of every list whose membership a publish
// can change; the invalidation listener drops tags, never URLs.
export const pageTag = {
  article: (id: number) => `article:${id}`,
  comments: (articleId: number) => `comments:${articleId}`,
  section: (id: number) => `section:${id}`,
  tag: (id: number) => `tag:${id}`,
  /** Every list of the newest items across the site: home, feeds, the archive. */
  latest: 'latest',
  /** The desk's choices: top story and editor's picks. */
  curation: 'curation',
  /** Sitemaps list every article with its last change; crawlers read them rarely, so any change drops them. */
  sitemaps: 'sitemaps',
  /** What every page shows in its frame: the site name and the section menu. */
  frame: 'frame',
} as const;

/** The tags of the articles a page shows as teasers. */
export function shownArticleTags(
  ...lists: readonly (readonly { id: number }[] | { id: number } | null)[]
): string[] {
  const tags: string[] = [];
  for (const list of lists) {
    if (!list) continue;
    for (const item of Array.isArray(list) ? list : [list]) tags.push(pageTag.article(item.id));
  }
  return tags;
}
