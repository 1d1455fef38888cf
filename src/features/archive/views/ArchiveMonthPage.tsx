import { toPersianDigits } from '../../../platform/persian/digits.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { SiteContext } from '../../../platform/views/site-context.js';
import type { Section } from '../../sections/section.js';
import { monthPath, jalaliMonthText as monthText } from '../archive-dates.js';
import type { ArchiveMonth } from '../archive-service.js';
import { GregorianDateForm, SectionFilter } from './ArchiveFilter.js';
import { MonthCalendar } from './MonthCalendar.js';

export interface ArchiveMonthPageProps {
  site: SiteContext;
  calendar: ArchiveMonth;
  section: Section | undefined;
  /** Where the page was asked for: /archive for the current month, else the month's own address. */
  path: string;
}

/** «آرشیو»: a month's calendar, the neighbouring months, and the filters. */
export function ArchiveMonthPage({ site, calendar, section, path }: ArchiveMonthPageProps) {
  const { previous, next } = calendar;
  const slug = section?.slug;
  const summary =
    calendar.total === 0
      ? 'در این ماه خبری منتشر نشده است.'
      : `${toPersianDigits(calendar.total)} خبر در این ماه؛ روزهای پیوند‌دار را ببینید.`;
  return (
    <Layout site={site} title={`آرشیو خبرهای ${monthText(calendar)}`} canonical={monthPath(calendar)}>
      <header class="list-header">
        <p class="list-header__kicker">آرشیو{section ? ` · ${section.name}` : ''}</p>
        <h1>{`آرشیو ${monthText(calendar)}`}</h1>
        <p class="list-header__description">{summary}</p>
      </header>
      <div class="archive">
        <div class="archive__filters">
          <SectionFilter site={site} action={path} current={slug} />
          <GregorianDateForm />
        </div>
        <MonthCalendar calendar={calendar} section={slug} />
        <nav class="pager" aria-label="ماه‌های دیگر">
          {previous ? (
            <a href={monthPath(previous, { section: slug })} rel="prev">
              {`→ ${monthText(previous)}`}
            </a>
          ) : (
            <span />
          )}
          {next && (
            <a href={monthPath(next, { section: slug })} rel="next">
              {`${monthText(next)} ←`}
            </a>
          )}
        </nav>
      </div>
    </Layout>
  );
}
