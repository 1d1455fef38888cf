import { formatPersianNumber } from '../../../platform/persian/digits.js';
import { formatJalaliDate } from '../../../platform/persian/jalali.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { SiteContext } from '../../../platform/views/site-context.js';
import { type ArticleSummary, articleKindNames, articleKinds } from '../../articles/article.js';
import { LineTeaser } from '../../articles/views/Teasers.js';
import type { SearchResultItem } from '../search-service.js';
import type { Segment } from '../search-snippet.js';

export interface SearchForm {
  q: string;
  section: string;
  kind: string;
  from: string;
  to: string;
  sort: string;
}

export interface SearchPageProps {
  site: SiteContext;
  form: SearchForm;
  searched: boolean;
  total: number;
  /** More items match than `total` counts. */
  totalCapped: boolean;
  items: SearchResultItem[];
  nextHref?: string | undefined;
  /** A problem with the filters, said in Persian; the form stays filled in. */
  error?: string | undefined;
  /** For the empty state: what is new on the site. */
  latest: ArticleSummary[];
}

function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}

function Filters({ site, form }: Pick<SearchPageProps, 'site' | 'form'>) {
  return (
    <details class="search-filters" open={Boolean(form.section || form.kind || form.from || form.to)}>
      <summary>محدود کردن نتیجه‌ها</summary>
      <div class="search-filters__grid">
        <label>
          سرویس
          <select name="section">
            <option value="">همهٔ سرویس‌ها</option>
            {site.sections.map((s) => (
              <option key={s.slug} value={s.slug} selected={s.slug === form.section}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          نوع مطلب
          <select name="kind">
            <option value="">همه</option>
            {articleKinds.map((k) => (
              <option key={k} value={k} selected={k === form.kind}>
                {articleKindNames[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          از تاریخ
          <input name="from" value={form.from} placeholder="۱۴۰۵/۰۹/۰۱" inputMode="numeric" dir="ltr" />
        </label>
        <label>
          تا تاریخ
          <input name="to" value={form.to} placeholder="۱۴۰۵/۰۹/۳۰" inputMode="numeric" dir="ltr" />
        </label>
        <label>
          ترتیب
          <select name="sort">
            <option value="relevance" selected={form.sort !== 'newest'}>
              مرتبط‌ترین
            </option>
            <option value="newest" selected={form.sort === 'newest'}>
              تازه‌ترین
            </option>
          </select>
        </label>
      </div>
    </details>
  );
}

function EmptyState({ site, form, latest }: Pick<SearchPageProps, 'site' | 'form' | 'latest'>) {
  const filtered = Boolean(form.section || form.kind || form.from || form.to);
  const plain = `/search?${new URLSearchParams({ q: form.q })}`;
  return (
    <div class="search-empty">
      <p>
        برای «<strong>{form.q}</strong>» مطلبی پیدا نشد.
        {filtered && (
          <>
            {' '}
            <a href={plain}>بدون محدودیت سرویس، نوع و تاریخ جست‌وجو کنید.</a>
          </>
        )}
      </p>
      <p>کلمه‌های کمتر یا کلی‌تری را امتحان کنید؛ املای دیگر یک واژه (با فاصله یا بی‌فاصله) هم پیدا می‌شود.</p>
      {latest.length > 0 && (
        <section aria-labelledby="search-latest">
          <h2 id="search-latest">تازه‌ترین خبرها</h2>
          <ul class="latest">
            {latest.map((item) => (
              <LineTeaser key={item.id} item={item} now={site.now} timeZone={site.timeZone} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** The public search page: the form, the filters, results with the matched words marked. */
export function SearchPage(props: SearchPageProps) {
  const { site, form, searched, total, totalCapped, items, error } = props;
  return (
    <Layout site={site} title={form.q ? `جست‌وجو: ${form.q}` : 'جست‌وجو'} canonical="/search">
      <header class="list-header">
        <h1>جست‌وجو</h1>
      </header>
      {/* biome-ignore lint/a11y/useSemanticElements: older phone browsers know role="search", not <search> */}
      <form class="search-page__form" role="search" action="/search" method="get">
        <label for="search-q">عبارت جست‌وجو</label>
        <div class="search-page__row">
          <input id="search-q" name="q" type="search" value={form.q} maxLength={200} />
          <button type="submit">جست‌وجو</button>
        </div>
        <Filters site={site} form={form} />
      </form>
      {error && (
        <p class="search-error" role="alert">
          {error}
        </p>
      )}
      {searched && items.length === 0 && !error && <EmptyState {...props} />}
      {items.length > 0 && (
        <>
          <p class="search-total">
            {totalCapped
              ? `بیش از ${formatPersianNumber(total)} نتیجه برای «${form.q}»`
              : `${formatPersianNumber(total)} نتیجه برای «${form.q}»`}
          </p>
          <ol class="search-results">
            {items.map((item) => (
              <li key={item.id} class="search-result">
                <p class="search-result__meta">
                  <span>{item.section.name}</span>
                  {item.kind !== 'news' && <span>{articleKindNames[item.kind]}</span>}
                  <time dateTime={item.publishedAt.toISOString()}>
                    {formatJalaliDate(item.publishedAt, site.timeZone)}
                  </time>
                </p>
                <h2 class="search-result__title">
                  <a href={item.path}>
                    <Marked segments={item.title} />
                  </a>
                </h2>
                <p class="search-result__snippet">
                  <Marked segments={item.snippet} />
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
      {props.nextHref && (
        <nav class="pager" aria-label="صفحه‌بندی">
          <span />
          <a class="pager__older" href={props.nextHref} rel="next">
            نتیجه‌های بیشتر ←
          </a>
        </nav>
      )}
    </Layout>
  );
}
