import { toPersianDigits } from '../../../platform/persian/digits.js';
import { formatGregorianDate } from '../../../platform/persian/jalali.js';
import { Layout } from '../../../platform/views/Layout.js';
import { Pager } from '../../../platform/views/Pager.js';
import type { SiteContext } from '../../../platform/views/site-context.js';
import { CardTeaser } from '../../articles/views/Teasers.js';
import type { Section } from '../../sections/section.js';
import { dayPath, jalaliDayText, monthPath } from '../archive-dates.js';
import type { ArchiveDay } from '../archive-service.js';
import { SectionFilter } from './ArchiveFilter.js';

export interface ArchiveDayPageProps {
  site: SiteContext;
  list: ArchiveDay;
  section: Section | undefined;
}

/** One Jalali day's published items, newest first, 50 to a page. */
export function ArchiveDayPage({ site, list, section }: ArchiveDayPageProps) {
  const slug = section?.slug;
  const dateText = jalaliDayText(list);
  const facts = [
    formatGregorianDate(list.start, site.timeZone),
    `${toPersianDigits(list.total)} خبر${section ? ` در سرویس ${section.name}` : ''}`,
    ...(list.pages > 1 ? [`صفحهٔ ${toPersianDigits(list.page)} از ${toPersianDigits(list.pages)}`] : []),
  ];
  const pageHref = (page: number) => dayPath(list, { section: slug, page });
  return (
    <Layout site={site} title={`آرشیو خبرهای ${dateText}`} canonical={dayPath(list, { page: list.page })}>
      <header class="list-header">
        <p class="list-header__kicker">آرشیو</p>
        <h1>{`خبرهای ${dateText}`}</h1>
        <p class="list-header__description">{facts.join(' · ')}</p>
      </header>
      <div class="archive__filters">
        <SectionFilter site={site} action={dayPath(list)} current={slug} />
        <p class="archive__back">
          <a href={monthPath(list, { section: slug })}>تقویم این ماه</a>
        </p>
      </div>
      {list.items.length === 0 ? (
        <p class="empty">در این روز خبری منتشر نشده است.</p>
      ) : (
        <div class="list">
          {list.items.map((item) => (
            <CardTeaser key={item.id} item={item} now={site.now} timeZone={site.timeZone} withLead />
          ))}
        </div>
      )}
      <Pager
        newerHref={list.page > 1 ? pageHref(list.page - 1) : undefined}
        olderHref={list.page < list.pages ? pageHref(list.page + 1) : undefined}
      />
      <nav class="pager archive__days" aria-label="روزهای دیگر">
        {list.previous ? (
          <a href={dayPath(list.previous, { section: slug })}>{`→ ${jalaliDayText(list.previous)}`}</a>
        ) : (
          <span />
        )}
        {list.next && <a href={dayPath(list.next, { section: slug })}>{`${jalaliDayText(list.next)} ←`}</a>}
      </nav>
    </Layout>
  );
}
