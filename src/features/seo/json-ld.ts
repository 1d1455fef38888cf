import { isoWithOffset } from '../../platform/zoned-time.js';
import type { Article } from '../articles/article.js';
import { articlePath } from '../articles/article.js';
import type { Author } from '../authors/author.js';
import { imageCropUrl, sharedImage } from '../media/image.js';
import { publisherLogo } from './publisher-logo.js';

/** Who is publishing: enough to name the site and find its logo. */
export interface Publisher {
  siteName: string;
  siteUrl: string;
  timeZone: string;
}

type Thing = Record<string, unknown>;

/** When an article last changed for readers: never before it went public (imports may say otherwise). */
export function modifiedAt(article: { publishedAt: Date | null; updatedAt: Date; createdAt?: Date }): Date {
  const published = article.publishedAt ?? article.createdAt ?? article.updatedAt;
  return new Date(Math.max(article.updatedAt.getTime(), published.getTime()));
}

/** The author page of an author, e.g. `/author/ali-tehrani`. */
export function authorPath(author: Pick<Author, 'slug'>): string {
  return `/author/${encodeURIComponent(author.slug)}`;
}

function organization(publisher: Publisher): Thing {
  return {
    '@type': 'Organization',
    name: publisher.siteName,
    url: `${publisher.siteUrl}/`,
    logo: {
      '@type': 'ImageObject',
      url: `${publisher.siteUrl}${publisherLogo.path}`,
      width: publisherLogo.size,
      height: publisherLogo.size,
    },
  };
}

/**
 * The people behind an article, one per person. A byline may name several («علی تهرانی و مریم
 * رحیمی», «… ، …»); the one that is the article's author links to the author page.
 */
export function bylinePeople(
  article: { byline: string | null; author: Pick<Author, 'slug' | 'name'> | null },
  siteUrl: string,
): Thing[] {
  const names = article.byline
    ? article.byline
        .split(/\s*[،,؛;]\s*|\s+و\s+/)
        .map((name) => name.trim())
        .filter(Boolean)
    : article.author
      ? [article.author.name]
      : [];
  return names.map((name) => {
    const person: Thing = { '@type': 'Person', name };
    if (article.author && article.author.name === name)
      person.url = `${siteUrl}${authorPath(article.author)}`;
    return person;
  });
}

/**
 * NewsArticle markup for an article page, as Google's article guidelines describe it: the
 * three crops as `image`, instants with the site's offset, one Person per author and the
 * publisher with its logo. Kept to what those consumers read, so the page stays light.
 */
export function newsArticleLd(article: Article, publisher: Publisher): Thing {
  const url = `${publisher.siteUrl}${articlePath(article)}`;
  const published = article.publishedAt ?? article.createdAt;
  const thing: Thing = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.lead ? { description: article.lead } : {}),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: isoWithOffset(published, publisher.timeZone),
    dateModified: isoWithOffset(modifiedAt(article), publisher.timeZone),
    inLanguage: 'fa',
    articleSection: article.section.name,
    publisher: organization(publisher),
  };
  const people = bylinePeople(article, publisher.siteUrl);
  if (people.length > 0) thing.author = people;
  if (article.cover) {
    const cover = article.cover;
    thing.image = (['16x9', '4x3', '1x1'] as const).map(
      (crop) => `${publisher.siteUrl}${sharedImage(cover, crop).url}`,
    );
  }
  if (article.tags.length > 0) thing.keywords = article.tags.map((tag) => tag.name);
  return thing;
}

/** A photo story's pictures, in order, with their captions and credits. */
export function imageGalleryLd(article: Article, publisher: Publisher): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'ImageGallery',
    name: article.title,
    url: `${publisher.siteUrl}${articlePath(article)}`,
    associatedMedia: article.gallery.map(({ image, caption }) => ({
      '@type': 'ImageObject',
      contentUrl: `${publisher.siteUrl}${
        image.crops.includes('16x9') ? imageCropUrl(image, '16x9') : sharedImage(image, '16x9').url
      }`,
      caption: caption ?? image.caption ?? image.alt,
      ...(image.credit ? { creditText: image.credit } : {}),
    })),
  };
}

/** The trail from the home page to a page, e.g. home → a section. */
export function breadcrumbLd(trail: { name: string; path: string }[], publisher: Publisher): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: step.name,
      item: `${publisher.siteUrl}${step.path}`,
    })),
  };
}

/** An author page: the person, their page and a few words about them. */
export function profilePageLd(author: Author, publisher: Publisher): Thing {
  const url = `${publisher.siteUrl}${authorPath(author)}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url,
    mainEntity: {
      '@type': 'Person',
      name: author.name,
      url,
      ...(author.bio ? { description: author.bio } : {}),
    },
  };
}

/**
 * JSON for a `<script type="application/ld+json">` block. `<` is escaped so no text in it
 * (a headline containing `</script>`) can end the block early; JSON parsers read `\u003c` as `<`.
 */
export function serializeJsonLd(data: Thing | Thing[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
