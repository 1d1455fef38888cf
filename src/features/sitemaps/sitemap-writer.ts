import { Readable } from 'node:stream';
import {
  ErrorLevel,
  type IndexItem,
  SitemapIndexStream,
  type SitemapItemLoose,
  SitemapStream,
  streamToPromise,
} from 'sitemap';

// The sitemap package writes and escapes the XML; it is told to throw on an invalid entry, so
// a bad value fails a test here instead of printing a warning a crawler would never see.

/** A `<urlset>` of these entries; `news` declares the Google News namespace. */
export async function writeUrlset(
  entries: readonly SitemapItemLoose[],
  { news = false } = {},
): Promise<string> {
  if (entries.length === 0) {
    // The package refuses an empty sitemap. A quiet news desk still answers with a well-formed
    // empty list, which crawlers accept, rather than an error.
    return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${
      news ? ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' : ''
    }></urlset>`;
  }
  const stream = new SitemapStream({
    xmlns: { news, xhtml: false, image: false, video: false },
    level: ErrorLevel.THROW,
  });
  return (await streamToPromise(Readable.from(entries).pipe(stream))).toString('utf8');
}

/** A `<sitemapindex>` over these sitemaps. */
export async function writeSitemapIndex(entries: readonly IndexItem[]): Promise<string> {
  const stream = new SitemapIndexStream({ level: ErrorLevel.THROW });
  return (await streamToPromise(Readable.from(entries).pipe(stream))).toString('utf8');
}
