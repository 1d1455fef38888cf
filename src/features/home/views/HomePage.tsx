import { Layout } from '../../../platform/views/Layout.js';
import type { SiteContext } from '../../../platform/views/site-context.js';
import { CardTeaser, LeadTeaser, LineTeaser, RankedList } from '../../articles/views/Teasers.js';
import type { HomePage as HomeData } from '../home-service.js';

export interface HomePageProps {
  site: SiteContext;
  home: HomeData;
}

export function HomePage({ site, home }: HomePageProps) {
  const t = { now: site.now, timeZone: site.timeZone };
  const empty = !home.topStory && home.latest.length === 0;
  return (
    <Layout site={site} description={`${site.siteName}: آخرین اخبار ایران و جهان`} canonical="/">
      <h1 class="visually-hidden">{site.siteName} — آخرین اخبار</h1>
      {empty && <p class="empty">هنوز خبری منتشر نشده است.</p>}
      <div class="home-top">
        {home.topStory && (
          <section class="home-top__lead" aria-label="تیتر یک">
            <LeadTeaser item={home.topStory} {...t} />
          </section>
        )}
        {home.latest.length > 0 && (
          <section class="block home-top__latest" aria-labelledby="latest-title">
            <h2 class="block__title" id="latest-title">
              آخرین اخبار
            </h2>
            <ul class="lines">
              {home.latest.map((item) => (
                <LineTeaser key={item.id} item={item} {...t} />
              ))}
            </ul>
          </section>
        )}
        <div class="home-top__side">
          {home.editorPicks.length > 0 && (
            <section class="block" aria-labelledby="picks-title">
              <h2 class="block__title" id="picks-title">
                پیشنهاد سردبیر
              </h2>
              <div class="stack">
                {home.editorPicks.map((item) => (
                  <CardTeaser key={item.id} item={item} {...t} sizes="120px" />
                ))}
              </div>
            </section>
          )}
          {home.mostViewed.length > 0 && (
            <section class="block" aria-labelledby="most-viewed-title">
              <h2 class="block__title" id="most-viewed-title">
                <a href="/most-viewed">پربازدیدها</a>
              </h2>
              <RankedList items={home.mostViewed} label="پربازدیدترین‌های امروز" />
            </section>
          )}
        </div>
      </div>

      {home.photoStories.length > 0 && (
        <section class="block photo-stories" aria-labelledby="photo-title">
          <h2 class="block__title" id="photo-title">
            روایت تصویری
          </h2>
          <div class="grid grid--4">
            {home.photoStories.map((item) => (
              <CardTeaser key={item.id} item={item} {...t} />
            ))}
          </div>
        </section>
      )}

      {home.sections.map(({ section, items }) => (
        <section class="block section-block" key={section.slug} aria-labelledby={`section-${section.slug}`}>
          <h2 class="block__title" id={`section-${section.slug}`}>
            <a href={`/section/${encodeURIComponent(section.slug)}`}>{section.name}</a>
          </h2>
          <div class="grid grid--4">
            {items.map((item) => (
              <CardTeaser key={item.id} item={item} {...t} />
            ))}
          </div>
        </section>
      ))}
    </Layout>
  );
}
