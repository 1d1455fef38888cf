import { Feed, type Item } from 'feed';
import { escapeHtml } from '../../platform/html-entities.js';
import { articlePath, shortPath } from '../articles/article.js';
import { bodyText } from '../articles/article-body.js';
import { sharedImage } from '../media/image.js';
import { bylinePeople, modifiedAt } from '../seo/json-ld.js';
import { publisherLogo } from '../seo/publisher-logo.js';
import type { FeedArticle } from './feed-repository.js';

export const feedFormats = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof feedFormats)[number];

export const feedContentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** What a feed is about: the whole site, a section or a tag, and the page it mirrors. */
export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page of the same list, e.g. `/section/economy`. */
  pagePath: string;
  /** The feed's own address in each format. */
  selfPaths: Record<FeedFormat, string>;
}

export interface FeedSite {
  siteName: string;
  siteUrl: string;
}

/** A cover picture with the size of its file, which RSS enclosures must state. */
export interface FeedCover {
  url: string;
  bytes: number;
}

/**
 * Root-relative addresses in a body («/media/…», «/news/…») made absolute: a feed is read
 * away from the site, where they would point nowhere. Bodies are sanitized, so their
 * attributes are always double-quoted.
 */
export function absoluteUrls(html: string, siteUrl: string): string {
  return html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${siteUrl}/`);
}

function item(article: FeedArticle, site: FeedSite, format: FeedFormat, cover: FeedCover | undefined): Item {
  const link = `${site.siteUrl}${articlePath(article)}`;
  const people = bylinePeople(article, site.siteUrl) as { name: string; url?: string }[];
  const summary = article.lead || bodyText(article.body).slice(0, 300);
  const entry: Item = {
    title: article.title,
    // The short link never changes, even when the headline (and so the slug) does.
    id: `${site.siteUrl}${shortPath(article)}`,
    guid: `${site.siteUrl}${shortPath(article)}`,
    link,
    // Plain text: RSS and Atom readers take the summary as HTML, JSON Feed as text.
    description: format === 'json' ? summary : escapeHtml(summary),
    content: absoluteUrls(article.body, site.siteUrl),
    date: modifiedAt(article),
    published: article.publishedAt,
    category: [
      {
        name: article.section.name,
        term: article.section.name,
        domain: `${site.siteUrl}/section/${encodeURIComponent(article.section.slug)}`,
      },
      ...article.tags.map((tag) => ({ name: tag.name, term: tag.name })),
    ],
  };
  if (cover) entry.image = { url: cover.url, type: 'image/jpeg', length: cover.bytes };
  if (format === 'rss') {
    // RSS's own <author> must be an e-mail address; names go in dc:creator, which the feed
    // package declares whenever items have content:encoded.
    entry.extensions = people.map((person) => ({ name: 'dc:creator', objects: { _text: person.name } }));
  } else if (people.length > 0) {
    entry.author = people.map((person) => ({
      name: person.name,
      ...(person.url ? { link: person.url } : {}),
    }));
  }
  return entry;
}

/**
 * Writes a feed of `articles` (newest first) in one format. Nothing in it depends on the
 * moment of writing: the feed's own date is its newest change, so the same articles always
 * give the same bytes and a cached copy stays valid until an article changes.
 */
export function writeFeed(
  channel: FeedChannel,
  articles: readonly FeedArticle[],
  site: FeedSite,
  format: FeedFormat,
  covers: ReadonlyMap<number, FeedCover>,
): string {
  const updated = articles.reduce((latest, a) => Math.max(latest, modifiedAt(a).getTime()), 0);
  const feed = new Feed({
    id: `${site.siteUrl}${channel.pagePath}`,
    title: channel.title,
    description: channel.description,
    link: `${site.siteUrl}${channel.pagePath}`,
    language: 'fa',
    updated: new Date(updated),
    generator: 'Khabar',
    image: `${site.siteUrl}${publisherLogo.path}`,
    copyright: `© ${site.siteName}`,
    feedLinks: {
      rss: `${site.siteUrl}${channel.selfPaths.rss}`,
      atom: `${site.siteUrl}${channel.selfPaths.atom}`,
      json: `${site.siteUrl}${channel.selfPaths.json}`,
    },
  });
  for (const article of articles) feed.addItem(item(article, site, format, covers.get(article.id)));
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return feed.json1();
}

/** The picture a feed shows for an article: its wide preview crop. */
export function feedCoverPath(article: FeedArticle): string | undefined {
  return article.cover ? sharedImage(article.cover, 'og').url : undefined;
}
