export interface LoginPageProps {
  siteName: string;
  stylesheet: string;
  icon: string;
  csrfToken: string;
  next: string;
  email?: string;
  error?: string | undefined;
  notice?: string | undefined;
}

/** The newsroom's door: one form, usable with the keyboard and a screen reader, no script needed. */
export function LoginPage(props: LoginPageProps) {
  // After a refused attempt the email is kept, so the cursor waits in the (emptied) password field.
  const retry = Boolean(props.error && props.email);
  return (
    <html lang="fa" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`ورود به اتاق خبر | ${props.siteName}`}</title>
        <link rel="icon" href={props.icon} type="image/svg+xml" />
        <link rel="stylesheet" href={props.stylesheet} />
      </head>
      <body class="newsroom newsroom--login">
        <main class="nr-login" id="main">
          <p class="nr-brand">
            اتاق خبر <span>{props.siteName}</span>
          </p>
          <h1>ورود</h1>
          {props.notice && (
            <p class="nr-notice" role="status">
              {props.notice}
            </p>
          )}
          {props.error && (
            <p class="nr-error" role="alert" id="login-error">
              {props.error}
            </p>
          )}
          <form method="post" action="/newsroom/login" class="nr-form">
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <input type="hidden" name="next" value={props.next} />
            <div class="nr-field">
              <label for="email">ایمیل</label>
              <input
                id="email"
                name="email"
                type="email"
                dir="ltr"
                autocomplete="username"
                required
                autofocus={!retry}
                value={props.email ?? ''}
                aria-describedby={props.error ? 'login-error' : undefined}
              />
            </div>
            <div class="nr-field">
              <label for="password">گذرواژه</label>
              <input
                id="password"
                name="password"
                type="password"
                dir="ltr"
                autocomplete="current-password"
                required
                autofocus={retry}
                aria-describedby={retry ? 'login-error' : undefined}
              />
            </div>
            <button type="submit" class="nr-button nr-button--primary">
              ورود
            </button>
          </form>
        </main>
      </body>
    </html>
  );
}
