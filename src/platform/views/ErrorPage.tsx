import { toPersianDigits } from '../persian/digits.js';

export interface ErrorPageProps {
  status: number;
  message: string;
  requestId: string;
  stylesheet: string;
}

/**
 * A self-contained error page. It needs nothing from the database, so it still
 * renders when the database is what failed.
 */
export function ErrorPage({ status, message, requestId, stylesheet }: ErrorPageProps) {
  const title = status === 404 ? 'صفحه پیدا نشد' : status >= 500 ? 'خطای سرور' : 'درخواست نادرست';
  return (
    <html lang="fa" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <link rel="stylesheet" href={stylesheet} />
      </head>
      <body>
        <main class="wrap error-page">
          <p class="error-page__code">{toPersianDigits(status)}</p>
          <h1>{title}</h1>
          <p>{message}</p>
          <p>
            <a href="/">بازگشت به صفحهٔ نخست</a>
          </p>
          <p class="error-page__id">
            شناسهٔ درخواست: <bdi dir="ltr">{requestId}</bdi>
          </p>
        </main>
      </body>
    </html>
  );
}
