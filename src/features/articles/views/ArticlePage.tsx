import type { ComponentChildren } from 'preact';
import { toPersianDigits } from '../../../platform/persian/digits.js';
import { formatGregorianDate, formatJalaliDate, formatTime } from '../../../platform/persian/jalali.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { SiteContext } from '../../../platform/views/site-context.js';
import { isoWithOffset } from '../../../platform/zoned-time.js';
import type { ArticleComments } from '../../comments/comment.js';
import { CommentCount, CommentsSection } from '../../comments/views/CommentsSection.js';
import { sharedImage } from '../../media/image.js';
import { Picture } from '../../media/views/Picture.js';
import { JsonLd } from '../../seo/JsonLd.js';
import { authorPath, imageGalleryLd, modifiedAt, newsArticleLd } from '../../seo/json-ld.js';
import {
  type Article,
  type ArticleLine,
  type ArticleSummary,
  articleKindNames,
  articlePath,
  displayByline,
  shortPath,
} from '../article.js';
import { ShareLinks } from './ShareLinks.js';
import { CardTeaser, LineTeaser, RankedList } from './Teasers.js';

export interface ArticlePageProps {
  site: SiteContext;
  article: Article;
  /** «مطالب مرتبط», sharing tags with the article. */
  related?: ArticleLine[];
  otherNews: ArticleSummary[];
  mostViewed: ArticleSummary[];
  /** Absent in the newsroom's preview. */
  comments?: ArticleComments;
  /** The `?comment=` value the comment form's redirect added. */
  commentNotice?: string | undefined;
  /** Stand-ins for the parts that change without the article changing (see stored-article-pages). */
  slots?: ArticlePageSlots;
}

export interface ArticlePageSlots {
  today: ComponentChildren;
  related: ComponentChildren;
  mostViewed: ComponentChildren;
  otherNews: ComponentChildren;
}

/** The article page, in the order Persian news sites print it. */
export function ArticlePage(props: ArticlePageProps) {
  const { site, article, related = [], otherNews, mostViewed, comments, commentNotice, slots } = props;
  const canonical = articlePath(article);
  const byline = displayByline(article);
  const publishedAt = article.publishedAt ?? article.createdAt;
  return (
    <Layout
      site={site}
      currentSection={article.section.slug}
      title={article.title}
      description={article.lead || undefined}
      canonical={canonical}
      image={article.cover ? sharedImage(article.cover, 'og').url : undefined}
      imageAlt={article.cover?.alt}
      type="article"
      feeds={[
        {
          title: `${site.siteName} — ${article.section.name}`,
          href: `/section/${encodeURIComponent(article.section.slug)}/rss`,
          type: 'application/rss+xml',
        },
      ]}
      head={<ArticleHead site={site} article={article} />}
      today={slots?.today}
    >
      <div class="article-layout">
        <article class={`article article--${article.kind}`}>
          <header class="article__header">
            {article.surtitle && <p class="surtitle">{article.surtitle}</p>}
            <h1 class="article__title">{article.title}</h1>
            {article.lead && <p class="article__lead">{article.lead}</p>}
            <dl class="article__meta">
              <div>
                <dt>کد خبر:</dt>
                <dd>{toPersianDigits(article.newsCode)}</dd>
              </div>
              <div>
                <dt class="visually-hidden">تاریخ انتشار:</dt>
                <dd>
                  <time dateTime={publishedAt.toISOString()}>
                    {formatJalaliDate(publishedAt, site.timeZone)} - {formatTime(publishedAt, site.timeZone)}{' '}
                    - {/* Isolated, or the right-to-left line reorders it into «January 2024 27». */}
                    <bdi dir="ltr">{formatGregorianDate(publishedAt, site.timeZone)}</bdi>
                  </time>
                </dd>
              </div>
              <div>
                <dt>سرویس:</dt>
                <dd>
                  <a href={`/section/${encodeURIComponent(article.section.slug)}`}>{article.section.name}</a>
                </dd>
              </div>
              {article.kind !== 'news' && (
                <div>
                  <dt class="visually-hidden">نوع مطلب:</dt>
                  <dd class={`kind kind--${article.kind}`}>{articleKindNames[article.kind]}</dd>
                </div>
              )}
              {byline && (
                <div>
                  <dt>نویسنده:</dt>
                  <dd class="article__byline">
                    {article.author ? <a href={authorPath(article.author)}>{byline}</a> : byline}
                  </dd>
                </div>
              )}
              {article.source && (
                <div>
                  <dt>منبع:</dt>
                  <dd>{article.source}</dd>
                </div>
              )}
              <CommentCount comments={comments} />
            </dl>
          </header>

          {article.cover && (
            <figure class="article__cover">
              <Picture image={article.cover} sizes="(min-width: 1000px) 720px, 100vw" eager />
              {(article.cover.caption || article.cover.credit) && (
                <figcaption>
                  {article.cover.caption}
                  {article.cover.credit && <span class="credit"> عکس: {article.cover.credit}</span>}
                </figcaption>
              )}
            </figure>
          )}

          <div class="article__body" dangerouslySetInnerHTML={{ __html: article.body }} />

          {article.gallery.length > 0 && (
            <section class="gallery" aria-label="روایت تصویری">
              {article.gallery.map((item, index) => (
                <figure class="gallery__item" key={item.image.id}>
                  <Picture image={item.image} sizes="(min-width: 1000px) 720px, 100vw" />
                  <figcaption>
                    <span class="gallery__n">
                      {toPersianDigits(index + 1)} از {toPersianDigits(article.gallery.length)}
                    </span>{' '}
                    {item.caption ?? item.image.caption}
                    {item.image.credit && <span class="credit"> عکس: {item.image.credit}</span>}
                  </figcaption>
                </figure>
              ))}
            </section>
          )}

          {article.tags.length > 0 && (
            <nav class="tags" aria-label="برچسب‌ها">
              <h2 class="tags__title">برچسب‌ها:</h2>
              <ul>
                {article.tags.map((tag) => (
                  <li key={tag.id}>
                    <a href={`/tag/${encodeURIComponent(tag.slug)}`} rel="tag">
                      {tag.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}

          <ShareLinks title={article.title} shortUrl={`${site.siteUrl}${shortPath(article)}`} />
          <p class="print-only">نشانی این مطلب: {`${site.siteUrl}${shortPath(article)}`}</p>

          {slots?.related ?? <RelatedBox site={site} items={related} />}

          {comments && (
            <CommentsSection
              comments={comments}
              newsCode={article.newsCode}
              timeZone={site.timeZone}
              notice={commentNotice}
            />
          )}
        </article>

        <aside class="article-aside">{slots?.mostViewed ?? <MostViewedBox items={mostViewed} />}</aside>
      </div>

      {slots?.otherNews ?? <OtherNewsBox site={site} items={otherNews} />}

      <p class="back-to-top">
        <a href="#top">بازگشت به بالا ↑</a>
      </p>
    </Layout>
  );
}

/** «مطالب مرتبط»: changes with every publish under the article's tags, so a stored page keeps it apart. */
export function RelatedBox({ site, items }: { site: SiteContext; items: ArticleLine[] }) {
  if (items.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-title">
      <h2 class="block__title" id="related-title">
        مطالب مرتبط
      </h2>
      <ul class="related__list">
        {items.map((item) => (
          <LineTeaser key={item.id} item={item} now={site.now} timeZone={site.timeZone} />
        ))}
      </ul>
    </section>
  );
}

export function MostViewedBox({ items }: { items: ArticleSummary[] }) {
  if (items.length === 0) return null;
  return (
    <section class="block">
      <h2 class="block__title">پربازدیدها</h2>
      <RankedList items={items} label="پربازدیدترین‌های امروز" />
    </section>
  );
}

/** «سایر اخبار»: the newest of the article's section. */
export function OtherNewsBox({ site, items }: { site: SiteContext; items: ArticleSummary[] }) {
  if (items.length === 0) return null;
  return (
    <section class="block other-news" aria-labelledby="other-news-title">
      <h2 class="block__title" id="other-news-title">
        سایر اخبار
      </h2>
      <div class="grid">
        {items.map((item) => (
          <CardTeaser key={item.id} item={item} now={site.now} timeZone={site.timeZone} />
        ))}
      </div>
    </section>
  );
}

/** What previews and search engines read of an article: its Open Graph dates and its structured data. */
function ArticleHead({ site, article }: { site: SiteContext; article: Article }) {
  const published = article.publishedAt ?? article.createdAt;
  const modified = modifiedAt(article);
  const cover = article.cover && sharedImage(article.cover, 'og');
  return (
    <>
      {cover && <meta property="og:image:width" content={String(cover.width)} />}
      {cover && <meta property="og:image:height" content={String(cover.height)} />}
      <meta property="article:published_time" content={isoWithOffset(published, site.timeZone)} />
      <meta property="article:modified_time" content={isoWithOffset(modified, site.timeZone)} />
      <meta property="article:section" content={article.section.name} />
      {article.tags.map((tag) => (
        <meta key={tag.id} property="article:tag" content={tag.name} />
      ))}
      <JsonLd
        data={
          article.kind === 'photoStory' && article.gallery.length > 0
            ? [newsArticleLd(article, site), imageGalleryLd(article, site)]
            : newsArticleLd(article, site)
        }
      />
    </>
  );
}
