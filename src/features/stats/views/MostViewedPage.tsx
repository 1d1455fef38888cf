import { formatPersianNumber } from '../../../platform/persian/digits.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { SiteContext } from '../../../platform/views/site-context.js';
import { articlePath } from '../../articles/article.js';
import type { MostViewedItem } from '../most-viewed-service.js';

export interface MostViewedPageProps {
  site: SiteContext;
  day: MostViewedItem[];
  week: MostViewedItem[];
}

function Ranking({
  id,
  heading,
  note,
  items,
}: {
  id: string;
  heading: string;
  note: string;
  items: MostViewedItem[];
}) {
  return (
    <section class="block most-viewed__period" aria-labelledby={id}>
      <h2 class="block__title" id={id}>
        {heading}
      </h2>
      <p class="most-viewed__note">{note}</p>
      {items.length === 0 ? (
        <p class="empty">در این بازه هنوز بازدیدی شمرده نشده است.</p>
      ) : (
        <ol class="ranked ranked--counted">
          {items.map(({ item, views }, index) => (
            <li key={item.id}>
              <span class="ranked__n">{formatPersianNumber(index + 1)}</span>
              <a href={articlePath(item)}>{item.title}</a>
              <span class="ranked__views">{`${formatPersianNumber(views)} بازدید`}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** «پربازدیدها»: the last day's and the last week's rankings side by side, each article once. */
export function MostViewedPage({ site, day, week }: MostViewedPageProps) {
  return (
    <Layout
      site={site}
      title="پربازدیدترین خبرها"
      description="پربازدیدترین خبرهای ۲۴ ساعت و هفت روز گذشته."
      canonical="/most-viewed"
    >
      <header class="list-header">
        <p class="list-header__kicker">پربازدیدها</p>
        <h1>پربازدیدترین خبرها</h1>
      </header>
      <div class="most-viewed">
        <Ranking id="most-viewed-day" heading="امروز" note="خبرهای ۲۴ ساعت گذشته" items={day} />
        <Ranking id="most-viewed-week" heading="این هفته" note="خبرهای هفت روز گذشته" items={week} />
      </div>
      <p class="most-viewed__about">
        بازدید هر خواننده از یک خبر در هر نیم ساعت یک بار شمرده می‌شود و بازدید ربات‌ها شمرده نمی‌شود.
      </p>
    </Layout>
  );
}
