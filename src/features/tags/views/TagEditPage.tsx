import { ActionButton, CsrfField, NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { TagUsage } from '../tag.js';

export interface TagEditPageProps {
  ctx: NewsroomContext;
  tag: TagUsage & { aliases: string[] };
  /** What was typed into the rename or merge form, kept when it is refused. */
  draft?: { name?: string; into?: string } | undefined;
  error?: string | undefined;
}

/** One tag: rename it, merge it into another, or delete it when unused. */
export function TagEditPage({ ctx, tag, draft, error }: TagEditPageProps) {
  const base = `/newsroom/tags/${tag.id}`;
  return (
    <NewsroomLayout ctx={ctx} title={`برچسب ${tag.name}`} area="tags" error={error}>
      <section class="nr-panel" aria-labelledby="about-heading">
        <h2 id="about-heading">درباره</h2>
        <p>
          <a href={`/tag/${encodeURIComponent(tag.slug)}`}>
            <bdi dir="ltr">/tag/{tag.slug}</bdi>
          </a>{' '}
          — روی {tag.count.toLocaleString('fa-IR')} مطلب
        </p>
        {tag.aliases.length > 0 && (
          <>
            <p class="nr-hint">این نشانی‌های قدیمی به همین برچسب می‌رسند:</p>
            <ul class="taxonomy-aliases">
              {tag.aliases.map((alias) => (
                <li key={alias}>
                  <bdi dir="ltr">/tag/{alias}</bdi>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section class="nr-panel" aria-labelledby="rename-heading">
        <h2 id="rename-heading">تغییر نام</h2>
        <form method="post" action={base} class="nr-form nr-form--narrow">
          <CsrfField ctx={ctx} />
          <div class="nr-field">
            <label for="tag-name">نام تازه</label>
            <input
              id="tag-name"
              name="name"
              type="text"
              value={draft?.name ?? tag.name}
              maxLength={60}
              required
            />
            <p class="nr-hint">نشانی برچسب از نام تازه ساخته می‌شود و نشانی قدیمی به آن می‌رسد.</p>
          </div>
          <p>
            <button type="submit" class="nr-button nr-button--primary">
              ذخیرهٔ نام
            </button>
          </p>
        </form>
      </section>

      <section class="nr-panel" aria-labelledby="merge-heading">
        <h2 id="merge-heading">ادغام در برچسب دیگر</h2>
        <form
          method="post"
          action={`${base}/merge`}
          class="nr-form nr-form--narrow"
          data-confirm="ادغام برگشت‌پذیر نیست. ادامه می‌دهید؟"
        >
          <CsrfField ctx={ctx} />
          <div class="nr-field">
            <label for="tag-into">نام برچسبی که می‌ماند</label>
            <input
              id="tag-into"
              name="into"
              type="text"
              value={draft?.into ?? ''}
              required
              autocomplete="off"
            />
            <p class="nr-hint">
              همهٔ مطالب «{tag.name}» برچسب تازه را می‌گیرند، «{tag.name}» حذف می‌شود و نشانی‌اش به برچسب تازه
              می‌رسد.
            </p>
          </div>
          <p>
            <button type="submit" class="nr-button">
              ادغام
            </button>
          </p>
        </form>
      </section>

      <section class="nr-panel" aria-labelledby="delete-heading">
        <h2 id="delete-heading">حذف</h2>
        {tag.count === 0 ? (
          <ActionButton
            ctx={ctx}
            action={`${base}/delete`}
            label={`حذف برچسب ${tag.name}`}
            confirm={`برچسب «${tag.name}» حذف شود؟`}
            danger
          />
        ) : (
          <p class="nr-hint">برچسبی که روی مطلبی است حذف نمی‌شود؛ آن را در برچسب دیگری ادغام کنید.</p>
        )}
      </section>
      <p>
        <a href="/newsroom/tags">بازگشت به برچسب‌ها</a>
      </p>
    </NewsroomLayout>
  );
}
