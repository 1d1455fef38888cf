import { formatJalaliDate } from '../../../platform/persian/jalali.js';
import { CsrfField, NewsroomLayout, roleNames } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { ApiTokenInfo, ListedUser } from '../user-repository.js';
import { NewPasswordField } from './NewPasswordField.js';
import { TokenTable } from './TokenTable.js';

export interface UserPageProps {
  ctx: NewsroomContext;
  user: ListedUser;
  tokens: ApiTokenInfo[];
  minPasswordLength: number;
  notice?: string | undefined;
  error?: string | undefined;
}

/** One person, as an admin sees them: their API tokens (revocable) and a new password if they lost theirs. */
export function UserPage({ ctx, user, tokens, minPasswordLength, notice, error }: UserPageProps) {
  const self = user.id === ctx.user.id;
  return (
    <NewsroomLayout ctx={ctx} title={user.name} area="users" notice={notice} error={error}>
      <p>
        <a href="/newsroom/users">بازگشت به فهرست کاربران</a>
      </p>
      <section class="nr-panel" aria-labelledby="who">
        <h2 id="who">مشخصات</h2>
        <dl class="users-facts">
          <dt>ایمیل</dt>
          <dd>
            <bdi dir="ltr">{user.email}</bdi>
          </dd>
          <dt>نقش</dt>
          <dd>{roleNames[user.role]}</dd>
          <dt>وضعیت</dt>
          <dd>{user.disabled ? 'غیرفعال' : 'فعال'}</dd>
          <dt>ساخته‌شده</dt>
          <dd>{formatJalaliDate(new Date(user.createdAt), ctx.timeZone)}</dd>
        </dl>
        <p class="nr-hint">نقش و وضعیت را در فهرست کاربران عوض کنید.</p>
      </section>
      <section class="nr-panel" aria-labelledby="tokens">
        <h2 id="tokens">توکن‌های API</h2>
        <TokenTable
          ctx={ctx}
          tokens={tokens}
          caption={`توکن‌های API ${user.name}`}
          revokeAction={(token) => `/newsroom/users/${user.id}/tokens/${token.id}/revoke`}
        />
      </section>
      {!self && (
        <section class="nr-panel" aria-labelledby="reset">
          <h2 id="reset">گذرواژهٔ تازه</h2>
          <p class="nr-hint">
            اگر {user.name} گذرواژه‌اش را فراموش کرده، گذرواژهٔ تازه‌ای بگذارید و از راهی امن به او برسانید. همهٔ
            نشست‌های کنونی او بسته می‌شود.
          </p>
          <form
            method="post"
            action={`/newsroom/users/${user.id}/password`}
            class="nr-form nr-form--narrow"
            data-confirm={`گذرواژهٔ «${user.name}» عوض شود و همهٔ نشست‌هایش بسته شود؟`}
          >
            <CsrfField ctx={ctx} />
            <input type="text" name="username" value={user.email} autocomplete="off" hidden />
            <NewPasswordField id="reset-password" label="گذرواژهٔ تازه" minLength={minPasswordLength} />
            <p>
              <button type="submit" class="nr-button nr-button--danger">
                گذاشتن گذرواژهٔ تازه
              </button>
            </p>
          </form>
        </section>
      )}
    </NewsroomLayout>
  );
}
