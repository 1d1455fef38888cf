import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pageTag, shownArticleTags } from '../../platform/cache/page-tags.js';
import type { DB } from '../../platform/db/database.js';
import type { SectionService } from '../sections/section-service.js';
import type { TagService } from '../tags/tag-service.js';
import {
  type FeedChannel,
  type FeedCover,
  type FeedFormat,
  feedContentTypes,
  feedCoverPath,
  writeFeed,
} from './feed-builder.js';
import { type FeedArticle, findFeedArticles } from './feed-repository.js';

export interface FeedServiceDeps {
  db: DB;
  sections: Pick<SectionService, 'getBySlug'>;
  tags: Pick<TagService, 'find'>;
  siteUrl: string;
  siteName: string;
  mediaDir: string;
}

/** A written feed, or the address where the asked-for one lives now (a renamed or merged tag). */
/** A feed and the cache tags of what it shows: its list and each of its items. */
export type FeedResult = { body: string; contentType: string; cacheTags: string[] } | { redirect: string };

/** How many items a feed holds: readers poll often, so a day of a busy site is enough. */
export const feedLength = { site: 40, list: 20 } as const;

/** The addresses of one list's feeds in the three formats, below its page (`/section/economy/rss`). */
export function listFeedPaths(pagePath: string): FeedChannel['selfPaths'] {
  return { rss: `${pagePath}/rss`, atom: `${pagePath}/atom.xml`, json: `${pagePath}/feed.json` };
}

export const siteFeedPaths: FeedChannel['selfPaths'] = { rss: '/rss', atom: '/atom.xml', json: '/feed.json' };

/** RSS 2.0, Atom and JSON Feed of the whole site, of each section and of each tag. */
export function createFeedService({ db, sections, tags, siteUrl, siteName, mediaDir }: FeedServiceDeps) {
  const site = { siteUrl, siteName };

  // RSS enclosures state the file's length; a cover whose file is gone is left out rather than lie.
  async function coversOf(articles: readonly FeedArticle[]): Promise<Map<number, FeedCover>> {
    const covers = new Map<number, FeedCover>();
    await Promise.all(
      articles.map(async (article) => {
        const url = feedCoverPath(article);
        if (!url) return;
        const file = path.join(mediaDir, url.slice('/media/'.length));
        const size = await stat(file).then(
          (s) => s.size,
          () => undefined,
        );
        if (size !== undefined) covers.set(article.id, { url: `${siteUrl}${url}`, bytes: size });
      }),
    );
    return covers;
  }

  async function write(
    channel: FeedChannel,
    filter: { sectionId?: number; tagId?: number },
    limit: number,
    format: FeedFormat,
    listTag: string,
  ): Promise<FeedResult> {
    const articles = await findFeedArticles(db, filter, limit);
    const body = writeFeed(channel, articles, site, format, await coversOf(articles));
    return {
      body,
      contentType: feedContentTypes[format],
      cacheTags: [listTag, ...shownArticleTags(articles)],
    };
  }

  return {
    site(format: FeedFormat): Promise<FeedResult> {
      const channel = {
        title: siteName,
        description: `تازه‌ترین خبرهای ${siteName}`,
        pagePath: '/',
        selfPaths: siteFeedPaths,
      };
      return write(channel, {}, feedLength.site, format, pageTag.latest);
    },

    async section(slug: string, format: FeedFormat): Promise<FeedResult> {
      const section = await sections.getBySlug(slug);
      const pagePath = `/section/${encodeURIComponent(section.slug)}`;
      const channel = {
        title: `${siteName} — ${section.name}`,
        description: section.description ?? `تازه‌ترین خبرهای سرویس ${section.name}`,
        pagePath,
        selfPaths: listFeedPaths(pagePath),
      };
      return write(channel, { sectionId: section.id }, feedLength.list, format, pageTag.section(section.id));
    },

    async tag(slugOrName: string, format: FeedFormat): Promise<FeedResult> {
      const tag = await tags.find(slugOrName);
      const pagePath = `/tag/${encodeURIComponent(tag.slug)}`;
      const selfPaths = listFeedPaths(pagePath);
      if (tag.slug !== slugOrName) return { redirect: selfPaths[format] };
      const channel = {
        title: `${siteName} — ${tag.name}`,
        description: `تازه‌ترین خبرهای برچسب ${tag.name}`,
        pagePath,
        selfPaths,
      };
      return write(channel, { tagId: tag.id }, feedLength.list, format, pageTag.tag(tag.id));
    },
  };
}

export type FeedService = ReturnType<typeof createFeedService>;
