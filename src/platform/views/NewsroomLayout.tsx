import type { ComponentChildren } from 'preact';
import { formatJalaliDate } from '../persian/jalali.js';
import type { NewsroomContext } from './newsroom-context.js';

export type NewsroomArea =
  | 'dashboard'
  | 'articles'
  | 'new'
  | 'curation'
  | 'media'
  | 'sections'
  | 'tags'
  | 'comments'
  | 'users'
  | 'account';

interface NavItem {
  area: NewsroomArea;
  href: string;
  label: string;
  roles: NewsroomContext['user']['role'][];
}

const desk: NewsroomContext['user']['role'][] = ['admin', 'editor'];
const writers: NewsroomContext['user']['role'][] = ['admin', 'editor', 'writer'];

// Each person sees only the places their role can act in; the services refuse the rest anyway.
const nav: NavItem[] = [
  { area: 'dashboard', href: '/newsroom', label: 'پیشخوان', roles: writers },
  { area: 'articles', href: '/newsroom/articles', label: 'مطالب', roles: writers },
  { area: 'new', href: '/newsroom/articles/new', label: 'مطلب تازه', roles: writers },
  { area: 'curation', href: '/newsroom/curation', label: 'تیتر یک و پیشنهادها', roles: desk },
  { area: 'media', href: '/newsroom/media', label: 'رسانه‌ها', roles: writers },
  { area: 'sections', href: '/newsroom/sections', label: 'سرویس‌ها', roles: desk },
  { area: 'tags', href: '/newsroom/tags', label: 'برچسب‌ها', roles: desk },
  { area: 'comments', href: '/newsroom/comments', label: 'نظرها', roles: ['admin', 'editor', 'moderator'] },
  { area: 'users', href: '/newsroom/users', label: 'کاربران', roles: ['admin'] },
];

export const roleNames: Record<NewsroomContext['user']['role'], string> = {
  admin: 'مدیر',
  editor: 'دبیر',
  writer: 'خبرنگار',
  moderator: 'ناظر نظرها',
};

export interface NewsroomLayoutProps {
  ctx: NewsroomContext;
  title: string;
  area?: NewsroomArea;
  /** A confirmation to show once, e.g. after a save. */
  notice?: string | undefined;
  /** A problem with what was just submitted; the form below keeps the input. */
  error?: string | undefined;
  children: ComponentChildren;
}

/** The frame of every newsroom page: Persian, right to left, navigation by role, never indexed. */
export function NewsroomLayout({ ctx, title, area, notice, error, children }: NewsroomLayoutProps) {
  return (
    <html lang="fa" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} | اتاق خبر ${ctx.siteName}`}</title>
        <link rel="icon" href={ctx.icon} type="image/svg+xml" />
        <link rel="stylesheet" href={ctx.stylesheet} />
        <script type="module" src={ctx.script} />
      </head>
      <body class="newsroom">
        <a class="skip-link" href="#main">
          رفتن به محتوای اصلی
        </a>
        <header class="nr-header">
          <div class="nr-header__bar">
            <a class="nr-brand" href="/newsroom">
              اتاق خبر <span>{ctx.siteName}</span>
            </a>
            <span class="nr-date">{formatJalaliDate(ctx.now, ctx.timeZone)}</span>
            <div class="nr-user">
              <a href="/newsroom/account" aria-current={area === 'account' ? 'page' : undefined}>
                {ctx.user.name}
              </a>
              <span class="nr-role">{roleNames[ctx.user.role]}</span>
              <a href="/" class="nr-site-link">
                دیدن سایت
              </a>
              <form method="post" action="/newsroom/logout" class="nr-inline-form">
                <CsrfField ctx={ctx} />
                <button type="submit" class="nr-link-button">
                  خروج
                </button>
              </form>
            </div>
          </div>
          <nav class="nr-nav" aria-label="بخش‌های اتاق خبر">
            <ul>
              {nav
                .filter((item) => item.roles.includes(ctx.user.role))
                .map((item) => (
                  <li key={item.area}>
                    <a href={item.href} aria-current={item.area === area ? 'page' : undefined}>
                      {item.label}
                      {item.area === 'comments' && ctx.pendingComments ? (
                        <span class="nr-nav__count"> ({ctx.pendingComments.toLocaleString('fa-IR')})</span>
                      ) : null}
                    </a>
                  </li>
                ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="nr-main">
          <h1 class="nr-title">{title}</h1>
          {notice && (
            <p class="nr-notice" role="status">
              {notice}
            </p>
          )}
          {error && (
            <p class="nr-error" role="alert">
              {error}
            </p>
          )}
          {children}
        </main>
      </body>
    </html>
  );
}

/** The hidden field every newsroom form carries; the server refuses a POST without it. */
export function CsrfField({ ctx }: { ctx: Pick<NewsroomContext, 'csrfToken'> }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** A one-button form for an action that changes something (never a link: links must be safe to follow). */
export function ActionButton(props: {
  ctx: Pick<NewsroomContext, 'csrfToken'>;
  action: string;
  label: string;
  /**
   * The button's full name for screen readers where the visible label is short
   * («بالاتر» in a list); it contains the visible label, so speech control still finds the button.
   */
  ariaLabel?: string;
  /** Asked in the browser before the form goes; with JavaScript off the action simply runs. */
  confirm?: string;
  danger?: boolean;
  fields?: Record<string, string>;
}) {
  return (
    <form method="post" action={props.action} class="nr-inline-form" data-confirm={props.confirm}>
      <CsrfField ctx={props.ctx} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        class={props.danger ? 'nr-button nr-button--danger' : 'nr-button'}
        aria-label={props.ariaLabel}
      >
        {props.label}
      </button>
    </form>
  );
}
