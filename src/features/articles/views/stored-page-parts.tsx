import { createHash } from 'node:crypto';
import { render } from 'preact-render-to-string';
import { escapeHtml } from '../../../platform/html-entities.js';
import { formatJalaliDate } from '../../../platform/persian/jalali.js';
import type { SiteContext } from '../../../platform/views/site-context.js';
import type { ArticleComments } from '../../comments/comment.js';
import type { Image } from '../../media/image.js';
import type { Article, ArticleLine, ArticleSummary } from '../article.js';
import {
  ArticlePage,
  type ArticlePageSlots,
  MostViewedBox,
  OtherNewsBox,
  RelatedBox,
} from './ArticlePage.js';

/** The parts of an article page that change without the article changing, in page order. */
export const slotNames = [
  'today',
  'related',
  'mostViewed',
  'otherNews',
] as const satisfies readonly (keyof ArticlePageSlots)[];

// A private-use character cannot come from the escaped text around it; a body that holds one
// anyway yields the wrong number of parts and is simply not stored.
const marker = (name: string) => `\uE000${name}\uE000`;
const markers: ArticlePageSlots = {
  today: marker('today'),
  related: marker('related'),
  mostViewed: marker('mostViewed'),
  otherNews: marker('otherNews'),
};
const markerPattern = /\uE000([A-Za-z]+)\uE000/;

/**
 * The article page without its slots: five texts to be joined with the slots' HTML between
 * them, or undefined when the page cannot be split so.
 */
export function renderStoredParts(
  site: SiteContext,
  article: Article,
  comments: ArticleComments,
): string[] | undefined {
  const html = `<!doctype html>${render(
    <ArticlePage
      site={site}
      article={article}
      otherNews={[]}
      mostViewed={[]}
      comments={comments}
      slots={markers}
    />,
  )}`;
  const pieces = html.split(markerPattern);
  const texts = pieces.filter((_, i) => i % 2 === 0);
  const names = pieces.filter((_, i) => i % 2 === 1);
  return names.join() === slotNames.join() ? texts : undefined;
}

export type SlotName = (typeof slotNames)[number];

/** The teasers of the slots that show some. */
export interface SlotBoxes {
  related: ArticleLine[];
  mostViewed: ArticleSummary[];
  otherNews: ArticleSummary[];
}

/** A slot's HTML as the whole page renders it; `today` shows no teasers. */
export function renderSlot(name: SlotName, site: SiteContext, boxes: SlotBoxes): string {
  switch (name) {
    case 'today':
      return escapeHtml(formatJalaliDate(site.now, site.timeZone));
    case 'related':
      return render(<RelatedBox site={site} items={boxes.related} />);
    case 'mostViewed':
      return render(<MostViewedBox items={boxes.mostViewed} />);
    case 'otherNews':
      return render(<OtherNewsBox site={site} items={boxes.otherNews} />);
  }
}

const sampleImage: Image = {
  id: 1,
  storageKey: 'sample',
  width: 1600,
  height: 900,
  variantWidths: [480, 960],
  formats: ['avif', 'webp', 'jpg'],
  crops: [],
  alt: 'نمونه',
  caption: 'زیرنویس',
  credit: 'عکاس',
};

// An article using every part of the template: rendering it shows whether the template changed.
const sampleArticle: Article = {
  id: 1,
  newsCode: 1,
  slug: 'sample',
  kind: 'photoStory',
  state: 'published',
  surtitle: 'روتیتر',
  title: 'تیتر',
  lead: 'لید',
  body: '<p>متن</p>',
  section: { id: 1, slug: 'sample', name: 'سرویس' },
  author: { id: 1, slug: 'author', name: 'نویسنده' },
  byline: null,
  source: 'منبع',
  cover: sampleImage,
  commentsEnabled: true,
  publishAt: null,
  publishedAt: new Date(0),
  createdBy: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  tags: [{ id: 1, slug: 'tag', name: 'برچسب' }],
  gallery: [{ image: sampleImage, caption: null }],
};

/**
 * What stored parts depend on besides the article, its comments and its related articles: the
 * template, the site's name, address and time zone, its menu and its assets, all of which show
 * in a sample article rendered with them. Parts made for another fingerprint are rendered again.
 */
export function partsFingerprint(site: SiteContext, linksClickable: boolean): string {
  const when = new Date(0);
  const comments: ArticleComments = {
    count: 1,
    threads: [
      {
        id: 1,
        name: 'خواننده',
        body: 'نظر https://example.com',
        isStaff: false,
        createdAt: when,
        replies: [],
      },
    ],
    open: true,
    linksClickable,
  };
  const sampleSite = { ...site, now: when };
  const sample = renderStoredParts(sampleSite, sampleArticle, comments) ?? [];
  // «مطالب مرتبط» is stored beside the parts, so its template counts too.
  const related = renderSlot('related', sampleSite, {
    related: [{ ...sampleArticle, publishedAt: when }],
    mostViewed: [],
    otherNews: [],
  });
  return createHash('sha256')
    .update(JSON.stringify([...sample, related]))
    .digest('base64url')
    .slice(0, 22);
}
