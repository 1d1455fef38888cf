import { CsrfField, NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { Section, SectionInput } from '../section.js';

export interface SectionEditPageProps {
  ctx: NewsroomContext;
  section: Section;
  /** What was typed, kept when it is refused. */
  draft?: Pick<SectionInput, 'name' | 'description'> | undefined;
  error?: string | undefined;
}

/** Renames or re-describes one section; its slug is shown but never changes. */
export function SectionEditPage({ ctx, section, draft, error }: SectionEditPageProps) {
  const name = draft?.name ?? section.name;
  const description = draft?.description ?? section.description ?? '';
  return (
    <NewsroomLayout ctx={ctx} title={`ویرایش سرویس ${section.name}`} area="sections" error={error}>
      <section class="nr-panel">
        <form method="post" action={`/newsroom/sections/${section.id}`} class="nr-form nr-form--narrow">
          <CsrfField ctx={ctx} />
          <div class="nr-field">
            <label for="section-name">نام</label>
            <input id="section-name" name="name" type="text" value={name} maxLength={40} required />
          </div>
          <div class="nr-field">
            <span class="nr-label">نشانی</span>
            <p>
              <bdi dir="ltr">/section/{section.slug}</bdi>
            </p>
            <p class="nr-hint">
              نشانی سرویس ثابت است و با تغییر نام عوض نمی‌شود تا پیوندهای منتشرشده و نتایج جست‌وجو نشکنند.
            </p>
          </div>
          <div class="nr-field">
            <label for="section-description">توضیح</label>
            <textarea id="section-description" name="description" maxLength={300}>
              {description}
            </textarea>
          </div>
          <p class="nr-actions">
            <button type="submit" class="nr-button nr-button--primary">
              ذخیره
            </button>
            <a href="/newsroom/sections">بازگشت به سرویس‌ها</a>
          </p>
        </form>
      </section>
    </NewsroomLayout>
  );
}
