import { CsrfField, NewsroomLayout, roleNames } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { ApiTokenInfo } from '../user-repository.js';
import { TokenTable } from './TokenTable.js';

export interface TokensPageProps {
  ctx: NewsroomContext;
  tokens: ApiTokenInfo[];
  maxLabelLength: number;
  /** A token just made: its secret is on this one response and nowhere else. */
  created?: { token: string; label: string } | undefined;
  /** The label typed, kept when the form comes back with an error. */
  label?: string | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

/** The signed-in person's API tokens: make one, see when each was used, revoke. */
export function TokensPage({ ctx, tokens, maxLabelLength, created, label, notice, error }: TokensPageProps) {
  return (
    <NewsroomLayout ctx={ctx} title="توکن‌های API من" area="account" notice={notice} error={error}>
      <p>
        <a href="/newsroom/account">بازگشت به حساب من</a>
      </p>
      {created && (
        <section class="nr-panel users-secret" aria-labelledby="new-token" role="status">
          <h2 id="new-token">
            توکن «<bdi>{created.label}</bdi>» ساخته شد
          </h2>
          <p>
            این توکن فقط همین یک بار نشان داده می‌شود. همین حالا آن را کپی کنید و جای امنی نگه دارید؛ اگر گم
            شد، باطلش کنید و توکن تازه‌ای بسازید.
          </p>
          <div class="nr-field">
            <label for="token-secret">توکن</label>
            <input
              id="token-secret"
              type="text"
              readonly
              dir="ltr"
              class="users-secret__value"
              value={created.token}
              autocomplete="off"
              spellcheck={false}
            />
          </div>
          <p class="nr-hint">
            در درخواست‌های API سرآیند <code dir="ltr">Authorization: Bearer {'<token>'}</code> را بفرستید.
          </p>
        </section>
      )}
      <section class="nr-panel" aria-labelledby="create-token">
        <h2 id="create-token">ساختن توکن تازه</h2>
        <p class="nr-hint">
          هر توکن با نقش شما ({roleNames[ctx.user.role]}) کار می‌کند و همان کارهایی را می‌تواند بکند که شما
          می‌توانید.
        </p>
        <form method="post" action="/newsroom/account/tokens" class="nr-form nr-form--narrow">
          <CsrfField ctx={ctx} />
          <div class="nr-field">
            <label for="token-label">برچسب</label>
            <input
              id="token-label"
              name="label"
              type="text"
              required
              maxLength={maxLabelLength}
              value={label ?? ''}
              aria-describedby="token-label-hint"
            />
            <span id="token-label-hint" class="nr-hint">
              مثلاً «اپ اندروید» یا «اسکریپت انتشار»، تا بعدها بدانید هر توکن کجا به کار رفته است.
            </span>
          </div>
          <p>
            <button type="submit" class="nr-button nr-button--primary">
              ساختن توکن
            </button>
          </p>
        </form>
      </section>
      <section class="nr-panel" aria-labelledby="my-tokens">
        <h2 id="my-tokens">توکن‌های شما</h2>
        <TokenTable
          ctx={ctx}
          tokens={tokens}
          caption="توکن‌های API شما"
          revokeAction={(token) => `/newsroom/account/tokens/${token.id}/revoke`}
        />
      </section>
    </NewsroomLayout>
  );
}
