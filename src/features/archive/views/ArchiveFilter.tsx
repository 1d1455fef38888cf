import type { SiteContext } from '../../../platform/views/site-context.js';

/** The section select; a plain GET form, so it works without JavaScript. */
export function SectionFilter({
  site,
  action,
  current,
}: {
  site: SiteContext;
  action: string;
  current?: string;
}) {
  return (
    <form class="archive-form" method="get" action={action}>
      <label for="archive-section">سرویس</label>
      <select id="archive-section" name="section">
        <option value="">همهٔ سرویس‌ها</option>
        {site.sections.map((s) => (
          <option key={s.slug} value={s.slug} selected={s.slug === current}>
            {s.name}
          </option>
        ))}
      </select>
      <button type="submit">نمایش</button>
    </form>
  );
}

/** Jumps to the Jalali day of a Gregorian date; /archive answers `?date=2024-01-27` with a redirect. */
export function GregorianDateForm() {
  return (
    <form class="archive-form" method="get" action="/archive">
      <label for="archive-date">تاریخ میلادی</label>
      <input id="archive-date" name="date" type="date" required />
      <button type="submit">برو</button>
    </form>
  );
}
