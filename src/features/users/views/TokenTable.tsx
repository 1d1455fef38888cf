import { formatJalaliDateTime } from '../../../platform/persian/jalali.js';
import { ActionButton } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { ApiTokenInfo } from '../user-repository.js';

export interface TokenTableProps {
  ctx: NewsroomContext;
  tokens: ApiTokenInfo[];
  /** Where a token's revoke form posts. */
  revokeAction: (token: ApiTokenInfo) => string;
  caption: string;
}

/** A person's API tokens: label, dates and state, with a revoke button on each live one. Never the secret. */
export function TokenTable({ ctx, tokens, revokeAction, caption }: TokenTableProps) {
  if (tokens.length === 0) return <p class="nr-hint">هنوز توکنی ساخته نشده است.</p>;
  return (
    <div class="users-table-wrap">
      <table class="nr-table users-tokens">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">برچسب</th>
            <th scope="col">ساخته‌شده</th>
            <th scope="col">آخرین استفاده</th>
            <th scope="col">وضعیت</th>
            <th scope="col">کار</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} class={token.revokedAt ? 'users-row--off' : undefined}>
              <th scope="row">
                <bdi>{token.label}</bdi>
              </th>
              <td>{formatJalaliDateTime(new Date(token.createdAt), ctx.timeZone)}</td>
              <td>
                {token.lastUsedAt
                  ? formatJalaliDateTime(new Date(token.lastUsedAt), ctx.timeZone)
                  : 'هنوز به کار نرفته'}
              </td>
              <td>
                {token.revokedAt ? (
                  <span class="users-state users-state--off">
                    باطل‌شده در {formatJalaliDateTime(new Date(token.revokedAt), ctx.timeZone)}
                  </span>
                ) : (
                  <span class="users-state users-state--on">فعال</span>
                )}
              </td>
              <td>
                {!token.revokedAt && (
                  <ActionButton
                    ctx={ctx}
                    action={revokeAction(token)}
                    label="باطل کردن"
                    danger
                    confirm={`توکن «${token.label}» باطل شود؟ برنامه‌هایی که با آن کار می‌کنند از همین حالا دسترسی ندارند.`}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
