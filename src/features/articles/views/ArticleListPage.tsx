import { Layout } from '../../../platform/views/Layout.js';
import { Pager } from '../../../platform/views/Pager.js';
import type { SiteContext } from '../../../platform/views/site-context.js';
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
}

/** A section or tag page: newest first, with newer/older links. */
export function ArticleListPage(props: ArticleListPageProps) {
  const { site, heading, kicker, description, canonical, items } = props;
  return (
    <Layout
      site={site}
      title={heading}
      description={description ?? undefined}
      canonical={canonical}
      currentSection={props.currentSection}
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
