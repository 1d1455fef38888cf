import { ActionButton, CsrfField, NewsroomLayout } from '../../../platform/views/NewsroomLayout.js';
import type { NewsroomContext } from '../../../platform/views/newsroom-context.js';
import type { Section, SectionInput } from '../section.js';

export interface SectionsPageProps {
  ctx: NewsroomContext;
  sections: (Section & { articleCount: number })[];
  /** What was typed into the new-section form, kept when it is refused. */
  draft?: SectionInput | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

/** The desk's list of sections in menu order: reorder, edit, delete and add. */
export function SectionsPage({ ctx, sections, draft, notice, error }: SectionsPageProps) {
  const count = (n: number) => n.toLocaleString('fa-IR');
  return (
    <NewsroomLayout ctx={ctx} title="سرویس‌ها" area="sections" notice={notice} error={error}>
      <section class="nr-panel" aria-labelledby="menu-heading">
        <h2 id="menu-heading">ترتیب منوی سایت</h2>
        <p class="nr-hint">هر تغییری در این صفحه همان لحظه در منوی سایت دیده می‌شود.</p>
        <table class="nr-table taxonomy-table">
          <thead>
            <tr>
              <th scope="col">ردیف</th>
              <th scope="col">نام</th>
              <th scope="col">نشانی</th>
              <th scope="col">مطالب</th>
              <th scope="col">کارها</th>
            </tr>
          </thead>
          <tbody>
            {sections.map((section, index) => {
              const base = `/newsroom/sections/${section.id}`;
              return (
                <tr key={section.id}>
                  <td>{count(index + 1)}</td>
                  <th scope="row">
                    <a href={base}>{section.name}</a>
                  </th>
                  <td>
                    <a href={`/section/${encodeURIComponent(section.slug)}`}>
                      <bdi dir="ltr">/section/{section.slug}</bdi>
                    </a>
                  </td>
                  <td>{count(section.articleCount)}</td>
                  <td>
                    {/* The flex row sits inside the cell: a cell that is itself flex stops being a table cell. */}
                    <div class="nr-actions">
                      {index > 0 && (
                        <ActionButton
                          ctx={ctx}
                          action={`${base}/move`}
                          fields={{ direction: 'up' }}
                          label="بالاتر"
                          ariaLabel={`بالاتر بردن ${section.name}`}
                        />
                      )}
                      {index < sections.length - 1 && (
                        <ActionButton
                          ctx={ctx}
                          action={`${base}/move`}
                          fields={{ direction: 'down' }}
                          label="پایین‌تر"
                          ariaLabel={`پایین‌تر بردن ${section.name}`}
                        />
                      )}
                      {section.articleCount === 0 ? (
                        <ActionButton
                          ctx={ctx}
                          action={`${base}/delete`}
                          label="حذف"
                          ariaLabel={`حذف ${section.name}`}
                          confirm={`سرویس «${section.name}» حذف شود؟`}
                          danger
                        />
                      ) : (
                        <span class="nr-hint">سرویسِ دارای مطلب حذف نمی‌شود.</span>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section class="nr-panel" aria-labelledby="new-heading">
        <h2 id="new-heading">سرویس تازه</h2>
        <form method="post" action="/newsroom/sections" class="nr-form nr-form--narrow">
          <CsrfField ctx={ctx} />
          <div class="nr-field">
            <label for="section-name">نام</label>
            <input
              id="section-name"
              name="name"
              type="text"
              value={draft?.name ?? ''}
              maxLength={40}
              required
            />
          </div>
          <div class="nr-field">
            <label for="section-slug">نشانی (اختیاری)</label>
            <input
              id="section-slug"
              name="slug"
              type="text"
              dir="auto"
              value={draft?.slug ?? ''}
              aria-describedby="section-slug-hint"
            />
            <p class="nr-hint" id="section-slug-hint">
              حروف لاتین یا فارسی، رقم و خط تیره، مثل <bdi dir="ltr">science</bdi> یا «استان‌ها». اگر خالی
              بماند از نام ساخته می‌شود. نشانی پس از ساختن تغییر نمی‌کند تا پیوندهای منتشرشده نشکنند.
            </p>
          </div>
          <div class="nr-field">
            <label for="section-description">توضیح</label>
            <textarea id="section-description" name="description" maxLength={300}>
              {draft?.description ?? ''}
            </textarea>
          </div>
          <p class="nr-actions">
            <button type="submit" class="nr-button nr-button--primary">
              افزودن سرویس
            </button>
          </p>
        </form>
      </section>
    </NewsroomLayout>
  );
}
