import type { ComponentChildren } from 'preact';
import { type AlternateFeed, Layout } from '../../../platform/views/Layout.js';
import { Pager } from '../../../platform/views/Pager.js';
import type { SiteContext } from '../../../platform/views/site-context.js';
import { JsonLd } from '../../seo/JsonLd.js';
import { breadcrumbLd } from '../../seo/json-ld.js';
import type { ArticleSummary } from '../article.js';
import { CardTeaser } from './Teasers.js';

export interface ArticleListPageProps {
  site: SiteContext;
  heading: string;
  kicker: string;
  description?: string | null;
  canonical: string;
  currentSection?: string;
  items: ArticleSummary[];
  newerHref?: string | undefined;
  olderHref?: string | undefined;
  /** The list's own feeds, announced in the head; by default its RSS below its address (`/section/economy/rss`). */
  feeds?: AlternateFeed[];
  /** Structured data of the list; a section page gets its breadcrumb without asking. */
  head?: ComponentChildren;
}

/** A section or tag page: newest first, with newer/older links. */
export function ArticleListPage(props: ArticleListPageProps) {
  const { site, heading, kicker, description, canonical, items } = props;
  const feeds = props.feeds ?? [
    {
      title: `${site.siteName} — ${heading}`,
      href: `${canonical}/rss`,
      type: 'application/rss+xml' as const,
    },
  ];
  const head =
    props.head ??
    (props.currentSection && (
      <JsonLd
        data={breadcrumbLd(
          [
            { name: site.siteName, path: '/' },
            { name: heading, path: canonical },
          ],
          site,
        )}
      />
    ));
  return (
    <Layout
      site={site}
      title={heading}
      description={description ?? undefined}
      canonical={canonical}
      currentSection={props.currentSection}
      feeds={feeds}
      head={head}
    >
      <header class="list-header">
        <p class="list-header__kicker">{kicker}</p>
        <h1>{heading}</h1>
        {description && <p class="list-header__description">{description}</p>}
      </header>
      {items.length === 0 ? (
        <p class="empty">هنوز خبری در این بخش منتشر نشده است.</p>
      ) : (
        <div class="list">
          {items.map((item) => (
            <CardTeaser key={item.id} item={item} now={site.now} timeZone={site.timeZone} withLead />
          ))}
        </div>
      )}
      <Pager newerHref={props.newerHref} olderHref={props.olderHref} />
    </Layout>
  );
}
