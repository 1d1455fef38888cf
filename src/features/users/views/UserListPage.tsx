import { formatJalaliDate } from '../../../platform/persian/jalali.js';
import {
  ActionButton,
  CsrfField,
  NewsroomLayout,
  roleNames,
} from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { ListedUser } from '../user-repository.js';
import { NewPasswordField } from './NewPasswordField.js';
import { RoleSelect } from './RoleSelect.js';

/** What the admin typed into the create form; the password is never sent back. */
export interface NewUserForm {
  name: string;
  email: string;
  role: string;
}

export interface UserListPageProps {
  ctx: NewsroomContext;
  users: ListedUser[];
  minPasswordLength: number;
  form?: NewUserForm | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

/** The role, changeable in place for everyone but the admin looking at the page. */
function RoleCell({ ctx, user }: { ctx: NewsroomContext; user: ListedUser }) {
  if (user.id === ctx.user.id) return <>{roleNames[user.role]}</>;
  return (
    <form
      method="post"
      action={`/newsroom/users/${user.id}/role`}
      class="users-role-form"
      data-confirm={`نقش «${user.name}» تغییر کند؟`}
    >
      <CsrfField ctx={ctx} />
      <RoleSelect id={`role-${user.id}`} value={user.role} label={`نقش ${user.name}`} />
      <button type="submit" class="nr-button">
        تغییر نقش
      </button>
    </form>
  );
}

function StateAction({ ctx, user }: { ctx: NewsroomContext; user: ListedUser }) {
  if (user.id === ctx.user.id) return <span class="nr-hint">حساب خودتان</span>;
  if (user.disabled) {
    return <ActionButton ctx={ctx} action={`/newsroom/users/${user.id}/enable`} label="فعال کردن" />;
  }
  return (
    <ActionButton
      ctx={ctx}
      action={`/newsroom/users/${user.id}/disable`}
      label="غیرفعال کردن"
      danger
      confirm={`حساب «${user.name}» غیرفعال شود؟ همهٔ نشست‌هایش همین حالا بسته می‌شود و توکن‌های API او دیگر کار نمی‌کنند.`}
    />
  );
}

/** The admins' page: everyone in the newsroom with their role and state, and a form to add someone. */
export function UserListPage({ ctx, users, minPasswordLength, form, notice, error }: UserListPageProps) {
  return (
    <NewsroomLayout ctx={ctx} title="کاربران" area="users" notice={notice} error={error}>
      <section class="nr-panel" aria-labelledby="users-heading">
        <h2 id="users-heading">کاربران اتاق خبر</h2>
        <div class="users-table-wrap">
          <table class="nr-table users-table">
            <thead>
              <tr>
                <th scope="col">نام</th>
                <th scope="col">ایمیل</th>
                <th scope="col">نقش</th>
                <th scope="col">وضعیت</th>
                <th scope="col" class="users-col-created">
                  ساخته‌شده
                </th>
                <th scope="col">کار</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} class={user.disabled ? 'users-row--off' : undefined}>
                  <th scope="row">
                    <a href={`/newsroom/users/${user.id}`}>{user.name}</a>
                  </th>
                  <td>
                    <bdi dir="ltr">{user.email}</bdi>
                  </td>
                  <td>
                    <RoleCell ctx={ctx} user={user} />
                  </td>
                  <td>
                    {user.disabled ? (
                      <span class="users-state users-state--off">غیرفعال</span>
                    ) : (
                      <span class="users-state users-state--on">فعال</span>
                    )}
                  </td>
                  <td class="users-col-created">
                    {formatJalaliDate(new Date(user.createdAt), ctx.timeZone)}
                  </td>
                  <td>
                    <StateAction ctx={ctx} user={user} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="nr-panel" aria-labelledby="new-user">
        <h2 id="new-user">افزودن کاربر</h2>
        <form method="post" action="/newsroom/users" class="nr-form users-create">
          <CsrfField ctx={ctx} />
          <div class="nr-field">
            <label for="new-name">نام</label>
            <input id="new-name" name="name" type="text" required value={form?.name ?? ''} />
          </div>
          <div class="nr-field">
            <label for="new-email">ایمیل</label>
            <input
              id="new-email"
              name="email"
              type="email"
              dir="ltr"
              required
              autocomplete="off"
              value={form?.email ?? ''}
            />
          </div>
          <div class="nr-field">
            <label for="new-role">نقش</label>
            <RoleSelect id="new-role" value={form?.role ?? 'writer'} />
          </div>
          <NewPasswordField id="new-password" label="گذرواژهٔ نخست" minLength={minPasswordLength}>
            دست‌کم {minPasswordLength.toLocaleString('fa-IR')} نویسه. آن را از راهی امن به همکارتان برسانید تا
            پس از ورود، از صفحهٔ «حساب من» عوضش کند.
          </NewPasswordField>
          <p>
            <button type="submit" class="nr-button nr-button--primary">
              افزودن کاربر
            </button>
          </p>
        </form>
      </section>
    </NewsroomLayout>
  );
}
