import type { Static } from '@sinclair/typebox';
import { type Image, imageVariantUrl, pickVariantWidth } from '../media/image.js';
import { type Article, type ArticleSummary, articlePath, displayByline, shortPath } from './article.js';
import type { ArticleJson, ArticleSummaryJson } from './article-schemas.js';

function imageJson(image: Image, siteUrl: string, caption = image.caption) {
  const url = `${siteUrl}${imageVariantUrl(image, pickVariantWidth(image, 1600), 'jpg')}`;
  return { url, width: image.width, height: image.height, alt: image.alt, caption };
}

export function summaryJson(item: ArticleSummary, siteUrl: string): Static<typeof ArticleSummaryJson> {
  return {
    id: item.id,
    newsCode: item.newsCode,
    url: `${siteUrl}${articlePath(item)}`,
    kind: item.kind,
    surtitle: item.surtitle,
    title: item.title,
    lead: item.lead,
    section: { slug: item.section.slug, name: item.section.name },
    cover: item.cover && imageJson(item.cover, siteUrl),
    publishedAt: item.publishedAt.toISOString(),
  };
}

export function articleJson(article: Article, siteUrl: string): Static<typeof ArticleJson> {
  return {
    id: article.id,
    newsCode: article.newsCode,
    url: `${siteUrl}${articlePath(article)}`,
    shortUrl: `${siteUrl}${shortPath(article)}`,
    state: article.state,
    kind: article.kind,
    surtitle: article.surtitle,
    title: article.title,
    lead: article.lead,
    body: article.body,
    section: { slug: article.section.slug, name: article.section.name },
    tags: article.tags.map((t) => ({ slug: t.slug, name: t.name })),
    byline: displayByline(article),
    source: article.source,
    cover: article.cover && imageJson(article.cover, siteUrl),
    gallery: article.gallery.map((g) => imageJson(g.image, siteUrl, g.caption)),
    commentsEnabled: article.commentsEnabled,
    publishAt: article.publishAt?.toISOString() ?? null,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
  };
}
