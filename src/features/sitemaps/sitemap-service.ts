import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/errors.js';
import { isoWithOffset } from '../../platform/zoned-time.js';
import { articlePath } from '../articles/article.js';
import { authorPath } from '../seo/json-ld.js';
import {
  countTagPages,
  listArticleMonths,
  listAuthorPages,
  listMonthArticles,
  listNewsSince,
  listSectionPages,
  listTagPages,
  type NewsSitemapArticle,
  type SitemapPage,
} from './sitemap-repository.js';
import { writeSitemapIndex, writeUrlset } from './sitemap-writer.js';

export interface SitemapLimits {
  /** URLs in one sitemap file: the protocol allows 50,000. */
  urls: number;
  /** Articles in one Google News sitemap: Google reads at most 1,000. */
  news: number;
}

export interface SitemapServiceDeps {
  db: DB;
  clock: Clock;
  siteUrl: string;
  timeZone: string;
  /** `news:name`: the publication's name exactly as Google News shows it. */
  newsPublicationName: string;
  limits?: SitemapLimits;
}

/** Google News lists an article for two days after it first went public. */
export const newsWindowMs = 48 * 60 * 60 * 1000;

export const sitemapPaths = { index: '/sitemap.xml', news: '/sitemap-news.xml' } as const;

const notFound = () => new NotFoundError('چنین نقشهٔ سایتی وجود ندارد.');

function parts(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/** `/sitemaps/articles-2024-01.xml`, and `-2`, `-3`… for the further parts of a busy month. */
function monthFile(month: string, part: number): string {
  return `/sitemaps/articles-${month}${part > 1 ? `-${part}` : ''}.xml`;
}

function newest(dates: readonly (string | null)[]): string | undefined {
  return dates.reduce<string | undefined>(
    (a, b) => (b !== null && (a === undefined || b > a) ? b : a),
    undefined,
  );
}

/**
 * The sitemap index over monthly article sitemaps, the sections, authors and tags; the Google
 * News sitemap of the last 48 hours; and robots.txt that points at both.
 */
export function createSitemapService({
  db,
  clock,
  siteUrl,
  timeZone,
  newsPublicationName,
  limits = { urls: 50_000, news: 1_000 },
}: SitemapServiceDeps) {
  const absolute = (path: string) => `${siteUrl}${path}`;
  const pageEntry = (path: string, page: Pick<SitemapPage, 'lastmod'>) => ({
    url: absolute(path),
    ...(page.lastmod ? { lastmod: page.lastmod } : {}),
  });

  async function pagesFile(): Promise<string> {
    const [sections, authors] = await Promise.all([listSectionPages(db), listAuthorPages(db)]);
    const home = { lastmod: newest(sections.map((s) => s.lastmod)) ?? null };
    return writeUrlset([
      pageEntry('/', home),
      ...sections.map((s) => pageEntry(`/section/${encodeURIComponent(s.slug)}`, s)),
      ...authors.map((a) => pageEntry(authorPath(a), a)),
    ]);
  }

  async function tagsFile(part: number): Promise<string> {
    const tags = await listTagPages(db, { offset: (part - 1) * limits.urls, limit: limits.urls });
    if (tags.length === 0) throw notFound();
    return writeUrlset(tags.map((t) => pageEntry(`/tag/${encodeURIComponent(t.slug)}`, t)));
  }

  async function monthFileBody(month: string, part: number): Promise<string> {
    const articles = await listMonthArticles(db, month, {
      offset: (part - 1) * limits.urls,
      limit: limits.urls,
    });
    if (articles.length === 0) throw notFound();
    return writeUrlset(articles.map((a) => ({ url: absolute(articlePath(a)), lastmod: a.updatedAt })));
  }

  function newsEntry(article: NewsSitemapArticle) {
    return {
      url: absolute(articlePath(article)),
      news: {
        publication: { name: newsPublicationName, language: 'fa' },
        publication_date: isoWithOffset(new Date(article.publishedAt), timeZone),
        // The headline alone: Google asks for no site name and no date in it.
        title: article.title,
      },
    };
  }

  const recentNews = () => listNewsSince(db, new Date(clock.now().getTime() - newsWindowMs));

  return {
    async index(): Promise<string> {
      const [months, tags, sections] = await Promise.all([
        listArticleMonths(db),
        countTagPages(db),
        listSectionPages(db),
      ]);
      const entries = [
        { url: absolute('/sitemaps/pages.xml'), lastmod: newest(sections.map((s) => s.lastmod)) },
      ];
      for (let part = 1; tags.count > 0 && part <= parts(tags.count, limits.urls); part += 1) {
        entries.push({ url: absolute(`/sitemaps/tags-${part}.xml`), lastmod: tags.lastmod ?? undefined });
      }
      for (const month of months) {
        for (let part = 1; part <= parts(month.count, limits.urls); part += 1) {
          entries.push({ url: absolute(monthFile(month.month, part)), lastmod: month.lastmod });
        }
      }
      return writeSitemapIndex(entries.map(({ url, lastmod }) => (lastmod ? { url, lastmod } : { url })));
    },

    /** One file below `/sitemaps/`, by its name (`articles-2024-01-2.xml`); anything else is a 404. */
    async file(name: string): Promise<string> {
      if (name === 'pages.xml') return pagesFile();
      const tags = /^tags-([1-9]\d{0,5})\.xml$/.exec(name);
      if (tags) return tagsFile(Number(tags[1]));
      const month = /^articles-(\d{4}-(?:0[1-9]|1[0-2]))(?:-([2-9]|[1-9]\d{1,5}))?\.xml$/.exec(name);
      if (month?.[1]) return monthFileBody(month[1], Number(month[2] ?? 1));
      const news = /^news-([1-9]\d{0,3})\.xml$/.exec(name);
      if (news) {
        const part = Number(news[1]);
        const slice = (await recentNews()).slice((part - 1) * limits.news, part * limits.news);
        if (slice.length === 0) throw notFound();
        return writeUrlset(slice.map(newsEntry), { news: true });
      }
      throw notFound();
    },

    /**
     * The Google News sitemap: articles first published in the last 48 hours. Up to the limit it
     * is the list itself; above it, an index over `/sitemaps/news-N.xml` parts of that size.
     */
    async news(): Promise<string> {
      const articles = await recentNews();
      if (articles.length <= limits.news) return writeUrlset(articles.map(newsEntry), { news: true });
      const entries = [];
      for (let part = 1; part <= parts(articles.length, limits.news); part += 1) {
        const first = articles[(part - 1) * limits.news];
        entries.push({ url: absolute(`/sitemaps/news-${part}.xml`), lastmod: first?.publishedAt });
      }
      return writeSitemapIndex(entries);
    },

    /** Crawlers may read everything public; the newsroom and the API are not for them. */
    robots(): string {
      return [
        'User-agent: *',
        'Disallow: /newsroom',
        'Disallow: /api',
        '',
        `Sitemap: ${absolute(sitemapPaths.index)}`,
        `Sitemap: ${absolute(sitemapPaths.news)}`,
        '',
      ].join('\n');
    },
  };
}

export type SitemapService = ReturnType<typeof createSitemapService>;
