import { CsrfField, NewsroomLayout, roleNames } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';

export interface AccountPageProps {
  ctx: NewsroomContext;
  minPasswordLength: number;
  notice?: string | undefined;
  error?: string | undefined;
}

/** The signed-in person's own page: who they are, their password, their API tokens. */
export function AccountPage({ ctx, minPasswordLength, notice, error }: AccountPageProps) {
  return (
    <NewsroomLayout ctx={ctx} title="حساب من" area="account" notice={notice} error={error}>
      <section class="nr-panel" aria-labelledby="me">
        <h2 id="me">{ctx.user.name}</h2>
        <p>
          <bdi dir="ltr">{ctx.user.email}</bdi> — {roleNames[ctx.user.role]}
        </p>
        <p>
          <a href="/newsroom/account/tokens">توکن‌های API من</a>
        </p>
      </section>
      <section class="nr-panel" aria-labelledby="password-heading">
        <h2 id="password-heading">تغییر گذرواژه</h2>
        <p class="nr-hint">
          پس از تغییر، همهٔ نشست‌های دیگر شما (دستگاه‌های دیگر) بسته می‌شوند. گذرواژهٔ تازه دست‌کم{' '}
          {minPasswordLength.toLocaleString('fa-IR')} نویسه باشد.
        </p>
        <form method="post" action="/newsroom/account/password" class="nr-form nr-form--narrow">
          <CsrfField ctx={ctx} />
          <input type="text" name="username" value={ctx.user.email} autocomplete="username" hidden />
          <div class="nr-field">
            <label for="current">گذرواژهٔ کنونی</label>
            <input
              id="current"
              name="current"
              type="password"
              dir="ltr"
              autocomplete="current-password"
              required
            />
          </div>
          <div class="nr-field">
            <label for="next">گذرواژهٔ تازه</label>
            <input
              id="next"
              name="next"
              type="password"
              dir="ltr"
              autocomplete="new-password"
              minLength={minPasswordLength}
              required
            />
          </div>
          <div class="nr-field">
            <label for="repeat">تکرار گذرواژهٔ تازه</label>
            <input id="repeat" name="repeat" type="password" dir="ltr" autocomplete="new-password" required />
          </div>
          <p>
            <button type="submit" class="nr-button nr-button--primary">
              تغییر گذرواژه
            </button>
          </p>
        </form>
      </section>
    </NewsroomLayout>
  );
}
