import type { ComponentChildren } from 'preact';
import { formatJalaliDate } from '../persian/jalali.js';
import type { SiteContext } from './site-context.js';

export interface LayoutProps {
  site: SiteContext;
  title?: string;
  description?: string;
  canonical?: string;
  image?: string;
  /** Describes `image` for those who cannot see it (og:image:alt, twitter:image:alt). */
  imageAlt?: string | undefined;
  type?: 'website' | 'article';
  /** Feeds of this page (a section's, a tag's), announced besides the whole site's. */
  feeds?: AlternateFeed[];
  /** More head elements: structured data and a page's own Open Graph properties. */
  head?: ComponentChildren;
  /** Marks the section the page belongs to in the menu. */
  currentSection?: string | undefined;
  /** In place of today's date in the header, for a page stored beyond the day. */
  today?: ComponentChildren;
  children: ComponentChildren;
}

export interface AlternateFeed {
  title: string;
  href: string;
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
}

/** The frame of every public page: Persian, right to left, one stylesheet, no third-party requests. */
export function Layout(props: LayoutProps) {
  const {
    site,
    title,
    description,
    canonical,
    image,
    imageAlt,
    type = 'website',
    currentSection,
    children,
  } = props;
  const fullTitle = title ? `${title} | ${site.siteName}` : site.siteName;
  const absolute = (path: string) => (path.startsWith('http') ? path : `${site.siteUrl}${path}`);
  return (
    <html lang="fa" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description && <meta name="description" content={description} />}
        {canonical && <link rel="canonical" href={absolute(canonical)} />}
        <meta property="og:site_name" content={site.siteName} />
        <meta property="og:title" content={title ?? site.siteName} />
        <meta property="og:type" content={type} />
        <meta property="og:locale" content="fa_IR" />
        {description && <meta property="og:description" content={description} />}
        {canonical && <meta property="og:url" content={absolute(canonical)} />}
        {image && <meta property="og:image" content={absolute(image)} />}
        {image && imageAlt && <meta property="og:image:alt" content={imageAlt} />}
        <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={title ?? site.siteName} />
        {description && <meta name="twitter:description" content={description} />}
        {image && <meta name="twitter:image" content={absolute(image)} />}
        {image && imageAlt && <meta name="twitter:image:alt" content={imageAlt} />}
        {props.head}
        {[...siteFeeds(site.siteName), ...(props.feeds ?? [])].map((feed) => (
          <link
            key={feed.href}
            rel="alternate"
            type={feed.type}
            title={feed.title}
            href={absolute(feed.href)}
          />
        ))}
        <link
          rel="preload"
          href="/assets/fonts/Vazirmatn-Regular.woff2"
          as="font"
          type="font/woff2"
          crossorigin="anonymous"
        />
        <link rel="icon" href={site.icon} type="image/svg+xml" />
        <link rel="stylesheet" href={site.stylesheet} />
        <script src={site.script} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          رفتن به محتوای اصلی
        </a>
        <header class="site-header" id="top">
          <div class="wrap site-header__bar">
            <a class="site-logo" href="/">
              {site.siteName}
            </a>
            {/* biome-ignore lint/a11y/useSemanticElements: older phone browsers know role="search", not <search> */}
            <form class="site-search" role="search" action="/search" method="get">
              <label for="site-search-q" class="visually-hidden">
                جست‌وجو در خبرها
              </label>
              <input id="site-search-q" name="q" type="search" placeholder="جست‌وجو…" maxLength={200} />
              <button type="submit">جست‌وجو</button>
            </form>
            <span class="site-date">{props.today ?? formatJalaliDate(site.now, site.timeZone)}</span>
          </div>
          <nav class="site-nav" aria-label="سرویس‌ها">
            <ul class="wrap">
              <li>
                <a href="/">صفحهٔ نخست</a>
              </li>
              {site.sections.map((s) => (
                <li key={s.slug}>
                  <a
                    href={`/section/${encodeURIComponent(s.slug)}`}
                    aria-current={s.slug === currentSection ? 'page' : undefined}
                  >
                    {s.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap">
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{site.siteName} — پایگاه خبری. بازنشر مطالب با ذکر منبع آزاد است.</p>
            <ul class="site-footer__links">
              <li>
                <a href="/most-viewed">پربازدیدها</a>
              </li>
              <li>
                <a href="/archive">آرشیو</a>
              </li>
            </ul>
            <p>
              <a href="#top">بازگشت به بالا</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The whole site's feeds, announced on every page so a reader's feed app finds them from any link. */
function siteFeeds(siteName: string): AlternateFeed[] {
  return [
    { title: siteName, href: '/rss', type: 'application/rss+xml' },
    { title: siteName, href: '/atom.xml', type: 'application/atom+xml' },
    { title: siteName, href: '/feed.json', type: 'application/feed+json' },
  ];
}
